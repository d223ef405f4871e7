import { strict as assert } from 'node:assert';
import { parseConfigText } from '../../../core/src/engine/config';
import { locateJsonKey } from '../../../core/src/engine/json-locate';
import { suggestRuleId } from '../../../core/src/engine/rule-id-suggest';
import { createProject } from '../../../core/src/index';

// Problems of `.jitterbit-guard.json` say where they are (for the editor) and, for a misspelt rule id, what was meant.
const KNOWN = new Set(createProject().rules().map((r) => r.id));
const PATH = '/p/.jitterbit-guard.json';

describe('config: misspelt rule ids name the id meant', () => {
  const cases: [string, string | undefined][] = [
    ['pii/emial', 'pii/email'],
    ['pii/e-mail', 'pii/email'],
    ['secret/known-token', 'secrets/known-token'],
    ['secrets/credential-names', 'secrets/credential-name'],
    ['logging/sensitive', 'logging/sensitive-data'],
    ['Secrets/agent-config', 'secrets/agent-config'],
    ['secret/*', 'secrets/*'],
    ['pii/passport', undefined],
    ['x/y', undefined],
    ['nope/*', undefined],
  ];
  for (const [id, meant] of cases) {
    it(`${id} → ${meant ?? 'no suggestion'}`, () => {
      assert.equal(suggestRuleId(id, KNOWN), meant);
      const { problems } = parseConfigText(PATH, JSON.stringify({ rules: { [id]: 'off' } }), KNOWN);
      const tail = meant ? `; did you mean "${meant}"?` : '';
      assert.deepEqual(problems.map((p) => p.message), [`${PATH}: unknown rule id ${JSON.stringify(id)} in "rules"${tail}`]);
      assert.equal(problems[0].meant, meant);
    });
  }
});

describe('config: problems carry the offsets of what they are about', () => {
  const at = (text: string): string[] =>
    parseConfigText(PATH, text, KNOWN).problems.map((p) => (p.at ? `${text.slice(p.at.start, p.at.end)}: ${p.reason}` : `-: ${p.reason}`));

  it('an unknown rule id: its key, the reason without the file', () => {
    const text = '{\n  "rules": {\n    "secrets/known-token": "off",\n    "pii/emial": "off"\n  }\n}\n';
    assert.deepEqual(at(text), ['"pii/emial": unknown rule id "pii/emial" in "rules"; did you mean "pii/email"?']);
  });

  it('schema violations at their keys, a key in rule options or a string value is not mistaken for it', () => {
    const text = '{"rules": {"pii/email": ["warning", {"failLevel": 1}]}, "note": "failLevel", "failLevel": "info", "allowlist": {"hashes": ["abc"]}}';
    assert.deepEqual(at(text), [
      '"note": unknown key "note" (allowed: root, rules, allowlist, failLevel)',
      '"failLevel": "failLevel" must be one of error, warning, note, found "info"',
      '"hashes": "allowlist.hashes[0]" is not a SHA-256 hex digest (64 hex digits)',
    ]);
    const p = parseConfigText(PATH, text, KNOWN).problems[1];
    assert.equal(p.at?.start, text.lastIndexOf('"failLevel"'));
  });

  it('invalid JSON at the error, after a BOM too', () => {
    assert.deepEqual(at('{"rules": {"pii/email": "off",}}'), ["}: invalid JSON: expected a property name in double quotes (trailing comma?), found '}'"]);
    const bom = '\ufeff{"rules": {"pii/emial": "off"}}';
    assert.deepEqual(at(bom), ['"pii/emial": unknown rule id "pii/emial" in "rules"; did you mean "pii/email"?']);
    // At the end of the file: an empty range there.
    assert.deepEqual(at('{"rules": {'), [": invalid JSON: expected a property name in double quotes or '}', found end of file"]);
  });

  it('locateJsonKey: nested paths, escapes, arrays are not objects', () => {
    const text = '{"a": {"b\\"c": 1, "d": [{"e": 2}]}, "e": 3}';
    assert.equal(text.slice(...Object.values(locateJsonKey(text, ['a', 'b"c']) ?? {}) as [number, number]), '"b\\"c"');
    assert.equal(locateJsonKey(text, ['e'])?.start, text.lastIndexOf('"e"'));
    assert.equal(locateJsonKey(text, ['d', 'e']), undefined);
    assert.equal(locateJsonKey(text, []), undefined);
  });
});
