import { piiRule } from './shared';

export const cardNumber = piiRule('pii/card-number', 'Payment card number', 'A payment card number that passes the Luhn check and is not a published test card number.', 'card');
