// Regenerates core/src/semantics/catalogue-data.json from the reference catalogue in ../shared.
// Only facts are taken (names, parameters, arity, credential positions, sinks); descriptions are written by
// describe() below in the project's own words.
import { readFileSync, writeFileSync } from 'node:fs';

const src = JSON.parse(readFileSync(new URL('../../shared/jitterbit/functions.json', import.meta.url), 'utf8'));

const NOTES = {
  WriteToOperationLog: 'Writes its message to the operation log in Harmony. Anyone who can read the logs sees it: never log credentials or personal data.',
  RaiseError: 'Stops the script with an error; the message is written to the error log.',
  SetLastError: 'Records a warning message that is logged and returned by GetLastError().',
  SendEmail: 'Sends an e-mail. The account password (7th argument) must come from a hidden project variable.',
  SendSystemEmail: 'Sends an e-mail through the agent’s SMTP settings.',
  LDAPConnect: 'Connects to an LDAP directory. Pass the password from a hidden project variable.',
  AESEncryption: 'Encrypts text with AES. The passphrase and salt are secrets: read them from hidden project variables.',
  AESDecryption: 'Decrypts AES-encrypted text. The result is sensitive; the passphrase and salt are secrets.',
  SetSalesforceSession: 'Uses an existing Salesforce session id; the session id is a credential.',
  GetSalesforceTimestamp: 'Returns the Salesforce server time; needs a session id (a credential).',
  NetSuiteLogin: 'Logs in to NetSuite and returns a session id, which is a credential.',
  SalesforceLogin: 'Logs in to Salesforce; the session it opens is a credential.',
  DebugBreak: 'Pauses script testing in Studio. Remove it before deploying.',
  Get: 'Reads a global, project or Jitterbit variable by name (without $).',
  Set: 'Writes a global variable by name (without $).',
  'Jitterbit.GetVar': 'Reads a Jitterbit variable from JavaScript; the name includes the $.',
  'Jitterbit.SetVar': 'Writes a Jitterbit variable from JavaScript; the value is stored as a string.',
  SetScriptResult: 'Sets the result shown when the script is tested.',
  MD5: 'Returns the MD5 hash of its argument as hex text.',
  SHA256: 'Returns the SHA-256 hash of its argument as hex text.',
  If: 'Returns the second argument when the condition is true, else the third.',
  Case: 'Returns the result paired with the first true condition.',
  While: 'Evaluates the body while the condition holds (at most 50,000 iterations by default).',
  Eval: 'Evaluates the first argument; on error returns the second.',
  RunScript: 'Runs another script; extra arguments arrive as _1, _2, … in the callee.',
};

function describe(f) {
  const sig = `${f.name}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
  const note = NOTES[f.name] ?? `${f.category} function.`;
  return `${sig} → ${f.returns}. ${note}`;
}

const out = src.map((f) => {
  const o = {
    name: f.name,
    category: f.category,
    language: f.language ?? 'jitterbit',
    params: f.params.map((p) => {
      const q = { name: p.name, type: p.type, optional: !!p.optional };
      if (p.secret) q.secret = p.secretKind ?? 'secret';
      if (p.credentialIdentifier) q.credentialIdentifier = true;
      if (p.componentReference) q.componentReference = true;
      return q;
    }),
    returns: f.returns,
    minArgs: f.minArgs ?? f.params.filter((p) => !p.optional).length,
    maxArgs: f.maxArgs ?? (f.variadic ? 100 : f.params.length),
    description: describe(f),
  };
  if (f.logs) o.logs = true;
  if (f.sink) o.sink = f.sink;
  if (f.dataParams) o.dataParams = f.dataParams;
  if (f.returnsSecret) o.returnsSecret = true;
  if (f.deprecated) o.deprecated = true;
  return o;
});
writeFileSync(new URL('../core/src/semantics/catalogue-data.json', import.meta.url), JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${out.length} functions`);
