// Names of product, logistics and document codes (`ean`, `gtin14`, `part_number`, `tracking_no`). Their values are
// check-digit numbers (GS1, ISBN) or internal references: about one in ten passes Luhn and many fall in the SSN
// ranges by chance, yet they name no person. Kept apart from pii.ts: only the name-aware callers use it.
import { nameSegments } from './names';
import type { PiiMatch } from './pii';

/** Trailing words that say "a number of this kind" and so defer to the word before (`part_number` → part). */
const GENERIC = new Set(['number', 'no', 'num', 'nr', 'nbr', 'id', 'code', 'ref']);
/** Code kinds whose values are not card numbers or SSNs. `card`, `account`, `phone` are deliberately absent. */
const CODE_WORDS = new Set([
  'ean', 'gtin', 'upc', 'isbn', 'issn', 'sku', 'sscc', 'mpn', 'asin', 'barcode', 'serial', 'tracking', 'waybill', 'awb',
  'part', 'article', 'material', 'order', 'invoice', 'po', 'doc', 'document', 'batch', 'lot', 'shipment', 'container',
]);

/** Whether `name` names a product, logistics or document code (`product["ean"]`, `$item.part_number`). */
export function isProductCodeName(name: string): boolean {
  const segs = nameSegments(name);
  let i = segs.length - 1;
  // Digits are their own segment (`gtin14` → gtin|14).
  while (i > 0 && (GENERIC.has(segs[i]) || isDigits(segs[i]))) i--;
  return i >= 0 && CODE_WORDS.has(segs[i]);
}

function isDigits(s: string): boolean {
  return /^\d+$/.test(s);
}

/**
 * `found` without the card-number and SSN matches that are the whole value stored under a product-code name; a code
 * field holding a longer text with a card inside it still reports. Cheap when nothing was found (the usual case).
 */
export function withoutProductCodes(name: string, value: string, found: PiiMatch[]): PiiMatch[] {
  if (found.length === 0 || !found.some((m) => m.kind === 'card' || m.kind === 'ssn') || !isProductCodeName(name)) return found;
  const from = value.length - value.trimStart().length;
  const to = value.trimEnd().length;
  return found.filter((m) => !((m.kind === 'card' || m.kind === 'ssn') && m.start <= from && m.end >= to));
}
