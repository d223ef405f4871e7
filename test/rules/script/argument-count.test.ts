import { jb, runRuleTable } from '../rule-tester';

runRuleTable('script/argument-count', {
  valid: [
    { code: jb('x = Length("abc");', 'y = Left("abc", 2);', 'z = Trim(" a ");') },
    { code: jb('d = Now();', 'e = IfEmpty($a, "b");') },
    // Variadic functions.
    { code: jb('s = Case($a == 1, "one", $a == 2, "two", true, "many");') },
    // Unknown functions are script/unknown-function's concern.
    { code: jb('x = Frobnicate(1, 2, 3, 4, 5);') },
  ],
  invalid: [
    { code: jb('x = Length();'), lines: [2], severity: 'error', message: /`Length` takes 1 argument\(s\), but 0 were given/ },
    { code: jb('y = Left("abc");'), lines: [2], message: /takes 2/ },
    { code: jb('z = Trim("a", "b", "c");'), lines: [2], message: /but 3 were given/ },
    { code: jb('$x = 1;', 'LDAPConnect("ldap.northwind-ops.com");', 'w = IfEmpty($a);'), lines: [3, 4] },
  ],
});
