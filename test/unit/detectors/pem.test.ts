import { strict as assert } from 'node:assert';
import { scanPemPrivateKeys, scanSecretTokens } from '../../../core/src/detectors';
import { pemEcSec1, pemOpenSsh, pemPublicKey, pemRsaPkcs1, pemRsaPkcs8, pemWithBody, seededBytes } from './helpers';

describe('detectors/PEM private keys', () => {
  const valid: [string, () => string, string][] = [
    ['PKCS#8 RSA', pemRsaPkcs8, 'PRIVATE KEY'],
    ['PKCS#1 RSA', pemRsaPkcs1, 'RSA PRIVATE KEY'],
    ['SEC1 EC', pemEcSec1, 'EC PRIVATE KEY'],
    ['OpenSSH', pemOpenSsh, 'OPENSSH PRIVATE KEY'],
  ];
  for (const [name, gen, label] of valid) {
    it(`finds a ${name} block at its BEGIN line (high)`, () => {
      const pem = gen();
      const text = `// deploy key\n${pem}`;
      const m = scanPemPrivateKeys(text);
      assert.equal(m.length, 1);
      assert.equal(m[0].start, text.indexOf('-----BEGIN'));
      assert.equal(m[0].label, label);
      assert.equal(m[0].confidence, 'high');
      assert.ok(text.slice(m[0].start, m[0].end).endsWith(`-----END ${label}-----`));
      const s = scanSecretTokens(text, 'comment');
      assert.equal(s.length, 1);
      assert.equal(s[0].kind, 'private-key');
    });
  }

  it('accepts a PEM written with \\n escapes in a one-line string', () => {
    const oneLine = pemRsaPkcs8().replace(/\n/g, '\\n');
    const text = `{"type":"service_account","private_key":"${oneLine}","client_email":"svc@proj.iam.gserviceaccount.com"}`;
    const m = scanSecretTokens(text, 'code');
    assert.equal(m.length, 1);
    assert.equal(m[0].kind, 'private-key');
    assert.equal(m[0].start, text.indexOf('-----BEGIN'));
  });

  it('accepts an encrypted PKCS#8 block and a traditional Proc-Type encrypted block', () => {
    // Encrypted PKCS#8 is a DER SEQUENCE as well.
    const der = Buffer.concat([Buffer.from([0x30, 0x81, 0x90]), seededBytes(0x90)]);
    assert.equal(scanPemPrivateKeys(pemWithBody('ENCRYPTED PRIVATE KEY', der)).length, 1);
    const enc = `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,${seededBytes(16).toString('hex').toUpperCase()}\n\n${seededBytes(96).toString('base64')}\n-----END RSA PRIVATE KEY-----`;
    assert.equal(scanPemPrivateKeys(enc).length, 1);
  });

  it('reports a truncated body with a plausible DER prefix as medium', () => {
    const pem = pemRsaPkcs1();
    const lines = pem.split('\n');
    const truncated = `${lines[0]}\n${lines[1]}\n${lines[2]}\n"`; // header + two body lines, then the literal ends
    const m = scanPemPrivateKeys(truncated);
    assert.equal(m.length, 1);
    assert.equal(m[0].confidence, 'medium');
  });

  // Generated test keys and retyped keys carry random base64 that does not parse: the armour still names a private key.
  const unparsed: [string, () => string][] = [
    ['a random body that is not DER', () => pemWithBody('RSA PRIVATE KEY', Buffer.concat([Buffer.from([0x04]), seededBytes(300)]))],
    ['a DER SEQUENCE whose length disagrees with the body', () => pemWithBody('PRIVATE KEY', Buffer.concat([Buffer.from([0x30, 0x82, 0x04, 0xbc]), seededBytes(100)]))],
    ['an OpenSSH label with a non-OpenSSH body', () => pemWithBody('OPENSSH PRIVATE KEY', seededBytes(200))],
    ['a random body whose length is not a multiple of 4', () => `-----BEGIN EC PRIVATE KEY-----\n${seededBytes(120).toString('base64').replace(/=+$/, '').slice(0, 150)}\n-----END EC PRIVATE KEY-----`],
  ];
  for (const [name, gen] of unparsed) {
    it(`reports ${name} as medium`, () => {
      const m = scanPemPrivateKeys(gen());
      assert.equal(m.length, 1);
      assert.equal(m[0].confidence, 'medium');
    });
  }

  const traps: [string, () => string][] = [
    ['a public key', pemPublicKey],
    ['a certificate', () => pemWithBody('CERTIFICATE', Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x00]), seededBytes(256)]))],
    ['a non-base64 body', () => '-----BEGIN PRIVATE KEY-----\nthis is not base64 at all!\n-----END PRIVATE KEY-----'],
    ['a placeholder body', () => '-----BEGIN RSA PRIVATE KEY-----\n<your private key here>\n-----END RSA PRIVATE KEY-----'],
    ['an ellipsis body', () => '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg...\n-----END PRIVATE KEY-----'],
    ['a short body of repeated filler', () => `-----BEGIN PRIVATE KEY-----\n${'AbCd'.repeat(20)}\n-----END PRIVATE KEY-----`],
    ['a header alone', () => '-----BEGIN RSA PRIVATE KEY-----'],
  ];
  for (const [name, gen] of traps) {
    it(`ignores ${name}`, () => {
      const text = gen();
      assert.deepEqual(scanPemPrivateKeys(text), []);
      assert.deepEqual(scanSecretTokens(text, 'code').filter((m) => m.kind === 'private-key'), []);
    });
  }
});
