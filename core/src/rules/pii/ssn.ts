import { piiRule } from './shared';

export const ssn = piiRule('pii/ssn', 'US Social Security number', 'A US Social Security number in a valid range (not 000, 666 or 9xx area, not 00 group, not 0000 serial).', 'ssn');
