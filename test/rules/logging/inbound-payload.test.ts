import { jb, runRuleTable } from '../rule-tester';
import { js } from '../hosts';

// detection-policy §2: a whole inbound payload or header set (`$jitterbit.api.request.body`, `GetInputString(...)` of
// the request, `$jitterbit.api.request.enum.headers`) reaching a log sink; the finding is on the sink call's line.
runRuleTable('logging/inbound-payload', {
  valid: [
    // Fields extracted from the payload, counts and ids.
    { code: jb('body = $jitterbit.api.request.body;', 'order = JSONParser(body, "$.orderId");', 'WriteToOperationLog("order " + order);') },
    { code: jb('WriteToOperationLog("body length " + Length($jitterbit.api.request.body));') },
    { code: jb('WriteToOperationLog("request " + $jitterbit.api.request.headers.x_request_id);') },
    { code: jb('WriteToOperationLog("operation " + $jitterbit.operation.name);') },
    // Not a sink.
    { code: js('var body = Jitterbit.GetVar("$jitterbit.api.request.body");', 'SetScriptResult(body);'), file: 'echo.js' },
    { code: jb('$jitterbit.api.response = $jitterbit.api.request.body;') },
    // A payload that also carries a credential is reported once, by logging/sensitive-data.
    { code: jb('WriteToOperationLog($jitterbit.api.request.body + " key " + $api_key);') },
    // A hash of the payload is clean.
    { code: jb('WriteToOperationLog("body sha " + SHA256($jitterbit.api.request.body));') },
    // A header named by constant parts is that header (here a harmless one).
    { code: jb('WriteToOperationLog("ct " + Get("jitterbit.api.request.headers." + "content_type"));') },
    // A short prefix (a type tag, the first characters) is no longer the payload.
    { code: jb('WriteToOperationLog("starts with " + Left($jitterbit.api.request.body, 20));') },
    { code: js('var b = Jitterbit.GetVar("$jitterbit.api.request.body");', 'WriteToOperationLog("head " + b.substring(0, 16));'), file: 'head.js' },
  ],
  invalid: [
    // Parsed and printed again, likewise.
    { code: js('var o = JSON.parse(Jitterbit.GetVar("$jitterbit.api.request.body"));', 'WriteToOperationLog("Payload " + JSON.stringify(o));'), file: 'parse.js', lines: [3] },
    // Split into lines and joined again, it is still the whole payload.
    { code: js('WriteToOperationLog(Jitterbit.GetVar("$jitterbit.api.request.body").split("\\n").join(" | "));'), file: 'split.js', lines: [2] },
    { code: jb('WriteToOperationLog($jitterbit.api.request.body);'), lines: [2], severity: 'warning', message: /inbound API request body/, fix: { output: jb('') } },
    { code: jb('WriteToOperationLog(GetInputString(root$transaction.request$body$));'), lines: [2], message: /GetInputString/ },
    { code: jb('WriteToOperationLog($jitterbit.api.request.enum.headers);'), lines: [2], message: /all inbound request headers/ },
    { code: jb('RaiseError("bad request: " + $jitterbit.api.request.body);'), lines: [2], message: /error log/ },
    { code: jb('raw = $jitterbit.api.request.body;', 'SetLastError("rejected " + Trim(raw));'), lines: [3] },
    { code: jb('$last_request = $jitterbit.api.request.body;', '$x = 1;', 'WriteToOperationLog($last_request);'), lines: [4] },
    { code: jb('WriteToOperationLog("in: " + $saved_body);'), file: 'reader.jb', others: { 'writer.jb': jb('$saved_body = $jitterbit.api.request.body;') }, lines: [2], message: /set from the inbound API request body in writer\.jb/ },
    { code: jb('WriteToOperationLog(', '  $jitterbit.api.request.body', ');'), lines: [2] },
    { code: js('var body = Jitterbit.GetVar("$jitterbit.api.request.body");', 'WriteToOperationLog("in " + body);'), file: 'log.js', lines: [3] },
    // Headers read by a name chosen at run time (a loop over the header list) may be any header, Authorization too.
    { code: js('var names = Jitterbit.GetVar("$jitterbit.api.request.enum.headers");', 'for (var i = 0; i < names.length; i++) {', '  WriteToOperationLog(names[i] + " = " + Jitterbit.GetVar("$jitterbit.api.request.headers." + names[i]));', '}'), file: 'dump.js', lines: [4], message: /computed name/ },
    { code: jb('h = "authorization";', 'WriteToOperationLog(Get("jitterbit.api.request.headers." + ToLower(h)));'), lines: [3] },
    // Cut to a long prefix to bound the log line, it still carries the payload.
    { code: jb('body = $jitterbit.api.request.body;', 'If(Length(body) > 65536, RaiseError("too large: " + Left(body, 2000)));'), lines: [3] },
    { code: jb('WriteToOperationLog(Mid($jitterbit.api.request.body, 0, 500));'), lines: [2] },
    { code: js('var b = Jitterbit.GetVar("$jitterbit.api.request.body");', 'WriteToOperationLog("in " + b.slice(0, 1000));'), file: 'slice.js', lines: [3] },
  ],
});
