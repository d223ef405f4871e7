/**
 * A project full of generated secrets and personal data, in every host format, that makes every rule (and every
 * message template of every rule, directive problems included) report at least once. Used by the meta test (message
 * templates, fix declarations) and the no-leak test (no raw value in anything that leaves the core).
 */
import { createProject, DEFAULT_CONFIG, type Finding } from '../../core/src/index';
import {
  awsKeyId, awsSecretKey, azureAccountKey, basicAuth, cardNumber, germanIban, githubToken, googleApiKey, groupCard, hex, jwt,
  password, pemPrivateKey, pick, salesforceSession, sasSignature, sendgridKey, slackBotToken, ssn, stripeLiveKey, twilio,
} from './fakes';
import { cloudExport, designStudioProjectVariable, designStudioScript, js } from './hosts';
import { jb } from './rule-tester';

export interface LeakFixture {
  files: Record<string, string>;
  /** Every raw secret or personal value written into the files. */
  raw: string[];
}

export function leakFixture(): LeakFixture {
  const raw: string[] = [];
  const v = <T extends string>(x: T): T => {
    raw.push(x);
    return x;
  };

  const ldapPw = v(password(1301));
  const passphrase = v(pick(1302, 24));
  const salt = v(pick(1303, 16));
  const sfSession = v(salesforceSession(1304));
  const dbPw = v(password(1305));
  const callerKey = v(hex(1306, 32));
  const commented = v(pick(1307, 18));
  const gh = v(githubToken(1308));
  const akia = v(awsKeyId(1309));
  const awsSecret = v(awsSecretKey(1310));
  const google = v(googleApiKey(1311));
  const slack = v(slackBotToken(1312));
  const stripe = v(stripeLiveKey(1313));
  const sendgrid = v(sendgridKey(1314));
  const tw = twilio(1315);
  v(tw.token);
  const token = v(jwt(1316));
  const pem = pemPrivateKey(1317);
  for (const line of pem.slice(1, -1)) v(line);
  const urlPw = v(pick(1318, 14));
  const connPw = v(pick(1319, 14));
  const bearer = v(pick(1320, 40));
  const basicPw = v(pick(1321, 12));
  const basic = v(basicAuth('svc-orders', basicPw));
  const sas = v(sasSignature(1322));
  const azure = v(azureAccountKey(1323));
  const ghComment = v(githubToken(1324));
  const email = v('tomasz.wielgosz@brightwater-freight.com');
  const phone = v('(415) 829-3310');
  const theSsn = v(ssn(1325));
  const card = v(cardNumber(1326));
  const iban = v(germanIban(1327));
  const person = v('Marcus Whitfield');
  const dob = v('1979-11-02');
  const httpPw = v(pick(1328, 12));
  const jsKey = v(pick(1329, 32));
  const jsPw = v(password(1330));
  const pvKey = v(pick(1331, 32));
  const hiddenPv = v(pick(1332, 32));
  const pvStripe = v(stripeLiveKey(1333));
  const mixedTail = v(pick(1334, 12));
  const exportPw = v(password(1335));
  const mapKey = v(pick(1336, 32));
  const dsPv = v(password(1337));
  const dsItem = v(pick(1338, 20));
  const dsScriptPw = v(password(1339));
  const confTok = v(hex(1340, 40));
  const confOld = v(hex(1341, 40));
  const confPw = v(password(1342));
  const confGh = v(githubToken(1343));
  const pvEmail = v('liam.obrien@kestrel-analytics.io');
  const pvCard = v(groupCard(cardNumber(1344), '-'));
  const sessionWriter = v(pick(1345, 40));

  const main = jb(
    `LDAPConnect("ldap.northwind-ops.com", "cn=svc", "${ldapPw}");`,
    `enc = AESEncryption($payload, "${passphrase}", "${salt}");`,
    `SetSalesforceSession("https://na1.salesforce.com", "${sfSession}", "60.0");`,
    `$db_password = "${dbPw}";`,
    'callerKey = $jitterbit.api.request.headers.x_api_key;',
    `If(callerKey == "${callerKey}", "ok", RaiseError("denied"));`,
    `// $pw = "${commented}";`,
    `$a = "token ${gh}";`,
    `$b = "${akia}:${awsSecret}";`,
    `$c = "${google}";`,
    `$d = "${slack}";`,
    `$e = "${stripe}";`,
    `$f = "${sendgrid}";`,
    `$g = "${tw.sid}:${tw.token}";`,
    `$h = "${token}";`,
    `$i = "${pem.join('\\n')}";`,
    `$j = "https://svc-orders:${urlPw}@api.northwind-ops.com/v1";`,
    `$k = "Server=db1;User Id=svc;Password=${connPw};";`,
    `$l = "Authorization: Bearer ${bearer}";`,
    `$m = "Basic ${basic}";`,
    `$n = "https://northwind.blob.core.windows.net/in?sv=2022-11-02&ss=b&sig=${sas}";`,
    `$o = "DefaultEndpointsProtocol=https;AccountName=northwind;AccountKey=${azure};EndpointSuffix=core.windows.net";`,
    `// rotated: ${ghComment}`,
    `WriteToOperationLog("charging with ${stripe}");`,
    'WriteToOperationLog("pw " + $db_password);',
    'WriteToOperationLog($jitterbit.api.request.body);',
    `$to = "${email}";`,
    `$p = "${phone}";`,
    `$s = "${theSsn}";`,
    `$cc = "${card}";`,
    `$ib = "${iban}";`,
    `rec = "${person},${dob},17 Larkspur Lane";`,
    `rec2 = {"${person}", "${dob}", "17 Larkspur Lane"};`,
    'DebugBreak();',
    `$u = "http://svc:${httpPw}@api.northwind-ops.com/v1";`,
    '$jitterbit.northwind.flag = 1;',
    'x = Frobnicate(1);',
    'y = Left("abc");',
    '// jitterbit-guard-disable-next-line secrets/credential-name',
    `$api_token = "${pick(1346, 32)}";`,
    '// jitterbit-guard-disable-next-line pii/email -- nothing here',
    '$nothing = 1;',
    '// jitterbit-guard-disable-next-line secrets/credential-name, pii/phone -- rotated test key',
    `$client_secret = "${pick(1347, 32)}";`,
    '// jitterbit-guard-enable secrets/known-token',
  );
  v(pick(1346, 32));
  v(pick(1347, 32));

  const propPw = pick(1348, 14);
  v(propPw);
  const exported = cloudExport({
    projectVariables: [
      { name: 'carrier_api_key', value: pvKey },
      { name: 'carrier_signing', value: hiddenPv, hidden: true },
      { name: 'stripe_config', value: pvStripe },
      { name: 'escalation_contact', value: pvEmail },
      { name: 'test_payment_method', value: pvCard },
    ],
    scripts: [{ name: 'Carrier Login', body: jb(`$carrier_password = "${exportPw}";`, 'WriteToOperationLog("sig " + $carrier_signing);') }],
    mappings: [{ targetPath: 'Carrier/apiKey', script: jb(`$carrier_api_key2 = "${mapKey}";`, '$carrier_api_key2') }],
    endpoints: [
      { name: 'Dock SFTP', properties: { host: 'sftp.northwind-ops.com', username: 'svc', password: `[sftp_password]${mixedTail}` } },
      { name: 'Archive Drop', properties: { url: `https://archiver:${propPw}@archive.northwind-ops.com/drop` } },
    ],
  });

  const files: Record<string, string> = {
    'scripts/main.jb': main,
    'scripts/writer.jb': jb(`$sf_sess = "${sessionWriter}";`, '$sf_sess2 = SalesforceLogin("sf_org");'),
    'scripts/reader.jb': jb('WriteToOperationLog("s=" + $sf_sess);', 'WriteToOperationLog("t=" + $sf_sess2);'),
    'scripts/carrier.js': js(
      `var apiKey = "${jsKey}";`,
      'var obj = {};',
      `obj.password = "${jsPw}";`,
      'WriteToOperationLog("key " + apiKey);',
      'var pw = Jitterbit.GetVar("$db_password");',
      'SetLastError("pw " + pw);',
    ),
    'export/project.json': exported.text,
    'Data/ProjectVariable/8c1f3a5e-7b9d-4e02-a6c4-000000000002.xml': designStudioProjectVariable('dock_ftp_password', dsPv),
    'Data/Script/4e8a1c3f-6b2d-4f90-a7e5-000000000001.xml': designStudioScript(
      `$dock.password = "${dsScriptPw}";\nWriteToOperationLog("gate " + $dock.password);`,
      [{ key: 'gate_password', value: dsItem }],
    ),
    'agent/jitterbit.conf': [
      '[PredefinedGlobalVariables]',
      `erp_api_token=${confTok}`,
      `#erp_old_token=${confOld}`,
      '[SMTP]',
      `password=${confPw}`,
      `# rotated: ${confGh}`,
      '',
    ].join('\n'),
  };
  return { files, raw };
}

/** Analyses every file of the fixture as one project. */
export function analyseFixture(f: LeakFixture = leakFixture()): Finding[] {
  const project = createProject();
  for (const [p, t] of Object.entries(f.files)) project.setFile(p, t);
  return project.files().flatMap((p) => project.analyzeFile(p, DEFAULT_CONFIG).findings.map((x) => ({ ...x, path: p })));
}
