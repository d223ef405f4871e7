import * as assert from 'node:assert/strict';
import { extractComponentRefs } from '../../../core/src/syntax/component-refs';

/** `kind:name@slice` for each reference. */
function refs(value: string): string[] {
  return extractComponentRefs(value).map((r) => `${r.kind}:${r.name}@${value.slice(r.start, r.end)}`);
}

describe('syntax/component-refs', () => {
  it('extracts each Cloud Studio <TAG> form', () => {
    assert.deepEqual(refs('<TAG>script:Build Array</TAG>'), ['script:Build Array@<TAG>script:Build Array</TAG>']);
    assert.deepEqual(refs('<TAG>operation:Sync Accounts</TAG>'), ['operation:Sync Accounts@<TAG>operation:Sync Accounts</TAG>']);
    assert.deepEqual(refs('<TAG>email:Nightly Summary</TAG>'), ['email:Nightly Summary@<TAG>email:Nightly Summary</TAG>']);
    assert.deepEqual(
      refs('<TAG>plugin:http://www.jitterbit.com/plugins/pipeline/user/HMACSHA1Generator</TAG>'),
      ['plugin:http://www.jitterbit.com/plugins/pipeline/user/HMACSHA1Generator@<TAG>plugin:http://www.jitterbit.com/plugins/pipeline/user/HMACSHA1Generator</TAG>'],
    );
    assert.deepEqual(refs('<TAG>endpoint:database/My Database</TAG>'), ['endpoint:database/My Database@<TAG>endpoint:database/My Database</TAG>']);
    assert.deepEqual(
      refs('<TAG>activity:ftp/FTP Endpoint/ftp_read/FTP Files</TAG>'),
      ['activity:ftp/FTP Endpoint/ftp_read/FTP Files@<TAG>activity:ftp/FTP Endpoint/ftp_read/FTP Files</TAG>'],
    );
  });

  it('extracts Design Studio folder paths', () => {
    assert.deepEqual(refs('<TAG>Scripts/jitterbit/core/jb.core.wtol</TAG>'), ['design-studio:Scripts/jitterbit/core/jb.core.wtol@<TAG>Scripts/jitterbit/core/jb.core.wtol</TAG>']);
    assert.deepEqual(refs('<TAG>Sources/myDBTarget</TAG>'), ['design-studio:Sources/myDBTarget@<TAG>Sources/myDBTarget</TAG>']);
    assert.deepEqual(refs('<TAG>MyProject/Targets/myDbTarget</TAG>'), ['design-studio:MyProject/Targets/myDbTarget@<TAG>MyProject/Targets/myDbTarget</TAG>']);
  });

  it('extracts several references with offsets inside the value', () => {
    const v = 'use <TAG>script:A</TAG> then <TAG>Operations/x/y</TAG>.';
    assert.deepEqual(
      extractComponentRefs(v).map((r) => [r.kind, r.start, r.end]),
      [['script', 4, 23], ['design-studio', 29, 54]],
    );
  });

  it('extracts on-disk Design Studio sc./op. uuid keys', () => {
    assert.deepEqual(refs('sc.0a1b2c3d-1111-2222-3333-444455556666'), ['script-uuid:0a1b2c3d-1111-2222-3333-444455556666@sc.0a1b2c3d-1111-2222-3333-444455556666']);
    assert.deepEqual(refs('run op.0A1B2C3D-1111-2222-3333-444455556666 now'), ['operation-uuid:0A1B2C3D-1111-2222-3333-444455556666@op.0A1B2C3D-1111-2222-3333-444455556666']);
    assert.deepEqual(refs('<TAG>sc.0a1b2c3d-1111-2222-3333-444455556666</TAG>').map((r) => r.split('@')[0]), ['script-uuid:0a1b2c3d-1111-2222-3333-444455556666']);
    assert.deepEqual(refs('xsc.0a1b2c3d-1111-2222-3333-444455556666'), []);
    assert.deepEqual(refs('sc.0a1b2c3d-1111-2222-3333-44445555666'), []);
  });

  it('accepts the untagged kind:name form only as the whole value', () => {
    assert.deepEqual(refs(' activity:tempstorage/Temp/tempstorage_read/Read '), ['activity:tempstorage/Temp/tempstorage_read/Read@activity:tempstorage/Temp/tempstorage_read/Read']);
    assert.deepEqual(refs('script:My Example Script'), ['script:My Example Script@script:My Example Script']);
    assert.deepEqual(refs('see script:My Example Script'), []);
    assert.deepEqual(refs('email:joe@example.invalid'), []);
    assert.deepEqual(refs('endpoint:nopath'), []);
    assert.deepEqual(refs('Script:Capitalised'), []);
  });

  it('ignores unclosed or empty tags and plain strings', () => {
    assert.deepEqual(refs('<TAG>script:Open'), []);
    assert.deepEqual(refs('<TAG></TAG>'), []);
    assert.deepEqual(refs('<TAG>script:</TAG>'), []);
    assert.deepEqual(refs('SELECT 1 FROM dual'), []);
  });

  it('stays fast on long adversarial values', () => {
    const value = '<TAG>'.repeat(50_000) + 'sc.'.repeat(50_000) + `${'<TAG>script:x</TAG> sc.0a1b2c3d-1111-2222-3333-444455556666 '.repeat(5000)}`;
    const t0 = Date.now();
    const found = extractComponentRefs(value);
    assert.ok(Date.now() - t0 < 2000);
    assert.equal(found.length, 10_000);
  });
});
