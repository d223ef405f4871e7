import { strict as assert } from 'node:assert';
import { canBeCredentialValue, isIdentifierShape, isPlaceholder, isSalesforceId18, looksRandom, shannonEntropy } from '../../../core/src/detectors';
import { awsSecret, HEX, mixedStr, randStr } from './helpers';
import { randomUUID, createHash } from 'node:crypto';

describe('detectors/values', () => {
  describe('isPlaceholder', () => {
    const both = [
      '', '   ', '<password>', '<your token>', '{{token}}', '{{ api_key }}', '${SECRET}', '${env:DB_PASS}', '%VAR%', '%DB_PASSWORD%',
      '****', '********', 'xxxx', 'XXXXXXXXXXXX', 'REPLACE_ME', 'replace-me', 'your-api-key', 'your_password_here', 'YOUR_API_KEY',
      'TODO', 'todo: fill in', 'dummy', 'dummy-secret', 'sample', 'sample_token', 'example', 'example-key', 'aaaaaaaa', '00000000',
      '$db_password', '$sf.password', '[pv_password]', '[pv.Api Key]', 'Get("sf.password")', 'Jitterbit.GetVar("$token")', 'GetVar("x")',
      'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AKIAI44QH8DHBEXAMPLE', 'sk_live_xxxxxxxxxxxxxxxx',
      'Bearer {{access_token}}', 'null', 'N/A', 'redacted', '...', 'token_goes_here', '"<secret>"',
      // Deployment-time token replacement and a scheme before a reference.
      '#{FTP_PASSWORD}#', '#{Octopus.Db.Password}', '__OKTA_TOKEN__', '@@DB_PASS@@', 'Bearer [pv_access_token]', 'Basic $auth_b64',
      'SSWS <okta-api-token>',
      // Format specifiers filled in later (`Sprintf("token=%s", tok)`).
      '%s', '%1$s', '%-8s', '%d', '{0}',
      // "your …" after a vendor prefix that names the kind of token.
      'xoxb-your-bot-token', 'sk_live_your_secret_key', 'ghp_your_token_here', 'SG.your-sendgrid-key',
    ];
    for (const v of both) {
      it(`placeholder in code and comments: ${JSON.stringify(v)}`, () => {
        assert.equal(isPlaceholder(v, 'code'), true);
        assert.equal(isPlaceholder(v, 'comment'), true);
      });
    }
    const commentOnly = ['changeit', 'changeme', 'password', 'Password', 'secret', 'passw0rd', 'changeit!'];
    for (const v of commentOnly) {
      it(`${JSON.stringify(v)} is a placeholder only in comments`, () => {
        assert.equal(isPlaceholder(v, 'comment'), true);
        assert.equal(isPlaceholder(v, 'code'), false);
      });
    }
    const real = ['xoxb-yourteam-Kx82', 'yourTurn4Prod-Qz', '%sXk2pQ9vLm3', '{0}Xk2pQ9', 'Xk2pQ9vLm3', 'tSus!ER!H9C7XZXg', 'Summer2024!', 'f2f6c1d9e8a74b0c9d3e2f1a0b9c8d7e', awsSecret(), mixedStr(32), 'P@ssw0rd-Prod-17'];
    for (const v of real) {
      it(`real value is not a placeholder: ${v.slice(0, 6)}…`, () => {
        assert.equal(isPlaceholder(v, 'code'), false);
        assert.equal(isPlaceholder(v, 'comment'), false);
      });
    }
  });

  describe('canBeCredentialValue', () => {
    const no = [
      '', ' ', 'https://login.salesforce.com/services/oauth2/token', 'sftp://files.partner.io/inbox', '3600', '-1', '2.5', 'true', 'FALSE',
      'yes', 'off', '/etc/jitterbit/keystore.jks', 'C:\\certs\\client.pfx', './secrets/key.pem', 'keystore.jks', 'basic', 'Bearer',
      'OAuth2', 'ntlm', 'digest', 'none', 'Login failed', 'Invalid password for user', 'Token expired, please log in again.',
      '<TAG>endpoint:database/Card Vault</TAG>', 'sc.6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b', '$db_password', '[pv_password]',
      '{{token}}', 'REPLACE_ME', 'AKIAIOSFODNN7EXAMPLE', 'base64', 'HMAC-SHA256', 'sha256', 'RS256',
    ];
    for (const v of no) it(`cannot be a credential: ${JSON.stringify(v)}`, () => assert.equal(canBeCredentialValue(v), false));
    const yes = [
      'changeit', 'password', 'Xk2pQ9vLm3', 'Summer2024!', 'https://svc:Pa55w0rd@host.io/x', randomUUID(), mixedStr(24), 's3cr3t',
      'correct-horse-battery-staple', '12345678901234567890123',
    ];
    for (const v of yes) it(`can be a credential: ${JSON.stringify(v)}`, () => assert.equal(canBeCredentialValue(v), true));
  });

  describe('shannonEntropy', () => {
    it('is 0 for empty and repeated strings', () => {
      assert.equal(shannonEntropy(''), 0);
      assert.equal(shannonEntropy('aaaa'), 0);
    });
    it('is 1 bit for two equiprobable symbols and log2(n) for n distinct', () => {
      assert.equal(shannonEntropy('abab'), 1);
      assert.ok(Math.abs(shannonEntropy('abcdefgh') - 3) < 1e-9);
    });
  });

  describe('looksRandom / isIdentifierShape', () => {
    const sha = (s: string, alg = 'sha256'): string => createHash(alg).update(s).digest('hex');
    const random = [mixedStr(20), mixedStr(32), mixedStr(64), awsSecret(), 'tSus!ER!H9C7XZXgQp2LmV'];
    for (const v of random) it(`random-looking: ${v.slice(0, 5)}…(${v.length})`, () => assert.equal(looksRandom(v), true));
    const notRandom = [
      'ProcessCustomerOrdersBatch2024', 'customer_account_number_field', 'short1A', 'hello world this is text', 'AAAAAAAAAAAAAAAAAAAAAAAA',
      'https://api.example.com/v1/orders?id=12', 'abcdefghijklmnopqrstuvwxyz', 'Jitterbit.Operation.Name',
    ];
    for (const v of notRandom) it(`not random-looking: ${v}`, () => assert.equal(looksRandom(v), false));

    const sfId15 = '001' + '5g' + '0' + '00' + randStr(7, 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789');
    const sfId18 = sfId15 + sfSuffix(sfId15);
    const ids = [
      randomUUID(), randomUUID().toUpperCase(), `{${randomUUID()}}`, `sc.${randomUUID()}`, `op.${randomUUID()}`, randomUUID().replace(/-/g, ''),
      sha('x', 'md5'), sha('x', 'sha1'), sha('x'), sha('x', 'sha512'), sha('y').toUpperCase(), sfId15, sfId18, randStr(24, HEX),
    ];
    for (const v of ids) {
      it(`identifier shape, not random: ${v.slice(0, 8)}…(${v.length})`, () => {
        assert.equal(isIdentifierShape(v), true);
        assert.equal(looksRandom(v), false);
      });
    }
    it('validates the Salesforce 18-character suffix', () => {
      assert.equal(isSalesforceId18(sfId18), true);
      const bad = sfId18.slice(0, 15) + (sfId18[15] === 'A' ? 'B' : 'A') + sfId18.slice(16);
      assert.equal(isSalesforceId18(bad), false);
    });
    it('mixed-case hex of digest length is not a digest', () => {
      assert.equal(isIdentifierShape('aBcD' + randStr(28, HEX)), false);
    });
  });
});

function sfSuffix(id15: string): string {
  const alpha = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let out = '';
  for (let c = 0; c < 3; c++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id15[c * 5 + i])) bits |= 1 << i;
    out += alpha[bits];
  }
  return out;
}

describe('detectors/looksRandom traps from real scripts', () => {
  for (const v of ['yyyy-mm-ddTHH:MM:SS.zzzZ', "yyyy-MM-dd'T'HH:mm:ss.SSSZ", '<TAG>Sources/myDBTarget</TAG>', '<TAG>operation:Post_Slack_Message</TAG>']) {
    it(`not random-looking: ${v}`, () => assert.equal(looksRandom(v), false));
  }
});

describe('detectors/isPlaceholder does not swallow real values', () => {
  for (const v of ['Passw(rd)9', 'Abc(123)x', 'MyPassword', 'Enterprise1', 'TheKey2024!', '__Xk2pQ9vLm3__', '#{9fQ2}#Lm3', 'Bearer Xk2pQ9vLm3Tz8wQe']) {
    it(`${v} is not a placeholder in code`, () => assert.equal(isPlaceholder(v, 'code'), false));
  }
  for (const v of ['enter_password_here', 'insert-token', 'Get($sf.password)', 'GetVar("$x", "default")', 'Jitterbit.GetVar("$token")']) {
    it(`${v} is a placeholder / reference`, () => assert.equal(isPlaceholder(v, 'code'), true));
  }
});
