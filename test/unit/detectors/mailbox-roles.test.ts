import { strict as assert } from 'node:assert';
import { isMoreRoleMailbox, withoutRoleMailboxes, type PiiMatch } from '../../../core/src/detectors';

describe('detectors/mailbox-roles', () => {
  for (const l of ['newsletter', 'eu-returns', 'partners.emea', 'news+weekly', 'store']) it(`${l} is a role`, () => assert.equal(isMoreRoleMailbox(l), true));
  for (const l of ['maria.kowalski', 'jan', 'jan.store.owner', 'newsman']) it(`${l} is not`, () => assert.equal(isMoreRoleMailbox(l), false));
});

describe('detectors/mailbox-roles: bounce addresses', () => {
  const email = (text: string, local: string): PiiMatch => {
    const start = text.indexOf(local);
    return { kind: 'email', start, end: text.indexOf('.com', text.indexOf('@', start)) + 4, description: "a person's e-mail address" };
  };
  it('drops the domain tail of a VERP bounce address', () => {
    const t = 'bounces+nw=northwind-traders.com@mg.northwind-traders.com';
    assert.deepEqual(withoutRoleMailboxes(t, [email(t, 'northwind-traders.com@')]), []);
  });
  it('keeps an address in a query string', () => {
    const t = 'https://crm.brightwater.com/find?email=maria.kowalski@brightwater.com';
    const m = email(t, 'maria.kowalski@');
    assert.deepEqual(withoutRoleMailboxes(t, [m]), [m]);
  });
});
