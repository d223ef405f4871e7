import { jb, runRuleTable } from '../rule-tester';
import { pick } from '../fakes';
import { js } from '../hosts';

const pw = pick(1201, 12);
const key = pick(1202, 32);

runRuleTable('hygiene/insecure-http', {
  valid: [
    // XML namespaces in a SOAP request that carries credentials.
    { code: jb('$soap.auth_request = \'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns="http://erp.northwind-ops.com/auth"><wsse:Password>\' + $pw + \'</wsse:Password>\';') },
    { code: jb('$u = "https://api.northwind-ops.com/oauth/token";') },
    { code: jb('$u = "http://api.northwind-ops.com/v1/orders?page=2";') },
    { code: jb('$u = "http://localhost:8080/oauth/token";') },
    { code: jb('$u = "http://127.0.0.1:9000/login";') },
    { code: jb('$docs = "http://www.w3.org/2001/XMLSchema";') },
    // An auth word that qualifies another noun names a page about auth, not where credentials go.
    { code: jb('$legacy.auth_status = "http://legacy-erp.northwind-ops.com/api/auth_status";', '$sso_health_check = "http://sso.northwind-ops.com/health";') },
  ],
  invalid: [
    { code: jb(`$u = "http://svc:${pw}@api.northwind-ops.com/v1";`), lines: [2], severity: 'warning', message: /`api\.northwind-ops\.com`/, fix: true },
    { code: jb('$u = "http://api.northwind-ops.com/oauth/token";'), lines: [2], fix: { output: jb('$u = "https://api.northwind-ops.com/oauth/token";') } },
    { code: jb(`$u = "http://api.northwind-ops.com/v1/orders?api_key=${key}";`), lines: [2] },
    { code: jb('$erp_auth_url = "http://erp.northwind-ops.com/api/v2";'), lines: [2] },
    { code: jb('$oauth.token_endpoint = "http://erp.northwind-ops.com/api/v2";', '$legacy.auth = "http://erp.northwind-ops.com/api/v3";'), lines: [2, 3] },
    { code: jb('$x = 1;', '$u = "http://sso.northwind-ops.com/login";'), lines: [3] },
    { code: js('var url = "http://api.northwind-ops.com/oauth2/token";'), file: 'auth.js', lines: [2], fix: true },
  ],
});
