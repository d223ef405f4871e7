// E-mail addresses of persons: role mailboxes (`support@`, `etl@`), reserved and documentation domains, machine
// identities and machine-made local parts are not persons' addresses.

import { isAlnumCode as codec_isAlnumCode, isDigitCode as codec_isDigitCode } from './codec';
import type { PiiMatch } from './pii-match';

// Local bindings: hot loops call these directly (no module getter per character).
const isAlnumCode = codec_isAlnumCode;
const isDigitCode = codec_isDigitCode;

/** Role (non-person) mailbox local parts: the policy's list plus common team/system boxes. */
export const ROLE_MAILBOXES = new Set([
  'noreply', 'no-reply', 'donotreply', 'do-not-reply', 'support', 'help', 'helpdesk', 'admin', 'administrator', 'alerts',
  'alert', 'ops', 'operations', 'it', 'integration', 'integrations', 'billing', 'sales', 'info', 'postmaster', 'hostmaster',
  'webmaster', 'abuse', 'root', 'security', 'dispatch', 'hr', 'finance', 'accounts', 'orders', 'edi', 'purchasing',
  'procurement', 'notifications', 'team', 'contact', 'service', 'marketing',
  // common additions
  'reply', 'noreplies', 'mailer', 'mailer-daemon', 'daemon', 'bounce', 'bounces', 'notify', 'notification', 'system', 'sysadmin',
  'devops', 'dev', 'qa', 'test', 'tests', 'reports', 'report', 'accounting', 'payroll', 'payables', 'receivables', 'ap', 'ar',
  'invoices', 'invoice', 'hello', 'office', 'jobs', 'careers', 'press', 'media', 'legal', 'privacy', 'compliance', 'shipping',
  'warehouse', 'logistics', 'customerservice', 'customercare', 'care', 'servicedesk', 'desk', 'monitoring', 'monitor', 'bot',
  'automation', 'jitterbit', 'git', 'feedback', 'enquiries', 'inquiries', 'general', 'mail', 'email', 'group', 'staff', 'all',
  'everyone', 'exceptions', 'errors', 'status', 'backup', 'cloud', 'api', 'svc', 'service-account', 'serviceaccount', 'list',
  'oncall', 'on-call', 'noc', 'sre', 'payments', 'treasury', 'helpline', 'escalations', 'incidents',
  // system and job mailboxes of integration scripts (`etl@`, `batch-jobs@`, `scheduler@`)
  'etl', 'elt', 'batch', 'cron', 'scheduler', 'agent', 'agents', 'robot', 'robots', 'build', 'builds', 'ci', 'deploy',
  'sync', 'interface', 'interfaces', 'middleware', 'esb', 'b2b', 'erp', 'crm', 'wms', 'dataops', 'dwh', 'datawarehouse',
  'pipeline', 'pipelines', 'workflow', 'workflows', 'app', 'apps', 'portal', 'server', 'servers', 'platform', 'infra',
  // list, campaign and department addresses that mailing and partner integrations write (`newsletter@`, `eu-returns@`)
  'newsletter', 'newsletters', 'news', 'events', 'webinars', 'community', 'partner', 'partners', 'vendor', 'vendors',
  'supplier', 'suppliers', 'returns', 'receiving', 'recruiting', 'talent', 'reception', 'frontdesk', 'requests',
  'tickets', 'licensing', 'renewals', 'subscriptions', 'members', 'membership', 'investors', 'communications', 'comms',
  'shop', 'store', 'customers', 'clients', 'registrations', 'signup', 'unsubscribe', 'announcements', 'updates',
]);

/** Domains whose addresses are machine identities (cloud service accounts), never a person's mailbox. */
const MACHINE_EMAIL_DOMAIN_RE = /(?:^|\.)(?:gserviceaccount\.com|iam\.gserviceaccount\.com|serviceaccount\.com|users\.noreply\.github\.com|noreply\.github\.com)$/i;

const RESERVED_EMAIL_DOMAINS = new Set(['example.com', 'example.org', 'example.net', 'localhost', 'yourdomain.com', 'yourcompany.com', 'mydomain.com', 'domain.com', 'company.com', 'email.invalid']);
const RESERVED_TLDS = new Set(['example', 'test', 'invalid', 'localhost', 'local', 'internal', 'lan', 'corp', 'home', 'intranet']);
const FILE_TLDS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'bmp', 'js', 'ts', 'css', 'json', 'xml', 'zip', 'pdf']);

/** True when the local part names a role mailbox (`support`, `ops-team`, `it.helpdesk`, `noreply+build`). */
export function isRoleMailbox(local: string): boolean {
  const l = local.toLowerCase().replace(/\+.*$/, '');
  if (ROLE_MAILBOXES.has(l)) return true;
  const segs = l.split(/[._-]+/).filter((x) => x && !/^\d+$/.test(x));
  if (segs.length === 0) return true;
  return ROLE_MAILBOXES.has(segs[0]) || ROLE_MAILBOXES.has(segs[segs.length - 1]);
}

/** True for reserved / documentation domains (`example.com`, `*.example`, `*.test`, `*.invalid`, `localhost`). */
export function isReservedDomain(domain: string): boolean {
  const d = domain.toLowerCase().replace(/\.$/, '');
  if (RESERVED_EMAIL_DOMAINS.has(d)) return true;
  for (const r of ['example.com', 'example.org', 'example.net']) if (d.endsWith('.' + r)) return true;
  const tld = d.slice(d.lastIndexOf('.') + 1);
  return RESERVED_TLDS.has(tld);
}

function isLocalChar(c: number): boolean {
  return isAlnumCode(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45; // . _ % + -
}
function isDomainChar(c: number): boolean {
  return isAlnumCode(c) || c === 46 || c === 45;
}

export function scanEmails(text: string, out: PiiMatch[]): void {
  let at = -1;
  for (;;) {
    at = text.indexOf('@', at + 1);
    if (at < 0) return;
    let s = at;
    while (s > 0 && at - s < 64 && isLocalChar(text.charCodeAt(s - 1))) s--;
    let e = at + 1;
    while (e < text.length && e - at < 254 && isDomainChar(text.charCodeAt(e))) e++;
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    while (s < at && text[s] === '.') s++;
    if (s === at || e <= at + 3) continue;
    if (s > 0) {
      const p = text[s - 1];
      const mailto = p === ':' && s >= 7 && text.slice(s - 7, s).toLowerCase() === 'mailto:';
      if (((p === ':' && !mailto) || p === '/' || isLocalChar(text.charCodeAt(s - 1)))) continue; // URL user-info, over-long local part
    }
    if (inUrlAuthority(text, at)) continue; // `sftp://user:pa!ss@host`: a password's tail is no local part

    const local = text.slice(s, at);
    const domain = text.slice(at + 1, e);
    const labels = domain.split('.');
    if (labels.length < 2 || labels.some((x) => x.length === 0 || x.length > 63)) continue;
    const tld = labels[labels.length - 1].toLowerCase();
    if (!/^[a-z]{2,24}$/.test(tld) || FILE_TLDS.has(tld)) continue;
    if (isReservedDomain(domain) || isRoleMailbox(local) || MACHINE_EMAIL_DOMAIN_RE.test(domain) || isVerpTail(text, s)) continue;
    if (!/[a-z]/i.test(local)) continue;
    // Message-IDs, calendar UIDs and other machine-made local parts name no person.
    if (machineLocalPart(local)) continue;
    out.push({ kind: 'email', start: s, end: e, description: "a person's e-mail address" });
    at = e - 1;
  }
}

/**
 * A bounce address that encodes the recipient (VERP: `bounces+nw=northwind.com@mg.northwind.com`): the match starts
 * after `=` inside a `role+tag=` local part, so what it took for a local part is a domain. A plain query string
 * (`?email=maria@…`) has no `+` before the `=` and still reports.
 */
function isVerpTail(text: string, start: number): boolean {
  return start > 0 && text.charCodeAt(start - 1) === 61 /* = */ && /[A-Za-z0-9.-]+\+[\w.-]*=$/.test(text.slice(Math.max(0, start - 64), start));
}

/** A local part made by a program: mostly digits, or a long hex string (`20240315103000.4f7a9c`, `0400…E008`). */
function machineLocalPart(local: string): boolean {
  let digits = 0;
  for (let i = 0; i < local.length; i++) if (isDigitCode(local.charCodeAt(i))) digits++;
  return (digits >= 6 && digits * 2 >= local.length) || /^[0-9a-f]{16,}$/i.test(local);
}

/** True when the `@` at `at` ends the user-info of a URL: `scheme://` before it, with no path, space or quote between. */
function inUrlAuthority(text: string, at: number): boolean {
  // Backwards to the first `/`, which must be the second of `://` (bounded, so many `@`s stay linear).
  for (let i = at - 1; i >= 2 && i >= at - 512; i--) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */) return text.charCodeAt(i - 1) === 47 && text.charCodeAt(i - 2) === 58 /* : */;
    // A `#` may sit in a password written unencoded (`amqps://svc:Xk#2@host`); a `?` starts a query.
    if (c <= 32 || c === 34 /* " */ || c === 39 /* ' */ || c === 63 /* ? */ || c === 64 /* @ */) return false;
  }
  return false;
}
