/**
 * Words that, right before a final `key`, name a key HTTP or data models use for something other than access
 * (`Idempotency-Key`, `Sec-WebSocket-Key`, `X-Partition-Key`, `X-Tenant-Key`): a header named so holds no credential.
 * One list for both places that read header names: literal headers and names (detectors/names.ts isKeyHeaderName)
 * and the request headers a flow reads (semantics/flow-sources.ts).
 */
const NEUTRAL_KEY_WORDS = new Set([
  'idempotency', 'sort', 'partition', 'cache', 'routing', 'dedup', 'deduplication', 'dedupe', 'lookup', 'row', 'primary',
  'foreign', 'object', 'record', 'message', 'correlation', 'request', 'trace', 'event', 'group', 'order', 'range', 'hash',
  'public', 'business', 'natural', 'composite', 'unique', 'entity', 'resource', 'tenant', 'locale', 'language',
  'websocket',
]);

/** True for a (lower-case) word that makes the `…-key` after it no access key (see NEUTRAL_KEY_WORDS). */
export function isNeutralKeyWord(word: string): boolean {
  return NEUTRAL_KEY_WORDS.has(word);
}
