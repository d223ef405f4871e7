import { canBeCredentialValue, isCredentialName, isKeyHeaderName, isPlaceholder, isPlainUrl, looksLikeIssuedKey, looksRandom, scanSecretTokens, type SecretMatch } from '../../detectors';
import type { LiteralContext } from '../../semantics/flow';

/** Is this literal a hard-coded secret because of where it sits (credential position, name, comparison)? */
export function isContextSecret(value: string, ctx: LiteralContext): boolean {
  switch (ctx.kind) {
    case 'credential-arg':
      // The position decides: any real value is a hard-coded credential, weak words included. A plain URL is not
      // (arguments shifted by a missing one: the argument-count rule reports that).
      return value.trim() !== '' && !isPlaceholder(value, 'code') && !/^\s*(\$[\w.]+|\[[\w.]+\])\s*$/.test(value) && !isPlainUrl(value);
    case 'named':
      // A piece of a concatenation that ends in a separator is a prefix or a user name, not the credential.
      if (ctx.part && (/[:=\s/]$/.test(value) || value.trim().length < 6)) return false;
      // A PEM armour line alone (a key pasted line by line): secrets/known-token reports the block.
      if (/^\s*-----(?:BEGIN|END) [A-Z0-9 ]{3,40}-----\s*$/.test(value)) return false;
      // An auth *header* variable may hold the header's name (`AUTH_HEADER = "Authorization"`), not its value.
      if (/header$/i.test(ctx.name) && /^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/.test(value.trim()) && value.trim().length <= 40 && !looksRandom(value.trim())) return false;
      if (isCredentialName(ctx.name)) return canBeCredentialValue(value);
      // A header named like a key (`X-Auth-Key`, `x-functions-key`) holding a random-looking value.
      return !ctx.part && isKeyHeaderName(ctx.name) && looksLikeIssuedKey(value) && !isPlaceholder(value, 'code');
    case 'compared':
      return canBeCredentialValue(value);
    default:
      return false;
  }
}

const NONE: SecretMatch[] = [];

/** Known-format scan of a literal value (short values cannot hold a token). */
export function scanLiteralTokens(value: string): SecretMatch[] {
  return value.length < 8 ? NONE : scanSecretTokens(value, 'code');
}

/**
 * A visible configuration value (a project variable's) that is a hard-coded secret: stored under a credential name, or
 * holding a known credential format. secrets/unprotected-config-value reports the value; logging it is logging a secret.
 */
export function isSecretConfigValue(name: string, value: string): boolean {
  return (isCredentialName(name) && canBeCredentialValue(value)) || scanLiteralTokens(value).length > 0;
}
