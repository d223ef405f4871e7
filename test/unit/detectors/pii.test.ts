import { strict as assert } from 'node:assert';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import {
  isLikelyCardNumber, isRoleMailbox, isValidSsn, looksLikeDateOfBirth, looksLikePersonName, looksLikeStreetAddress, scanPii, type PiiKind,
} from '../../../core/src/detectors';
import { cardNumber, iban, luhnComplete, randStr, rng } from './helpers';

const NOW = new Date(Date.UTC(2026, 10, 26));

function expectPii(text: string, kind: PiiKind, value: string): void {
  const m = scanPii(text, NOW);
  const hit = m.find((x) => x.kind === kind && text.slice(x.start, x.end) === value);
  assert.ok(hit, `expected ${kind} ${JSON.stringify(value)} in ${JSON.stringify(text)}; got ${JSON.stringify(m.map((x) => [x.kind, text.slice(x.start, x.end)]))}`);
  assert.ok(!hit.description.includes(value));
}
function expectNone(text: string, kind?: PiiKind): void {
  const m = scanPii(text, NOW).filter((x) => kind === undefined || x.kind === kind);
  assert.deepEqual(m.map((x) => [x.kind, text.slice(x.start, x.end)]), [], `expected no ${kind ?? 'PII'} in ${JSON.stringify(text)}`);
}

const r = rng(7);
function int(lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}
/** A US number that libphonenumber accepts and that is outside the fictional 555-01xx range. */
function usPhone(): string {
  for (;;) {
    const area = [212, 312, 415, 617, 206, 303, 512][int(0, 6)];
    const exch = int(201, 989);
    if (exch === 555) continue;
    const line = String(int(0, 9999)).padStart(4, '0');
    const s = `(${area}) ${exch}-${line}`;
    if (parsePhoneNumberFromString(s, 'US')?.isValid()) return s;
  }
}
function ssn(): string {
  for (;;) {
    const a = int(1, 899);
    if (a === 666) continue;
    return `${String(a).padStart(3, '0')}-${String(int(1, 99)).padStart(2, '0')}-${String(int(1, 9999)).padStart(4, '0')}`;
  }
}
function card(prefix: string, len: number): string {
  for (;;) {
    const c = cardNumber(prefix, len);
    if (isLikelyCardNumber(c)) return c;
  }
}

describe('detectors/scanPii', () => {
  describe('e-mail', () => {
    const persons = ['marta.kowalczyk@fastmail.com', 'qbrandt@icloud.com', 'j.okafor@northwind-traders.co.uk', 'linh.tran+crm@gmail.com', 'Erik.Lund@acme-logistics.se'];
    for (const e of persons) it(`flags a person: ${e}`, () => expectPii(`{"C-1", "${e}"}`, 'email', e));
    const roles = [
      'support@acme-logistics.com', 'no-reply@acme.io', 'noreply@acme.io', 'donotreply@acme.io', 'ops@acme.io', 'ops-team@acme.io',
      'it.helpdesk@acme.io', 'integration@acme.io', 'integrations@acme.io', 'billing@acme.io', 'sales@acme.io', 'info@acme.io',
      'postmaster@acme.io', 'hr@acme.io', 'edi@acme.io', 'orders@acme.io', 'alerts@acme.io', 'notifications@acme.io', 'admin@acme.io',
      'Finance@acme.io', 'purchasing@acme.io', 'team@acme.io', 'marketing@acme.io', 'noreply+build@acme.io',
    ];
    for (const e of roles) it(`role mailbox is not PII: ${e}`, () => expectNone(e, 'email'));
    const reserved = ['jane.roe@example.com', 'john@example.org', 'a.person@example.net', 'x.y@mail.example.com', 'bob@corp.example', 'ann@site.test', 'kim@host.invalid', 'lee@localhost'];
    for (const e of reserved) it(`reserved domain is not PII: ${e}`, () => expectNone(e, 'email'));
    it('URL user-info is not an e-mail', () => expectNone('sftp://svc:Pw9x@files.acme.io/in', 'email'));
    it('a file name with @2x is not an e-mail', () => expectNone('logo@2x.png', 'email'));
    it('isRoleMailbox', () => {
      assert.equal(isRoleMailbox('it.helpdesk'), true);
      assert.equal(isRoleMailbox('marta.kowalczyk'), false);
    });
  });

  describe('phone', () => {
    const valid = [usPhone(), usPhone(), '0049 30 901820', '+1 (415) 823-4411', '+44 20 7123 4567', '+49 30 901820', '+31 6 12345678', '+1 415 823 4411', '212.817.2593', '212-817-2593'];
    for (const p of valid) it(`flags ${p}`, () => expectPii(`call ${p} today`, 'phone', p));
    const traps = [
      '(312) 555-0147', '415-555-0199', '(206) 555-0100', '1732612345678', '1234567.89', '2024-01-15', '192.168.100.200', 'ORD-2024-000123',
      '100-200-3000', '83702-1234', '4711', 'v1.2.3', '20240115093000', '12:30:45', '+44 20 7946 0958',
    ];
    for (const p of traps) it(`does not flag ${p}`, () => expectNone(`value ${p} end`, 'phone'));
  });

  describe('SSN', () => {
    for (const s of [ssn(), ssn(), ssn().replace(/-/g, ' ')]) it(`flags valid-range ${s}`, () => expectPii(`{"C-1", "${s}"}`, 'ssn', s));
    for (const s of ['000-12-3456', '666-12-3456', '912-34-5678', '123-00-4567', '123-45-0000', '078-05-1120', '123-45-6789', '12-345-6789', '1234-56-7890'])
      it(`does not flag ${s}`, () => expectNone(`x ${s} y`, 'ssn'));
    // A part number that carries an SSN-shaped run of digits, a letter right after it.
    it('does not flag an SSN shape followed by a letter (part number)', () => expectNone('SKU 512-38-4471X', 'ssn'));
    it('flags a valid SSN before punctuation', () => expectPii('ssn 512-38-4471;', 'ssn', '512-38-4471'));
    it('isValidSsn ranges', () => {
      assert.equal(isValidSsn('899', '01', '0001'), true);
      assert.equal(isValidSsn('900', '01', '0001'), false);
    });
  });

  describe('payment cards', () => {
    const cards = [card('4', 16), card('51', 16), card('2221', 16), card('37', 15), card('6011', 16), card('3528', 16)];
    for (const c of cards) it(`flags Luhn-valid ${c.slice(0, 2)}… (${c.length})`, () => expectPii(`$pay.pan = "${c}"`, 'card', c));
    const spaced = card('4', 16).replace(/(\d{4})(?=\d)/g, '$1 ');
    it('flags a spaced card number', () => expectPii(`pan ${spaced}.`, 'card', spaced));
    const traps = [
      '4111111111111111', '4242424242424242', '5555555555554444', '378282246310005', '4012888888881881', '5105105105105100',
      '6011111111111117', '371449635398431', '4000056655665556', '2223003122003222', '4111 1111 1111 1111', '4242-4242-4242-4242',
      '3782 822463 10005', '4000000000000002',
    ];
    for (const c of traps) it(`published test number is not PII: ${c}`, () => expectNone(`x ${c} y`, 'card'));
    it('a Luhn-invalid number is not a card', () => {
      const c = card('4', 16);
      const bad = c.slice(0, 15) + ((+c[15] + 1) % 10);
      expectNone(`x ${bad} y`, 'card');
    });
    it('a Luhn-valid number without a known IIN is not a card', () => expectNone(`id ${luhnComplete('990012345678901')} y`, 'card'));
  });

  describe('IBAN', () => {
    const valid = [iban('NL', 'aaaannnnnnnnnn'), iban('DE', 'nnnnnnnnnnnnnnnnnn'), iban('GB', 'aaaannnnnnnnnnnnnn'), iban('FR', 'nnnnnnnnnnaaaaannnnnnnn')];
    for (const v of valid) it(`flags ${v.slice(0, 2)} IBAN`, () => expectPii(`$vendor.iban = "${v}";`, 'iban', v));
    const spaced = valid[0].replace(/(.{4})(?=.)/g, '$1 ');
    it('flags an IBAN written in groups of four', () => expectPii(`"${spaced}"`, 'iban', spaced));
    for (const v of ['GB82WEST12345698765432', 'DE89370400440532013000', 'FR1420041010050500013M02606', 'NL91ABNA0417164300', 'GB29NWBK60161331926819', 'GB82 WEST 1234 5698 7654 32'])
      it(`published example is not PII: ${v}`, () => expectNone(`"${v}"`, 'iban'));
    it('wrong checksum is not an IBAN', () => {
      const v = valid[1];
      const bad = v.slice(0, 2) + String((+v.slice(2, 4) + 1) % 100).padStart(2, '0') + v.slice(4);
      expectNone(`"${bad}"`, 'iban');
    });
    it('wrong length is not an IBAN', () => expectNone(`"${valid[0]}7"`, 'iban'));
  });

  describe('person records', () => {
    const records = [
      'Marta Kowalczyk|1986-11-02|17 Birch Avenue, Duluth, MN 55802',
      'Quinn Albrecht, born 1979-04-21, 880 Cedar Lane, Boise, ID 83702',
      '{"name": "Tomas Ferreira", "dob": "03/14/1972", "city": "Porto"}',
      '<Person><Name>Ines Vidal</Name><BirthDate>1990-07-30</BirthDate></Person>',
      'Dr. Alan Whitcombe;12 March 1961;flat 3',
      `Noor Haddad\t${ssn()}`,
      '<Customer first="Ingrid" last="Solberg" street="Kirkegata 14" city="Oslo"/>',
    ];
    for (const rec of records) {
      it(`flags ${rec.slice(0, 24)}…`, () => {
        const m = scanPii(rec, NOW).filter((x) => x.kind === 'person-record');
        assert.equal(m.length, 1, JSON.stringify(scanPii(rec, NOW)));
      });
    }
    const traps = [
      'Jane Roe|jane.roe@example.com|(312) 555-0147',
      'Test Account|1984-03-12|42 Elm St',
      'New York, 1984-03-12',
      'Marta Kowalczyk|2024-03-12',
      'Quarterly Report, 2012-03-31',
      'C-10021|Customer Service|Closed',
      'WriteToOperationLog("Loaded " + $n + " rows")',
      // Bare first/last keys that hold no person's name (paging, ordering).
      '<Page first="Next" last="Previous" street="Kirkegata 14"/>',
      'sort: first=Created last=Modified 1984-03-12',
    ];
    for (const t of traps) it(`does not flag ${t}`, () => expectNone(t, 'person-record'));
  });

  describe('helpers', () => {
    it('looksLikePersonName', () => {
      for (const n of ['Jane Porter', 'Mary-Ann O\'Neil', 'Dr. Alan Whitcombe', 'Ludwig van Beethoven', 'J. R. Tolkien', 'Porter, Jane', 'Tomasz Wiśniewski', 'Łukasz Nowak', 'Émilie Gagnon', 'Jürgen Weiß'])
        assert.equal(looksLikePersonName(n), true, n);
      for (const n of ['Test Account', 'jane porter', 'JANE', 'Customer Service', 'New York', 'Order 4711', 'Acme Logistics Inc', 'A B', 'John Doe', 'Max Mustermann', 'Joe Bloggs'])
        assert.equal(looksLikePersonName(n), false, n);
    });
    it('looksLikeDateOfBirth', () => {
      for (const d of ['1984-03-12', '03/12/1984', '12.03.1984', '12 March 1984', '12-Mar-1984', 'March 12, 1984', 'born 1978-05-13', 'DOB: 1950-01-31', '1984-03-12T00:00:00Z', 'dob 19840312'])
        assert.equal(looksLikeDateOfBirth(d, NOW), true, d);
      for (const d of ['2020-01-01', '1899-12-31', '1984-02-30', '13/13/1984', '19840312', 'yesterday', '1984', '2030-01-01']) assert.equal(looksLikeDateOfBirth(d, NOW), false, d);
    });
    it('looksLikeStreetAddress', () => {
      for (const a of ['42 Elm St', '4891 Larkspur Lane, Boise, ID 83702', '17 Birch Avenue', '1600 N. Main Street', 'Hauptstraße 5', '12 rue de la Paix', 'P.O. Box 123',
        'ul. Długa 14/3, 00-238 Warszawa', 'Via Garibaldi 27, 10122 Torino', 'Calle Mayor, 12', 'Rua Augusta 100'])
        assert.equal(looksLikeStreetAddress(a), true, a);
      for (const a of ['Elm Street', '42', 'Order 4711 shipped', 'Suite 400', 'via email 2 times', 'Via API', 'rue']) assert.equal(looksLikeStreetAddress(a), false, a);
    });
  });

  it('never throws and returns [] on odd input', () => {
    for (const t of ['', '@', '@@@@', '+', '(((((', '|||||', 'a@b', '\u0000\uffff', '9'.repeat(10000), 'x@'.repeat(3000)]) assert.doesNotThrow(() => scanPii(t, NOW));
    assert.deepEqual(scanPii(undefined as unknown as string), []);
  });

  it('reports each value once: an IBAN or card is not also a phone number', () => {
    const v = iban('NL', 'aaaannnnnnnnnn').replace(/(.{4})(?=.)/g, '$1 ');
    const kinds = scanPii(`"${v}"`, NOW).map((m) => m.kind);
    assert.deepEqual(kinds, ['iban']);
    void randStr;
  });
});
