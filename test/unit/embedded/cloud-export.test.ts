import { strict as assert } from 'node:assert';
import { loadSourceFile } from '../../../core/src/syntax/load-source-file';
import { decodeJsonString, scanJson } from '../../../core/src/syntax/embedded/json-scanner';
import { fixture, hostPosition, offsetIn, regionById, toCrlf } from './helpers';

// Hand-counted host columns are noted next to each line (0-based).
const ESCAPES = [
  '{',
  '  "projectData": {',
  '    "components": [',
  '      {',
  '        "name": "Cafe Script",',
  // opening quote of the value at column 22; `x` at 32, `\"` at 36, `\u00e9` at 41, `\"` at 47, `y` at 52
  String.raw`        "scriptBody": "<trans>\nx = \"caf\u00e9\";\ny = 1;\n</trans>",`,
  // opening quote at column 30; `\ud83d` at 42, `\ude00` at 48, `z` at 54, `\\` at 60
  String.raw`        "scriptBodyCleansed": "<trans>\n\"\ud83d\ude00z\" + \\ + a\n</trans>"`,
  '      }',
  '    ]',
  '  }',
  '}',
  '',
].join('\n');

describe('Cloud Studio export: JSON string regions and offset maps', () => {
  for (const [label, text] of [['LF', ESCAPES], ['CRLF', toCrlf(ESCAPES)]] as const) {
    it(`maps characters after \\n, \\", \\u00e9 escapes to the exact host line/column (${label})`, () => {
      const f = loadSourceFile('cafe.json', text);
      assert.equal(f.kind, 'cloud-studio-export');
      assert.deepEqual(f.diagnostics, []);
      const r = regionById(f, 'projectData.components[0].scriptBody');
      assert.equal(r.text, '<trans>\nx = "café";\ny = 1;\n</trans>');
      assert.equal(r.encoding, 'json-string');
      assert.equal(r.language, 'jitterbit');
      assert.equal(r.name, 'Cafe Script');
      assert.deepEqual(hostPosition(f, r, 0), { line: 5, character: 23 }); // `<` of <trans>
      assert.deepEqual(hostPosition(f, r, 7), { line: 5, character: 30 }); // decoded newline → its `\n` escape
      assert.deepEqual(hostPosition(f, r, 8), { line: 5, character: 32 }); // `x` after `\n`
      assert.deepEqual(hostPosition(f, r, 12), { line: 5, character: 36 }); // `"` of the literal → `\"`
      assert.deepEqual(hostPosition(f, r, 13), { line: 5, character: 38 }); // `c` after `\"`
      assert.deepEqual(hostPosition(f, r, 16), { line: 5, character: 41 }); // `é` → `\u00e9`
      assert.deepEqual(hostPosition(f, r, 17), { line: 5, character: 47 }); // closing `"` after `\u00e9`
      assert.deepEqual(hostPosition(f, r, offsetIn(r, 'y')), { line: 5, character: 52 });
      // end of region → the closing quote of the JSON string
      assert.equal(f.text.charAt(r.map.toHost(r.text.length)), '"');
    });

    it(`decodes surrogate-pair escapes into two code units, each mapped to its escape (${label})`, () => {
      const f = loadSourceFile('cafe.json', text);
      const r = regionById(f, 'projectData.components[0].scriptBodyCleansed');
      assert.equal(r.text, '<trans>\n"\u{1F600}z" + \\ + a\n</trans>');
      assert.deepEqual(hostPosition(f, r, 9), { line: 6, character: 42 });
      assert.deepEqual(hostPosition(f, r, 10), { line: 6, character: 48 });
      assert.deepEqual(hostPosition(f, r, 11), { line: 6, character: 54 });
      assert.deepEqual(hostPosition(f, r, 16), { line: 6, character: 60 }); // `\` → `\\`
      assert.deepEqual(hostPosition(f, r, 17), { line: 6, character: 62 });
    });
  }

  it('decodes every JSON escape', () => {
    const text = String.raw`"a\/b\bc\fd\re\tf\\g\"h\u0041\x"`;
    const d = decodeJsonString(text, 0, true);
    assert.equal(d.value, 'a/b\bc\fd\re\tf\\g"hAx');
    assert.equal(d.closed, true);
    assert.equal(d.end, text.length);
    // `A` (decoded offset 15) comes from `\u0041` at host offset 23
    assert.equal(d.map!.toHost(15), text.indexOf('\\u0041'));
  });
});

describe('Cloud Studio export: fixture project', () => {
  const text = fixture('export/harbor-logistics.json');
  const f = loadSourceFile('exports/harbor-logistics.json', text);

  it('is an export without diagnostics', () => {
    assert.equal(f.kind, 'cloud-studio-export');
    assert.deepEqual(f.diagnostics, []);
  });

  it('scriptBody and scriptBodyCleansed are two regions with the component name', () => {
    const a = regionById(f, 'components[1].scriptBody');
    const b = regionById(f, 'components[1].scriptBodyCleansed');
    assert.equal(a.text, b.text);
    assert.equal(a.name, 'Sign Manifest');
    assert.equal(b.name, 'Sign Manifest');
    const secret = '2d849c6c975429bccb91e5148e0b881ec97f0ecb1d1913b723a56ef1dddcb8ac';
    const ha = a.map.toHost(offsetIn(a, secret));
    const hb = b.map.toHost(offsetIn(b, secret));
    assert.equal(text.slice(ha, ha + secret.length), secret);
    assert.equal(text.slice(hb, hb + secret.length), secret);
    assert.equal(f.lines.positionAt(ha).line, 46); // 1-based line 47
    assert.equal(f.lines.positionAt(hb).line, 47);
    // the `"` that opens the literal is the `\` of its `\"` escape
    const quote = a.map.toHost(offsetIn(a, secret) - 1);
    assert.equal(text.slice(quote, quote + 2), '\\"');
  });

  it('a <javascript> script body becomes a JavaScript region without the tags', () => {
    const r = regionById(f, 'components[2].scriptBody');
    assert.equal(r.language, 'javascript');
    assert.equal(r.name, 'Carrier Charge');
    assert.ok(r.text.startsWith('\nvar key = "sk_live_'));
    assert.ok(!r.text.includes('javascript>'));
    const h = r.map.toHost(offsetIn(r, 'sk_live_'));
    assert.equal(text.slice(h, h + 8), 'sk_live_');
    assert.equal(r.map.toHost(offsetIn(r, 'var')), text.indexOf('var key'));
  });

  it('mapping rules carry the target path as mappingTarget', () => {
    const rules = f.regions.filter((r) => r.id.includes('mappingRules'));
    assert.deepEqual(
      rules.map((r) => [r.id, r.mappingTarget, r.name]),
      [
        ['components[3].mappingRules[0].transformScript', 'Carrier/contactEmail', 'Shipment to Carrier'],
        ['components[3].mappingRules[0].transformScriptCleansed', 'Carrier/contactEmail', 'Shipment to Carrier'],
        ['components[3].mappingRules[1].transformScript', 'Carrier/weightKg', 'Shipment to Carrier'],
      ],
    );
    assert.equal(f.regions.length, 6);
  });

  it('project variables become entries with hidden flags and exact value ranges', () => {
    const pvs = f.data.filter((d) => d.kind === 'project-variable');
    assert.deepEqual(pvs.map((d) => [d.name, d.hidden]), [['harbor_api_key', false], ['harbor_db_password', true], ['harbor_region', false]]);
    for (const d of pvs.slice(0, 2)) assert.equal(text.slice(d.valueStart, d.valueEnd), d.value);
    assert.equal(pvs[0].value, 'PPa17zkEDHu5WYif5xOELeUdht9wNWnx');
    assert.deepEqual(f.lines.positionAt(pvs[0].valueStart), { line: 10, character: 16 });
    // no value exported: empty value, zero-width range
    assert.equal(pvs[2].value, '');
    assert.equal(pvs[2].valueStart, pvs[2].valueEnd);
  });

  it('a credential field mixing a [pv] reference with literal text is exposed; pure references and empty values are not', () => {
    const creds = f.data.filter((d) => d.kind === 'credential-field');
    assert.equal(creds.length, 1);
    assert.equal(creds[0].name, 'password');
    assert.equal(creds[0].value, '[harbor_db_password]F9mlcGCitlUnFI0oMRol');
    assert.equal(creds[0].section, 'Harbor SFTP');
    assert.equal(text.slice(creds[0].valueStart, creds[0].valueEnd), creds[0].value);
  });

  it('globalVariables become global-variable entries with isHidden', () => {
    const g = f.data.filter((d) => d.kind === 'global-variable');
    assert.deepEqual(g.map((d) => [d.name, d.hidden, d.section]), [['harbor.secret', false, 'Sign Manifest'], ['harbor.sig', true, 'Sign Manifest']]);
  });
});

describe('Cloud Studio export: recognising scripts by key and content', () => {
  it('keys ending in Script need script-like text; bare strings need a tag', () => {
    const text = JSON.stringify({
      components: [
        { name: 'A', preScript: 'WriteToOperationLog($x)', descriptionScript: 'plain words only', targetScript: '' },
        { name: 'B', notes: ['<trans>\n$a = 1;\n</trans>', 'not a script'], label: '  <trans>1</trans>' },
      ],
    }, null, 2);
    const f = loadSourceFile('p.json', text);
    assert.deepEqual(f.regions.map((r) => r.id), ['components[0].preScript', 'components[1].notes[0]', 'components[1].label']);
    assert.equal(f.regions[1].name, 'B');
  });

  it('a hidden project variable value with escapes gets its own map', () => {
    const text = '{"projectVariables":[{"name":"p","hidden":true,"value":"a\\"b"}]}';
    const f = loadSourceFile('p.json', text);
    const d = f.data[0];
    assert.equal(d.kind, 'project-variable');
    assert.equal(d.hidden, true);
    assert.equal(d.value, 'a"b');
    assert.equal(d.map!.toHost(2), text.indexOf('b"}'));
  });

  it('name/value property pairs under a credential-like name are credential fields', () => {
    const text = JSON.stringify({
      components: [{
        type: 600,
        name: 'Carrier API',
        properties: [
          { name: 'url', value: 'https://api.carrier.example' },
          { name: 'client_secret', value: '[carrier_secret]x9Qe4' },
          { key: 'apiKey', value: 'F9mlcGCitlUnFI0oMRol', secret: true },
          { name: 'token', value: '[carrier_token]' },
        ],
      }],
    }, null, 2);
    const f = loadSourceFile('p.json', text);
    assert.deepEqual(
      f.data.map((d) => [d.kind, d.name, d.value, d.hidden, d.section]),
      [
        // Other properties are kept as data too (scanned for token formats and personal data), by the pair's name.
        ['property', 'url', 'https://api.carrier.example', false, 'Carrier API'],
        ['credential-field', 'client_secret', '[carrier_secret]x9Qe4', false, 'Carrier API'],
        ['credential-field', 'apiKey', 'F9mlcGCitlUnFI0oMRol', true, 'Carrier API'],
      ],
    );
    for (const d of f.data) assert.equal(text.slice(d.valueStart, d.valueEnd), d.value);
  });

  it('ids of keys that are not identifiers are quoted', () => {
    const f = loadSourceFile('p.json', '{"components":{"my script":{"scriptBody":"<trans>1</trans>"}}}');
    assert.deepEqual(f.regions.map((r) => r.id), ['components["my script"].scriptBody']);
  });
});

describe('Cloud Studio export: broken JSON', () => {
  it('keeps regions recovered before the break and reports one diagnostic with its position', () => {
    const full = fixture('export/harbor-logistics.json');
    const cut = full.slice(0, full.indexOf('"type": 700'));
    const f = loadSourceFile('harbor-logistics.json', cut);
    assert.equal(f.kind, 'cloud-studio-export');
    assert.equal(f.diagnostics.length, 1);
    const d = f.diagnostics[0];
    assert.equal(d.code, 'host/malformed');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /unexpected end of input/);
    const pos = f.lines.positionAt(cut.length);
    assert.ok(d.message.includes(`line ${pos.line + 1}, column ${pos.character + 1}`), d.message);
    assert.deepEqual(f.regions.map((r) => r.id), ['components[1].scriptBody', 'components[1].scriptBodyCleansed', 'components[2].scriptBody']);
    assert.equal(f.data.filter((x) => x.kind === 'project-variable').length, 3);
  });

  it('names the unexpected token and its line/column', () => {
    const text = '{\n  "components": [\n    {"scriptBody": "<trans>a</trans>"} oops\n  ]\n}\n';
    const f = loadSourceFile('x.json', text);
    assert.equal(f.diagnostics.length, 1);
    assert.equal(f.diagnostics[0].code, 'host/malformed');
    assert.match(f.diagnostics[0].message, /line 3, column 40: expected ',' or '\]' after an array element, found "o"/);
    assert.equal(f.diagnostics[0].start, text.indexOf('oops'));
    assert.equal(f.regions.length, 1);
  });

  it('an unterminated script string is reported, not thrown', () => {
    const f = loadSourceFile('x.json', '{"components":[{"scriptBody":"<trans>\\n a = 1;');
    assert.equal(f.diagnostics.length, 1);
    assert.match(f.diagnostics[0].message, /unterminated string/);
  });

  it('a script cut off by the end of a truncated file is still a region, up to the cut', () => {
    const text = '{"components":[{"name":"Key","scriptBody":"<trans>\\n$partner.api_key = \\"k\\";\\nWriteTo';
    const f = loadSourceFile('x.json', text);
    assert.equal(f.diagnostics.length, 1);
    assert.equal(f.regions.length, 1);
    assert.match(f.regions[0].text, /\$partner\.api_key = "k";\nWriteTo$/);
  });

  it('a project variable description is data (scanned like a component property); credential-named keys are credential fields', () => {
    const text = JSON.stringify({ projectVariables: [{ name: 'erp_region', value: 'EU', description: 'Owner: jan.kowalski@bm-polska.pl' }], components: [{ name: 'SAP', properties: { Passwort: 'Sommerregen', sessionId: 'abcdefghijklmnopqrstuvwxyzABCD' } }] }, null, 2);
    const f = loadSourceFile('x.json', text);
    assert.deepEqual(f.data.map((d) => [d.kind, d.name]), [['project-variable', 'erp_region'], ['property', 'description'], ['credential-field', 'Passwort'], ['credential-field', 'sessionId']]);
  });

  it('the scanner tolerates trailing commas and a BOM', () => {
    const r = scanJson('\ufeff{"a": [1, 2,], "b": {"c": null,},}');
    assert.equal(r.error, undefined);
    assert.equal(r.root?.type, 'object');
  });
});
