import { jb, runRuleTable } from '../rule-tester';

runRuleTable('hygiene/debug-break', {
  valid: [
    { code: jb('WriteToOperationLog("done");') },
    { code: jb('// DebugBreak(); kept here for local testing', '$x = 1;') },
    { code: jb('$note = "call DebugBreak() to pause";') },
  ],
  invalid: [
    { code: jb('DebugBreak();', '$x = 1;'), lines: [2], severity: 'warning', message: /DebugBreak/, fix: { output: jb('', '$x = 1;') } },
    { code: jb('$x = 1;', 'If($x > 0, DebugBreak("x positive"));'), lines: [3] },
    { code: jb('debugbreak();', '$y = 2;', 'DEBUGBREAK();'), lines: [2, 4] },
  ],
});
