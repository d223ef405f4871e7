<javascript>
// Debug helper for the "Returns API" custom API: echoes what the caller sent.
var method = Jitterbit.GetVar("$jitterbit.api.request.method");
var auth = Jitterbit.GetVar("$jitterbit.api.request.headers.authorization");
var refundKey = "sk_live_gnvIeU6GoRQGQiU3MAgUQLAT";

WriteToOperationLog("Returns API " + method + " called with " + auth);
if (method != "POST") {
  WriteToOperationLog("Unsupported method " + method);
}
Jitterbit.SetVar("$returns.refund_key", refundKey);
SetScriptResult("ok");
</javascript>
