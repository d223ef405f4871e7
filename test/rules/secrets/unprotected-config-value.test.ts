import { runRuleTable } from '../rule-tester';
import { githubToken, jwt, password, pick, stripeLiveKey } from '../fakes';
import { cloudExport, designStudioProjectVariable, designStudioScript } from '../hosts';

// detection-policy §1: project-variable values that are not hidden; Clarifications: `<Item key="…">` in Design
// Studio files (a value with enc="true" is hidden, not a finding); issue: a credential field mixing [pv] with text.
const pw = password(401);
const key = pick(402, 32);
const stripe = stripeLiveKey(403);
const pv = (name: string, value: string, hidden = false) => cloudExport({ projectVariables: [{ name, value, hidden }] });

const visible = pv('carrier_api_key', key);
const hidden = pv('carrier_api_key', key, true);
const tokenValue = pv('stripe_config', stripe);
const plain = pv('carrier_region', 'eu-west-1');
const placeholder = pv('carrier_password', '<set per environment>');
const url = pv('carrier_token_url', 'https://login.northwind-ops.com/oauth2/token');
const mixed = cloudExport({ endpoints: [{ name: 'Dock SFTP', properties: { host: 'sftp.northwind-ops.com', username: 'svc', password: `[sftp_password]${pick(404, 12)}` } }] });
const pvOnly = cloudExport({ endpoints: [{ name: 'Dock SFTP', properties: { host: 'sftp.northwind-ops.com', username: 'svc', password: '[sftp_password]' } }] });
const emptyField = cloudExport({ endpoints: [{ name: 'Dock SFTP', properties: { host: 'sftp.northwind-ops.com', username: 'svc', password: '' } }] });
const userinfoPw = pick(407, 12);
const bearer = jwt(408);
const props = cloudExport({ endpoints: [{ name: 'Archive Drop', properties: { url: `https://archiver:${userinfoPw}@archive.northwind-ops.com/drop`, requestHeaders: `Authorization: Bearer ${bearer}`, description: 'Nightly archive upload' } }] });
const connection = cloudExport({ endpoints: [{ name: 'Reporting DB', properties: { connectionString: 'Server=[pv_server];Database=Reporting;User Id=rpt_etl;Password=[pv_rpt_password];' } }] });
const connectionLiteral = cloudExport({ endpoints: [{ name: 'Reporting DB', properties: { connectionString: `Server=[pv_server];Database=Reporting;User Id=rpt_etl;Password=${pw};` } }] });
const two = cloudExport({ projectVariables: [{ name: 'erp_password', value: pw }, { name: 'erp_user', value: 'svc-erp' }, { name: 'erp_api_token', value: githubToken(405) }] });

const schemeWithPv = cloudExport({ endpoints: [{ name: 'Dock API', properties: { Authorization: 'Bearer [pv_access_token]', authHeader: 'Basic [pv_basic_b64]' } }] });
const userPwRefs = cloudExport({ endpoints: [{ name: 'Dock API', properties: { credentials: '[dock_user]:[dock_password]' } }] });
const lettersOnly = cloudExport({ endpoints: [{ name: 'Dock SAP', properties: { host: 'sap.northwind-ops.com', Passwort: 'Sommerregenwald' } }] });
const bearerLiteral = cloudExport({ endpoints: [{ name: 'Dock API', properties: { Authorization: 'Bearer [pv_prefix]Zq8vN3kLp7Wx2RtY' } }] });
const sessionField = cloudExport({ endpoints: [{ name: 'Dock CRM', properties: { sessionId: 'QwErTyUiOpAsDfGhJkLzXcVbNmQwErTy' } }] });

const FIELD_PAIRS = [
  '{',
  '  "metadataVersion": "3.0.1",',
  '  "endpoints": [{ "name": "Dock FTP", "fields": [',
  '    { "fieldName": "host", "fieldValue": "ftp.northwind-ops.com" },',
  `    { "fieldName": "password", "fieldValue": "${pick(407, 14)}" }`,
  '  ] }],',
  '  "components": []',
  '}',
].join('\n');

runRuleTable('secrets/unprotected-config-value', {
  valid: [
    { code: hidden.text, file: 'hidden.json' },
    { code: plain.text, file: 'plain.json' },
    { code: placeholder.text, file: 'placeholder.json' },
    { code: url.text, file: 'url.json' },
    { code: pvOnly.text, file: 'pv-only.json' },
    { code: emptyField.text, file: 'empty.json' },
    // A connection string is literal text around its references: nothing is a credential here.
    { code: connection.text, file: 'connection.json' },
    { code: designStudioProjectVariable('dock_ftp_password', pw, true), file: 'Data/ProjectVariable/dock.xml' },
    { code: designStudioProjectVariable('dock_region', 'us-east-2'), file: 'Data/ProjectVariable/region.xml' },
    { code: designStudioScript('$x = 1;', [{ key: 'gate_secret', value: Buffer.from('opaque-ciphertext-bytes').toString('base64'), enc: true }]), file: 'Data/Script/gate.xml' },
    { code: designStudioScript('$x = 1;', [{ key: 'folder', value: 'Dock' }]), file: 'Data/Script/folder.xml' },
    // An auth scheme or separators beside references add no literal credential.
    { code: schemeWithPv.text, file: 'scheme-pv.json' },
    { code: FIELD_PAIRS.replace(pick(407, 14), '[ftp_password]'), file: 'field-pairs-ref.json' },
    { code: userPwRefs.text, file: 'user-pw-refs.json' },
  ],
  invalid: [
    { code: visible.text, file: 'visible.json', secrets: [key], lines: visible.linesOf(key), severity: 'error', message: /project variable `carrier_api_key`/ },
    { code: tokenValue.text, file: 'token.json', secrets: [stripe], lines: tokenValue.linesOf(stripe), message: /Stripe live secret key/ },
    { code: mixed.text, file: 'mixed.json', secrets: [pick(404, 12)], lines: mixed.linesOf('[sftp_password]'), message: /mixes a project variable/ },
    // Any component property is scanned for known credential formats (URL user-info, Authorization headers…).
    { code: props.text, file: 'props.json', secrets: [userinfoPw, bearer], lines: [...props.linesOf(userinfoPw), ...props.linesOf(bearer)], message: /component property `(url|requestHeaders)`/ },
    { code: connectionLiteral.text, file: 'connection-literal.json', secrets: [pw], lines: connectionLiteral.linesOf(pw) },
    // Any credential name is a credential field, whatever the value's shape (letters only: no digit or dot to go by).
    { code: lettersOnly.text, file: 'letters-only.json', secrets: ['Sommerregenwald'], lines: lettersOnly.linesOf('Sommerregenwald'), message: /`Passwort`/ },
    { code: sessionField.text, file: 'session.json', secrets: ['QwErTyUiOpAsDfGhJkLzXcVbNmQwErTy'], lines: sessionField.linesOf('QwErTyUiOpAsDfGhJkLzXcVbNmQwErTy'), message: /`sessionId`/ },
    { code: bearerLiteral.text, file: 'bearer-literal.json', secrets: ['[pv_prefix]'], lines: bearerLiteral.linesOf('[pv_prefix]'), message: /mixes a project variable/ },
    { code: two.text, file: 'two.json', secrets: [pw, githubToken(405)], lines: [...two.linesOf(pw), ...two.linesOf(githubToken(405))] },
    // Pairs named by `fieldName`/`fieldValue` (or `propertyName`/`propertyValue`…) are pairs like `name`/`value`.
    { code: FIELD_PAIRS, file: 'field-pairs.json', secrets: [pick(407, 14)], lines: [5], message: /property `password`/ },
    // A header pair (`header`/`value`, as scripts write them): one set of spellings with the script flow.
    { code: FIELD_PAIRS.replace('{ "fieldName": "password", "fieldValue"', '{ "header": "X-Api-Key", "value"'), file: 'header-pair.json', secrets: [pick(407, 14)], lines: [5], message: /`X-Api-Key`/ },
    { code: designStudioProjectVariable('dock_ftp_password', pw), file: 'Data/ProjectVariable/dock.xml', secrets: [pw], lines: [6], message: /`dock_ftp_password`/ },
    { code: designStudioProjectVariable('dock_ftp_password', 'changeit'), file: 'Data/ProjectVariable/weak.xml', lines: [6], secrets: [] },
    { code: designStudioScript('$x = 1;', [{ key: 'gate_password', value: pick(406, 20) }]), file: 'Data/Script/gate.xml', secrets: [pick(406, 20)], lines: [5], message: /property `gate_password`/ },
  ],
});
