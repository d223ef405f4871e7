import { strict as assert } from 'node:assert';
import { loadSourceFile } from '../../../core/src/syntax/load-source-file';
import { fixture, hostPosition, offsetIn, toCrlf } from './helpers';

const SCRIPT_ENTITY = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<Entity type="Script">',
  '  <Header ID="11111111-2222-4333-8444-555555555555" Name="Gate"/>',
  // `&lt;` at column 30, `&gt;` at 39, newline at 43
  '  <konga.string name="script">&lt;trans&gt;',
  // `"` at 4, `&amp;` at 7, `y` at 13, `&#10;` at 16, `b` at 21
  'a = "x &amp; y";&#10;b = 2;',
  '&lt;/trans&gt;</konga.string>',
  '</Entity>',
  '',
].join('\n');

describe('Design Studio XML: entity-aware offset maps', () => {
  for (const [label, text] of [['LF', SCRIPT_ENTITY], ['CRLF', toCrlf(SCRIPT_ENTITY)]] as const) {
    it(`maps characters after &lt; &amp; &#10; to the exact host line/column (${label})`, () => {
      const f = loadSourceFile('Data/Script/11111111-2222-4333-8444-555555555555.xml', text);
      assert.equal(f.kind, 'design-studio-xml');
      assert.deepEqual(f.diagnostics, []);
      assert.equal(f.regions.length, 1);
      const r = f.regions[0];
      const nl = label === 'LF' ? '\n' : '\r\n';
      assert.equal(r.text, `<trans>${nl}a = "x & y";\nb = 2;${nl}</trans>`);
      assert.equal(r.encoding, 'xml-text');
      assert.equal(r.language, 'jitterbit');
      assert.equal(r.name, 'Gate');
      assert.equal(r.id, "Entity/konga.string[@name='script']");
      const o = label === 'LF' ? 0 : 1; // the CRLF text has one more decoded character per raw line break before
      assert.deepEqual(hostPosition(f, r, 0), { line: 3, character: 30 }); // `<` ← `&lt;`
      assert.deepEqual(hostPosition(f, r, 1), { line: 3, character: 34 }); // `t` after `&lt;`
      assert.deepEqual(hostPosition(f, r, 6), { line: 3, character: 39 }); // `>` ← `&gt;`
      assert.deepEqual(hostPosition(f, r, 8 + o), { line: 4, character: 0 }); // `a`
      assert.deepEqual(hostPosition(f, r, offsetIn(r, '"')), { line: 4, character: 4 });
      assert.deepEqual(hostPosition(f, r, offsetIn(r, '&')), { line: 4, character: 7 }); // `&` ← `&amp;`
      assert.deepEqual(hostPosition(f, r, offsetIn(r, ' y')), { line: 4, character: 12 }); // after `&amp;`
      assert.deepEqual(hostPosition(f, r, offsetIn(r, 'y')), { line: 4, character: 13 });
      assert.deepEqual(hostPosition(f, r, offsetIn(r, ';\nb') + 1), { line: 4, character: 16 }); // newline ← `&#10;`
      assert.deepEqual(hostPosition(f, r, offsetIn(r, 'b =')), { line: 4, character: 21 }); // after `&#10;`
      assert.deepEqual(hostPosition(f, r, offsetIn(r, '</trans>')), { line: 5, character: 0 });
      assert.deepEqual(hostPosition(f, r, offsetIn(r, '/trans>')), { line: 5, character: 4 });
    });
  }

  it('CDATA maps 1:1 and is not entity-decoded; the mapping target comes from the enclosing element', () => {
    const text = [
      '<Entity type="Transformation">',
      // `<![CDATA[` at column 54, content from 63
      '  <Mapping target="T$A$"><konga.string name="mapping"><![CDATA[<trans>',
      'x = "<b>&amp;</b>";',
      '</trans>]]></konga.string></Mapping>',
      '</Entity>',
    ].join('\n');
    const f = loadSourceFile('Data/Transformation/t.xml', text);
    assert.deepEqual(f.diagnostics, []);
    const r = f.regions[0];
    assert.equal(r.text, '<trans>\nx = "<b>&amp;</b>";\n</trans>');
    assert.equal(r.mappingTarget, 'T$A$');
    assert.equal(r.encoding, 'raw'); // verbatim CDATA: replacement text is written as is
    assert.deepEqual(hostPosition(f, r, 0), { line: 1, character: 63 });
    assert.deepEqual(hostPosition(f, r, 8), { line: 2, character: 0 });
    assert.deepEqual(hostPosition(f, r, offsetIn(r, '&amp;')), { line: 2, character: 8 });
    assert.deepEqual(hostPosition(f, r, offsetIn(r, '</b>')), { line: 2, character: 13 });
  });

  it('CDATA with surrounding whitespace stays raw; CDATA mixed with escaped text is xml-text', () => {
    const ws = loadSourceFile('t.xml', '<Entity type="Script"><konga.string name="script">\n  <![CDATA[<trans>1</trans>]]>\n</konga.string></Entity>');
    assert.equal(ws.regions[0].encoding, 'raw');
    assert.equal(ws.regions[0].text, '\n  <trans>1</trans>\n');
    const mixed = loadSourceFile('t.xml', '<Entity type="Script"><konga.string name="script">&lt;trans&gt;<![CDATA[a = "<b>";]]>&lt;/trans&gt;</konga.string></Entity>');
    const r = mixed.regions[0];
    assert.equal(r.encoding, 'xml-text');
    assert.equal(r.text, '<trans>a = "<b>";</trans>');
    // the CDATA content starts right after `<![CDATA[`
    assert.equal(mixed.text.slice(r.map.toHost(7), r.map.toHost(7) + 5), 'a = "');
    assert.equal(mixed.text.slice(r.map.toHost(r.text.indexOf('</trans>')), r.map.toHost(r.text.indexOf('</trans>')) + 4), '&lt;');
  });

  it('an attribute holding <trans> is a region with an entity-aware map', () => {
    // `script="` value starts at column 27; `&quot;` at 40, `k` at 46
    const text = '<Entity type="Transformation">\n  <M target="T$B$" script="&lt;trans&gt;&quot;k&quot;&lt;/trans&gt;"/>\n</Entity>\n';
    const f = loadSourceFile('t.xml', text);
    assert.equal(f.regions.length, 1);
    const r = f.regions[0];
    assert.equal(r.id, 'Entity/M/@script');
    assert.equal(r.text, '<trans>"k"</trans>');
    assert.equal(r.encoding, 'xml-text');
    assert.equal(r.mappingTarget, 'T$B$');
    assert.deepEqual(hostPosition(f, r, 0), { line: 1, character: 27 });
    assert.deepEqual(hostPosition(f, r, 7), { line: 1, character: 40 });
    assert.deepEqual(hostPosition(f, r, 8), { line: 1, character: 46 });
  });

  it('a <javascript> konga.string becomes a JavaScript region of the body', () => {
    const text = '<Entity type="Script"><Header Name="J"/><konga.string name="script">&lt;javascript&gt;\nvar a = "&#x263A;";\n&lt;/javascript&gt;</konga.string></Entity>';
    const f = loadSourceFile('j.xml', text);
    const r = f.regions[0];
    assert.equal(r.language, 'javascript');
    assert.equal(r.text, '\nvar a = "\u263a";\n');
    assert.equal(text.slice(r.map.toHost(offsetIn(r, '\u263a')), r.map.toHost(offsetIn(r, '\u263a')) + 8), '&#x263A;');
  });
});

describe('Design Studio XML: fixture entities', () => {
  it('Script entity: region with name, <Item> properties as ds-item entries (enc → hidden)', () => {
    const text = fixture('design-studio/Data/Script/4e8a1c3f-6b2d-4f90-a7e5-d1c3b5f7a902.xml');
    const f = loadSourceFile('Data/Script/4e8a1c3f-6b2d-4f90-a7e5-d1c3b5f7a902.xml', text);
    assert.equal(f.kind, 'design-studio-xml');
    assert.equal(f.regions.length, 1);
    const r = f.regions[0];
    assert.equal(r.name, 'Dock Gate Login');
    assert.ok(r.text.includes('$dock.password = "Quay&Crane-7731";'));
    const at = r.map.toHost(offsetIn(r, 'Crane'));
    assert.equal(text.slice(at, at + 5), 'Crane');
    assert.deepEqual(f.lines.positionAt(at), { line: 11, character: 27 }); // 1-based line 12, after `&amp;`
    assert.deepEqual(
      f.data.map((d) => [d.kind, d.name, d.value, d.hidden, d.section]),
      [
        ['ds-item', 'folder', 'Dock', false, 'Dock Gate Login'],
        ['ds-item', 'gate_password', 'daa7b14bf68b03cb35f672d62582f92c23eae77f', false, 'Dock Gate Login'],
        ['ds-item', 'gate_secret', 'b3BhcXVlLWVuY3J5cHRlZC12YWx1ZQ==', true, 'Dock Gate Login'],
      ],
    );
    const pw = f.data[1];
    assert.equal(text.slice(pw.valueStart, pw.valueEnd), pw.value);
    assert.deepEqual(f.lines.positionAt(pw.valueStart), { line: 5, character: 37 });
  });

  it('ProjectVariable entity: the default value is a project-variable entry named by the header', () => {
    const text = fixture('design-studio/Data/ProjectVariable/8c1f3a5e-7b9d-4e02-a6c4-f2e4d6b8a013.xml');
    const f = loadSourceFile('Data/ProjectVariable/8c1f3a5e-7b9d-4e02-a6c4-f2e4d6b8a013.xml', text);
    const pv = f.data.filter((d) => d.kind === 'project-variable');
    assert.equal(pv.length, 1);
    assert.equal(pv[0].name, 'dock_ftp_password');
    assert.equal(pv[0].value, 'Pier&Anchor#5521');
    assert.equal(pv[0].hidden, false);
    assert.equal(text.slice(pv[0].valueStart, pv[0].valueEnd), 'Pier&amp;Anchor#5521');
    // `A` of Anchor sits after `&amp;`
    assert.equal(pv[0].map!.toHost(5), pv[0].valueStart + 9);
    assert.deepEqual(f.data.filter((d) => d.kind === 'ds-item').map((d) => d.name), ['description', 'data_type']);
    assert.equal(f.data[0].value, 'Password for the dock "drop" FTP');
  });

  it('XML comments are host comments with exact offsets', () => {
    const text = '<Entity type="Script">\n  <!-- old: <Item key="pw" value="Harbor#2231"/> -->\n</Entity>\n';
    const f = loadSourceFile('x.xml', text);
    assert.equal(f.hostComments.length, 1);
    const c = f.hostComments[0];
    assert.equal(c.text, ' old: <Item key="pw" value="Harbor#2231"/> ');
    assert.deepEqual(f.lines.positionAt(c.start), { line: 1, character: 6 });
    assert.equal(f.data.length, 0);
  });

  it('a hidden ProjectVariable (enc="true") is flagged hidden', () => {
    const text = '<Entity type="ProjectVariable"><Header Name="pv_x"/><Properties><Item key="default_value" value="q1w2e3" enc="true"/></Properties></Entity>';
    const f = loadSourceFile('Data/ProjectVariable/x.xml', text);
    assert.deepEqual(f.data.map((d) => [d.kind, d.name, d.hidden]), [['project-variable', 'pv_x', true]]);
  });

  it('Transformation entity: attribute and CDATA mapping scripts carry their targets', () => {
    const f = loadSourceFile('x.xml', fixture('design-studio/Data/Transformation/2a4c6e8f-1b3d-4f57-9a0c-b2d4f6a8c1e3.xml'));
    assert.deepEqual(
      f.regions.map((r) => [r.id, r.mappingTarget, r.name]),
      [
        ['Entity/Mappings/Mapping/@script', 'Carrier$Contact$Email$', 'Manifest to Carrier'],
        ["Entity/Mappings/Mapping[1]/konga.string[@name='mapping']", 'Carrier$Contact$Phone$', 'Manifest to Carrier'],
      ],
    );
  });
});

describe('Design Studio XML: broken and hostile input', function () {
  this.timeout(20000);
  it('a mismatched end tag gives one diagnostic with its line/column and keeps earlier regions', () => {
    const text = '<Entity type="Script">\n<konga.string name="script">&lt;trans&gt;1&lt;/trans&gt;</konga.string>\n<Properties>\n</Props>\n</Entity>\n';
    const f = loadSourceFile('x.xml', text);
    assert.equal(f.kind, 'design-studio-xml');
    assert.equal(f.diagnostics.length, 1);
    assert.equal(f.diagnostics[0].code, 'host/malformed');
    assert.match(f.diagnostics[0].message, /line 4, column 1: end tag <\/Props> does not match <Properties>/);
    assert.equal(f.regions.length, 1);
  });

  it('an unclosed element and an unterminated attribute are reported, not thrown', () => {
    const a = loadSourceFile('x.xml', '<Entity type="Script"><konga.string name="script">&lt;trans&gt;');
    assert.equal(a.diagnostics.length, 1);
    assert.match(a.diagnostics[0].message, /never closed/);
    const b = loadSourceFile('x.xml', '<Entity type="Script"><Item key="a" value="oops/>');
    assert.equal(b.diagnostics.length, 1);
    assert.match(b.diagnostics[0].message, /unterminated value of attribute value/);
  });

  it('a billion-laughs DOCTYPE is skipped with a warning and its entities are never expanded', () => {
    const lols = ['<!ENTITY lol "lol">'];
    for (let k = 1; k <= 9; k++) lols.push(`<!ENTITY lol${k} "${`&lol${k === 1 ? '' : k - 1};`.repeat(10)}">`);
    const text = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n ${lols.join('\n ')}\n]>\n<Entity type="Script"><konga.string name="script">&lt;trans&gt;x = "&lol9;";&lt;/trans&gt;</konga.string></Entity>\n`;
    const f = loadSourceFile('bomb.xml', text);
    assert.equal(f.kind, 'design-studio-xml');
    assert.deepEqual(f.diagnostics.map((d) => [d.code, d.severity]), [['host/doctype-skipped', 'warning']]);
    assert.equal(f.regions.length, 1);
    assert.equal(f.regions[0].text, '<trans>x = "&lol9;";</trans>');
  });

  it('a DOCTYPE with ">" inside quoted entity values is skipped whole', () => {
    const text = '<!DOCTYPE x [<!ENTITY e "a>b"> <!-- ]> -->]><Entity type="Script"><konga.string name="script">&lt;trans&gt;&e;&lt;/trans&gt;</konga.string></Entity>';
    const f = loadSourceFile('x.xml', text);
    assert.equal(f.kind, 'design-studio-xml');
    assert.equal(f.regions[0].text, '<trans>&e;</trans>');
  });

  it('200,000 nested elements do not overflow the stack', () => {
    const depth = 200000;
    const text = `<Entity type="Script">${'<a>'.repeat(depth)}<konga.string name="script">&lt;trans&gt;1&lt;/trans&gt;</konga.string>${'</a>'.repeat(depth)}</Entity>`;
    const f = loadSourceFile('deep.xml', text);
    assert.equal(f.kind, 'design-studio-xml');
    assert.deepEqual(f.diagnostics, []);
    assert.equal(f.regions.length, 1);
    assert.ok(f.regions[0].id.length < 200, 'deep ids stay short');
    const unclosed = loadSourceFile('deep.xml', `<Entity type="Script">${'<a>'.repeat(depth)}`);
    assert.equal(unclosed.diagnostics.length, 1);
  });

  it('many bare ampersands stay linear', () => {
    const body = '& '.repeat(500000);
    const t0 = Date.now();
    const f = loadSourceFile('amp.xml', `<Entity type="Script"><konga.string name="script">&lt;trans&gt;${body}&lt;/trans&gt;</konga.string></Entity>`);
    assert.ok(Date.now() - t0 < 3000);
    assert.equal(f.regions[0].text.length, '<trans></trans>'.length + body.length);
  });
});
