import { runRuleTable } from '../rule-tester';
import { githubToken, hex, password, stripeLiveKey } from '../fakes';

// detection-policy §1: secrets in jitterbit.conf; Clarifications: keys in jitterbit.conf are credential names,
// `#token=…` commented out is a finding, `changeit` is a placeholder only in comments.
const pw = password(501);
const tok = hex(502, 40);
const old = hex(503, 40);
const gh = githubToken(504);

const conf = (...lines: string[]) => ['# Private agent "edge-02"', ...lines, ''].join('\n');

runRuleTable('secrets/agent-config', {
  valid: [
    // Another tool's INI `.conf` file is no agent configuration.
    { code: conf('[mysqld]', 'user=mysql', `password=${pw}`, '[client]', 'port=3306'), file: 'my.conf' },
    { code: conf('[Settings]', 'JavaScriptMaxIterations=75000', '[PredefinedGlobalVariables]', 'erp.base_url = https://erp.northwind-ops.com/api'), file: 'jitterbit.conf' },
    { code: conf('[SMTP]', 'server=smtp.northwind-ops.com', 'account=svc-edge-mailer', '# password=<password>', 'password='), file: 'jitterbit.conf' },
    { code: conf('[SMTP]', '# password=changeit', '; password=changeme'), file: 'jitterbit.conf' },
    { code: conf('[PredefinedGlobalVariables]', 'erp_token_url=https://login.northwind-ops.com/oauth2/token', 'erp_auth_mode=basic', 'erp_session_timeout=300'), file: 'jitterbit.conf' },
    { code: conf('[PredefinedGlobalVariables]', 'erp_password=${ERP_PASSWORD}', 'erp_api_key=[erp_api_key]'), file: 'jitterbit.conf' },
    // References in connection strings and values, not values: a global, a project variable, a replace token.
    { code: conf('[PredefinedGlobalVariables]', 'erp_db=Server=db01;Uid=svc;Password=$erp.db_password;', 'crm_db=DSN=crm;UID=etl;PWD=[crm_db_password];', 'wms_db=Server=wms01;Uid=svc;Password=#{wms_db_password};', 'proxy_password=$proxy_password'), file: 'jitterbit.conf' },
  ],
  invalid: [
    // Copies and variants of jitterbit.conf by name; another `.conf` file with jitterbit.conf's sections.
    { code: conf('[SMTP]', 'server=smtp.northwind-ops.com', `password=${pw}`), file: 'jitterbit.conf.bak', lines: [4], message: /\[SMTP\]/ },
    { code: conf('[PredefinedGlobalVariables]', `erp_api_token=${tok}`), file: 'prod-jitterbit.conf', lines: [3] },
    { code: conf('[PredefinedGlobalVariables]', `erp_api_token=${tok}`), file: 'agents/edge-agent.conf', lines: [3] },
    { code: conf('[PredefinedGlobalVariables]', `erp_api_token=${tok}`), file: 'jitterbit.conf', lines: [3], severity: 'error', message: /`erp_api_token` in \[PredefinedGlobalVariables\]/ },
    { code: conf('[PredefinedGlobalVariables]', `#erp_old_token=${old}`), file: 'jitterbit.conf', lines: [3], message: /Commented-out/ },
    { code: conf('[SMTP]', 'server=smtp.northwind-ops.com', `password=${pw}`), file: 'jitterbit.conf', lines: [4], message: /\[SMTP\]/ },
    { code: conf('[SMTP]', 'password=changeit'), file: 'jitterbit.conf', lines: [3], secrets: [] },
    { code: conf('[SMTP]', 'password=changeme'), file: 'agent/jitterbit.conf', lines: [3], secrets: [] },
    { code: conf('[Settings]', `# rotated on Monday: ${gh}`), file: 'jitterbit.conf', lines: [3], message: /GitHub/ },
    { code: conf('[PredefinedGlobalVariables]', `stripe.config=${stripeLiveKey(505)}`), file: 'jitterbit.conf', lines: [3], message: /Stripe/ },
    { code: conf('[PredefinedGlobalVariables]', `erp_api_token = ${tok}`, 'erp.base_url = https://erp.northwind-ops.com/api', '[SMTP]', `password=${pw}`), file: 'etc/jitterbit.conf', lines: [3, 6] },
  ],
});
