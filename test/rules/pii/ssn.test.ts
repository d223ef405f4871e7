import { jb, runRuleTable } from '../rule-tester';
import { ssn } from '../fakes';
import { js } from '../hosts';

// detection-policy §3: a US SSN in a valid range (not 000, 666 or 9xx area, not 00 group, not 0000 serial).
const s1 = ssn(801);
const s2 = ssn(802);
const bare = ssn(803).replace(/-/g, '');

runRuleTable('pii/ssn', {
  valid: [
    { code: jb('$s = "000-12-3456";') },
    { code: jb('$s = "666-12-3456";') },
    { code: jb('$s = "912-12-3456";') },
    { code: jb('$s = "987-65-4321";') },
    { code: jb('$s = "123-00-4567";') },
    { code: jb('$s = "123-45-0000";') },
    // Not SSN-shaped: dates, versions, longer digit groups.
    { code: jb('$d = "2024-01-15";', '$v = "10.12.2024";', '$n = "1234-56-78901";') },
    { code: jb('$s = $employee_ssn;') },
    // Nine bare digits are an SSN only under an SSN name (and in a valid range).
    { code: jb(`$order_id = "${s1.replace(/-/g, '')}";`, `$batch = "${s2.replace(/-/g, '')}";`) },
    { code: jb('$employee.ssn = "666224871";', '$employee.ssn = "123450000";') },
    // Nine bare digits labelled as an SSN: out of range, or not labelled as one (a batch id, a longer run).
    { code: jb('$q = "ssn=912345678&plan=gold";', '$b = "batch=538294417";', '$n = "ssn=5382944170";', '$c = "dossn=538294417";') },
  ],
  invalid: [
    { code: jb(`$s = "${s1}";`), lines: [2], severity: 'warning', message: /social security number/, fix: true },
    { code: jb(`$s = "${s1.replace(/-/g, ' ')}";`), lines: [2] },
    { code: jb(`rec = "employee ${s2} onboarding";`), lines: [2] },
    { code: jb('$x = 1;', `$s = "${s2}";`), lines: [3] },
    { code: jb(`$employee.ssn_number = "${s2}";`), lines: [2] },
    // An SSN in a valid range is personal data whatever name holds it (test data hides it under business names).
    { code: jb(`$item.part_number = "${s1}";`, `invoiceId = "${s2}";`), lines: [2, 3] },
    { code: js(`var s = "${s1}";`), file: 'ssn.js', lines: [2], fix: true },
    { code: jb(`$employee.ssn = "${s1.replace(/-/g, '')}";`), lines: [2], message: /social security number/, fix: true },
    { code: js(`var rec = { social_security_number: "${s2.replace(/-/g, '')}" };`), file: 'ssn-bare.js', lines: [2] },
    // Nine bare digits labelled as an SSN inside the text: a query string, a JSON field, a label.
    { code: js(`var qs = "ssn=${bare}&plan=gold";`), file: 'qs.js', lines: [2] },
    { code: jb(`$j = '{"id":"E-7","SSN": "${bare}"}';`, `$t = "Social Security No: ${bare}";`), lines: [2, 3] },
  ],
});
