import { canBeCredentialValue, isCredentialName, isPlaceholder, scanSecretTokens, type SecretMatch } from '../../detectors';
import type { LiteralContext } from '../../semantics/flow';

/** Is this literal a hard-coded secret because of where it sits (credential position, name, comparison)? */
export function isContextSecret(value: string, ctx: LiteralContext): boolean {
  switch (ctx.kind) {
    case 'credential-arg':
      // The position decides: any real value is a hard-coded credential, weak words included.
      return value.trim() !== '' && !isPlaceholder(value, 'code') && !/^\s*(\$[\w.]+|\[[\w.]+\])\s*$/.test(value);
    case 'named':
      return isCredentialName(ctx.name) && canBeCredentialValue(value);
    case 'compared':
      return canBeCredentialValue(value);
    default:
      return false;
  }
}

/** Memoised token scan: literals repeat, and both the flow pass and the rules ask. */
export function makeTokenScanner(): (value: string) => SecretMatch[] {
  const cache = new Map<string, SecretMatch[]>();
  return (value) => {
    let r = cache.get(value);
    if (!r) {
      r = value.length < 8 ? [] : scanSecretTokens(value, 'code');
      if (cache.size > 5000) cache.clear();
      cache.set(value, r);
    }
    return r;
  };
}

export function makeLiteralClassifier(scan = makeTokenScanner()): (value: string, ctx: LiteralContext) => boolean {
  return (value, ctx) => isContextSecret(value, ctx) || scan(value).length > 0;
}
