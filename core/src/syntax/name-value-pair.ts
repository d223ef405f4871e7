/**
 * A setting written as a name/value pair: `{ name: "X-Api-Key", value: "…" }` in a script, `{"fieldName": "password",
 * "fieldValue": "…"}` in a Cloud Studio export. One set of spellings for the export reader and the script flow, so a
 * pair is a pair in both: its value is under the pair's name, not under `value`.
 */

/** Keys that name the pair, first found wins: `name`, `key`, `field`, `header`, `propertyName`, `fieldName`… */
export const PAIR_NAME_KEYS: readonly string[] = [
  'name', 'key', 'field', 'propertyName', 'fieldName', 'paramName', 'parameterName', 'settingName', 'attributeName', 'header',
];
/** Keys that hold the pair's value: `value`, `fieldValue`, `propertyValue`… */
export const PAIR_VALUE_KEYS: readonly string[] = ['value', 'fieldValue', 'propertyValue', 'paramValue', 'parameterValue', 'settingValue', 'attributeValue'];
const VALUE_KEYS = new Set(PAIR_VALUE_KEYS);
/** A larger object is a record with a name, not a pair. */
const MAX_PAIR_MEMBERS = 8;

export function isPairValueKey(key: string): boolean {
  return VALUE_KEYS.has(key);
}

/**
 * The name of the pair an object is, if it is one: small, with a value key (`hasKey`), and a name key holding a
 * string (`stringAt` gives a member's string value, undefined when it is absent or no string).
 */
export function pairName(size: number, hasKey: (key: string) => boolean, stringAt: (key: string) => string | undefined): string | undefined {
  if (size > MAX_PAIR_MEMBERS || !PAIR_VALUE_KEYS.some(hasKey)) return undefined;
  for (const k of PAIR_NAME_KEYS) {
    const s = stringAt(k);
    if (s !== undefined) return s;
  }
  return undefined;
}
