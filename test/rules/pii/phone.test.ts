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
    // UK numbers without the country code only where the value or its name says it is British; Ofcom's drama ranges
    // (07700 900xxx, 020 7946 0xxx, 0161 496 0xxx) are fictional; ids and dates in a British record are no numbers.
    { code: jb('$a = "call 020 7123 4567";', '$us_phone = "020 7123 4567";', '$disk = "500 GB disk, serial 0123 4567 890";', '$bulk_ref = "01234 567890";') },
    { code: jb('$d = "{\\"country\\":\\"GB\\",\\"mobile\\":\\"07700 900123\\",\\"office\\":\\"020 7946 0958\\",\\"mcr\\":\\"0161 496 0123\\"}";') },
    { code: jb('$uk_ref = "01234567890";', '$uk_order = "Order 2024 0115 1234";', '$r = "{\\"country\\":\\"GB\\",\\"ref\\":\\"00123 456789\\",\\"date\\":\\"01 02 2024 1530\\"}";') },
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
    // UK numbers without the country code in a British record (a +44 number, a UK country field) or under a uk/gb name.
    { code: jb('$rec = "{\\"phone\\":\\"020 7123 4567\\",\\"alt\\":\\"+44 161 234 5678\\"}";'), lines: [2, 2] },
    { code: jb('$rec = "country=United Kingdom;tel=0161-234-5678";', '$m = "{\\"country\\":\\"GB\\",\\"mobile\\":\\"07911 123456\\"}";'), lines: [2, 3] },
    { code: jb('$uk_phone = "0121 345 6789";', '$contact.phoneGB = "01234 567890";'), lines: [2, 3], fix: true },
    { code: js('var office = { phoneUk: "020 7123 4567" };'), file: 'uk-phone.js', lines: [2] },
  ],
});
