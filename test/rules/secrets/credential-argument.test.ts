import { jb, runRuleTable } from '../rule-tester';
import { password, pick, salesforceSession } from '../fakes';

// detection-policy §1 "credential argument position" and the Clarifications "Positional arguments".
const pw = password(101);
const passphrase = pick(102, 24);
const salt = pick(103, 16);
const session = salesforceSession(104);
const userLike = pick(105, 20);

runRuleTable('secrets/credential-argument', {
  valid: [
    // References, not values.
    { code: jb('LDAPConnect("ldap.northwind-ops.com", "cn=svc,dc=northwind", $ldap_password);') },
    { code: jb('LDAPConnect("ldap.northwind-ops.com", "cn=svc,dc=northwind", Get("ldap.password"));') },
    { code: jb('SetSalesforceSession("https://na1.salesforce.com", $sf_session_id, "60.0");') },
    { code: jb('enc = AESEncryption($payload, $aes_passphrase, $aes_salt);') },
    // A plain URL in a credential position (arguments shifted by a missing one) is an address, not a credential.
    { code: jb('SetSalesforceSession($sf_session_id, "https://na1.salesforce.com");') },
    { code: jb('SetSalesforceSession("https://na1.salesforce.com", SalesforceLogin("sf_org"), "60.0");') },
    // Empty strings and placeholders in the position.
    { code: jb('LDAPConnect("ldap.northwind-ops.com", "cn=svc", "");') },
    { code: jb('LDAPConnect("ldap.northwind-ops.com", "cn=svc", "<password>");') },
    { code: jb('LDAPConnect("ldap.northwind-ops.com", "cn=svc", "{{ldap_password}}");') },
    { code: jb('LDAPConnect("ldap.northwind-ops.com", "cn=svc", "${LDAP_PASSWORD}");') },
    { code: jb('LDAPConnect("ldap.northwind-ops.com", "cn=svc", "****");') },
    { code: jb('LDAPConnect("ldap.northwind-ops.com", "cn=svc", "[ldap_password]");') },
    // The user position is not a credential position, whatever local it is assigned to.
    { code: jb(`LDAPConnect("ldap.northwind-ops.com", password="${userLike}", $ldap_pw);`) },
    { code: jb(`SendEmail("dispatch@northwind-ops.com", "ops@northwind-ops.com", "Run", "Done", "smtp.northwind-ops.com", password="svc-mailer", $smtp_pw);`) },
    // Data arguments of the same functions are not credentials.
    { code: jb(`enc = AESEncryption("${pick(106, 24)}", $aes_passphrase, $aes_salt);`) },
    // Only a comment mentions the default.
    { code: jb('// LDAPConnect(host, user, "changeit") is how the sample does it', 'LDAPConnect($host, $user, $ldap_pw);') },
    // A local assigned a reference, assigned twice, or assigned after the call: no literal is known to reach the position.
    { code: jb('k = $aes_passphrase;', 'enc = AESEncryption($payload, k);') },
    { code: jb(`k = "${pick(107, 20)}";`, 'If($env == "prod", k = $aes_passphrase);', 'enc = AESEncryption($payload, k);') },
    { code: jb('enc = AESEncryption($payload, k);', `k = "${pick(108, 20)}";`) },
    { code: jb('k = "[aes_passphrase]";', 'enc = AESEncryption($payload, k);') },
    // Base64Encode of something else, or of references.
    { code: jb('$e = Base64Encode("order:FNDKZtiRJ92OgK");', '$g = "Basic " + Base64Encode($user + ":" + $pw);') },
  ],
  invalid: [
    // A local assigned one literal, then passed in the credential position: the literal's line, once for two calls.
    { code: jb(`k = "${passphrase}";`, 'enc = AESEncryption($payload, k);', 'dec = AESDecryption(enc, k);'), lines: [2], message: /passphrase.*AESEncryption/ },
    { code: jb('host = "ldap.northwind-ops.com";', `secretValue = "${pw}";`, 'LDAPConnect(host, "cn=svc", secretValue);'), lines: [3], message: /password/ },
    // HTTP Basic credentials written before encoding.
    { code: jb('$h = "Authorization: Basic " + Base64Encode("svc_orders:FNDKZtiRJ92OgK");'), lines: [2], message: /user:password/, secrets: ['FNDKZtiRJ92OgK'] },
    {
      code: jb(`LDAPConnect("ldap.northwind-ops.com", "cn=svc,dc=northwind", "${pw}");`), lines: [2], severity: 'error', message: /password.*argument 3.*LDAPConnect/,
      fix: { output: jb('LDAPConnect("ldap.northwind-ops.com", "cn=svc,dc=northwind", $ldapconnect_password);') },
    },
    // Positional: `name=value` is an assignment to a local; the position decides.
    { code: jb(`LDAPConnect("ldap.northwind-ops.com", password="cn=svc", user="${pw}");`), lines: [2], message: /argument 3/ },
    { code: jb(`SendEmail("dispatch@northwind-ops.com", "ops@northwind-ops.com", "Run", "Done", "smtp.northwind-ops.com", "svc-mailer", "${pw}");`), lines: [2], message: /argument 7.*SendEmail/, fix: true },
    { code: jb(`SendEmail("dispatch@northwind-ops.com", "ops@northwind-ops.com", "Run", "Done", "smtp.northwind-ops.com", account="svc-mailer", password="${pw}");`), lines: [2] },
    { code: jb(`enc = AESEncryption($payload, "${passphrase}", "${salt}");`), lines: [2, 2], message: /passphrase|salt/ },
    { code: jb(`plain = AESDecryption($cipher, "${passphrase}", $aes_salt);`), lines: [2], message: /passphrase.*argument 2.*AESDecryption/ },
    { code: jb(`SetSalesforceSession("https://na1.salesforce.com", "${session}", "60.0");`), lines: [2], message: /argument 2.*SetSalesforceSession/ },
    // Weak default words are real values in an argument.
    { code: jb('LDAPConnect("ldap.northwind-ops.com", "cn=svc", "changeit");'), lines: [2], secrets: [] },
    { code: jb('LDAPConnect("ldap.northwind-ops.com", "cn=svc", "password");'), lines: [2], secrets: [] },
    { code: jb('LDAPConnect("ldap.northwind-ops.com", "cn=svc", "changeme");'), lines: [2], secrets: [] },
    // Random-looking shapes are findings in a credential position.
    { code: jb('LDAPConnect("ldap.northwind-ops.com", "cn=svc", "3f2a9c1e-7b4d-4e8a-9f10-6c2b8d4e1a77");'), lines: [2] },
    // Pass-through of a literal into the position.
    { code: jb(`LDAPConnect("ldap.northwind-ops.com", "cn=svc", Trim("${pw}"));`), lines: [2] },
    // Multi-line call: the line of the literal.
    { code: jb('LDAPConnect(', '  "ldap.northwind-ops.com",', '  "cn=svc",', `  "${pw}"`, ');'), lines: [5] },
    // Several calls, several lines.
    { code: jb(`LDAPConnect($h, $u, "${pw}");`, '$x = 1;', `LDAPConnect($h, $u, "${password(107)}");`), lines: [2, 4] },
  ],
});
