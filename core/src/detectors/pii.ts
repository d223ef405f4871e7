// Personal data inside one string: e-mail addresses of persons, valid phone numbers, US SSNs, payment card
// numbers, IBANs and person records (name + date of birth / address / national id). Policy section 3.
// This module is the entry: the digit / name prefilter, the scanners' order and overlap resolution between kinds.
// The scanners: pii-email.ts, pii-phone.ts, pii-ssn.ts, pii-card.ts, pii-iban.ts, pii-record.ts.

import { scanCards } from './pii-card';
import { scanEmails } from './pii-email';
import { scanIbans } from './pii-iban';
import type { PiiKind, PiiMatch } from './pii-match';
import { scanPhones } from './pii-phone';
import { NAME_PAIR_RE, scanPersonRecords } from './pii-record';
import { scanSsns } from './pii-ssn';

export type { PiiKind, PiiMatch } from './pii-match';
export { isReservedDomain, isRoleMailbox, ROLE_MAILBOXES } from './pii-email';
export { isUkName, scanUkPhones } from './pii-phone';
export { isValidSsn } from './pii-ssn';
export { isLikelyCardNumber, TEST_CARD_NUMBERS } from './pii-card';
export { EXAMPLE_IBANS, IBAN_LENGTHS } from './pii-iban';

const SEVEN_DIGITS_RE = /\d(?:\D{0,64}\d){6}/;
const ORDER: PiiKind[] = ['email', 'iban', 'card', 'ssn', 'phone'];
const ANY_DIGIT_RE = /\d/;
const FIRST_NAME_KEY_RE = /(?:first|given|fore)[ _-]?name|\bfirst["']?[ \t]{0,3}[:=]/i;

/**
 * Finds personal data in `text`. Matches of different kinds never overlap (an IBAN or card number is not
 * reported again as a phone number); sorted by start offset. `now` fixes "today" for date-of-birth checks.
 */
export function scanPii(text: string, now?: Date): PiiMatch[] {
  if (typeof text !== 'string' || text.length < 5) return [];
  const hasAt = text.includes('@');
  // Every value kind needs 7+ digits; a person record needs two capitalised words and a digit. One digit is the
  // cheapest test and most code strings have none.
  const digit = ANY_DIGIT_RE.test(text) && (SEVEN_DIGITS_RE.test(text) || NAME_PAIR_RE.test(text) || FIRST_NAME_KEY_RE.test(text));
  if (!hasAt && !digit) return [];
  const out: PiiMatch[] = [];
  try {
    if (hasAt) scanEmails(text, out);
    if (digit) {
      if (/[A-Z]{2}\d\d/.test(text)) scanIbans(text, out);
      scanCards(text, out);
      scanSsns(text, out);
      scanPhones(text, out);
      scanPersonRecords(text, out, now ?? new Date());
    }
  } catch {
    // never throw: partial results are still useful
  }
  if (out.length === 0) return out;
  // Resolve overlaps between value kinds: the earlier kind in ORDER wins. Person records may contain other matches.
  const records = out.filter((m) => m.kind === 'person-record');
  const values = out.filter((m) => m.kind !== 'person-record').sort((a, b) => a.start - b.start);
  const kept: PiiMatch[] = [];
  for (const m of values) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) {
      if (ORDER.indexOf(m.kind) < ORDER.indexOf(last.kind)) kept[kept.length - 1] = m;
      continue;
    }
    kept.push(m);
  }
  kept.push(...records);
  kept.sort((a, b) => a.start - b.start || a.end - b.end);
  return kept;
}
