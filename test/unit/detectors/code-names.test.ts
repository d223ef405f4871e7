import { strict as assert } from 'node:assert';
import { isBarcodeName, isGs1Number, withoutProductCodes, type PiiMatch } from '../../../core/src/detectors';

describe('detectors/code-names: barcodes that pass Luhn', () => {
  const names = ['ean', 'gtin14', 'product.upc', 'isbn13', 'upc_code', 'barcode'];
  const others = ['card_number', 'cardNo', 'ssn', 'part_number', 'invoice_number', 'batchCode', 'tracking_no', 'sku', 'id', 'code'];
  for (const n of names) it(`${n} names a barcode`, () => assert.equal(isBarcodeName(n), true));
  for (const n of others) it(`${n} names no barcode`, () => assert.equal(isBarcodeName(n), false));

  it('checks the GS1 check digit and length', () => {
    assert.equal(isGs1Number('4012345000054'), true); // EAN-13
    assert.equal(isGs1Number('9780306406157'), true); // ISBN-13
    assert.equal(isGs1Number('4012345000055'), false); // wrong check digit
    assert.equal(isGs1Number('4359655062661426'), false); // 16 digits: no barcode length
  });

  const card: PiiMatch = { kind: 'card', start: 0, end: 13, description: 'a payment card number' };
  it('drops a card match that is the whole value, a valid barcode, under a barcode name', () => assert.deepEqual(withoutProductCodes('ean', '4012345000054', [card]), []));
  it('keeps it under another name', () => assert.deepEqual(withoutProductCodes('batchCode', '4012345000054', [card]), [card]));
  it('keeps it when the barcode check digit is wrong', () => assert.deepEqual(withoutProductCodes('ean', '4012345000055', [card]), [card]));
  it('keeps a card inside a longer text under a barcode name', () => {
    const inText: PiiMatch = { ...card, start: 5, end: 18 };
    assert.deepEqual(withoutProductCodes('ean', 'paid 4012345000054 ok', [inText]), [inText]);
  });
});
