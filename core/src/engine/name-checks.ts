import { CREDENTIAL_HINT_RE, isCredentialName, isSensitiveDataName } from '../detectors';
import { detach } from './summary';

/**
 * Substrings every credential name / sensitive-data name contains (prefilters of the name checks). The credential one
 * is the check's own, so the two cannot drift apart (a name the prefilter drops is never asked, and a logged
 * `$erp.senha` would go unseen).
 */
export const CREDENTIAL_HINT = CREDENTIAL_HINT_RE;
export const SENSITIVE_HINT = /ssn|soc|birth|dob|card|pan|iban|pass|tax|tin|nation|cc|cvv|cvc|nin|sin/i;
/** Either: one test rules most names out of both checks (names are checked for both on every variable access). */
export const NAME_HINT = new RegExp(`${CREDENTIAL_HINT.source}|${SENSITIVE_HINT.source}`, 'i');

/** The name checks of one project, memoised (a project sees the same names over and over). */
export function credentialNameCheck(): (name: string) => boolean {
  return memo(isCredentialName, CREDENTIAL_HINT);
}

export function sensitiveNameCheck(): (name: string) => boolean {
  return memo(isSensitiveDataName, SENSITIVE_HINT);
}

/** Memoises a name check behind a cheap substring prefilter that every positive name passes. */
function memo(f: (name: string) => boolean, prefilter: RegExp): (name: string) => boolean {
  const cache = new Map<string, boolean>();
  return (name) => {
    if (!prefilter.test(name)) return false;
    let r = cache.get(name);
    if (r === undefined) {
      r = f(name);
      if (cache.size > 50000) cache.clear();
      cache.set(detach(name), r); // the name is a slice of some file's text: the cache must not keep that text
    }
    return r;
  };
}
