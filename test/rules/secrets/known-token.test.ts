import { jb, runRuleTable } from '../rule-tester';
import {
  awsKeyId, awsSecretKey, azureAccountKey, basicAuth, githubFineGrainedToken, githubToken, googleApiKey, hex, jwt, password, pemPrivateKey, pick,
  salesforceId, salesforceSession, sasSignature, sendgridKey, slackBotToken, stripeLiveKey, twilio, uuid,
} from '../fakes';
import { cloudExport, designStudioScript, js } from '../hosts';

// detection-policy §1 "known token format" and "credentials inside structured strings", anywhere (comments too).
const gh = githubToken(301);
const akia = awsKeyId(302);
const awsSecret = awsSecretKey(303);
const stripe = stripeLiveKey(304);
const pem = pemPrivateKey(305);
const tw = twilio(306);
const userinfoPw = pick(307, 14);
const connPw = pick(308, 14);
const bearer = pick(309, 40);
const basic = basicAuth('svc-orders', pick(310, 12));
const sas = sasSignature(311);
const azure = azureAccountKey(312);
const sf = salesforceSession(313);
const token = jwt(314);
const slack = slackBotToken(315);
const sendgrid = sendgridKey(316);
const google = googleApiKey(317);
const paramKey = pick(318, 32);

// A random-looking GitHub token whose checksum does not match (generated test data, a retyped copy) is still one.
const badChecksum = gh.slice(0, -1) + (gh.endsWith('A') ? 'B' : 'A');
const exported = cloudExport({ scripts: [{ name: 'Charge', body: js(`var key = "${stripe}";`, 'WriteToOperationLog("charging");'), javascript: true }] });

runRuleTable('secrets/known-token', {
  valid: [
    // A 40-character base64 literal beside the AWS documentation example key id is no secret key; nor is one without a key id.
    { code: jb('$s3.access = "AKIAIOSFODNN7EXAMPLE";', `$s3.sk = "${awsSecretKey(337)}";`) },
    // Oracle JDBC URLs without credentials or with a reference for the password.
    { code: jb('$db.ora = "jdbc:oracle:thin:@//ora01.northwind-ops.com:1521/ERPPRD";', '$db.ora2 = "jdbc:oracle:thin:erp_ro/[pv_ora_pw]@ora01:1521/ERPPRD";', '$db.ora3 = "jdbc:oracle:thin:erp_ro/" + $ora.pw + "@ora01:1521/ERPPRD";') },
    // Header blocks with key-named headers that hold no random key.
    { code: jb('$h = "Idempotency-Key: order-20240611-0042\\r\\nX-Sort-Key: created_at";', `$h2 = "X-Idempotency-Key: ${pick(332, 32)}";`) },
    { code: jb(`$h = "Upgrade: websocket\\r\\nSec-WebSocket-Key: ${pick(338, 22)}==";`) },
    // Other Authorization schemes need a header and a value: a template, the scheme word alone, prose.
    { code: jb('$h = "Authorization: SSWS {{okta_token}}";', '$auth_type = "SSWS";', '$doc = "ApiKey authentication is used for the partner feed";') },
    { code: jb(`$m = "key-${pick(353, 32)}";`, '$n = "abc8Q~short";') },
    { code: designStudioScript('$x = 1;').replace('<Entity type="Script">', '<Entity type="Script">\n  <!-- key rotated 2024-03, see the vault entry sftp/dock -->'), file: 'Data/Script/note.xml' },
    // Documented example credentials.
    { code: jb('$k = "AKIAIOSFODNN7EXAMPLE";', '$s = "AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";') },
    // Identifiers that merely look random.
    { code: jb(`$id = "${uuid(319)}";`) },
    { code: jb(`RunScript("sc.${uuid(320)}");`) },
    { code: jb(`$record = "${salesforceId(321)}";`) },
    { code: jb(`If(SHA256($file) == "${hex(322, 64)}", "same", "changed");`) },
    { code: jb(`$payload = "${Buffer.from('{"orderId": 1042, "lines": 3}').toString('base64')}";`) },
    { code: jb(`$batch = "${pick(323, 32)}";`) },
    { code: jb('$candidate = "ghp_abcdabcdabcdabcdabcdabcdabcdabcdabcd";') },
    // Placeholders and templates inside structured strings.
    { code: jb('$u = "https://svc:${SFTP_PASSWORD}@sftp.northwind-ops.com/in";') },
    { code: jb('$u = "https://svc:[sftp_password]@sftp.northwind-ops.com/in";') },
    { code: jb('$c = "Server=db1;User Id=svc;Password={{db_password}};";') },
    { code: jb('$h = "Bearer " + $access_token;') },
    { code: jb('$h = "Authorization: Bearer <token>";') },
    { code: jb('$k = "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx";') },
    { code: jb('$u = "https://api.northwind-ops.com/v1/orders?page_token=2&limit=50";') },
    // A template literal's text without a credential: a URL with substitutions, a greeting.
    { code: js('var tokenUrl = `https://auth.northwind-ops.com/${tenant}/oauth2/token`;', 'var g = `Hello ${name}, order ${id}`;'), file: 'tpl-ok.js' },
    // URLs without user-info, e-mail addresses.
    { code: jb('$u = "https://api.northwind-ops.com/v1/orders";', '$m = "mailto:ops@northwind-ops.com";') },
    // Comments that only name defaults.
    { code: jb('// password=changeit is the JDK default', '$x = 1;') },
    // Prose in comments: a credential word followed by ordinary words or identifiers, not a value.
    { code: jb('// secret: camelCase name, rotated monthly', '// note secret: token_url is read from the vault', '// the token: refreshed-hourly', '$x = 1;') },
    { code: jb('$help = "secret: see the vault entry";') },
    // A literal already reported under its credential name (secrets/credential-name) is not reported twice.
    { code: jb(`$api_token = "${stripe}";`) },
    { code: js(`var h = {Authorization: "Bearer ${bearer}"};`), file: 'named.js' },
    // Public keys and certificates are not private keys.
    { code: jb(`$pub = "${pemPrivateKey(324, 'PUBLIC KEY').join('\\n')}";`) },
    { code: js('var pub = [', ...pemPrivateKey(327, 'PUBLIC KEY').map((l) => `  ${JSON.stringify(l)},`), '];'), file: 'pub-lines.js' },
    // SQL bind parameters, template slots, parenthesised notes, an auth mode in a URL.
    { code: jb('sql = "SELECT ACCOUNT_ID FROM API_CLIENTS WHERE API_KEY = :api_key";', 'sql2 = "UPDATE API_SESSIONS SET REVOKED = 1 WHERE TOKEN = @token";') },
    { code: jb('$body = "Password: (hidden)\\r\\nToken: (hidden)";', '$tpl = "https://api.northwind-ops.com/v1?api_key={api_key}";') },
    { code: jb('$u = "https://portal.northwind-ops.com/items?auth=cookie&page=1";', '$t = "https://maps.northwind-ops.com/tiles?key=abc&page=2";') },
    // A segment of an ARN names a secret; it is no secret value.
    { code: jb('$kv.secret_arn = "arn:aws:secretsmanager:eu-central-1:483920117365:secret:erp-db-Xk29Qa";') },
    // AWS's documented example key inside a pre-signed URL's credential scope.
    { code: jb('$d = "https://s3.amazonaws.com/b/k?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request";') },
    // A public key commented out line by line.
    { code: jb(...pemPrivateKey(326, 'PUBLIC KEY').map((l) => `// ${l}`)) },
    // A piece after a key split from it that is no credential: a scheme word, a placeholder, a template slot, words.
    { code: jb('$a = "Auth mode: " + "basic";', '$b = "Loading session for " + "customer 42";', '$c = "Password=" + "${DB_PASSWORD}" + ";";', '$d = "X-Api-Key: " + "{{api_key}}";', '$e = "<Token>" + "</Token>";', '$f = "Authorization: Bearer " + "<token>";') },
    // A piece after `sig=` that is no signature, or a reference.
    { code: jb('$u = "https://northwind.blob.core.windows.net/in?sv=2022-11-02&sp=r&sig=" + $blob.sas_sig;', '$v = "https://northwind.blob.core.windows.net/in?sp=r&sig=" + "<signature>";', '$w = "https://northwind.blob.core.windows.net/in?sp=r&sig=" + "pending";') },
  ],
  invalid: [
    // The AWS secret access key in its own literal beside the key id's, under names that say nothing.
    { code: jb(`$s3.access = "${awsKeyId(335)}";`, `$s3.sk = "${awsSecretKey(336)}";`), lines: [2, 3] },
    // Oracle JDBC URLs carry user/password before the host.
    { code: jb(`$db.ora = "jdbc:oracle:thin:erp_ro/${pick(333, 12)}@ora01.northwind-ops.com:1521/ERPPRD";`, `$db.oci = "jdbc:oracle:oci:etl/\\"${password(334)}\\"@ERPPRD";`), lines: [2, 3], secrets: [pick(333, 12), password(334)] },
    // A header named like a key inside a header block holds a random key.
    { code: jb(`$h = "Accept: application/json\\r\\nX-Auth-Key: ${hex(331, 32)}";`), lines: [2] },
    // Cloud keys.
    { code: jb(`$k = "${akia}";`), lines: [2], message: /AWS access key id/, fix: true },
    { code: jb(`$pair = "${akia}:${awsSecret}";`), lines: [2, 2], message: /AWS/ },
    { code: jb(`$c = "DefaultEndpointsProtocol=https;AccountName=northwind;AccountKey=${azure};EndpointSuffix=core.windows.net";`), lines: [2], message: /Azure storage account key/, fix: true },
    { code: jb(`$u = "https://northwind.blob.core.windows.net/in?sv=2022-11-02&ss=b&sp=r&sig=${sas}";`), lines: [2], message: /SAS/ },
    // A SAS signature split from its `sig=` by a concatenation: on the line of the signature's piece.
    { code: jb('$u = "https://northwind.blob.core.windows.net/in?sv=2022-11-02&ss=b&sp=r&sig=" +', `  "${sas}";`), lines: [3], message: /SAS/ },
    { code: js('var u = "https://northwind.blob.core.windows.net/in?sp=r&sig=" + "' + sasSignature(312) + '" + "&sr=b";'), file: 'split-sas.js', lines: [2], message: /SAS/ },
    // Any credential split from its key by a concatenation is read with the key: a connection string's `Pwd=`, a URL
    // parameter, a key-named header, an XML element closed by the next piece. On the line of the value's piece.
    { code: jb('$c = "Server=db1;Uid=etl;Pwd=" +', `  "${connPw}" + ";";`), lines: [3], message: /connection string/ },
    { code: jb(`$u = "https://api.northwind-ops.com/v1/items?api_key=" + "${paramKey}";`), lines: [2], message: /api_key/ },
    { code: js('var h = "X-Api-Key: " + "' + paramKey + '";'), file: 'split-header.js', lines: [2], message: /X-Api-Key/ },
    { code: jb(`$x = "<wsse:Password>" + "${connPw}" + "</wsse:Password>";`), lines: [2], message: /Password/ },
    { code: jb(`$g = "${google}";`), lines: [2], message: /Google API key/ },
    // SaaS tokens.
    { code: jb(`$candidate = "${badChecksum}";`), lines: [2], message: /GitHub personal access token/ },
    { code: jb(`$h = "token ${gh}";`), lines: [2], message: /GitHub personal access token/ },
    { code: jb(`$o = "${githubToken(325, 'gho')}";`), lines: [2], message: /GitHub OAuth/ },
    { code: jb(`$f = "${githubFineGrainedToken(328)}";`), lines: [2], message: /GitHub fine-grained/ },
    { code: jb(`$k = "${awsKeyId(329, 'ASIA')}";`), lines: [2], message: /AWS access key id/ },
    { code: jb(`$r = "${stripeLiveKey(330, 'rk')}";`), lines: [2], message: /Stripe/ },
    { code: jb(`$s = "${slack}";`), lines: [2], message: /Slack token/ },
    { code: jb(`$p = "${stripe}";`), lines: [2], message: /Stripe live secret key/ },
    { code: jb(`$m = "${sendgrid}";`), lines: [2], message: /SendGrid/ },
    { code: jb(`$t = "${tw.sid}:${tw.token}";`), lines: [2], message: /Twilio/ },
    { code: jb(`$sess = "${sf}";`), lines: [2], message: /Salesforce session id/ },
    { code: jb(`$t = "${token}";`), lines: [2], message: /JSON Web Token/ },
    // PEM private key: the -----BEGIN line, also when the string opens on an earlier line.
    { code: jb('$key = "', ...pem, '";'), lines: [3], message: /PEM private key block/ },
    { code: jb(`$key = "${pem.join('\\n')}";`), lines: [2] },
    // A private key pasted as a concatenation of line literals, under any name: the BEGIN line, once.
    { code: jb('$x = 1;', `blob = ${pem.map((l) => JSON.stringify(`${l}\\n`)).join(' +\n  ')};`), lines: [3], message: /PEM private key block/ },
    { code: js(`var signingKey = ${pem.map((l) => JSON.stringify(`${l}\\n`)).join('\n  + ')};`), file: 'pem.js', lines: [2], message: /PEM private key block/ },
    // A private key listed line by line in an array (joined later), under a name that says nothing: the BEGIN line.
    { code: js('var deploy = [', ...pem.map((l) => `  ${JSON.stringify(l)},`), '].join("\\n");'), file: 'pem-lines.js', lines: [3], message: /PEM private key block/ },
    // A private key commented out line by line: the BEGIN line.
    { code: jb('$x = 1;', ...pem.map((l) => `  // ${l}`)), lines: [3], message: /PEM private key block.*in a comment/ },
    // A URL parameter named just `key` with a random value.
    { code: jb(`$u = "https://geo.northwind-ops.com/v2/zones?lat=1&key=${hex(330, 40)}";`), lines: [2], message: /URL parameter "key"/ },
    // An empty user name; connection-string passwords that start with an operator character.
    { code: jb(`$r = "redis://:${userinfoPw}@cache.northwind.local:6379/0";`), lines: [2], message: /URL user-info/ },
    { code: jb(`c = "Server=sql01;User Id=svc;Password=-!${connPw};";`), lines: [2], message: /connection string/ },
    { code: jb(`c = "Server=sql01;User Id=svc;Password=*${connPw};";`), lines: [2], message: /connection string/ },
    // Credentials inside structured strings.
    {
      code: jb(`$u = "https://svc-orders:${userinfoPw}@api.northwind-ops.com/v1";`), lines: [2], message: /URL user-info/,
      fix: { output: jb('$u = "https://svc-orders:" + $url_userinfo_password + "@api.northwind-ops.com/v1";') },
    },
    { code: jb(`$u = "https://svc-orders:${encodeURIComponent(userinfoPw + '@#')}@api.northwind-ops.com/v1";`), lines: [2] },
    { code: jb(`$c = "Server=db1;Database=orders;User Id=svc;Password=${connPw};";`), lines: [2], message: /connection string/ },
    { code: jb(`$c = "Driver={SQL Server};Server=db1;UID=svc;PWD=${connPw};";`), lines: [2] },
    { code: jb(`$c = "jdbc:postgresql://db1:5432/orders?user=svc&password=${connPw}";`), lines: [2] },
    { code: jb(`$logon = "USER=svc;PASSWD=${connPw};DB=prod";`), lines: [2] },
    { code: jb(`$c = "jdbc:sqlserver://db1:1433;databaseName=orders;user=svc;password=${connPw}";`), lines: [2] },
    { code: jb(`$h = "Authorization: Bearer ${bearer}";`), lines: [2], message: /bearer token/i },
    { code: jb(`$h = "Basic ${basic}";`), lines: [2], message: /HTTP Basic/ },
    { code: jb(`$b = "${basic}";`), lines: [2], message: /user:password/ },
    { code: jb(`$u = "https://api.northwind-ops.com/v1/orders?api_key=${paramKey}";`), lines: [2], message: /URL parameter/ },
    { code: jb(`$body = "<Auth><SharedSecret>${pick(326, 24)}</SharedSecret></Auth>";`), lines: [2], message: /SharedSecret/ },
    // In a multi-line string, the line of the value.
    { code: jb('$body = "{', '  \\"user\\": \\"svc\\",', `  \\"api_key\\": \\"${paramKey}\\"`, '}";'), lines: [4] },
    // Comments, including commented-out tokens.
    { code: jb(`// old key: ${gh}`, '$x = 1;'), lines: [2], message: /in a comment/ },
    { code: jb('/* rotated:', ` ${stripe}`, '*/', '$x = 1;'), lines: [3] },
    // JavaScript and hosts.
    // Template literals (not ES5, but written): their text is hard-coded like any string, with or without substitutions.
    { code: js('var pemText = `' + pem.join('\n') + '`;'), file: 'pem-template.js', lines: [2], message: /PEM private key block/ },
    { code: js('var u = `redis://:' + userinfoPw + '@cache.northwind.local:6379/${db}`;', 'var k = `' + stripe + '`;'), file: 'tpl.js', lines: [2, 3] },
    { code: js(`var key = "${stripe}";`), file: 'charge.js', lines: [2], fix: true },
    { code: js(`var line = "Authorization: Bearer ${bearer}";`), file: 'hdr.js', lines: [2] },
    { code: exported.text, file: 'project.json', lines: exported.linesOf(stripe) },
    { code: designStudioScript(`$carrier.url = "https://svc:${userinfoPw}@edi.northwind-ops.com/in";`), file: 'Data/Script/edi.xml', lines: [7] },
    // An XML comment of a Design Studio entity is a comment like any other (the key sits on line 3).
    { code: designStudioScript('$x = 1;').replace('<Entity type="Script">', `<Entity type="Script">\n  <!-- old key ${awsKeyId(354)} -->`), file: 'Data/Script/old.xml', lines: [3], message: /AWS access key id .* in a comment/ },
    // Several tokens on several lines.
    { code: jb(`$a = "${gh}";`, `$b = "${password(327)}";`, `$c = "${token}";`), lines: [2, 4] },
    // More providers' formats, under names that say nothing.
    { code: jb(`do_tok = "dop_v1_${hex(340, 64)}";`), lines: [2], message: /DigitalOcean/ },
    { code: jb(`$gcal.client = "GOCSPX-${pick(341, 28)}";`), lines: [2], message: /Google OAuth client secret/ },
    { code: jb(`$jira.cfg = "ATATT3xFfGF0${pick(342, 180)}";`), lines: [2], message: /Atlassian/ },
    { code: jb(`$graph.cs = "${pick(343, 3)}8Q~${pick(344, 34)}";`), lines: [2], message: /Entra ID client secret/ },
    { code: jb(`$mg = "api:key-${hex(345, 32)}";`), lines: [2], message: /Mailgun/ },
    { code: jb(`$teams.url = "https://northwind.webhook.office.com/webhookb2/${uuid(346)}@${uuid(347)}/IncomingWebhook/${hex(348, 32)}/${uuid(349)}";`), lines: [2], message: /Teams/ },
    // Other Authorization schemes (Okta SSWS) in a header string.
    { code: jb(`$okta.headers = "Accept: application/json\\r\\nAuthorization: SSWS 00${pick(350, 40)}";`), lines: [2], message: /SSWS credential/ },
    // A password with an unencoded `#` in URL user-info.
    { code: jb(`$mq = "amqps://svc_orders:${pick(351, 10)}#${pick(352, 5)}@mq.northwind.local:5671/prod";`), lines: [2], message: /URL user-info/ },
  ],
});
