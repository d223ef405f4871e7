import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONFIG_FILE_NAME,
  ConfigResolver,
  DEFAULT_CONFIG,
  compileValuePattern,
  isPathAllowed,
  isValueAllowed,
  parseConfigText,
  resolveConfig,
  ruleOptions,
  ruleSeverity,
  valueHash,
} from '../../../core/src/engine/config';
import type { ReadFileFn } from '../../../core/src/engine/project-api';

/** An in-memory file system that counts reads. */
function memFs(files: Record<string, string | object>): ReadFileFn & { reads: string[] } {
  const reads: string[] = [];
  const fn = ((p: string) => {
    reads.push(p);
    const v = files[p];
    if (v === undefined) return undefined;
    return typeof v === 'string' ? v : JSON.stringify(v);
  }) as ReadFileFn & { reads: string[] };
  fn.reads = reads;
  return fn;
}

const cfg = (dir: string): string => `${dir}/${CONFIG_FILE_NAME}`;

describe('config: defaults', () => {
  it('has no sources, no rules and fail level warning when no config exists', () => {
    const c = resolveConfig('/p/src/a.jb', memFs({}));
    assert.deepEqual(c.sources, []);
    assert.deepEqual(c.rules, {});
    assert.equal(c.failLevel, 'warning');
    assert.equal(c.problems.length, 0);
    assert.equal(DEFAULT_CONFIG.failLevel, 'warning');
    assert.equal(ruleSeverity(c, 'secrets/x', 'error'), 'error');
    assert.deepEqual(ruleOptions(c, 'secrets/x'), {});
  });

  it('walks up to the filesystem root, reading one config path per folder', () => {
    const fs = memFs({});
    resolveConfig('/p/src/a.jb', fs);
    assert.deepEqual(fs.reads, ['/p/src/.jitterbit-guard.json', '/p/.jitterbit-guard.json', '/.jitterbit-guard.json']);
  });
});

describe('config: lookup and merge', () => {
  const files = {
    [cfg('/p')]: { rules: { 'secrets/a': 'warning', 'secrets/b': ['info', { minLength: 8 }], 'pii/email': 'error' }, failLevel: 'error', allowlist: { values: ['^farther$'] } },
    [cfg('/p/src')]: { rules: { 'secrets/a': 'off', 'secrets/b': 'hint' }, allowlist: { values: ['^nearer$'] } },
  };

  const cases: { name: string; rule: string; expected: string }[] = [
    { name: 'nearer config wins for the same rule', rule: 'secrets/a', expected: 'off' },
    { name: 'farther setting applies when the nearer is silent', rule: 'pii/email', expected: 'error' },
    { name: 'bare severity in the nearer config overrides severity', rule: 'secrets/b', expected: 'hint' },
    { name: 'unconfigured rule keeps its default', rule: 'logging/x', expected: 'warning' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = resolveConfig('/p/src/a.jb', memFs(files));
      assert.equal(ruleSeverity(r, c.rule, 'warning'), c.expected);
    });
  }

  it('keeps inherited options under a bare severity, concatenates allowlists, nearest failLevel, sources farthest first', () => {
    const r = resolveConfig('/p/src/a.jb', memFs(files));
    assert.deepEqual(ruleOptions(r, 'secrets/b'), { minLength: 8 });
    assert.equal(isValueAllowed(r, 'farther'), true);
    assert.equal(isValueAllowed(r, 'nearer'), true);
    assert.equal(isValueAllowed(r, 'other'), false);
    assert.equal(r.failLevel, 'error');
    assert.deepEqual(r.sources, [cfg('/p'), cfg('/p/src')]);
  });

  it('a file in the parent folder does not see the nearer config', () => {
    const r = resolveConfig('/p/a.jb', memFs(files));
    assert.equal(ruleSeverity(r, 'secrets/a', 'error'), 'warning');
    assert.deepEqual(r.sources, [cfg('/p')]);
  });

  it('root: true stops the lookup', () => {
    const fs = memFs({ [cfg('/p')]: { rules: { 'pii/email': 'off' } }, [cfg('/p/src')]: { root: true } });
    const r = resolveConfig('/p/src/deep/a.jb', fs);
    assert.equal(ruleSeverity(r, 'pii/email', 'warning'), 'warning');
    assert.deepEqual(r.sources, [cfg('/p/src')]);
    assert.ok(!fs.reads.includes(cfg('/p')), 'never reads above the root config');
  });

  it('overrides (editor settings) apply on top of every file', () => {
    const r = resolveConfig('/p/src/a.jb', memFs(files), { overrides: { rules: { 'secrets/a': 'error' }, failLevel: 'note' } });
    assert.equal(ruleSeverity(r, 'secrets/a', 'warning'), 'error');
    assert.equal(r.failLevel, 'note');
  });

  it('an explicit config path is used alone, plus overrides', () => {
    const fs = memFs({ ...files, '/etc/ci.json': { rules: { 'secrets/a': 'info' } } });
    const r = resolveConfig('/p/src/a.jb', fs, { explicitConfigPath: '/etc/ci.json', overrides: { rules: { 'pii/x': 'off' } } });
    assert.deepEqual(r.sources, ['/etc/ci.json']);
    assert.equal(ruleSeverity(r, 'secrets/a', 'error'), 'info');
    assert.equal(ruleSeverity(r, 'pii/email', 'warning'), 'warning');
    assert.equal(ruleSeverity(r, 'pii/x', 'warning'), 'off');
    assert.deepEqual(fs.reads, ['/etc/ci.json']);
  });

  it('a missing explicit config is a problem naming it', () => {
    const r = resolveConfig('/p/a.jb', memFs({}), { explicitConfigPath: '/nope.json' });
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].message, /\/nope\.json.*not found/);
  });

  it('wildcard keys: exact beats prefix beats *, and a nearer wildcard replaces farther entries it covers', () => {
    const fs = memFs({
      [cfg('/p')]: { rules: { 'pii/email': 'error', 'secrets/x': 'info', '*': 'hint' } },
      [cfg('/p/src')]: { rules: { 'pii/*': 'off', 'pii/phone': 'warning' } },
    });
    const r = resolveConfig('/p/src/a.jb', fs);
    assert.equal(ruleSeverity(r, 'pii/email', 'warning'), 'off');
    assert.equal(ruleSeverity(r, 'pii/phone', 'error'), 'warning');
    assert.equal(ruleSeverity(r, 'secrets/x', 'error'), 'info');
    assert.equal(ruleSeverity(r, 'logging/y', 'error'), 'hint');
  });

  it('merges options from *, prefix and the exact rule', () => {
    const r = resolveConfig('/a.jb', memFs({ ['/.jitterbit-guard.json']: { rules: { 'secrets/*': ['error', { a: 1, b: 1 }], 'secrets/x': ['error', { b: 2 }] } } }));
    assert.deepEqual(ruleOptions(r, 'secrets/x'), { a: 1, b: 2 });
    assert.deepEqual(ruleOptions(r, 'secrets/y'), { a: 1, b: 1 });
  });
});

describe('config: Windows paths', () => {
  it('looks up with backslashes up to the drive root', () => {
    const fs = memFs({ 'C:\\proj\\.jitterbit-guard.json': { rules: { 'secrets/a': 'off' }, allowlist: { paths: ['fixtures/**'] } } });
    const r = resolveConfig('C:\\proj\\src\\a.jb', fs);
    assert.deepEqual(fs.reads, ['C:\\proj\\src\\.jitterbit-guard.json', 'C:\\proj\\.jitterbit-guard.json', 'C:\\.jitterbit-guard.json']);
    assert.equal(ruleSeverity(r, 'secrets/a', 'error'), 'off');
    assert.equal(isPathAllowed(r, 'C:\\proj\\fixtures\\x.jb'), true);
    assert.equal(isPathAllowed(r, 'c:\\PROJ\\Fixtures\\x.jb'), true, 'case-insensitive on Windows');
    assert.equal(isPathAllowed(r, 'C:\\proj\\src\\x.jb'), false);
  });
  it('keeps forward slashes in drive-letter paths', () => {
    const fs = memFs({});
    resolveConfig('C:/proj/a.jb', fs);
    assert.deepEqual(fs.reads, ['C:/proj/.jitterbit-guard.json', 'C:/.jitterbit-guard.json']);
  });
});

describe('config: caching', () => {
  it('reads each config once across 10,000 files in 100 folders', () => {
    const fs = memFs({ [cfg('/p')]: { rules: { 'secrets/a': 'off' } } });
    const resolver = new ConfigResolver(fs);
    for (let d = 0; d < 100; d++) for (let f = 0; f < 100; f++) resolver.resolve(`/p/m${d}/f${f}.jb`);
    assert.equal(fs.reads.filter((p) => p === cfg('/p')).length, 1);
    assert.equal(fs.reads.length, 100 + 2, 'one read per folder level');
  });
  it('invalidate(path) re-reads that config only', () => {
    const files: Record<string, string> = { [cfg('/p')]: '{"rules":{"secrets/a":"off"}}' };
    const fs = memFs(files);
    const resolver = new ConfigResolver(fs);
    assert.equal(ruleSeverity(resolver.resolve('/p/src/a.jb'), 'secrets/a', 'error'), 'off');
    files[cfg('/p')] = '{"rules":{"secrets/a":"hint"}}';
    assert.equal(ruleSeverity(resolver.resolve('/p/src/a.jb'), 'secrets/a', 'error'), 'off', 'cached');
    const before = fs.reads.length;
    resolver.invalidate(cfg('/p'));
    assert.equal(ruleSeverity(resolver.resolve('/p/src/a.jb'), 'secrets/a', 'error'), 'hint');
    assert.deepEqual(fs.reads.slice(before), [cfg('/p')]);
  });
  it('invalidate(folder) picks up a newly created config, invalidate() forgets everything', () => {
    const files: Record<string, string> = {};
    const fs = memFs(files);
    const resolver = new ConfigResolver(fs);
    assert.equal(resolver.resolve('/p/src/a.jb').sources.length, 0);
    files[cfg('/p/src')] = '{}';
    resolver.invalidate('/p/src');
    assert.deepEqual(resolver.resolve('/p/src/a.jb').sources, [cfg('/p/src')]);
    files[cfg('/p')] = '{}';
    resolver.invalidate();
    assert.deepEqual(resolver.resolve('/p/src/a.jb').sources, [cfg('/p'), cfg('/p/src')]);
  });
});

describe('config: validation problems (never throws, valid parts apply)', () => {
  const known = new Set(['secrets/a', 'secrets/b', 'pii/email']);
  const cases: { name: string; text: string; problem: RegExp; stillApplies?: [string, string] }[] = [
    { name: 'invalid JSON names the file and line:col', text: '{\n  "rules": {\n    "secrets/a": "off",\n  }\n}', problem: /^\/p\/\.jitterbit-guard\.json:4:3: invalid JSON: expected a property name/ },
    { name: 'unterminated JSON', text: '{"rules": {', problem: /:1:12: invalid JSON: expected a property name in double quotes or '}', found end of file/ },
    { name: 'missing comma', text: '{"root": true\n "rules": {}}', problem: /:2:2: invalid JSON: expected ',' or '}'/ },
    { name: 'comments are not JSON', text: '// hi\n{}', problem: /:1:1: invalid JSON: .*comment/ },
    { name: 'empty file', text: '', problem: /:1:1: invalid JSON: the file is empty/ },
    { name: 'top level array', text: '[]', problem: /must be a JSON object, found array/ },
    { name: 'unknown top-level key', text: '{"rulez": {}, "rules": {"secrets/a": "off"}}', problem: /unknown key "rulez"/, stillApplies: ['secrets/a', 'off'] },
    { name: 'unknown rule id', text: '{"rules": {"secrets/zzz": "off", "secrets/a": "off"}}', problem: /unknown rule id "secrets\/zzz"/, stillApplies: ['secrets/a', 'off'] },
    { name: 'wildcard covering no known rule', text: '{"rules": {"nope/*": "off", "secrets/a": "off"}}', problem: /unknown rule id "nope\/\*"/, stillApplies: ['secrets/a', 'off'] },
    { name: 'invalid severity', text: '{"rules": {"secrets/b": "fatal", "secrets/a": "info"}}', problem: /invalid severity "fatal" for rule "secrets\/b"/, stillApplies: ['secrets/a', 'info'] },
    { name: 'severity as a number', text: '{"rules": {"secrets/b": 2, "secrets/a": "info"}}', problem: /invalid severity 2 for rule/, stillApplies: ['secrets/a', 'info'] },
    { name: 'bad tuple', text: '{"rules": {"secrets/b": ["warn"], "secrets/a": "hint"}}', problem: /invalid setting for rule "secrets\/b"/, stillApplies: ['secrets/a', 'hint'] },
    { name: 'options not an object keep the severity', text: '{"rules": {"secrets/a": ["info", 3]}}', problem: /options of rule "secrets\/a" must be an object/, stillApplies: ['secrets/a', 'info'] },
    { name: 'rules wrong type', text: '{"rules": [], "failLevel": "error"}', problem: /"rules" must be an object/ },
    { name: 'root wrong type', text: '{"root": "yes"}', problem: /"root" must be true or false/ },
    { name: 'failLevel invalid', text: '{"failLevel": "info", "rules": {"secrets/a": "off"}}', problem: /"failLevel" must be one of error, warning, note/, stillApplies: ['secrets/a', 'off'] },
    { name: 'allowlist wrong type', text: '{"allowlist": "x"}', problem: /"allowlist" must be an object/ },
    { name: 'unknown allowlist key', text: '{"allowlist": {"path": []}}', problem: /unknown key "allowlist\.path"/ },
    { name: 'allowlist.values not an array', text: '{"allowlist": {"values": "abc"}}', problem: /"allowlist\.values" must be an array of strings/ },
    { name: 'non-string in allowlist.paths', text: '{"allowlist": {"paths": [1]}}', problem: /"allowlist\.paths\[0\]" must be a string/ },
    { name: 'invalid regex', text: '{"allowlist": {"values": ["(unclosed"]}}', problem: /invalid regular expression at "allowlist\.values\[0\]": Unterminated group$/ },
    { name: 'regex too long', text: JSON.stringify({ allowlist: { values: ['a'.repeat(1001)] } }), problem: /longer than 1000/ },
    { name: 'catastrophic regex', text: '{"allowlist": {"values": ["^(a+)+$"]}}', problem: /nested quantifier/ },
    { name: 'negated glob', text: '{"allowlist": {"paths": ["!src/**"]}}', problem: /negated globs/ },
    { name: 'bad hash', text: '{"allowlist": {"hashes": ["abc"]}}', problem: /"allowlist\.hashes\[0\]" is not a SHA-256/ },
    { name: 'prototype key', text: '{"rules": {"__proto__": "off"}}', problem: /invalid rule id "__proto__"/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = resolveConfig('/p/a.jb', memFs({ [cfg('/p')]: c.text }), { knownRuleIds: known });
      assert.ok(r.problems.length >= 1, 'reports a problem');
      assert.ok(r.problems.every((p) => p.path === cfg('/p')));
      assert.ok(r.problems.some((p) => c.problem.test(p.message)), r.problems.map((p) => p.message).join('\n'));
      assert.ok(r.problems.every((p) => p.message.includes(cfg('/p'))), 'messages name the file');
      if (c.stillApplies) assert.equal(ruleSeverity(r, c.stillApplies[0], 'error'), c.stillApplies[1]);
    });
  }

  it('accepts a valid file without problems, with a BOM and $schema', () => {
    const text = '\ufeff' + JSON.stringify({ $schema: './schema.json', root: true, rules: { 'secrets/a': ['warning', { x: 1 }], 'secrets/*': 'error' }, allowlist: { paths: ['**/*.test.jb'], values: ['(?i)^example'], hashes: ['A'.repeat(64)] }, failLevel: 'note' });
    const r = resolveConfig('/p/a.jb', memFs({ [cfg('/p')]: text }), { knownRuleIds: known });
    assert.deepEqual(r.problems, []);
    assert.equal(isValueAllowed(r, 'EXAMPLE-key'), true);
  });

  it('an invalid allowlist regex is named by index and reason, never echoed (it may spell the allowed value)', () => {
    // Generated fake key, not a real credential.
    const pattern = '^sk_live_Qm7ZtR2vXc9LwP4nHs8KdJ3f(';
    const r = resolveConfig('/p/a.jb', memFs({ [cfg('/p')]: JSON.stringify({ allowlist: { values: ['^ok$', pattern] } }) }));
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].message, `${cfg('/p')}: invalid regular expression at "allowlist.values[1]": Unterminated group`);
  });

  it('knownRuleIds does not check ids of parser diagnostics (syntax/…, host/…), which the registry cannot list', () => {
    const text = '{"rules": {"syntax/unterminated-string": "off", "host/*": "warning", "secrets/zzz": "off"}}';
    const r = resolveConfig('/p/a.jb', memFs({ [cfg('/p')]: text }), { knownRuleIds: known });
    assert.deepEqual(r.problems.map((p) => p.message), [`${cfg('/p')}: unknown rule id "secrets/zzz" in "rules"`]);
    assert.equal(ruleSeverity(r, 'syntax/unterminated-string', 'error'), 'off');
    assert.equal(ruleSeverity(r, 'host/malformed', 'error'), 'warning');
  });

  it('without knownRuleIds any well-formed id is accepted', () => {
    const r = resolveConfig('/p/a.jb', memFs({ [cfg('/p')]: '{"rules": {"future/rule": "off"}}' }));
    assert.deepEqual(r.problems, []);
    assert.equal(ruleSeverity(r, 'future/rule', 'error'), 'off');
  });

  it('a throwing readFile becomes a problem', () => {
    const r = resolveConfig('/p/a.jb', (p) => {
      if (p === cfg('/p')) throw new Error('EACCES');
      return undefined;
    });
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].message, /could not read the file: EACCES/);
  });

  it('parseConfigText returns the valid parts as a ConfigFile', () => {
    const { config, problems } = parseConfigText('/x/.jitterbit-guard.json', '{"rules": {"secrets/a": "off", "b/c": 7}, "allowlist": {"values": ["ok", "("]}}');
    assert.deepEqual(config, { rules: { 'secrets/a': 'off' }, allowlist: { values: ['ok'] } });
    assert.equal(problems.length, 2);
  });

  it('survives hostile JSON quickly (deep nesting, huge file)', function () {
    this.timeout(20_000);
    const deep = '['.repeat(100_000) + ']'.repeat(99_999);
    const t0 = Date.now();
    const r = resolveConfig('/p/a.jb', memFs({ [cfg('/p')]: deep }));
    assert.match(r.problems[0].message, /invalid JSON/);
    const big = JSON.stringify({ rules: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`r/${i}`, 'off'])) });
    const r2 = resolveConfig('/p/a.jb', memFs({ [cfg('/p')]: big }));
    assert.equal(ruleSeverity(r2, 'r/19999', 'error'), 'off');
    // Many wildcards over many inherited keys: merging stays near-linear.
    const far = JSON.stringify({ rules: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`c${i}/r`, 'off'])) });
    const near = JSON.stringify({ rules: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`w${i}/*`, 'info'])) });
    const r3 = resolveConfig('/p/q/a.jb', memFs({ [cfg('/p')]: far, [cfg('/p/q')]: near }));
    assert.equal(ruleSeverity(r3, 'c5/r', 'error'), 'off');
    assert.equal(ruleSeverity(r3, 'w5/r', 'error'), 'info');
    assert.ok(Date.now() - t0 < 10_000, `took ${Date.now() - t0} ms`);
  });
});

describe('config: allowlists', () => {
  const fs = memFs({
    [cfg('/p')]: { allowlist: { paths: ['*.test.jb', 'fixtures/', '/build/**', 'docs/*.jb'] } },
    [cfg('/p/sub')]: { allowlist: { paths: ['gen/**'] } },
  });
  const r = new ConfigResolver(fs).resolve('/p/sub/x.jb');
  const cases: [string, boolean][] = [
    ['/p/a.test.jb', true], // basename glob at the config folder
    ['/p/sub/deep/b.test.jb', true], // basename glob at any depth
    ['/p/fixtures/a.jb', true], // folder glob
    ['/p/sub/fixtures/a.jb', true], // folder name at any depth
    ['/p/build/out/a.jb', true], // anchored
    ['/p/sub/build/a.jb', false], // anchored glob does not float
    ['/p/docs/a.jb', true],
    ['/p/sub/docs/a.jb', false], // relative to /p, not to /p/sub
    ['/p/sub/gen/a.jb', true], // relative to the nearer config's folder
    ['/p/gen/a.jb', false],
    ['/p/.hidden/a.test.jb', true], // dot: true
    ['/p/src/a.jb', false],
    // Outside every config folder (possible with --config): only name-only globs apply.
    ['/other/a.test.jb', true],
    ['/other/fixtures/a.jb', false],
    ['/other/docs/a.jb', false],
  ];
  for (const [file, expected] of cases) {
    it(`${file} → ${expected ? 'allowed' : 'analysed'}`, () => assert.equal(isPathAllowed(r, file), expected));
  }

  it('value hashes match the SHA-256 of the raw value only', () => {
    const secret = 'sk_live_0123456789abcdef';
    const h = valueHash(secret);
    const rc = resolveConfig('/p/a.jb', memFs({ [cfg('/p')]: { allowlist: { hashes: [`sha256:${h.toUpperCase()}`] } } }));
    assert.deepEqual(rc.problems, []);
    assert.equal(isValueAllowed(rc, secret), true);
    assert.equal(isValueAllowed(rc, `${secret}x`), false);
  });

  it('valueHash is the SHA-256 hex digest', () => {
    assert.equal(valueHash('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('value regexes are unanchored searches', () => {
    const rc = resolveConfig('/p/a.jb', memFs({ [cfg('/p')]: { allowlist: { values: ['EXAMPLE'] } } }));
    assert.equal(isValueAllowed(rc, 'AKIAEXAMPLE123'), true);
    assert.equal(isValueAllowed(rc, 'akiaexample123'), false);
  });

  it('compileValuePattern guards', () => {
    assert.ok(compileValuePattern('^(ab)+$') instanceof RegExp);
    assert.ok(compileValuePattern('^[a+]+$') instanceof RegExp, 'quantifier inside a class is not nested');
    assert.equal(typeof compileValuePattern('(x*)*'), 'string');
    assert.equal(typeof compileValuePattern('((a)+b)+'), 'string');
    assert.equal(typeof compileValuePattern('(a{2,})+'), 'string');
    assert.equal(typeof compileValuePattern(''), 'string');
    assert.equal((compileValuePattern('(?i)abc') as RegExp).flags, 'i');
  });
});

describe('config: JSON schema', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '../../../core/schema/jitterbit-guard.schema.json'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('is draft-07 with descriptions on every property', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    const missing: string[] = [];
    const walk = (node: Record<string, any>, where: string): void => { // eslint-disable-line @typescript-eslint/no-explicit-any
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node.properties ?? {})) {
        const p = v as Record<string, unknown>;
        if (typeof p.description !== 'string' || typeof p.markdownDescription !== 'string') missing.push(`${where}.${k}`);
        walk(p as Record<string, any>, `${where}.${k}`); // eslint-disable-line @typescript-eslint/no-explicit-any
      }
    };
    walk(schema, '');
    assert.deepEqual(missing, []);
    assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', 'allowlist', 'failLevel', 'root', 'rules']);
    assert.deepEqual(Object.keys(schema.properties.allowlist.properties).sort(), ['hashes', 'paths', 'values']);
    assert.equal(schema.additionalProperties, false);
  });

  it('enumerates the same severities and fail levels as the validator', () => {
    const sev = schema.definitions.severity.enum as string[];
    assert.deepEqual([...sev].sort(), ['error', 'hint', 'info', 'off', 'warning']);
    assert.deepEqual([...schema.properties.failLevel.enum].sort(), ['error', 'note', 'warning']);
  });

  it('a sample config satisfies the schema structure and the validator', () => {
    const sample = { root: true, rules: { 'secrets/a': 'off', 'pii/email': ['warning', { allowDomains: ['corp.test'] }] }, allowlist: { paths: ['test/**'], values: ['^EXAMPLE'], hashes: ['0'.repeat(64)] }, failLevel: 'error' };
    // Tiny structural check (no validator library): every key is declared, every rule setting fits the definitions.
    for (const k of Object.keys(sample)) assert.ok(k in schema.properties, k);
    for (const k of Object.keys(sample.allowlist)) assert.ok(k in schema.properties.allowlist.properties, k);
    const sevs = new Set(schema.definitions.severity.enum as string[]);
    for (const v of Object.values(sample.rules) as (string | [string, object])[]) {
      assert.ok(typeof v === 'string' ? sevs.has(v) : sevs.has(v[0]) && typeof v[1] === 'object');
    }
    assert.ok(new RegExp(schema.properties.allowlist.properties.hashes.items.pattern).test(sample.allowlist.hashes[0]));
    assert.ok(!new RegExp(schema.properties.allowlist.properties.hashes.items.pattern).test('xyz'));
    assert.ok(schema.properties.failLevel.enum.includes(sample.failLevel));
    assert.deepEqual(parseConfigText('/s/.jitterbit-guard.json', JSON.stringify(sample)).problems, []);
  });
});
