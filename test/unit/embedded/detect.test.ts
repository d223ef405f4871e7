import { strict as assert } from 'node:assert';
import { loadSourceFile, isProbablyBinary, MAX_FILE_BYTES } from '../../../core/src/syntax/load-source-file';
import { fixture } from './helpers';

describe('loadSourceFile: kind detection', () => {
  it('.jb and .jitterbit are Jitterbit Script with one raw identity region', () => {
    for (const path of ['a/b/order.jb', 'C:\\proj\\Order.JITTERBIT']) {
      const text = '<trans>\n$x = 1;\n</trans>\n';
      const f = loadSourceFile(path, text);
      assert.equal(f.kind, 'jitterbit-script', path);
      assert.equal(f.regions.length, 1);
      const r = f.regions[0];
      assert.equal(r.language, 'jitterbit');
      assert.equal(r.encoding, 'raw');
      assert.equal(r.text, text);
      assert.equal(r.map.toHost(9), 9);
      assert.deepEqual(f.diagnostics, []);
    }
  });

  it('a file of unknown extension whose first content is <trans> is Jitterbit Script', () => {
    const f = loadSourceFile('notes.txt', '\n   <trans>a = 1;</trans>');
    assert.equal(f.kind, 'jitterbit-script');
    assert.equal(f.regions[0].language, 'jitterbit');
  });

  it('.js without tags: the whole file is the JavaScript region', () => {
    const text = 'var a = "x";\nWriteToOperationLog(a);\n';
    const f = loadSourceFile('scripts/log.js', text);
    assert.equal(f.kind, 'jitterbit-javascript');
    assert.equal(f.regions.length, 1);
    assert.equal(f.regions[0].language, 'javascript');
    assert.equal(f.regions[0].text, text);
    assert.equal(f.regions[0].map.toHost(4), 4);
  });

  it('.js with <javascript> tags: the region is the body between the tags, mapped back', () => {
    const text = fixture('javascript/carrier-rates.js');
    const f = loadSourceFile('carrier-rates.js', text);
    assert.equal(f.kind, 'jitterbit-javascript');
    const r = f.regions[0];
    assert.ok(!r.text.includes('<javascript>') && !r.text.includes('</javascript>'));
    assert.ok(r.text.startsWith('\n// Carrier rate request'));
    // `var` on line 3 (index 2), column 0
    const at = r.text.indexOf('var auth');
    assert.deepEqual(f.lines.positionAt(r.map.toHost(at)), { line: 2, character: 0 });
  });

  it('a .jb (or unknown) file starting with <javascript> is JavaScript', () => {
    for (const path of ['x.jb', 'x']) {
      const f = loadSourceFile(path, '<javascript>\nvar a = 1;\n</javascript>\n');
      assert.equal(f.kind, 'jitterbit-javascript', path);
      assert.equal(f.regions[0].language, 'javascript');
      assert.equal(f.regions[0].text, '\nvar a = 1;\n');
      assert.equal(f.regions[0].map.toHost(1), 13);
    }
  });

  it('detects an export, a Design Studio entity and a jitterbit.conf by content under unknown names', () => {
    assert.equal(loadSourceFile('download', fixture('export/harbor-logistics.json')).kind, 'cloud-studio-export');
    assert.equal(loadSourceFile('entity.dat', fixture('design-studio/Data/Script/4e8a1c3f-6b2d-4f90-a7e5-d1c3b5f7a902.xml')).kind, 'design-studio-xml');
    assert.equal(loadSourceFile('agent.ini', fixture('agent/jitterbit.conf')).kind, 'jitterbit-conf');
    assert.equal(loadSourceFile('/opt/jitterbit/jitterbit.conf', fixture('agent/jitterbit.conf')).kind, 'jitterbit-conf');
  });

  it('jitterbit.conf copies and variants by name; another .conf only with jitterbit.conf sections', () => {
    const agent = '[Settings]\nJavaScriptMaxIterations=100000\n[SMTP]\nserver=smtp.northwind-ops.com\n';
    for (const n of ['jitterbit.conf.bak', 'jitterbit.conf.orig', 'prod-jitterbit.conf', 'jitterbit_agent.conf']) {
      assert.equal(loadSourceFile(`/opt/jitterbit/${n}`, agent).kind, 'jitterbit-conf', n);
    }
    assert.equal(loadSourceFile('agent-prod.conf', agent).kind, 'jitterbit-conf');
    assert.equal(loadSourceFile('agent-prod.conf', '[PredefinedGlobalVariables]\nwms.base_url=https://wms.northwind-ops.com\n').kind, 'jitterbit-conf');
    // Other tools' INI `.conf` files are not an agent's (they were taken for one by their INI layout alone).
    assert.equal(loadSourceFile('my.conf', '[mysqld]\nuser=mysql\npassword=x\n[client]\nport=3306\n').kind, 'unsupported');
    assert.equal(loadSourceFile('supervisord.conf', '[program:worker]\ncommand=/usr/bin/worker\n').kind, 'unsupported');
    assert.equal(loadSourceFile('smtp.conf', '[Settings]\nverbose=1\n[SMTP]\nserver=smtp.northwind-ops.com\n').kind, 'unsupported');
  });

  it('a .json that is not an export is unsupported with one diagnostic', () => {
    const f = loadSourceFile('package.json', '{ "name": "x", "version": "1.0.0", "dependencies": {} }');
    assert.equal(f.kind, 'unsupported');
    assert.equal(f.regions.length, 0);
    assert.equal(f.diagnostics.length, 1);
    assert.equal(f.diagnostics[0].code, 'host/unsupported-format');
    assert.match(f.diagnostics[0].message, /not a Cloud Studio project export/i);
  });

  it('XML that is not an entity is unsupported with one diagnostic naming the root', () => {
    const f = loadSourceFile('pom.xml', '<?xml version="1.0"?>\n<project><modelVersion>4.0.0</modelVersion></project>\n');
    assert.equal(f.kind, 'unsupported');
    assert.equal(f.diagnostics.length, 1);
    assert.equal(f.diagnostics[0].code, 'host/unsupported-format');
    assert.match(f.diagnostics[0].message, /<project>/);
  });

  it('other text is unsupported with one diagnostic', () => {
    const f = loadSourceFile('README.md', '# Title\n\nSome prose.\n');
    assert.equal(f.kind, 'unsupported');
    assert.equal(f.diagnostics.length, 1);
    assert.equal(f.diagnostics[0].code, 'host/unsupported-format');
  });

  it('binary content is recognised and skipped', () => {
    assert.equal(isProbablyBinary('PK\u0003\u0004\u0000\u0000abc'), true);
    assert.equal(isProbablyBinary('\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008 abcd'), true);
    assert.equal(isProbablyBinary('<trans>\n\tx = 1;\r\n</trans>'), false);
    assert.equal(isProbablyBinary(''), false);
    const f = loadSourceFile('x.jb', 'ab\u0000cd');
    assert.equal(f.kind, 'unsupported');
    assert.equal(f.regions.length, 0);
    assert.equal(f.diagnostics.length, 1);
    assert.match(f.diagnostics[0].message, /binary/);
  });

  it('MAX_FILE_BYTES is 8 MiB and larger text is skipped with a message', () => {
    assert.equal(MAX_FILE_BYTES, 8 * 1024 * 1024);
    const f = loadSourceFile('huge.jb', 'x'.repeat(MAX_FILE_BYTES + 1));
    assert.equal(f.kind, 'unsupported');
    assert.equal(f.regions.length, 0);
    assert.match(f.diagnostics[0].message, /exceeds/);
  });
});
