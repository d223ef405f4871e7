import { jb, runRuleTable } from '../rule-tester';
import { hex, password, pick, salesforceId, uuid } from '../fakes';
import { cloudExport, designStudioScript, js } from '../hosts';

// detection-policy §1 "credential name" and the Clarifications (credential names, pass-through, comparisons,
// random-looking shapes, placeholder words, commented-out credentials).
const pw = password(201);
const key32 = pick(202, 32);
const secret = pick(203, 40);

const exported = cloudExport({
  scripts: [{ name: 'Carrier Login', body: jb(`$carrier_password = "${pw}";`, '$carrier_user = "svc-carrier";') }],
});
const mapped = cloudExport({
  mappings: [{ targetPath: 'Carrier/apiKey', script: jb(`$carrier_api_key = "${key32}";`, '$carrier_api_key') }],
});

runRuleTable('secrets/credential-name', {
  valid: [
    // A key held by a constant that names no credential, a key that changes (a loop, a second write), a scheme word.
    { code: jb('k = "auth_mode";', 'd = Dict();', 'd[k] = "basic";') },
    { code: js('var k = "password";', 'k = "user";', 'var body = {};', 'body[k] = "svc_orders";'), file: 'key-rebound.js' },
    { code: js('var H = "X-Request-Id";', 'var hs = {};', 'hs[H] = "' + uuid(219) + '";', 'for (var i = 0; i < 3; i++) hs[i] = "' + key32 + '";'), file: 'key-neutral.js' },
    // Headers named like a key that hold no credential: an idempotency, sort or public key, a value that is no random key.
    { code: jb(`Set("jitterbit.networking.http.request.header.Idempotency-Key", "${pick(241, 32)}");`, 'Set("jitterbit.networking.http.request.header.X-Sort-Key", "created_at");', `Set("jitterbit.networking.http.request.header.X-Public-Key", "${pick(242, 44)}");`) },
    { code: js('var h = {};', 'h["X-Client-Key"] = "partner-portal-prod";', 'h["X-Auth-Key"] = "{{auth_key}}";'), file: 'hdr-key.js' },
    // The WebSocket handshake nonce and a tenant key are no access keys (one neutral-word list with the flow's headers).
    { code: jb(`Set("jitterbit.networking.http.request.header.Sec-WebSocket-Key", "${pick(244, 22)}==");`, `Set("jitterbit.networking.http.request.header.X-Tenant-Key", "${pick(252, 32)}");`) },
    // Through a local: a plain word (a user name), a local written twice, a store before the assignment, a neutral name.
    { code: jb('u = "svc_reader";', '$ldap.password = u;', `k = "${pick(264, 32)}";`, 'If($x, k = $pv_key);', '$svc.api_key = k;', `r = "${pick(265, 32)}";`, '$svc.request_id = r;') },
    // Through a local into a neutral header, or compared with a value that is no credential.
    { code: js(`var rid = "${pick(270, 32)}";`, 'var h2 = "X-Request-Id: " + rid;', `var ref = "${pick(271, 32)}";`, 'if (ref == Jitterbit.GetVar("$order.ref")) { h2 = ""; }'), file: 'local-neutral.js' },
    // A key-named variable that is not a header (`record_key`) with a random value: no credential name.
    { code: jb(`$record_key = "${pick(243, 24)}";`) },
    // Prose in comments: a hash, a URL or a qualified noun after the credential word is not a disclosed value.
    { code: jb(`// password hash: ${hex(226, 64)}`, '// token url was https://auth.northwind-ops.com/oauth2/token', `// private key file checksum: ${hex(227, 32)}`, '$x = 1;') },
    // An encoding or algorithm name after a credential word says how the credential is shaped, not what it is.
    { code: js("// API token auth: base64 of '{email}/token:{api token}', see the vendor docs.", 'var signature_key = Jitterbit.GetVar("$sig_key");', '// signature_key: hmac-sha256 over the body', 'var auth = "sha256";'), file: 'encoding-words.js' },
    // Commented-out calls with a placeholder word or a reference in the credential position.
    { code: jb('// LDAPConnect("ldap.northwind-ops.com", "cn=svc", "password");', '// LDAPConnect("ldap.northwind-ops.com", "cn=svc", $ldap_pw);') },
    // A header's name under an auth-header name; an unset marker, an environment reference, an SSH auth method.
    { code: js('var AUTH_HEADER = "Authorization";', 'var authorization_header = "X-Custom-Auth";'), file: 'hdr.js' },
    // Name/value pairs and function parameters: a non-credential name, a placeholder, the user position.
    { code: js(`var p = [{ name: "X-Request-Id", value: "${pick(249, 32)}" }, { name: "X-Api-Key", value: "{{api_key}}" }];`, 'function login(username, password) { return username; }', 'login("svc_rateshop", "");', 'login("svc_rateshop", Jitterbit.GetVar("$rs_password"));'), file: 'pairs-ok.js' },
    { code: jb('$crm.pwd = "not-set";', '$dyn.passphrase = "env:ERP_PASSPHRASE";', '$sftp.auth = "publickey";') },
    // References, not values.
    { code: jb('$password = $db_password;') },
    { code: jb('$password = Get("sf.password");') },
    { code: jb('$password = "[pv_password]";') },
    { code: jb('$sf.session_id = SalesforceLogin("sf_org");') },
    { code: jb('$session = NetSuiteLogin("ns_account");') },
    { code: js('var token = Jitterbit.GetVar("$token");', 'var pw = Jitterbit.GetVar("$db_password");'), file: 'refs.js' },
    // Empty strings and placeholders.
    { code: jb('$password = "";') },
    { code: jb('$password = "<password>";') },
    // The user name before a `":"` piece of user:password under an auth name; the password is a reference.
    { code: jb('$rest.auth = "Basic " + Base64Encode("rest_user" + ":" + $pv_pw);', 'creds = "svc_rates" + ":" + Get("pv_rates_pw");') },
    { code: jb('$api.key2 = "<<SECRET>>";', '$sftp.password = "<<sftp password>>";') },
    { code: jb('$token = "{{token}}";') },
    { code: jb('$client_secret = "${CLIENT_SECRET}";') },
    { code: jb('$db_password = "****";') },
    { code: jb('$api_key = "xxxx";') },
    { code: jb('$client_secret = "REPLACE_ME";') },
    { code: jb('$api_key = "your-api-key";') },
    // Deployment-time token replacement; a scheme before a project-variable reference.
    { code: jb('$ftp.pwd = "#{FTP_PASSWORD}#";', '$okta.token = "__OKTA_TOKEN__";', '$db.password = "@@DB_PASSWORD@@";') },
    { code: jb('auth = "Bearer [pv_access_token]";', '$h.authorization = "SSWS {{okta_token}}";') },
    // Plugin keys from references; a bare key after a word that is no algorithm.
    { code: jb('$Jitterbit.HMACSHA256.Key = $pv.hmac_key;', `$cache.key = "${pick(237, 24)}";`) },
    // A foreign-language word for key that qualifies another noun.
    { code: jb('clave_producto = "SKU-88231";') },
    // `changeit` in a comment (docs text) is a placeholder.
    { code: jb('// The truststore password is changeit unless the admin changed it', '$truststore = "/opt/agent/cacerts";') },
    { code: jb('// $password = "<password>"', '$x = 1;') },
    { code: jb('// $keystore_password = changeit', '$x = 1;') },
    { code: jb('// $db_password = "changeme"', '$x = 1;') },
    // Documented AWS example keys.
    { code: jb('$aws_access_key = "AKIAIOSFODNN7EXAMPLE";', '$aws_secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";') },
    // The credential word qualifies another noun.
    { code: jb('$token_url = "https://login.northwind-ops.com/oauth2/token";') },
    { code: jb(`$token_url = "${pick(204, 24)}";`) },
    { code: jb(`$password_policy = "${pick(205, 20)}";`) },
    { code: jb(`$auth_mode = "${pick(206, 20)}";`) },
    { code: jb(`$session_timeout = "${pick(207, 20)}";`) },
    { code: jb(`$secret_name = "${pick(208, 20)}";`) },
    { code: jb('d = Dict();', 'd["token_url"] = "https://login.northwind-ops.com/oauth2/token";') },
    // Values that cannot be credentials.
    { code: jb('$token = "12345";') },
    { code: jb('$api_key = "true";') },
    { code: jb('$private_key = "/etc/jitterbit/keys/app.pem";') },
    { code: jb('$auth = "bearer";') },
    { code: jb('$auth = "oauth2";') },
    { code: jb('$auth = "ntlm";') },
    { code: jb('$token = "https://login.northwind-ops.com/token";') },
    { code: jb('$password_length = 12;') },
    // Random-looking identifiers under ordinary names.
    { code: jb(`$correlation_id = "${uuid(209)}";`) },
    { code: jb(`RunScript("sc.${uuid(210)}");`, `RunOperation("op.${uuid(211)}");`) },
    { code: jb(`$account_id = "${salesforceId(212)}";`) },
    { code: jb(`If(MD5($body) == "${hex(213, 32)}", "unchanged", "changed");`) },
    { code: jb(`$batch = "${pick(214, 32)}";`) },
    // A credential-named variable compared with a number or a keyword.
    { code: jb('If($token == "1", 1, 0);') },
    // JavaScript references and ordinary properties.
    { code: js('var cfg = {};', 'cfg.password = Jitterbit.GetVar("$db_password");', 'cfg.tokenUrl = "https://login.northwind-ops.com/token";'), file: 'cfg.js' },
    { code: js(`var tokenUrl = "${pick(215, 24)}";`), file: 'url.js' },
    // A name held by a local or put together from constants, but not known for sure where it is used: assigned in a
    // branch, reassigned in a loop, a non-credential name, a parameter that shadows it, a use inside a function.
    { code: jb('If(x == 1, k = "sf.password", k = "sf.user");', `Set(k, "${pick(261, 24)}");`, 'j = "api_token";', `While(i < 3, Set(j, "${pick(262, 24)}"); j = "counter"; i++);`, 'n = "sf.password";', 'n = "sf.username";', `Set(n, "${pick(263, 24)}");`, `Set("sf" + "." + "user", "${pick(264, 24)}");`) },
    { code: js('var k = "$sf.password";', `for (var i = 0; i < 2; i++) { Jitterbit.SetVar(k, "${pick(265, 24)}"); k = "$other"; }`, `function f(p) { Jitterbit.SetVar(p, "${pick(266, 24)}"); }`, 'var q = "$api_key";', `function g() { Jitterbit.SetVar(q, "${pick(267, 24)}"); }`), file: 'dyn-name-ok.js' },
  ],
  invalid: [
    // A literal stored under a key a constant names (`h[API_KEY_HEADER] = "…"`, `d[k] = "…"` after `k = "client_secret"`).
    { code: js('var API_KEY_HEADER = "X-Api-Key";', 'var hdrs = {};', 'hdrs[API_KEY_HEADER] = "' + key32 + '";'), file: 'const-key.js', lines: [4], secrets: [key32] },
    { code: jb('k = "client_secret";', 'd = Dict();', `d[k] = "${secret}";`), lines: [4], secrets: [secret] },
    // `Set`/`SetVar` whose name is a local holding a constant, or a concatenation of constants (known for sure).
    { code: jb('k = "sf.password";', `Set(k, "${pick(268, 24)}");`), lines: [3], message: /`sf\.password`/, secrets: [pick(268, 24)] },
    { code: jb(`Set("api" + "_key", "${pick(269, 24)}");`, 'p = "erp.";', `Set(p + "client_secret", "${pick(270, 24)}");`), lines: [2, 4], secrets: [pick(269, 24), pick(270, 24)] },
    { code: js('var k = "$sf.password";', `Jitterbit.SetVar(k, "${pick(271, 24)}");`, `Jitterbit.SetVar("$api" + "_token", "${pick(272, 24)}");`), file: 'dyn-name.js', lines: [3, 4], secrets: [pick(271, 24), pick(272, 24)] },
    // SetChunkDataElement stores under a name as Set does.
    { code: jb(`SetChunkDataElement("adp_client_secret", "${pick(873, 24)}");`, 'SetChunkDataElement("adp_region", "emea");'), lines: [2], secrets: [pick(873, 24)] },
    // The password after the `":"` piece is still hard-coded.
    { code: jb(`$rest.auth = "Basic " + Base64Encode("rest_user" + ":" + "${password(248)}");`), lines: [2], secrets: [password(248)] },
    // A header named like a key (policy §1: high-entropy literal with context "an HTTP header named like a key").
    { code: jb(`Set("jitterbit.networking.http.request.header.X-Auth-Key", "${hex(244, 32)}");`), lines: [2], message: /X-Auth-Key/, secrets: [hex(244, 32)] },
    { code: jb(`Set("jitterbit.networking.http.request.header.x-functions-key", "${pick(245, 54)}");`), lines: [2], secrets: [pick(245, 54)] },
    { code: js('var h = {};', `h["X-Client-Key"] = "${pick(246, 28)}";`, `Jitterbit.SetVar("$jitterbit.networking.http.request.header.X-Partner-Key", "${pick(247, 32)}");`), file: 'hdr-key.js', lines: [3, 4], secrets: [pick(246, 28), pick(247, 32)] },
    // The inputs of the HMAC and Azure SAS plugins: a bare `key` after the algorithm or generator.
    { code: jb(`$Jitterbit.HMACSHA256.Key = "${pick(235, 40)}";`, '$Jitterbit.HMACSHA256.Message = $body;'), lines: [2] },
    { code: jb(`$azuresastokengenerator.key = "${pick(236, 44)}";`), lines: [2] },
    // The password word of other languages.
    { code: jb(`$sap.Passwort = "${password(231)}";`), lines: [2] },
    { code: jb(`mot_de_passe = "${password(232)}";`, `usuario = "integracion"; clave = "${password(233)}";`, `$totvs.senha = "${password(234)}";`), lines: [2, 3, 4] },
    // The new project variable gets a name not yet taken in the project's global namespace.
    { code: jb(`$db_password = "${pw}";`), lines: [2], severity: 'error', message: /stored in `db_password`/, fix: { output: jb('$db_password = $db_password_2;') } },
    { code: jb(`apiKey = "${key32}";`), lines: [2], message: /`apiKey`/, fix: true },
    { code: jb(`Set("sf.session_id", "${secret}");`), lines: [2], message: /`sf\.session_id`/, secrets: [secret] },
    { code: jb(`Set("api_key", "${key32}");`), lines: [2] },
    // Elements of arrays stored under a credential name (Set with an index, an indexed write, an array literal).
    { code: jb(`Set("partner.api_key", "${key32}", 0);`, `$sftp.password[2] = "${pw}";`, `$env.api_token = {"${secret}", ""};`), lines: [2, 3, 4], secrets: [key32, pw, secret] },
    { code: jb('d = Dict();', `d["client_secret"] = "${secret}";`), lines: [3], message: /`client_secret`/, secrets: [secret] },
    { code: jb(`$SHARED_SECRET = "${secret}";`), lines: [2] },
    { code: jb(`$ftp_passwd = "${pw}";`), lines: [2] },
    { code: jb(`$smtpPwd = "${pw}";`), lines: [2] },
    { code: jb(`$aws.access_key = "${secret}";`), lines: [2] },
    { code: jb(`Set("partner-private-key", "${secret}");`), lines: [2], secrets: [secret] },
    { code: jb(`$hmac_signature_key = "${secret}";`), lines: [2] },
    { code: jb(`$oauth.client_secret = "${secret}";`), lines: [2] },
    { code: jb(`$erp_access_token = "${secret}";`), lines: [2] },
    { code: jb(`$sfSessionId = "${secret}";`), lines: [2] },
    { code: jb(`$truststore_password = "${pw}";`), lines: [2] },
    { code: jb(`$pass_phrase = "${pw}";`), lines: [2] },
    { code: jb(`$signing_key = "${secret}";`), lines: [2] },
    { code: jb(`$azure.sas = "${secret}";`), lines: [2] },
    { code: jb(`$credentials = "${pw}";`), lines: [2] },
    { code: jb(`$auth = "${key32}";`), lines: [2] },
    { code: jb(`$jb.access_token = "${secret}";`), lines: [2] },
    { code: jb(`Set("jitterbit.networking.http.request.header.X-Api-Key", "${key32}");`), lines: [2], secrets: [key32] },
    // A multi-line string: the line of the value, not the line where the string opens.
    { code: jb('$api_token = "', `  ${secret}`, '";'), lines: [3], message: /\(\S+…\S*\)/ },
    // Pass-through functions keep the literal hard-coded.
    { code: jb(`$api_key = IfEmpty($override, "${key32}");`), lines: [2] },
    { code: jb(`$password = Trim("${pw}");`), lines: [2] },
    // Comparisons with an API-key header or a credential-named variable.
    { code: jb('callerKey = $jitterbit.api.request.headers.x_api_key;', `If(callerKey == "${hex(216, 32)}", "ok", RaiseError("denied"));`), lines: [3], message: /compared with/ },
    { code: jb(`If($jitterbit.api.request.headers.x_api_key != "${hex(217, 32)}", RaiseError("denied"));`), lines: [2] },
    { code: jb(`If($api_key == "${key32}", "ok", "denied");`), lines: [2] },
    // Weak words are real values outside comments.
    { code: jb('$password = "password";'), lines: [2], secrets: [] },
    { code: jb('$keystore_password = "changeit";'), lines: [2], secrets: [] },
    { code: jb('$db_password = "changeme";'), lines: [2], secrets: [] },
    // GUIDs and digests under a credential name.
    { code: jb(`$api_key = "${uuid(218)}";`), lines: [2] },
    { code: jb(`$webhook_secret = "${hex(219, 64)}";`), lines: [2] },
    // Commented-out credentials that look real.
    { code: jb(`// $pw = "${pick(220, 18)}";`, '$pw = $db_password;'), lines: [2], message: /Commented-out/ },
    { code: jb('/*', ` $api_token = "${secret}";`, '*/', '$x = 1;'), lines: [3] },
    // Prose that discloses a credential value (hex keys count under a credential phrase).
    { code: jb(`// token secret was rotated in 2025-03, old one: ${hex(224, 64)}`, '$x = 1;'), lines: [2], message: /Commented-out/, secrets: [hex(224, 64)] },
    { code: jb(`// the api key is ${pick(225, 24)}`, '$x = 1;'), lines: [2], message: /Commented-out/ },
    // A commented-out call with a literal in a credential position (the position decides, as in code).
    { code: jb(`// LDAPConnect("ldap.northwind-ops.com", "cn=svc", "${pw}");`, '/*', `  enc = AESEncryption(ref, "${pick(223, 16)}");`, '*/'), lines: [2, 4], message: /Commented-out credential.*`(password|passphrase)`/, secrets: [pw, pick(223, 16)] },
    { code: jb(`/* Set("sf.password", "${pick(221, 14)}"); */`, `// Jitterbit.SetVar("$api_token", "${pick(222, 20)}");`), lines: [2, 3], message: /Commented-out/, secrets: [pick(221, 14), pick(222, 20)] },
    // JavaScript forms.
    { code: js(`var apiKey = "${key32}";`), file: 'a.js', lines: [2], fix: true },
    { code: js('var obj = {};', `obj.password = "${pw}";`), file: 'b.js', lines: [3] },
    { code: js(`var body = {client_secret: "${secret}", grant_type: "client_credentials"};`), file: 'c.js', lines: [2] },
    { code: js('var headers = {};', `headers["X-Api-Key"] = "${key32}";`), file: 'd.js', lines: [3], secrets: [key32] },
    { code: js(`Jitterbit.SetVar("$api_token", "${secret}");`), file: 'e.js', lines: [2] },
    // Through a method that returns its receiver's text, or as the default of `||`.
    { code: js(`var apiToken = "  ${secret}  ".trim();`, `var sftpPassword = Jitterbit.GetVar("$x") || "${pw}";`), file: 'pass.js', lines: [2, 3], secrets: [secret, pw] },
    { code: js(`// var password = "${pick(221, 16)}";`, 'var x = 1;'), file: 'f.js', lines: [2] },
    // A header written as a name/value pair: the value is stored under the pair's name.
    { code: js('var headers = [];', `headers.push({ name: "X-Api-Key", value: "${pick(248, 32)}" });`, 'headers.push({ name: "Accept", value: "application/json" });'), file: 'pair.js', lines: [3], secrets: [pick(248, 32)] },
    // Pairs spelt as in exports (`propertyName`/`propertyValue`, `fieldName`/`fieldValue`): one set of spellings.
    { code: js(`var props = [{ propertyName: "X-Api-Key", propertyValue: "${pick(253, 32)}" }, { fieldName: "sftp_password", fieldValue: "${password(254)}" }];`), file: 'pair-spellings.js', lines: [2, 2], secrets: [pick(253, 32), password(254)] },
    // A literal passed to a script's own function lands in the parameter at its position.
    { code: js('function login(username, password) {', '  Jitterbit.SetVar("$rs.body", "user=" + username + "&pass=" + password);', '}', `login("svc_rateshop", "${pw}");`), file: 'fnarg.js', lines: [5], secrets: [pw] },
    // A random-looking literal stored under a credential or key-header name through a local assigned once.
    { code: jb(`k = "${pick(261, 32)}";`, '$svc.api_key = k;', `s = "${pick(262, 40)}";`, 'd = Dict();', 'd["client_secret"] = s;'), lines: [2, 4], secrets: [pick(261, 32), pick(262, 40)] },
    { code: js(`var upstreamKey = "${pick(263, 32)}";`, 'var h = { "Ocp-Apim-Subscription-Key": upstreamKey, Accept: "application/json" };'), file: 'local-hdr.js', lines: [2], secrets: [pick(263, 32)] },
    // Through a local into a header line, a URL parameter or an Authorization value, or compared with the caller's key.
    { code: jb(`k = "${pick(266, 32)}";`, 'hdr = "X-Api-Key: " + k;', `q = "${pick(267, 32)}";`, 'u = "https://api.northwind-ops.com/v1?apikey=" + q;'), lines: [2, 4], secrets: [pick(266, 32), pick(267, 32)] },
    { code: js(`var expectedKey = "${hex(268, 32)}";`, 'var callerKey = Jitterbit.GetVar("$jitterbit.api.request.headers.x_api_key");', 'if (callerKey != expectedKey) { SetLastError("denied"); }', `var t = "${pick(269, 36)}";`, 'var h = "Authorization: Bearer " + t;'), file: 'local-cmp.js', lines: [2, 5], secrets: [hex(268, 32), pick(269, 36)] },
    // Project exports: every copy of the script counts (scriptBody and its cleansed duplicate).
    { code: exported.text, file: 'project.json', lines: exported.linesOf(pw), fix: true },
    { code: mapped.text, file: 'mapped.json', lines: mapped.linesOf(key32), message: /in the mapping of `Carrier\/apiKey`/, secrets: [key32] },
    // Design Studio script entity (XML-escaped script text).
    { code: designStudioScript(`$dock.password = "${pw}";\nWriteToOperationLog("login");`), file: 'Data/Script/dock.xml', lines: [7] },
  ],
});
