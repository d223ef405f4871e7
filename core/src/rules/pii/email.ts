import { piiRule } from './shared';

export const email = piiRule('pii/email', 'Personal e-mail address', 'An e-mail address of a person at a real-looking domain (not a role mailbox, not a reserved example domain).', 'email');
