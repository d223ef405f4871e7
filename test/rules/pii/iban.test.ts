import { jb, runRuleTable } from '../rule-tester';
import { germanIban, ibanOf } from '../fakes';
import { js } from '../hosts';

// detection-policy §3: an IBAN with a valid mod-97 checksum that is not a published example. Clarifications: IBANs
// are flagged whoever holds them.
const de = germanIban(1001);
const nl = ibanOf('NL', 'KNAB' + '0417263958');
const fr = ibanOf('FR', '30004' + '02837' + '7419265K318' + '52');
const grouped = de.match(/.{1,4}/g)?.join(' ') ?? de;
const wrongCheck = `DE${String((+de.slice(2, 4) + 1) % 100).padStart(2, '0')}${de.slice(4)}`;

runRuleTable('pii/iban', {
  valid: [
    // Published examples.
    { code: jb('$i = "GB82WEST12345698765432";') },
    { code: jb('$i = "DE89370400440532013000";') },
    { code: jb('$i = "NL91ABNA0417164300";') },
    { code: jb('$i = "FR1420041010050500013M02606";') },
    // Wrong check digits.
    { code: jb(`$i = "${wrongCheck}";`) },
    { code: jb('$i = $supplier_iban;') },
  ],
  invalid: [
    { code: jb(`$i = "${de}";`), lines: [2], severity: 'warning', message: /IBAN/, fix: true },
    { code: jb(`$i = "${grouped}";`), lines: [2] },
    { code: jb(`$i = "${nl}";`), lines: [2] },
    { code: jb(`$i = "${fr}";`), lines: [2] },
    // A company account is still flagged.
    { code: jb('$x = 1;', `$supplier_account = "pay to ${de} by Friday";`), lines: [3] },
    { code: js(`var iban = "${nl}";`), file: 'iban.js', lines: [2], fix: true },
  ],
});
