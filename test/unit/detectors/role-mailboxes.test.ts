import { strict as assert } from 'node:assert';
import { isRoleMailbox, scanPii } from '../../../core/src/detectors';

// List, campaign and department mailboxes name no person; neither does the domain a bounce address encodes.
describe('detectors/pii e-mail: role mailboxes and bounce addresses', () => {
  for (const l of ['newsletter', 'eu-returns', 'partners.emea', 'news+weekly', 'store']) it(`${l} is a role`, () => assert.equal(isRoleMailbox(l), true));
  for (const l of ['maria.kowalski', 'jan', 'jan.store.owner', 'newsman']) it(`${l} is not`, () => assert.equal(isRoleMailbox(l), false));

  const emails = (t: string): string[] => scanPii(t).filter((m) => m.kind === 'email').map((m) => t.slice(m.start, m.end));
  it('takes no person address from the domain tail of a VERP bounce address', () => {
    assert.deepEqual(emails('Return-Path: bounces+nw=northwind-traders.com@mg.northwind-traders.com'), []);
  });
  it('keeps an address in a query string', () => {
    assert.deepEqual(emails('https://crm.brightwater.com/find?email=maria.kowalski@brightwater.com'), ['maria.kowalski@brightwater.com']);
  });
  it('keeps a person address next to a list mailbox', () => {
    assert.deepEqual(emails('from newsletter@brightwater.com to maria.kowalski@brightwater.com'), ['maria.kowalski@brightwater.com']);
  });
});
