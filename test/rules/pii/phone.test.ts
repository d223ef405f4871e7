import { jb, runRuleTable } from '../rule-tester';
import { js } from '../hosts';

// detection-policy §3: a phone number that is valid for its country, not the fictional 555-0100…555-0199 range.
// Clarifications: phone numbers are flagged whoever holds them.
runRuleTable('pii/phone', {
  valid: [
    { code: jb('$p = "(212) 555-0142";') },
    { code: jb('$p = "212-555-0100";') },
    { code: jb('$p = "+1 415 555 0199";') },
    // Not valid for any country, or not written like a phone number.
    { code: jb('$p = "123-456-7890";') },
    { code: jb('$ts = "20240115093000";') },
    { code: jb('$order = "4471209388";') },
    { code: jb('$d = "2024-01-15";') },
    { code: jb('$v = "1.2.3";', '$ip = "10.20.30.40";') },
    { code: jb('$p = $customer_phone;') },
  ],
  invalid: [
    { code: jb('$p = "(212) 817-2593";'), lines: [2], severity: 'warning', message: /phone number/, fix: { output: jb('$p = "202-555-0142";') } },
    { code: jb('$p = "212-817-2593";'), lines: [2] },
    { code: jb('$p = "+44 20 7123 4567";'), lines: [2] },
    { code: jb('$p = "+49 30 901820";'), lines: [2] },
    { code: jb('$p = "+33 1 42 68 53 00";'), lines: [2] },
    // A company's switchboard is still flagged: a script cannot tell whose number it is.
    { code: jb('$support_line = "+1 646 839 2710";'), lines: [2] },
    { code: jb('msg = "Call Dana at 312.469.8821 today";'), lines: [2] },
    { code: jb('$x = 1;', '$p = "(415) 829-3310";', '$q = "(415) 555-0123";'), lines: [3] },
    { code: js('var p = "+1 646 839 2710";'), file: 'phone.js', lines: [2], fix: true },
  ],
});
