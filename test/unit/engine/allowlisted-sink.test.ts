import { strict as assert } from 'node:assert';
import { CONFIG_FILE_NAME, resolveConfig, valueHash } from '../../../core/src/engine/config';
import { createProject, type ResolvedConfig } from '../../../core/src/index';
import { password, stripeLiveKey } from '../../rules/fakes';

// An allowlisted value is no secret (the team said so): neither the literal nor a log of it alone is a finding. A log
// with any other sensitive input (a credential-named variable, a second literal not allowed) still is.

const key = stripeLiveKey(811);
const other = stripeLiveKey(812);
const pw = password(813);

function configWith(allowlist: object): ResolvedConfig {
  const files: Record<string, string> = { [`/p/${CONFIG_FILE_NAME}`]: JSON.stringify({ allowlist }) };
  const c = resolveConfig('/p/src/a.jb', (p) => files[p]);
  assert.deepEqual(c.problems, []);
  return c;
}

const NONE = configWith({});

/** `rule id@line` of the findings of /p/src/a.jb (with other files of the project). */
function findings(code: string, config: ResolvedConfig, others: Record<string, string> = {}): string[] {
  const project = createProject();
  project.setFile('/p/src/a.jb', code);
  for (const [p, t] of Object.entries(others)) project.setFile(p, t);
  return project.analyzeFile('/p/src/a.jb', config).findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`);
}

const jb = (...lines: string[]): string => ['<trans>', ...lines, '</trans>'].join('\n');

describe('allowlisted secret literals reaching a log sink', () => {
  const logged = jb(`k = "${key}";`, 'WriteToOperationLog("key " + k);');

  it('are reported without an allowlist', () => {
    assert.deepEqual(findings(logged, NONE), ['secrets/known-token@2', 'logging/sensitive-data@3']);
  });

  it('are not reported when a value pattern allows the value', () => {
    assert.deepEqual(findings(logged, configWith({ values: [`^${key}$`] })), []);
  });

  it('are not reported when a hash allows the value (a credential-named local)', () => {
    const code = jb(`password = "${pw}";`, 'WriteToOperationLog(password);');
    assert.deepEqual(findings(code, NONE), ['secrets/credential-name@2', 'logging/sensitive-data@3']);
    assert.deepEqual(findings(code, configWith({ hashes: [valueHash(pw)] })), []);
  });

  it('still report a log with a credential-named variable besides the allowed literal', () => {
    const code = jb(`k = "${key}";`, 'WriteToOperationLog("key " + k + " pw " + $db_password);');
    assert.deepEqual(findings(code, configWith({ values: [`^${key}$`] })), ['logging/sensitive-data@3']);
  });

  it('still report a log of a second literal the allowlist does not allow', () => {
    const code = jb(`a = "${key}";`, `b = "${other}";`, 'WriteToOperationLog(a + b);');
    assert.deepEqual(findings(code, configWith({ values: [`^${key}$`] })), ['secrets/known-token@3', 'logging/sensitive-data@4']);
    assert.deepEqual(findings(code, configWith({ values: [`^${key}$`, `^${other}$`] })), []);
  });

  it('are not reported when the literal sits in a file excluded by allowlist.paths (another script sets the global)', () => {
    const others = { '/p/fixtures/seed.jb': jb(`$seed_value = "${key}";`) };
    const code = jb('WriteToOperationLog("seed " + $seed_value);');
    assert.deepEqual(findings(code, NONE, others), ['logging/sensitive-data@2']);
    assert.deepEqual(findings(code, configWith({ paths: ['fixtures/**'] }), others), []);
    // The allowlist covers the value's file only: a credential name read beside it is still logged.
    assert.deepEqual(findings(jb('WriteToOperationLog($seed_value + $api_token);'), configWith({ paths: ['fixtures/**'] }), others), ['logging/sensitive-data@2']);
  });

  it('are not reported in a batch run either (the value allowed, passed through a global)', () => {
    const project = createProject();
    project.setFile('/p/src/set.jb', jb(`$erp.seed = "${key}";`));
    project.setFile('/p/src/a.jb', jb('WriteToOperationLog($erp.seed);'));
    const run = (config: ResolvedConfig) => project.analyzeAll(() => config).flatMap((a) => a.findings.map((f) => `${a.path}:${f.ruleId}`));
    assert.deepEqual(run(NONE).sort(), ['/p/src/a.jb:logging/sensitive-data', '/p/src/set.jb:secrets/known-token']);
    assert.deepEqual(run(configWith({ values: [`^${key}$`] })), []);
  });
});
