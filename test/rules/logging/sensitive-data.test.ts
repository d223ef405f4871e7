import { jb, runRuleTable } from '../rule-tester';
import { cloudExport, designStudioProjectVariable, designStudioScript, js } from '../hosts';
import { password, stripeLiveKey } from '../fakes';

// detection-policy §2: sinks WriteToOperationLog, RaiseError, SetLastError (Jitterbit Script and JavaScript) and the
// message arguments of SendEmail/SendSystemEmail carrying a credential; sources reaching them directly, through
// locals, globals, Set/Get, concatenation, arrays/dicts, pass-through functions and other scripts. The finding is on
// the line of the sink call's name. Masked values, counts, ids and operation names are clean.
const stripe = stripeLiveKey(601);
const pw = password(602);
const hiddenPvExport = cloudExport({ projectVariables: [{ name: 'erp_signing', value: '', hidden: true }] });
const visiblePvExport = cloudExport({ projectVariables: [{ name: 'erp_region', value: 'eu-west-1' }] });
const exported = cloudExport({ scripts: [{ name: 'Login', body: jb('WriteToOperationLog("login with " + $erp_password);') }] });
const sameExport = cloudExport({
  scripts: [
    { name: 'Caller', body: jb('RunScript("<TAG>script:Log Helper</TAG>", "f", $ly.bearer_token);', '$shared.val = "pw " + $db_password;') },
    { name: 'Log Helper', body: jb('WriteToOperationLog("detail " + _2);') },
    { name: 'Audit', body: jb('WriteToOperationLog("shared " + $shared.val);') },
  ],
});
const hiddenGlobalExport = JSON.stringify({
  name: 'Partner Sync', id: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f', projectVariables: [],
  components: [{
    type: 400, name: 'Notify', id: '7c1d2e3f-4a5b-4c6d-8e9f-000000000001', scriptType: 1,
    globalVariables: [{ name: 'partner_key', value: '', isHidden: true }],
    scriptBody: '<trans>\nWriteToOperationLog("calling partner with " + $partner_key);\n</trans>',
  }],
}, null, 2);
const hiddenGlobalLogLines = hiddenGlobalExport.split('\n').flatMap((l, i) => (l.includes('WriteToOperationLog') ? [i + 1] : []));
/** The key of the script designStudioScript() writes (its Header ID, which names its file in Data/Script/). */
const DS_SCRIPT_ID = '4e8a1c3f-6b2d-4f90-a7e5-000000000001';

runRuleTable('logging/sensitive-data', {
  valid: [
    // A name the wider prefilter lets through is still asked whether it names a credential (`hash_count` does not).
    { code: jb('WriteToOperationLog("rows " + $erp.hash_count + " " + $erp.phase);') },
    // Counts, ids, operation names, timings, plain error text.
    { code: jb('WriteToOperationLog("rows " + $row_count + " in " + $jitterbit.operation.name);') },
    { code: jb('WriteToOperationLog("order " + $order_id + " customer " + $customer_id);') },
    { code: jb('WriteToOperationLog("took " + (Now() - $start_time) + " s");') },
    { code: jb('RaiseError("Login failed for the carrier API");') },
    { code: jb('SetLastError("token endpoint returned " + $http_status);') },
    // Masking steps on the way.
    { code: jb('WriteToOperationLog("card " + Left($card_number, 4) + "****");') },
    { code: jb('WriteToOperationLog("card " + Left($card_number, 6) + "******" + Right($card_number, 4));') },
    { code: jb('WriteToOperationLog("ssn ***-**-" + Right($ssn, 4));') },
    { code: jb('WriteToOperationLog(Replace($api_key, $api_key, "****"));') },
    { code: jb('WriteToOperationLog(RegExReplace($card_number, "[0-9]", "*"));') },
    { code: jb('WriteToOperationLog("ssn " + RegExReplace($ssn, "\\\\d", "#"));') },
    { code: jb('WriteToOperationLog("iban " + RegExReplace($iban, ".(?=.{4})", "*"));') },
    // The year alone of a date of birth (JavaScript).
    { code: js('var d = new Date(Jitterbit.GetVar("$date_of_birth"));', 'WriteToOperationLog("year " + d.getFullYear());'), file: 'year.js' },
    { code: jb('WriteToOperationLog("key hash " + SHA256($api_key));') },
    { code: jb('WriteToOperationLog(MD5($db_password));') },
    { code: jb('WriteToOperationLog("password length " + Length($db_password));') },
    { code: jb('WriteToOperationLog("born " + FormatDate($date_of_birth, "yyyy"));') },
    { code: jb('masked = Left($iban, 4) + "****";', 'WriteToOperationLog("iban " + masked);') },
    { code: js('var c = Jitterbit.GetVar("$card_number");', 'WriteToOperationLog("card ****" + c.slice(-4));'), file: 'mask.js' },
    { code: js('var k = Jitterbit.GetVar("$gateway_api_key");', 'WriteToOperationLog("key ****" + k.substring(k.length - 4));'), file: 'mask2.js' },
    { code: js('var p = Jitterbit.GetVar("$card_number");', 'WriteToOperationLog(p.substring(0, 6) + "******" + p.substr(-4));'), file: 'mask3.js' },
    // Fields of a token response that are not the token.
    { code: jb('t = GetJSONString($oauth.response, "/token_type");', 'WriteToOperationLog("type " + t + " for " + GetJSONString($oauth.response, "/expires_in"));') },
    // SetScriptResult and the API response return data; they are not log sinks.
    { code: js('var t = Jitterbit.GetVar("$access_token");', 'SetScriptResult(t);'), file: 'result.js' },
    // One character at a fixed place is no more than a prefix; a caught error that carries no credential is clean.
    { code: js('var pw = Jitterbit.GetVar("$erp.password");', 'WriteToOperationLog("pw " + pw.charAt(0) + "***");'), file: 'charat.js' },
    { code: js('var t = Jitterbit.GetVar("$erp.access_token");', 'try { if (!t) throw new Error("no token"); } catch (e) { WriteToOperationLog("login: " + e.message); }'), file: 'catch-clean.js' },
    // A deep copy whose credential field is overwritten before the copy is logged (the copy keeps the fields apart).
    { code: js('var cfg = { host: "sftp01", password: Jitterbit.GetVar("$pv_sftp_password") };', 'var copy = JSON.parse(JSON.stringify(cfg));', 'copy.password = "********";', 'WriteToOperationLog(JSON.stringify(copy));'), file: 'deep-copy.js' },
    { code: js('var cfg = { host: "sftp01", password: Jitterbit.GetVar("$pv_sftp_password") };', 'var c = Object.assign({}, cfg);', 'c.password = "***";', 'WriteToOperationLog(JSON.stringify(c) + " " + c.host);'), file: 'assign-copy.js' },
    { code: jb('$jitterbit.api.response = $access_token;') },
    // The e-mail body is a sink for credentials only.
    { code: jb('SendEmail("ops@northwind-ops.com", "ops@northwind-ops.com", "New hire", "SSN " + $ssn);') },
    // References to the credential in non-message arguments are not logged.
    { code: jb('SendEmail("ops@northwind-ops.com", "ops@northwind-ops.com", "Run", "Done", "smtp.northwind-ops.com", "svc-mailer", $smtp_password);') },
    // Writing a sensitive value elsewhere is not logging it.
    { code: jb('$erp.auth = "Bearer " + $access_token;', 'WriteToOperationLog("calling ERP");') },
    // A plain project variable is not sensitive.
    { code: jb('WriteToOperationLog("region " + $erp_region);'), others: { 'project.json': visiblePvExport.text } },
    { code: jb('WriteToOperationLog("region " + $dock_region);'), others: { 'Data/ProjectVariable/region.xml': designStudioProjectVariable('dock_region', 'us-east-2') } },
    // Counts named like tokens; key names of a container; a field the script set to an auth mode.
    { code: jb('$usage.prompt_tokens = Int(GetJSONString($llm.response, "$.usage.prompt_tokens"));', 'WriteToOperationLog("prompt tokens " + $usage.prompt_tokens + " of " + $usage.max_tokens);') },
    { code: jb('cfg = Dict();', 'cfg["client_secret"] = $crm_client_secret;', 'WriteToOperationLog("entries: " + GetKeys(cfg));') },
    { code: js('var h = {};', 'h["Authorization"] = "Bearer " + Jitterbit.GetVar("$tok");', 'WriteToOperationLog(Object.keys(h).join(","));'), file: 'keys.js' },
    { code: jb('cfg = Dict();', 'cfg["auth"] = "oauth2";', 'WriteToOperationLog("auth scheme " + cfg["auth"]);') },
    // A lookup's result is the external system's data, not its connection string or query.
    { code: jb('q = DBLookup("<TAG>endpoint:database/ERP</TAG>", "SELECT COUNT(*) FROM T WHERE api_key=\'" + $portal.api_key + "\'");', 'WriteToOperationLog("matches " + q);') },
    // A clean first-level field of an object whose nested field got a credential.
    { code: js('var w = {baseUrl: "https://wms.northwind-ops.com/api", auth: {username: "jb"}};', 'w.auth.passphrase = Jitterbit.GetVar("$wms_passphrase");', 'WriteToOperationLog("B " + w.baseUrl);'), file: 'nested.js' },
    // The same across scripts: a clean field of a global dictionary another script filled.
    { code: jb('WriteToOperationLog("host " + $c.d["Host"] + " port " + $c.d["port"]);'), file: 'b.jb', others: { 'a.jb': jb('$c.d = Dict();', '$c.d["Host"] = "erp.northwind-ops.com";', '$c.d["pw"] = Get("erp_password");') } },
    // The same when the script fills a local dictionary and then stores it in the global: the copy keeps its fields apart.
    { code: jb('WriteToOperationLog("tenant " + $wd.cfg["tenant"]);'), file: 'b.jb', others: { 'a.jb': jb('cfg = Dict();', 'cfg["tenant"] = "northwind3";', `cfg["password"] = "${pw}";`, '$wd.cfg = cfg;') } },
    // A clean field of a container that also holds a credential.
    { code: jb('profile = Dict();', 'profile["password"] = $bi_db_password;', 'profile["host"] = "bi01.northwind.local";', 'WriteToOperationLog("BI host " + profile["host"]);') },
    { code: js('var cfg = { container: "invoices", clientSecret: Jitterbit.GetVar("$az_client_secret") };', 'WriteToOperationLog("container " + cfg.container);'), file: 'fields.js' },
    // Only a leading ordering number is dropped: `10 Log` is not 10log.jb's other name, nor a version suffix.
    { code: jb('ArgumentList(m);', 'WriteToOperationLog("x " + m);'), file: '2024log.jb', others: { 'c.jb': jb('RunScript("<TAG>script:log</TAG>", $db_password);') } },
    // A script of another name is not called (`HR Logger` is not hr-log.jb).
    { code: jb('ArgumentList(topic, msg);', 'WriteToOperationLog("[HR/" + topic + "] " + msg);'), file: 'hr-log.jb', others: { 'leaver.jb': jb('RunScript("<TAG>script:HR Logger</TAG>", "tax", "tax id " + $hr.leaver.tax_id);') } },
    // A credential-named container's field written with a clean value is that value (`creds["user"]`), not a credential.
    { code: jb('creds = Dict();', 'creds["user"] = "OAKRIDGE01";', 'creds["password"] = $van_password;', 'WriteToOperationLog("user " + creds["user"]);') },
    { code: jb('credentials = Dict();', 'credentials["host"] = "van.example.net";', 'WriteToOperationLog("host " + credentials["host"]);') },
    { code: js('var credentials = { user: "svc_reader", password: Jitterbit.GetVar("$db_password") };', 'WriteToOperationLog("user " + credentials.user);'), file: 'creds-user.js' },
    // A masked value stored into a token-named container is masked.
    { code: jb('$sys_token[sys] = Right(tok, 4);', 'WriteToOperationLog("hint " + $sys_token["YARD"]);') },
    // A whole payload is logging/inbound-payload's finding, not this rule's.
    { code: jb('WriteToOperationLog($jitterbit.api.request.body);') },
    // A container whose only sensitive field was masked, cleared or removed is clean as a whole.
    { code: jb('d = Dict();', 'd["password"] = $db_password;', 'd["password"] = "****";', 'WriteToOperationLog(d);') },
    { code: jb('cfg = Dict();', 'cfg["token"] = $api_token;', 'cfg["host"] = "erp01";', 'cfg["token"] = Left(cfg["token"], 4) + "****";', 'WriteToOperationLog(cfg);') },
    { code: jb('d = Dict();', 'd["host"] = "sftp01";', 'd["password"] = $sftp_password;', 'RemoveKey(d, "password");', 'WriteToOperationLog(d);', 'WriteToOperationLog(d["password"]);') },
    { code: js('var o = { host: "sftp01", password: Jitterbit.GetVar("$sftp_password") };', 'delete o.password;', 'WriteToOperationLog(JSON.stringify(o));'), file: 'delete.js' },
    { code: js('var cfg = { user: "svc", token: Jitterbit.GetVar("$crm_token") };', 'cfg.token = "****" + cfg.token.slice(-4);', 'WriteToOperationLog(JSON.stringify(cfg));'), file: 'masked-field.js' },
    { code: jb('d = Dict();', 'd["password"] = $db_password;', 'd = Dict();', 'd["host"] = "erp01";', 'WriteToOperationLog(d);', 'WriteToOperationLog(d["password"]);') },
    { code: jb('WriteToOperationLog($c.m);'), file: 'b.jb', others: { 'a.jb': jb('$c.m = Dict();', '$c.m["Host"] = "erp.northwind-ops.com";', '$c.m["pw"] = Get("erp_password");', '$c.m["pw"] = "****";') } },
    // A function called in place, or as an array's callback, with clean values; a callback that masks.
    { code: js('var n = 5;', '(function (p) { WriteToOperationLog("rows " + p); })(n);'), file: 'iife-clean.js' },
    { code: js('var ids = ["a1", "b2"];', 'ids.forEach(function (id) { WriteToOperationLog("id " + id); });'), file: 'each-clean.js' },
    { code: js('var cards = [Jitterbit.GetVar("$card_number")];', 'var masked = cards.map(function (c) { return "****" + c.slice(-4); });', 'WriteToOperationLog(masked.join(","));'), file: 'map-mask.js' },
    { code: js('var toks = [Jitterbit.GetVar("$api_token")];', 'WriteToOperationLog("non-empty " + toks.filter(function (t) { return t.length > 0; }).length);'), file: 'filter-count.js' },
    { code: js('var toks = [Jitterbit.GetVar("$api_token")];', 'toks.forEach(function (t) { WriteToOperationLog("length " + t.length); });'), file: 'each-length.js' },
    { code: js('var pw = Jitterbit.GetVar("$db_password");', 'WriteToOperationLog(`length ${pw.length}`);'), file: 'template-clean.js' },
    // A computed key's value, masked.
    { code: js('var k = Jitterbit.GetVar("$field_name");', 'var o = {};', 'o[k] = "****";', 'WriteToOperationLog(JSON.stringify(o));'), file: 'computed-clean.js' },
    // RunScript of a script that returns a count, or logs and returns nothing sensitive.
    { code: jb('n = RunScript("<TAG>script:Count Rows</TAG>");', 'WriteToOperationLog("rows " + n);'), others: { 'Count Rows.jb': jb('$row_count = Length($api_token);', '$row_count;') } },
    { code: jb('r = RunScript("<TAG>script:Use Key</TAG>");', 'WriteToOperationLog("done " + r);'), others: { 'Use Key.jb': jb('k = $erp_api_key;', 'WriteToOperationLog("calling ERP");') } },
    // A sensitive-named global another script stores masked (last 4, first 6 + last 4, a hash) holds that masked value.
    { code: jb('WriteToOperationLog("ssn " + $rf.masked_ssn);'), file: 'b.jb', others: { 'a.jb': jb('$rf.masked_ssn = "***-**-" + Right(root$tx.body$Payer$SSN$, 4);') } },
    { code: jb('WriteToOperationLog("card " + $rf.card_number);'), file: 'b.jb', others: { 'a.jb': jb('pan = root$tx.body$Payment$CardNumber$;', '$rf.card_number = Left(pan, 6) + "******" + Right(pan, 4);') } },
    { code: jb('WriteToOperationLog("t " + $rf.api_token);'), file: 'b.jb', others: { 'a.jb': jb('$rf.api_token = $partner.token_response;', '$rf.api_token = SHA256($rf.api_token);') } },
    // A comparison or a count stored under a credential name is a boolean or a number, in its script and in others.
    { code: jb('has_token = Length($svc.api_token) > 0;', 'WriteToOperationLog("has token " + has_token);') },
    { code: js('var h = Jitterbit.GetVar("$jitterbit.api.request.headers.Authorization");', 'var hasAuth = h.length > 0;', 'WriteToOperationLog("has auth " + hasAuth);'), file: 'has-auth.js' },
    { code: jb('WriteToOperationLog("has token " + $svc.has_token);'), file: 'b.jb', others: { 'a.jb': jb('$svc.has_token = Length($svc.api_token) > 0;') } },
    // Request headers named `…-key` that are no access key: de-duplication, WebSocket handshake, partition keys.
    { code: jb('WriteToOperationLog("retry of " + $jitterbit.api.request.headers.idempotency_key);') },
    { code: jb('WriteToOperationLog("ws " + Get("jitterbit.networking.http.request.header.Sec-WebSocket-Key"));') },
    { code: jb('WriteToOperationLog("pk " + $jitterbit.api.request.headers.x_partition_key);') },
    // Tenant and locale keys (one neutral-word list with the header names of literals).
    { code: jb('WriteToOperationLog("tenant " + $jitterbit.api.request.headers.x_tenant_key + " " + Get("jitterbit.networking.http.request.header.X-Locale-Key"));') },
    // RunScript of a script the project has: its result is what it returns (here masked), not its arguments; a script
    // it does not have given nothing sensitive (an operation name, a hash) returns nothing sensitive.
    { code: jb('r = RunScript("<TAG>script:Mask It</TAG>", $db_password);', 'WriteToOperationLog("masked " + r);'), file: 'caller.jb', others: { 'mask-it.jb': jb('ArgumentList(p);', '"****" + Right(p, 4)') } },
    { code: jb('n = RunScript("<TAG>script:Count Rows</TAG>", $jitterbit.operation.name);', 'WriteToOperationLog("rows " + n);', 'h = RunScript("<TAG>script:Hash It</TAG>", MD5($db_password));', 'WriteToOperationLog("hash " + h);') },
    { code: cloudExport({ scripts: [{ name: 'Caller', body: jb('WriteToOperationLog("m " + RunScript("<TAG>script:Mask Helper</TAG>", $ly.bearer_token));') }, { name: 'Mask Helper', body: jb('Length(_1)') }] }).text, file: 'project.json' },
    // A name not known for sure (branch, loop, reassigned to a plain name) or not a credential name.
    { code: jb('If(x, k = "db_password", k = "db_user");', 'WriteToOperationLog(Get(k));', 'n = "db_password";', 'n = "db_host";', 'WriteToOperationLog(Get(n));', 'm = "api_key";', 'While(i < 2, WriteToOperationLog(Get(m)); m = "count"; i++);', 'WriteToOperationLog(Get("db" + "_host"));') },
    { code: js('var q = "$db_password";', 'q = "$db_host";', 'WriteToOperationLog(Jitterbit.GetVar(q));', 'var r = "$api_key";', 'function f() { WriteToOperationLog(Jitterbit.GetVar(r)); }'), file: 'dyn-get-ok.js' },
    // The array form of Set stores what it is given: a masked element is clean.
    { code: jb('cards = Array();', 'Set(cards, "****" + Right(root$tx.body$Payment$CardNumber$, 4), -1);', 'WriteToOperationLog("first " + cards[0]);') },
    // A field of parsed clean text is clean; the name of a name/value pair is a header name, not the key it carries.
    { code: js('var s = Jitterbit.GetVar("$carrier.response_text");', 'var o = JSON.parse(s);', 'WriteToOperationLog("count " + o.count);'), file: 'parsed.js' },
    { code: js('var k = Jitterbit.GetVar("$carrier_api_key");', 'var hs = [{ name: "X-Api-Key", value: k }, { name: "Accept", value: "application/json" }];', 'for (var i = 0; i < hs.length; i++) WriteToOperationLog("header " + hs[i].name);'), file: 'pair-names.js' },
    { code: js('var hs = [];', 'hs.push({ name: "X-Api-Key", value: Jitterbit.GetVar("$carrier_api_key") });', 'for (var i = 0; i < hs.length; i++) { var h = hs[i]; WriteToOperationLog("header " + h.name); }'), file: 'pair-pushed.js' },
  ],
  invalid: [
    // An error thrown with a credential in its message reaches the handler's log through the catch parameter.
    { code: js('var t = Jitterbit.GetVar("$erp.access_token");', 'try {', '  throw new Error("login refused for " + t);', '} catch (e) {', '  WriteToOperationLog("login: " + e.message);', '}'), file: 'catch-token.js', lines: [6] },
    // Characters at a moving index can spell the whole value.
    { code: js('var pw = Jitterbit.GetVar("$erp.password");', 'var out = "";', 'for (var i = 0; i < pw.length; i++) out += pw.charAt(i);', 'WriteToOperationLog(out);'), file: 'charat-loop.js', lines: [5] },
    // A deep copy holds the original's credential field until it is overwritten.
    { code: js('var cfg = { host: "sftp01", password: Jitterbit.GetVar("$pv_sftp_password") };', 'var copy = JSON.parse(JSON.stringify(cfg));', 'copy.host = "x";', 'WriteToOperationLog(JSON.stringify(copy));', 'WriteToOperationLog(copy.password);'), file: 'deep-copy-leak.js', lines: [5, 6] },
    // A script the project does not have: its result carries the arguments it is given (its body is not seen).
    { code: jb('r = RunScript("<TAG>script:Format Credential</TAG>", "svc", $db_password);', 'WriteToOperationLog("formatted " + r);'), lines: [3], secrets: [] },
    { code: jb('WriteToOperationLog(RunScript("sc.3f2a9c1e-7b4d-4e8a-9c2f-1a2b3c4d5e6f", $jitterbit.api.request.headers.authorization));'), lines: [2], secrets: [] },
    // ... and its credential field, or the whole copy, is still sensitive.
    { code: jb('WriteToOperationLog("pw " + $wd.cfg["password"]);', 'WriteToOperationLog($wd.cfg);'), file: 'b.jb', lines: [2, 3], secrets: [], others: { 'a.jb': jb('cfg = Dict();', 'cfg["tenant"] = "northwind3";', 'cfg["password"] = Get("wd_password");', '$wd.cfg = cfg;') } },
    // Chunk variables are read by name like globals: GetChunkDataElement of a credential name.
    { code: jb('s = GetChunkDataElement("adp_client_secret");', 'WriteToOperationLog("chunk " + s);'), lines: [3], secrets: [] },
    // `Get`/`GetVar` of a credential name held by a local or put together from constants.
    { code: jb('name = "db_password";', 'v = Get(name);', 'WriteToOperationLog("pw is " + v);', 'WriteToOperationLog(Get("api" + "_" + "key"));'), lines: [4, 5], secrets: [] },
    { code: js('var g = "$api" + "_token";', 'var t = Jitterbit.GetVar(g);', 'WriteToOperationLog("token " + t);'), file: 'dyn-get.js', lines: [4], secrets: [] },
    // Across scripts: the global a local named is the one another script reads.
    { code: jb('WriteToOperationLog("sig " + $erp.signature);'), file: 'b.jb', others: { 'a.jb': jb('k = "erp.signature";', 'Set(k, Get("erp.signing_key"));') }, lines: [2], secrets: [] },
    // A secret literal reaching a sink is an error.
    { code: jb(`WriteToOperationLog("charging with ${stripe}");`), lines: [2], severity: 'error', message: /hard-coded secret/ },
    { code: jb(`key = "${stripe}";`, 'RaiseError("auth failed for " + key);'), lines: [3], severity: 'error' },
    { code: jb(`$db_password = "${pw}";`, 'WriteToOperationLog("pw " + $db_password);'), lines: [3], severity: 'error' },
    // Credential names.
    {
      code: jb('WriteToOperationLog("pw=" + $db_password);'), lines: [2], severity: 'warning', message: /`db_password`.*operation log/,
      fix: { output: jb('WriteToOperationLog("pw=" + "[redacted]");') },
    },
    { code: jb('RaiseError("failed with " + Get("api_key"));'), lines: [2], message: /error log/ },
    // Replacing a fixed text by asterisks is no mask: the dashes are starred, every digit is left.
    { code: jb('WriteToOperationLog("card " + Replace($card_number, "-", "*"));'), lines: [2] },
    { code: jb('WriteToOperationLog("token " + RegExReplace($api_token, "^ab", "XX"));'), lines: [2] },
    { code: jb('WriteToOperationLog("token " + RegExReplace($api_token, "-", "**"));'), lines: [2] },
    // A card's security code read from a source field (the name check knew `cvv`; its prefilter had dropped it).
    { code: jb('WriteToOperationLog("payment " + root$transaction.request$body$Payment$CVV$);'), lines: [2] },
    // A hidden global variable of an export, logged by one of its scripts, is a secret like a hidden project variable.
    { code: hiddenGlobalExport, file: 'project.json', lines: hiddenGlobalLogLines, message: /partner_key/, secrets: [] },
    // The password word of other languages names a credential when logged too (not only when a literal is stored).
    { code: jb('WriteToOperationLog("pw " + $erp.senha);', 'RaiseError("login " + $sap.Kennwort);', 'x = clave;', 'SetLastError("c " + x);'), lines: [2, 3, 5] },
    { code: jb('pw = $sf.password;', 'msg = "login as svc/" + pw;', 'SetLastError(msg);'), lines: [4], message: /as a warning/ },
    // Hidden project variables (from an export of the same project).
    { code: jb('WriteToOperationLog("sig " + $erp_signing);'), others: { 'project.json': hiddenPvExport.text }, lines: [2], message: /hidden project variable/ },
    { code: jb('WriteToOperationLog("sig " + $dock_signing);'), others: { 'Data/ProjectVariable/dock.xml': designStudioProjectVariable('dock_signing', 'b3BhcXVl', true) }, lines: [2], message: /hidden project variable/ },
    // A visible project variable whose value is a hard-coded secret: logging it logs a secret (an error).
    { code: jb('WriteToOperationLog("relay " + $relay_header);'), others: { 'project.json': cloudExport({ projectVariables: [{ name: 'relay_header', value: stripe }] }).text }, lines: [2], severity: 'error', message: /hard-coded secret in project variable `\$relay_header`/ },
    { code: jb('RaiseError("bad signature, key " + $dock_signing);'), others: { '.jitterbit/project-variables.json': JSON.stringify({ variables: [{ name: 'dock_signing', hidden: true, description: 'HMAC key' }] }) }, lines: [2] },
    // Decryption, decoding of a credential, login and session results.
    { code: jb('v = AESDecryption($blob, $aes_passphrase, $aes_salt);', 'WriteToOperationLog("plain: " + v);'), lines: [3], message: /AESDecryption/ },
    { code: jb('v = Base64Decode($api_token);', 'WriteToOperationLog(v);'), lines: [3] },
    { code: jb('s = NetSuiteLogin("ns_account");', 'WriteToOperationLog("ns: " + s);'), lines: [3], message: /NetSuiteLogin/ },
    { code: jb('s = SalesforceLogin("sf_org");', 'WriteToOperationLog(s);'), lines: [3], message: /SalesforceLogin/ },
    { code: jb('WriteToOperationLog("sess " + $sf.session);'), lines: [2] },
    // A token response's token, selected by its path or read back from the cache.
    { code: jb('bearer = GetJSONString($lms.token_response_json, "/access_token");', 'WriteToOperationLog("LMS bearer " + bearer);'), lines: [3], message: /access_token/ },
    { code: jb('sid = SelectSingleNode($login_reply, "//ns:Result/ns:SessionId");', 'RaiseError("login " + sid);'), lines: [3] },
    { code: jb('WriteToOperationLog("cached " + ReadCache("partner_access_token"));'), lines: [2] },
    // JavaScript `substring` from the start shows the whole value.
    { code: js('var k = Jitterbit.GetVar("$gateway_api_key");', 'WriteToOperationLog("key " + k.substring(-4));'), file: 'sub.js', lines: [3] },
    // Authorization and API-key request headers.
    { code: jb('WriteToOperationLog($jitterbit.api.request.headers.authorization);'), lines: [2], message: /request header/ },
    { code: jb('h = Get("jitterbit.networking.http.request.header.Authorization");', 'WriteToOperationLog("hdr " + h);'), lines: [3] },
    { code: jb('RaiseError("bad key " + $jitterbit.api.request.headers.x_api_key);'), lines: [2] },
    // PII-bearing fields and names.
    {
      code: jb('WriteToOperationLog("employee " + root$Employee$SSN$);'), lines: [2], message: /source field `SSN`/,
      fix: { output: jb('WriteToOperationLog("employee " + "****" + Right(root$Employee$SSN$, 4));') },
    },
    { code: jb('WriteToOperationLog($date_of_birth);'), lines: [2] },
    { code: jb('WriteToOperationLog("card " + $card_number);'), lines: [2] },
    { code: jb('RaiseError("bad iban " + $iban);'), lines: [2] },
    { code: jb('WriteToOperationLog($passport_number);'), lines: [2] },
    { code: jb('WriteToOperationLog("x " + records$Contact.SSN__c$ + " " + $sf.Card_Number__c);'), lines: [2] },
    { code: jb('WriteToOperationLog("tin " + $tax_id);'), lines: [2] },
    { code: jb('WriteToOperationLog($social_security);'), lines: [2] },
    // Through globals, Set/Get, arrays and dictionaries, pass-through functions.
    { code: jb('Set("tok", $access_token);', 'WriteToOperationLog(Get("tok"));'), lines: [3] },
    { code: jb('Set("q.entries", $q.session_token, -1);', 'WriteToOperationLog("entry " + Get("q.entries", 0));'), lines: [3] },
    // A masked value in one script does not clean what another script stores under the same name, nor a later write.
    { code: jb('WriteToOperationLog("payer ssn " + $rf.masked_ssn);'), file: 'b.jb', lines: [2], others: { 'a.jb': jb('$rf.masked_ssn = "***-**-" + Right(root$tx.body$Payer$SSN$, 4);'), 'c.jb': jb('$rf.masked_ssn = root$tx.body$Payer$SSN$;') } },
    { code: jb('WriteToOperationLog("last ssn " + $rf.masked_ssn);'), file: 'b.jb', lines: [2], others: { 'a.jb': jb('ssn = root$tx.body$Payer$SSN$;', '$rf.masked_ssn = "***-**-" + Right(ssn, 4);', '$rf.masked_ssn = ssn;') } },
    // Nothing masked stored anywhere: the name says what the global holds.
    { code: jb('WriteToOperationLog("named ssn " + $rf.masked_ssn);'), file: 'b.jb', lines: [2], others: { 'a.jb': jb('$rf.count = 3;') } },
    // JavaScript `a || b` is an operand, not a boolean.
    { code: js('var t = Jitterbit.GetVar("$x.cached") || Jitterbit.GetVar("$x.fresh");', 'var api_token = t || "";', 'WriteToOperationLog("t " + api_token);'), file: 'or-token.js', lines: [4] },
    // Any other request header named `…-key` is an access key (Azure Functions, API Management, RapidAPI).
    { code: jb('WriteToOperationLog("fn key " + $jitterbit.api.request.headers.x_functions_key);'), lines: [2] },
    { code: jb('k = Get("jitterbit.networking.http.request.header.X-RapidAPI-Key");', 'SetLastError("rejected " + k);'), lines: [3] },
    // The array form of Set: `Set(arr, value, index)` writes an element of the array variable (local or global).
    { code: jb('cards = Array();', 'Set(cards, root$tx.body$Payment$CardNumber$, -1);', 'WriteToOperationLog("first " + cards[0]);'), lines: [4] },
    { code: jb('$q.list = Array();', 'Set($q.list, "k " + $q.api_token, 0);', 'WriteToOperationLog("list " + Get($q.list, 0));'), lines: [4] },
    { code: jb('$last_call = "token " + $access_token;', 'WriteToOperationLog($last_call);'), lines: [3] },
    { code: jb('a = Array();', 'a[0] = $db_password;', 'WriteToOperationLog(a);'), lines: [4] },
    { code: jb('d = Dict();', 'd["k"] = $db_password;', 'WriteToOperationLog(d["k"]);'), lines: [4] },
    // A credential-named container: the whole, and a field nobody wrote, are what the name says.
    { code: jb('creds = Dict();', 'creds["user"] = "svc";', 'WriteToOperationLog(creds);', 'WriteToOperationLog(creds["other"]);'), lines: [4, 5] },
    { code: js('var creds = {};', 'WriteToOperationLog("t " + creds.token);'), file: 'creds-empty.js', lines: [3] },
    // A file's ordering prefix is not part of the script's name (`LMS Log Helper` runs 03-lms-log-helper.jb).
    { code: jb('label = _1;', 'detail = _2;', 'WriteToOperationLog("LMS " + label + ": " + detail);'), file: '03-lms-log-helper.jb', others: { '01-lms-auth.jb': jb('$lms.access_token = Get("lms.token_response.access_token");', 'RunScript("<TAG>script:LMS Log Helper</TAG>", "token issued", $lms.access_token);') }, lines: [4] },
    // `RunScript` finds the called script's file whatever the case and word separators (`HR Log` runs hr-log.jb).
    { code: jb('ArgumentList(topic, text);', 'WriteToOperationLog("[HR/" + topic + "] " + text);'), file: 'hr-log.jb', others: { 'leaver.jb': jb('RunScript("<TAG>script:HR Log</TAG>", "tax", "tax id " + $hr.leaver.tax_id);') }, lines: [3] },
    { code: jb('WriteToOperationLog("t " + _1);'), file: 'Token_Dump.jb', others: { 'caller.jb': jb('RunScript("<TAG>script:token dump</TAG>", $access_token);') }, lines: [2] },
    // A value stored into a credential-named container by element is a credential (`$sys_token[sys] = tok`).
    { code: jb('tok = RunScript("<TAG>script:Token Helper</TAG>", sys);', '$sys_token[sys] = tok;', 'WriteToOperationLog("YARD " + $sys_token["YARD"]);'), lines: [4] },
    { code: jb('api_keys = Array();', 'api_keys[0] = GetJSONString($resp, "/value");', 'WriteToOperationLog("k " + api_keys[0]);'), lines: [4] },
    // Fields kept apart: the credential's field and the whole container are still sensitive.
    { code: jb('profile = Dict();', 'profile["password"] = $bi_db_password;', 'profile["host"] = "bi01";', 'WriteToOperationLog(profile["password"]);', 'WriteToOperationLog(profile);'), lines: [5, 6], secrets: [] },
    { code: js('var cfg = { container: "invoices", clientSecret: Jitterbit.GetVar("$az_client_secret") };', 'WriteToOperationLog(cfg.clientSecret);', 'WriteToOperationLog(JSON.stringify(cfg));'), file: 'fields2.js', lines: [3, 4] },
    // A container made from a sensitive value: its fields are not known apart.
    { code: jb('p = $jitterbit.api.request.headers.authorization;', 'p["note"] = "x";', 'WriteToOperationLog(p["other"]);'), lines: [4] },
    { code: jb('WriteToOperationLog(ToUpper(Trim($api_key)));'), lines: [2] },
    // Encoding is not masking.
    { code: jb('WriteToOperationLog(Base64Encode($db_password));'), lines: [2] },
    { code: jb('WriteToOperationLog(URLEncode($api_key));'), lines: [2] },
    // Across scripts of one project (a dictionary's sensitive field, and the whole dictionary).
    { code: jb('WriteToOperationLog("pw " + $c.d["pw"]);', 'WriteToOperationLog($c.d);'), file: 'b.jb', others: { 'a.jb': jb('$c.d = Dict();', '$c.d["Host"] = "erp.northwind-ops.com";', '$c.d["pw"] = Get("erp_password");') }, lines: [2, 3], message: /field `pw` of `\$c\.d`|global `\$c\.d`/ },
    { code: jb('WriteToOperationLog("s=" + $sf_sess);'), file: 'b.jb', others: { 'a.jb': jb('$sf_sess = SalesforceLogin("sf_org");') }, lines: [2], message: /set from the session returned by `SalesforceLogin` in a\.jb/ },
    { code: jb('WriteToOperationLog("t=" + $carrier_hdr);'), file: 'b.jb', others: { 'a.jb': jb('$carrier_hdr = $jitterbit.api.request.headers.x_api_key;') }, lines: [2] },
    // E-mail message arguments carrying a credential.
    { code: jb('SendEmail("ops@northwind-ops.com", "ops@northwind-ops.com", "creds", "pw is " + $db_password);'), lines: [2], message: /`SendEmail`.*e-mail/ },
    { code: jb('SendSystemEmail("ops@northwind-ops.com", "token", "token " + $api_token);'), lines: [2] },
    // A sink call that spans lines: the line with the call's name.
    { code: jb('$x = 1;', 'WriteToOperationLog(', '  "pw " + $db_password', ');'), lines: [3] },
    // JavaScript.
    { code: js('var pw = Jitterbit.GetVar("$db_password");', 'WriteToOperationLog("pw " + pw);'), file: 'a.js', lines: [3], fix: true },
    { code: js('var t = Jitterbit.GetVar("$access_token");', 'SetLastError("t=" + t);'), file: 'b.js', lines: [3] },
    { code: js('var h = Jitterbit.GetVar("$jitterbit.api.request.headers.authorization");', 'RaiseError(h);'), file: 'c.js', lines: [3] },
    { code: js('var o = {pw: Jitterbit.GetVar("$db_password")};', 'WriteToOperationLog(JSON.stringify(o));'), file: 'd.js', lines: [3] },
    // JavaScript helpers: a secret a function returns; a helper with a sink called twice is one finding; a function
    // expression; a list filled with push.
    { code: js(`function k() { return "${stripe}"; }`, 'var x = k();', 'WriteToOperationLog("k " + x);'), file: 'ret.js', lines: [4], severity: 'error' },
    { code: js('function logIt(m) { WriteToOperationLog("x " + m); }', 'logIt(Jitterbit.GetVar("$db_password"));', 'logIt(Jitterbit.GetVar("$api_token"));'), file: 'helper.js', lines: [2] },
    { code: js('var getPwd = function () { return Jitterbit.GetVar("$erp_password"); };', 'WriteToOperationLog("p " + getPwd());'), file: 'expr.js', lines: [3] },
    { code: js('var q = [];', 'q.push("password=" + Jitterbit.GetVar("$portal_password"));', 'WriteToOperationLog(q.join("&"));'), file: 'push.js', lines: [4] },
    // Hosts.
    { code: exported.text, file: 'project.json', lines: exported.linesOf('WriteToOperationLog') },
    { code: designStudioScript('WriteToOperationLog("gate " + $dock.password);'), file: 'Data/Script/gate.xml', lines: [7] },
    // Between the scripts of one export: a global and RunScript arguments.
    { code: sameExport.text, file: 'project.json', lines: [...sameExport.linesOf('WriteToOperationLog("detail'), ...sameExport.linesOf('WriteToOperationLog("shared')], message: /passed as `_2` by project\.json|set from `db_password` in project\.json/ },
    // RunScript of a Design Studio script by its key (`sc.<uuid>`, the name of its file) or its folder path.
    { code: designStudioScript('SetLastError("detail " + _2);'), file: `Data/Script/${DS_SCRIPT_ID}.xml`, others: { 'caller.jb': jb(`RunScript("sc.${DS_SCRIPT_ID}", "flow", $dsv.portal_password);`) }, lines: [7], message: /passed as `_2` by caller\.jb/ },
    { code: designStudioScript('SetLastError("detail " + _1);'), file: `Data/Script/${DS_SCRIPT_ID}.xml`, others: { 'caller.jb': jb('RunScript("<TAG>Scripts/Gate/Dock Gate Login</TAG>", $dsv.portal_password);') }, lines: [7] },
    // A container logged while a sensitive field is still in it (another field was masked or removed).
    { code: jb('d = Dict();', 'd["password"] = $db_password;', 'd["host"] = "****";', 'WriteToOperationLog(d);'), lines: [5], secrets: [] },
    { code: jb('d = Dict();', 'd["host"] = "sftp01";', 'd["password"] = $sftp_password;', 'RemoveKey(d, "host");', 'WriteToOperationLog(d);'), lines: [6], secrets: [] },
    { code: js('var o = { host: "sftp01", password: Jitterbit.GetVar("$sftp_password") };', 'delete o.host;', 'WriteToOperationLog(JSON.stringify(o));'), file: 'delete2.js', lines: [4] },
    { code: jb('d = Dict();', 'd["password"] = $db_password;', 'd["api_key"] = $erp_api_key;', 'd["password"] = "****";', 'WriteToOperationLog(d);'), lines: [6], message: /erp_api_key/ },
    // A container made from a sensitive value keeps it whatever field is masked (its other fields are unknown).
    { code: jb('p = $jitterbit.api.request.headers.authorization;', 'p["token"] = "****";', 'WriteToOperationLog(p);'), lines: [4] },
    // A function called in place (IIFE; arrow forms too: not ES5, parsed anyway) gets its arguments' taint.
    { code: js('var s = Jitterbit.GetVar("$db_password");', '(function (p) { WriteToOperationLog("p " + p); })(s);'), file: 'iife.js', lines: [3] },
    { code: js('var s = Jitterbit.GetVar("$db_password");', '((p) => { WriteToOperationLog(p); })(s);', '(p => RaiseError("x" + p))(s);'), file: 'iife-arrow.js', lines: [3, 4] },
    { code: js('var t = (function (k) { return "t=" + k; })(Jitterbit.GetVar("$api_token"));', 'WriteToOperationLog(t);'), file: 'iife-ret.js', lines: [3] },
    // Array callbacks: the elements reach the first parameter; `.map` returns what the callback returns.
    { code: js('var keys = [Jitterbit.GetVar("$api_key")];', 'keys.forEach(function (k) { WriteToOperationLog("key " + k); });'), file: 'each.js', lines: [3] },
    { code: js('var creds = [{ user: "svc", password: Jitterbit.GetVar("$db_password") }];', 'var pws = creds.map(function (c) { return c.password; });', 'WriteToOperationLog(pws.join(","));'), file: 'map.js', lines: [4] },
    { code: js('var toks = [Jitterbit.GetVar("$api_token")];', 'toks.filter((t) => t.length > 0).forEach((t) => WriteToOperationLog(t));'), file: 'filter-arrow.js', lines: [3] },
    { code: js('var pw = Jitterbit.GetVar("$db_password");', 'WriteToOperationLog(`pw ${pw} end`);'), file: 'template.js', lines: [3] },
    { code: js('function logIt(m) { WriteToOperationLog("x " + m); }', '[Jitterbit.GetVar("$api_token")].forEach(logIt);'), file: 'each-named.js', lines: [2] },
    // Computed keys: the value is in the container's unnamed rest, so any field of it may be the value.
    { code: js('var s = Jitterbit.GetVar("$db_password");', 'var k = "f";', 'var q = {[k]: s, host: "h"};', 'WriteToOperationLog(JSON.stringify(q));', 'WriteToOperationLog(q.host);'), file: 'computed.js', lines: [5, 6] },
    { code: js('var s = Jitterbit.GetVar("$db_password");', 'var k = Jitterbit.GetVar("$field_name");', 'var o = {};', 'o[k] = s;', 'WriteToOperationLog(JSON.stringify(o));', 'WriteToOperationLog(o.host);'), file: 'computed2.js', lines: [6, 7] },
    // RunScript's value is the called script's result: its last statement, or JavaScript's SetScriptResult.
    { code: jb('tok = RunScript("<TAG>script:Get Token</TAG>");', 'WriteToOperationLog("t " + tok);'), others: { 'Get Token.jb': jb('s = SalesforceLogin("sf_org");', 's;') }, lines: [3], message: /SalesforceLogin.*returned by Get Token\.jb/ },
    { code: jb('RaiseError("key " + RunScript("<TAG>script:Get Key</TAG>"));'), others: { 'Get Key.js': js('var k = Jitterbit.GetVar("$erp_api_key");', 'SetScriptResult(k);') }, lines: [2], message: /erp_api_key.*returned by Get Key\.js/ },
    // The value of a name/value pair is the key it carries, whatever reads it (an element's field, an element).
    { code: js('var k = Jitterbit.GetVar("$carrier_api_key");', 'var hs = [{ name: "X-Api-Key", value: k }, { name: "Accept", value: "application/json" }];', 'WriteToOperationLog(hs[0].name + ": " + hs[0].value);', 'for (var i = 0; i < hs.length; i++) { var h = hs[i]; WriteToOperationLog(h.name + "=" + h.value); }'), file: 'pair-values.js', lines: [4, 5] },
    { code: js('var hs = [{ name: "Accept", value: "application/json" }];', 'hs[0].value = Jitterbit.GetVar("$db_password");', 'WriteToOperationLog("a " + hs[0].name);', 'hs.push({ name: "X-Api-Key", value: Jitterbit.GetVar("$carrier_api_key") });', 'WriteToOperationLog("b " + hs[1].value);', 'hs[1] = Jitterbit.GetVar("$api_token");', 'WriteToOperationLog("c " + hs[0].name);'), file: 'pair-writes.js', lines: [6, 8] },
    { code: jb(`WriteToOperationLog("s " + RunScript("sc.${DS_SCRIPT_ID}"));`), file: 'ds-caller.jb', others: { [`Data/Script/${DS_SCRIPT_ID}.xml`]: designStudioScript('s = NetSuiteLogin("ns_account");') }, lines: [2], message: /NetSuiteLogin.*returned by 4e8a1c3f/ },
  ],
});
