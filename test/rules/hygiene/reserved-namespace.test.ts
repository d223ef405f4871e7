import { jb, runRuleTable } from '../rule-tester';

runRuleTable('hygiene/reserved-namespace', {
  valid: [
    { code: jb('$northwind.flag = 1;') },
    { code: jb('x = $jitterbit.operation.name;') },
    { code: jb('WriteToOperationLog($jitterbit.custom.value);') },
    // Writable Jitterbit variables and documented plugin inputs.
    { code: jb('$jitterbit.api.response = "ok";') },
    { code: jb('$Jitterbit.HMACSHA256.Key = $signing_key;') },
  ],
  invalid: [
    { code: jb('$jitterbit.custom.flag = 1;'), lines: [2], severity: 'warning', message: /`\$jitterbit\.custom\.flag`/ },
    { code: jb('$x = 1;', 'Set("jitterbit.northwind.retries", 3);'), lines: [3], secrets: [] },
    { code: jb('$jitterbit.cache.key = "orders";', '$jitterbit.northwind.last = Now();'), lines: [2, 3] },
  ],
});
