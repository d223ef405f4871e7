import { strict as assert } from 'node:assert';
import { credentialNameKind, isCredentialName, isSensitiveDataName, nameSegments, sensitiveDataNameKind } from '../../../core/src/detectors';

describe('detectors/names', () => {
  describe('nameSegments', () => {
    const cases: [string, string[]][] = [
      ['db_password', ['db', 'password']],
      ['apiKey', ['api', 'key']],
      ['XMLHttpToken', ['xml', 'http', 'token']],
      ['$sf.session_id', ['sf', 'session', 'id']],
      ['x-api-key', ['x', 'api', 'key']],
      ['password2', ['password', '2']],
      ['jitterbit.networking.http.request.header.Authorization', ['authorization']],
    ];
    for (const [name, segs] of cases) it(`${name} → ${segs.join('|')}`, () => assert.deepEqual(nameSegments(name), segs));
  });

  describe('isCredentialName: credential word ends the name', () => {
    const yes: [string, string][] = [
      ['password', 'password'], ['db_password', 'password'], ['DB_PASSWORD', 'password'], ['dbPassword', 'password'],
      ['passwd', 'password'], ['smtp.pwd', 'password'], ['$pw', 'password'], ['PassPhrase', 'password'], ['pass_phrase', 'password'],
      ['truststore.password', 'password'], ['keystorePassword', 'password'], ['$Jitterbit.AES.Password', 'password'],
      ['secret', 'secret'], ['shared_secret', 'secret'], ['client_secret', 'secret'], ['clientSecret', 'secret'], ['webhook-secret', 'secret'],
      ['token', 'token'], ['access_token', 'token'], ['accessToken', 'token'], ['$of.token', 'token'], ['sas', 'token'], ['SAS_TOKEN', 'token'],
      ['api_key', 'key'], ['apiKey', 'key'], ['APIKEY', 'key'], ['apikey', 'key'], ['x-api-key', 'key'], ['X-API-Key', 'key'],
      ['access_key', 'key'], ['aws_secret_access_key', 'key'], ['private_key', 'key'], ['signing.key', 'key'], ['signature_key', 'key'],
      ['AccountKey', 'key'], ['SharedAccessKey', 'key'],
      ['session', 'session'], ['sf.session_id', 'session'], ['sessionId', 'session'], ['SFSESSIONID', 'session'],
      ['auth', 'auth'], ['basic_auth', 'auth'], ['authorization', 'auth'], ['Authorization', 'auth'],
      ['jitterbit.networking.http.request.header.Authorization', 'auth'], ['$jitterbit.networking.http.request.header.X-Api-Key', 'key'],
      ['credentials', 'credential'], ['sftpCredential', 'credential'], ['api key', 'key'], ['password1', 'password'],
      // The password word of other languages.
      ['sap.Passwort', 'password'], ['kennwort', 'password'], ['mot_de_passe', 'password'], ['ftp.motDePasse', 'password'],
      ['erp.contrasena', 'password'], ['contraseña', 'password'], ['clave', 'password'], ['usuario_clave', 'password'],
      ['$Jitterbit.HMACSHA256.Key', 'key'], ['$azuresastokengenerator.key', 'key'], ['aes_key', 'key'], ['jwt.key', 'key'],
      ['totvs.senha', 'password'], ['wachtwoord', 'password'], ['db_passord', 'password'], ['hasło', 'password'], ['SIFRE', 'password'],
    ];
    for (const [name, kind] of yes) {
      it(`flags ${name} (${kind})`, () => {
        assert.equal(isCredentialName(name), true);
        assert.equal(credentialNameKind(name), kind);
      });
    }
    const no = [
      'token_url', 'tokenUrl', 'password_policy', 'passwordPolicy', 'auth_mode', 'authMode', 'session_timeout', 'sessionTimeout',
      'secret_name', 'sessionCount', 'password_length', 'token_type', 'api_key_header_name', 'secretary', 'keyword', 'tokens_used_count', 'sig', 'cfg.sig', 'prompt_tokens',
      'next_page_token', 'pageToken', 'user', 'username', 'client_id', 'account', 'key', 'monkey', 'bypass', 'passenger', 'oauth',
      'signature', 'email_signature', 'first_pass', 'training_session', 'author', 'authority', '', 'id', 'sessions_total',
      'clave_producto', 'claveProducto', 'sort_key', 'primary.key', 'cache_key', 'sha256_checksum', 'aes_mode', 'passwort_richtlinie', 'senha_expira',
    ];
    for (const name of no) it(`does not flag ${JSON.stringify(name)}`, () => assert.equal(isCredentialName(name), false));
  });

  describe('isSensitiveDataName', () => {
    const yes: [string, string][] = [
      ['ssn', 'ssn'], ['SSN', 'ssn'], ['employee_ssn', 'ssn'], ['socialSecurityNumber', 'ssn'], ['social_security', 'ssn'],
      ['root$transaction.request$body$Employee$SSN$', 'ssn'], ['Employee$DateOfBirth$', 'date-of-birth'], ['dob', 'date-of-birth'],
      ['birth_date', 'date-of-birth'], ['birthDate', 'date-of-birth'], ['date_of_birth', 'date-of-birth'],
      ['card_number', 'card'], ['CardNumber', 'card'], ['root$transaction.request$body$Payment$Card$CardNumber$', 'card'],
      ['pan', 'card'], ['cc_number', 'card'], ['creditCardNumber', 'card'], ['iban', 'iban'], ['payer.IBAN', 'iban'],
      ['passport_number', 'passport'], ['PassportNo', 'passport'], ['tax_id', 'tax-id'], ['TaxId', 'tax-id'], ['tin', 'tax-id'],
      ['national_id', 'national-id'], ['NationalID', 'national-id'], ['ssn_raw', 'ssn'], ['iban_value', 'iban'],
      // Lists of them: plurals and list suffixes.
      ['card_numbers', 'card'], ['cardNumbers', 'card'], ['passport_numbers', 'passport'], ['taxIds', 'tax-id'],
      ['birth_dates', 'date-of-birth'], ['datesOfBirth', 'date-of-birth'], ['ssn_list', 'ssn'], ['ibanArray', 'iban'],
    ];
    for (const [name, kind] of yes) {
      it(`flags ${name} (${kind})`, () => {
        assert.equal(isSensitiveDataName(name), true);
        assert.equal(sensitiveDataNameKind(name), kind);
      });
    }
    const no = ['ssn_count', 'iban_country', 'card_type', 'company', 'span', 'setting', 'passport_expiry_reminder', 'order_id', 'birth_place', 'Employee$Name$', 'card_types', 'number_list', 'tax_rates', ''];
    for (const name of no) it(`does not flag ${JSON.stringify(name)}`, () => assert.equal(isSensitiveDataName(name), false));
  });
});

describe('names: short codes with numbers', () => {
  it('a two-letter abbreviation with a number is a code, a word with a number is still a credential name', () => {
    for (const code of ['PW0', 'pw3', 'PW_12']) assert.equal(isCredentialName(code), false, code);
    for (const name of ['pw', 'pwd1', 'password2', 'token_1', 'db_pwd']) assert.equal(isCredentialName(name), true, name);
  });
});
