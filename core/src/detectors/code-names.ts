// Barcodes under a barcode name (`product["ean"]`, `gtin14`): a GS1 number (EAN/UPC/GTIN, ISBN-13) passes Luhn about one
// time in ten, so a valid barcode can look like a card number. Only the barcode's own check digit decides, and only
// under a name that says barcode: the policy flags a card number whatever holds it, and test data hides real-format
// PII under business names (`invoiceId`, `batchCode`), so an order, invoice or part number is no exception.
import { nameSegments } from './names';
import type { PiiMatch } from './pii';

/** Trailing words that say "a number of this kind" and so defer to the word before (`ean_code` → ean). */
const GENERIC = new Set(['number', 'no', 'num', 'nr', 'nbr', 'id', 'code', 'value']);
/** Names of GS1 barcodes and ISBNs. */
const BARCODE_WORDS = new Set(['ean', 'gtin', 'upc', 'isbn', 'sscc', 'barcode']);

/** Whether `name` names a barcode (`product["ean"]`, `gtin14`, `isbn13`, `upc_code`). */
export function isBarcodeName(name: string): boolean {
  const segs = nameSegments(name);
  let i = segs.length - 1;
  // Digits are their own segment (`gtin14` → gtin|14).
  while (i > 0 && (GENERIC.has(segs[i].toLowerCase()) || /^\d+$/.test(segs[i]))) i--;
  return i >= 0 && BARCODE_WORDS.has(segs[i].toLowerCase());
}

/** Whether `digits` is a GS1 number of a barcode length whose check digit is right (weights 3 and 1 from the right). */
export function isGs1Number(digits: string): boolean {
  if (!/^(?:\d{8}|\d{12,14}|\d{18})$/.test(digits)) return false;
  let sum = 0;
  for (let i = digits.length - 2, w = 3; i >= 0; i--, w = 4 - w) sum += (digits.charCodeAt(i) - 48) * w;
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(digits.length - 1) - 48;
}

/**
 * `found` without the card-number matches that are the whole value, a valid GS1 number, stored under a barcode name;
 * a barcode field holding a longer text with a card inside it still reports. Cheap when nothing was found.
 */
export function withoutProductCodes(name: string, value: string, found: PiiMatch[]): PiiMatch[] {
  if (found.length === 0 || !found.some((m) => m.kind === 'card') || !isBarcodeName(name)) return found;
  const v = value.trim();
  if (!isGs1Number(v)) return found;
  const from = value.length - value.trimStart().length;
  const to = value.trimEnd().length;
  return found.filter((m) => !(m.kind === 'card' && m.start <= from && m.end >= to));
}
