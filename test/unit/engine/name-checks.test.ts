import { strict as assert } from 'node:assert';
import { isCredentialName, knownNamePhrases } from '../../../core/src/detectors';
import { CREDENTIAL_HINT, NAME_HINT, SENSITIVE_HINT } from '../../../core/src/engine/name-checks';

/**
 * The flow asks the name checks only about names their prefilters let through (one regular expression per variable
 * access instead of two phrase searches): a phrase the checks know but the prefilter drops is never found when logged.
 */
describe('name checks: prefilters', () => {
  const { credential, sensitive } = knownNamePhrases();

  it('know phrases of both kinds', () => {
    assert.ok(credential.includes('password') && credential.includes('senha'));
    assert.ok(sensitive.includes('ssn') && sensitive.includes('cvv'));
  });

  it('let every credential phrase through, alone and inside a longer name', () => {
    // `has o` is how the check's segments read `hasło` (ł is no ASCII letter): spelled with `_` it is no credential name.
    assert.equal(isCredentialName('has_o'), false);
    assert.ok(isCredentialName('hasło') && CREDENTIAL_HINT.test('hasło') && NAME_HINT.test('hasło'));
    for (const p of credential.filter((x) => x !== 'has_o')) {
      for (const name of [p, `erp.${p}`, `sf_${p}_2`, p.toUpperCase()]) {
        assert.ok(isCredentialName(name), `the check knows ${name}`);
        assert.ok(CREDENTIAL_HINT.test(name) && NAME_HINT.test(name), `credential prefilter drops ${name}`);
      }
    }
  });

  it('let every sensitive-data phrase through, alone and inside a longer name', () => {
    for (const p of sensitive) {
      for (const name of [p, `customer.${p}`, `Payment$${p}`, p.toUpperCase()]) {
        assert.ok(SENSITIVE_HINT.test(name) && NAME_HINT.test(name), `sensitive-data prefilter drops ${name}`);
      }
    }
  });
});
