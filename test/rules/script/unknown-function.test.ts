import { jb, runRuleTable } from '../rule-tester';
import { js } from '../hosts';

runRuleTable('script/unknown-function', {
  valid: [
    { code: jb('x = ToUpper(Trim($name));', 'WriteToOperationLog("n " + Length(x));') },
    { code: jb('x = toupper("a");') },
    { code: jb('RunScript("<TAG>script:Helper</TAG>");') },
    // JavaScript calls are not checked against the Jitterbit Script catalogue.
    { code: js('var s = JSON.stringify({a: 1});', 'function helper(v) { return v; }', 'helper(s);'), file: 'ok.js' },
  ],
  invalid: [
    { code: jb('x = Frobnicate(1);'), lines: [2], severity: 'warning', message: /`Frobnicate` is not a known/ },
    { code: jb('x = 1;', 'y = Upper("abc");', 'z = StrReverse(y);'), lines: [3, 4] },
  ],
});
