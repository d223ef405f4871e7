import { piiRule } from './shared';

export const phone = piiRule('pii/phone', 'Phone number', 'A phone number that is valid for its country (the fictional 555-0100…0199 range is allowed).', 'phone');
