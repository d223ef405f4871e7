// More role mailboxes (`newsletter@`, `returns@`, `partners@`): list, campaign and department addresses that
// mailing and partner integrations write, which name no person. Complements the role list in pii.ts; a separate
// module so that the scan there stays untouched and only the PII rules' callers filter.
import type { PiiMatch } from './pii';

const MORE_ROLES = new Set([
  'newsletter', 'newsletters', 'news', 'events', 'webinars', 'community', 'partner', 'partners', 'vendor', 'vendors',
  'supplier', 'suppliers', 'returns', 'receiving', 'recruiting', 'talent', 'reception', 'frontdesk', 'requests',
  'tickets', 'licensing', 'renewals', 'subscriptions', 'members', 'membership', 'investors', 'communications', 'comms',
  'shop', 'store', 'customers', 'clients', 'registrations', 'signup', 'unsubscribe', 'announcements', 'updates',
]);

/** Whether the local part's first or last word is one of the roles above (`newsletter`, `eu-returns`, `partners.emea`). */
export function isMoreRoleMailbox(local: string): boolean {
  const segs = local.toLowerCase().replace(/\+.*$/, '').split(/[._-]+/).filter((x) => x && !/^\d+$/.test(x));
  return segs.length > 0 && (MORE_ROLES.has(segs[0]) || MORE_ROLES.has(segs[segs.length - 1]));
}

/**
 * A bounce address that encodes the recipient (VERP: `bounces+nw=northwind.com@mg.northwind.com`): the match starts
 * after `=` inside a `role+tag=` local part, so what it took for a local part is a domain. A plain query string
 * (`?email=maria@…`) has no `+` before the `=` and still reports.
 */
function isVerpTail(text: string, start: number): boolean {
  return start > 0 && text.charCodeAt(start - 1) === 61 /* = */ && /[A-Za-z0-9.-]+\+[\w.-]*=$/.test(text.slice(Math.max(0, start - 64), start));
}

/** `found` without the e-mail matches of `text` whose local part is such a role. Cheap when there is no e-mail match. */
export function withoutRoleMailboxes(text: string, found: PiiMatch[]): PiiMatch[] {
  if (!found.some((m) => m.kind === 'email')) return found;
  return found.filter((m) => {
    if (m.kind !== 'email') return true;
    const at = text.indexOf('@', m.start);
    return at < 0 || at >= m.end || !(isMoreRoleMailbox(text.slice(m.start, at)) || isVerpTail(text, m.start));
  });
}
