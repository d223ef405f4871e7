import { jb, runRuleTable } from '../rule-tester';
import { cardNumber, groupCard, luhnDigit } from '../fakes';
import { cloudExport, js } from '../hosts';

// detection-policy §3: a payment card number that passes Luhn and is not a published test number.
const visa = cardNumber(901);
const mc = cardNumber(902, '5312');
const amexBody = '37' + '49281037561' + '7';
const amex = amexBody + luhnDigit(amexBody);
const bad = visa.slice(0, 15) + String((+visa[15] + 1) % 10);
const exported = cloudExport({ projectVariables: [{ name: 'test_payment_method', value: groupCard(visa, '-') }] });

runRuleTable('pii/card-number', {
  valid: [
    // Published test numbers.
    { code: jb('$c = "4111 1111 1111 1111";') },
    { code: jb('$c = "4242424242424242";') },
    { code: jb('$c = "5555 5555 5555 4444";') },
    { code: jb('$c = "3782 822463 10005";') },
    { code: jb('$c = "378282246310005";') },
    { code: jb('$c = "6011111111111117";') },
    { code: jb('$c = "5105105105105100";') },
    // Fails Luhn.
    { code: jb(`$c = "${bad}";`) },
    // Digit runs that are not card numbers (ids, timestamps, amounts).
    { code: jb('$order = "1700000000123";', '$ts = "20240115093000123";') },
    { code: jb('$c = $card_number;') },
    // Dots: a published number, a version-like run, and a valid number in no printed grouping (5-5-6).
    { code: jb('$c = "4111.1111.1111.1111";', '$build = "2024.1105.0001.0003";') },
    { code: jb(`$c = "${visa.slice(0, 5)}.${visa.slice(5, 10)}.${visa.slice(10)}";`) },
    // Barcodes that pass Luhn by chance: a valid EAN-13 / GTIN under a barcode name (their own check digit is right).
    { code: jb('product = Dict();', 'product["ean"] = "4012345000054";') },
    { code: js('var item = { gtin14: "4012345000054", isbn13: "9780306406157" };'), file: 'codes.js' },
  ],
  invalid: [
    { code: jb(`$c = "${visa}";`), lines: [2], severity: 'warning', message: /payment card number/, fix: true },
    { code: jb(`$c = "${groupCard(visa)}";`), lines: [2], fix: { output: jb('$c = "4111 1111 1111 1111";') } },
    { code: jb(`$c = "${groupCard(mc, '-')}";`), lines: [2] },
    { code: jb(`$c = "${amex}";`), lines: [2] },
    { code: jb(`$c = "${groupCard(visa, '.')}";`), lines: [2] },
    { code: jb(`$c = "${amex.slice(0, 4)}.${amex.slice(4, 10)}.${amex.slice(10)}";`), lines: [2] },
    { code: jb('$x = 1;', `rec = "order 7731 paid with ${visa} on file";`), lines: [3] },
    { code: js(`var card = "${groupCard(mc)}";`), file: 'card.js', lines: [2] },
    // A barcode field that holds more than the code still reports the card inside it; a card number under an order,
    // invoice or batch name, or one whose barcode check digit is wrong, is a card number.
    { code: jb(`$item.ean = "paid with ${visa}";`), lines: [2] },
    { code: jb(`$inv.print_doc_no = "${visa}";`, `batchCode = "${visa}";`), lines: [2, 3] },
    { code: jb(`product["ean"] = "${visa}";`), lines: [2] },
    { code: exported.text, file: 'project.json', secrets: [groupCard(visa, '-')], lines: exported.linesOf(groupCard(visa, '-')), message: /in `test_payment_method`/ },
  ],
});
