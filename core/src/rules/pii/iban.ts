import { piiRule } from './shared';

export const iban = piiRule('pii/iban', 'IBAN', 'An IBAN with a valid mod-97 checksum that is not a published example.', 'iban');
