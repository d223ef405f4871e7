import { strict as assert } from 'node:assert';
import { isProductCodeName, withoutProductCodes, type PiiMatch } from '../../../core/src/detectors';

describe('detectors/code-names', () => {
  const codes = ['ean', 'gtin14', 'product.upc', 'isbn13', 'part_number', 'partNo', 'tracking_no', 'serialNumber', 'erp_doc_no', 'sku', 'invoice_number'];
  const others = ['card_number', 'cardNo', 'ssn', 'phone_no', 'account_number', 'number', 'id', 'code', 'customer_id', 'employee', 'order_card'];
  for (const n of codes) it(`${n} names a product or document code`, () => assert.equal(isProductCodeName(n), true));
  for (const n of others) it(`${n} names no product code`, () => assert.equal(isProductCodeName(n), false));

  const card: PiiMatch = { kind: 'card', start: 0, end: 13, description: 'a payment card number' };
  it('drops a card match that is the whole value under a code name', () => assert.deepEqual(withoutProductCodes('ean', '4012345000054', [card]), []));
  it('keeps it under another name', () => assert.deepEqual(withoutProductCodes('ref', '4012345000054', [card]), [card]));
  it('keeps a card inside a longer text under a code name', () => {
    const inText: PiiMatch = { ...card, start: 5, end: 18 };
    assert.deepEqual(withoutProductCodes('sku', 'paid 4012345000054 ok', [inText]), [inText]);
  });
});
