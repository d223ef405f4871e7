// Payment card numbers: Luhn-valid, a known issuer prefix and length, standing alone as a number, and not a published
// test number or a filler.

import { isAlnumCode as codec_isAlnumCode, isDigitCode as codec_isDigitCode, luhnValid } from './codec';
import type { PiiMatch } from './pii-match';

// Local bindings: hot loops call these directly (no module getter per character).
const isAlnumCode = codec_isAlnumCode;
const isDigitCode = codec_isDigitCode;

/** Published test card numbers (card networks, Stripe, Adyen, Braintree, PayPal documentation). */
export const TEST_CARD_NUMBERS = new Set([
  '4111111111111111', '4242424242424242', '4012888888881881', '4222222222222', '4000056655665556', '4000000000000002',
  '4000000000000077', '4000000000000093', '4000000000003220', '4000002500003155', '4000000000009995', '4000000000000069',
  '4000000000000127', '4000000000000119', '4000000000000101', '4000000000000341', '4000002760003184', '4000000000000010',
  '4000000000000028', '4000000000000036', '4000000000000044', '4000000000000051', '4000000000000085', '4000000000000259',
  '4000000000000036', '4000003720000278', '4000000000003063', '4000008400001629', '4000000000001976', '4242424242424241',
  '4917610000000000', '4484070000000000', '4035501000000008', '4360000001000005', '4571000000000001', '4917300800000000',
  '4111111145551142', '4988438843884305', '4166676667666746', '4646464646464644', '4400000000000008', '4444333322221111',
  '4005519200000004', '4009348888881881', '4012000033330026', '4012000077777777', '4217651111111119', '4500600000000061',
  '4462030000000000', '4917484589897107', '4001919257537193', '4007702835532454', '4263982640269299', '4716108999716531',
  '5555555555554444', '5200828282828210', '5105105105105100', '2223003122003222', '2223000048400011', '5454545454545454',
  '5431111111111111', '5500000000000004', '5555444433331111', '2222400070000005', '2222410740360010', '5555341244441115',
  '5577000055770004', '5136333333333335', '5585558555855583', '5555555555555557', '5424000000000015', '5204740000001002',
  '5101180000000007', '2720992720992729', '5100000000000008', '5105105105105106', '5111010030175156', '5185540810000019',
  '378282246310005', '371449635398431', '378734493671000', '340000000000009', '370000000000002', '374245455400126',
  '370000000100018', '378282246310006', '343434343434343', '341111111111111', '371111111111114', '376449047333005',
  '6011111111111117', '6011000990139424', '6011000000000004', '6011981111111113', '6011601160116611', '6445644564456445',
  '6011000000000012', '6011000400000000', '6011111111111117', '6011601160116611', '6011287372587186',
  '3056930009020004', '36227206271667', '30569309025904', '38520000023237', '36006666333344', '36070500001020',
  '3566002020360505', '3530111333300000', '3566111111111113', '3569990010095841', '3528000700000000', '3566000020000410',
  '6200000000000005', '6555900000604105', '6243030000000001', '6250941006528599', '6282000000000000', '8171999927660000',
  '5019717010103742', '6304000000000000', '6759649826438453', '6799990100000000019', '5033962250000000',
]);

/** Known issuer prefix (IIN) with a length the network issues. */
function hasKnownIin(d: string): boolean {
  const len = d.length;
  const p2 = +d.slice(0, 2);
  const p3 = +d.slice(0, 3);
  const p4 = +d.slice(0, 4);
  const p6 = +d.slice(0, 6);
  if (d[0] === '4') return len === 13 || len === 16 || len === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return len === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return len === 15; // Amex
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || (p6 >= 622126 && p6 <= 622925)) return len >= 16 && len <= 19; // Discover
  if (p4 >= 3528 && p4 <= 3589) return len >= 16 && len <= 19; // JCB
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39 || p4 === 3095) return len >= 14 && len <= 19; // Diners
  if (p2 === 62) return len >= 16 && len <= 19; // UnionPay
  if (p2 === 50 || (p2 >= 56 && p2 <= 58) || p2 === 63 || p2 === 67 || p2 === 60) return len >= 12 && len <= 19; // Maestro
  if (p4 >= 2200 && p4 <= 2204) return len === 16; // Mir
  return false;
}

/** A payment card number: Luhn-valid, known IIN and length, not a published test number or an obvious filler. */
export function isLikelyCardNumber(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  if (!luhnValid(digits) || !hasKnownIin(digits)) return false;
  if (TEST_CARD_NUMBERS.has(digits)) return false;
  if (/0{7,}|(\d)\1{7,}/.test(digits)) return false; // test-style fillers (4000 0000 0000 0002, 4444 4444 …)
  if (/^(\d{4})\1{3}$|^(\d{2})\2{6,}/.test(digits)) return false; // repeated groups (4242 4242 …)
  return true;
}

const CARD_CANDIDATE_RE = /\d(?:[ -]?\d){12,18}/g;
/** Dot-grouped card numbers only in the printed groupings (4-4-4-4, 4-4-4-4-3, Amex 4-6-5): dots also join versions. */
const DOTTED_CARD_RE = /\d{4}\.\d{4}\.\d{4}\.\d{4}(?:\.\d{3})?|\d{4}\.\d{6}\.\d{5}/g;

export function scanCards(text: string, out: PiiMatch[]): void {
  CARD_CANDIDATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CARD_CANDIDATE_RE.exec(text)) !== null) {
    const i = m.index;
    const e = i + m[0].length;
    if (!standsAlone(text, i, e, SPACED_JOINERS)) continue;
    const v = m[0];
    if (v.includes(' ') && v.includes('-')) continue;
    const digits = v.length > 19 || v.includes(' ') || v.includes('-') ? v.replace(/[ -]/g, '') : v;
    if (isLikelyCardNumber(digits)) out.push({ kind: 'card', start: i, end: e, description: 'a payment card number' });
  }
  if (text.indexOf('.') < 0) return;
  DOTTED_CARD_RE.lastIndex = 0;
  while ((m = DOTTED_CARD_RE.exec(text)) !== null) {
    const i = m.index;
    const e = i + m[0].length;
    if (standsAlone(text, i, e, DOT_JOINER) && isLikelyCardNumber(m[0].replace(/\./g, ''))) out.push({ kind: 'card', start: i, end: e, description: 'a payment card number' });
  }
}

const SPACED_JOINERS = [46, 45, 32]; // . - space
const DOT_JOINER = [46];

/** A digit run that is a whole number: no word character, `.`, `-`, `$` before it, none after (nor a joiner and a digit). */
function standsAlone(text: string, i: number, e: number, joiners: readonly number[]): boolean {
  const p = i > 0 ? text.charCodeAt(i - 1) : 0;
  if (isAlnumCode(p) || p === 95 || p === 46 || p === 45 || p === 36) return false;
  const next = e < text.length ? text.charCodeAt(e) : 0;
  return !(isAlnumCode(next) || next === 95 || (joiners.includes(next) && e + 1 < text.length && isDigitCode(text.charCodeAt(e + 1))));
}
