// Value-level detectors: they look at one string (a literal value, a comment's text, a config value) and,
// optionally, at the name it is stored under. Pure, total (never throw), linear in the input.

export { isCredentialName, isKeyHeaderName, credentialNameKind, isSensitiveDataName, sensitiveDataNameKind, nameSegments, knownNamePhrases, CREDENTIAL_HINT_RE } from './names';
export type { CredentialNameKind, SensitiveDataNameKind } from './names';
export { isPlaceholder, canBeCredentialValue, isPlainUrl, looksLikeSentence, AWS_EXAMPLE_KEYS } from './placeholder';
export type { ValueSite } from './placeholder';
export { shannonEntropy, looksRandom, looksLikeIssuedKey, isIdentifierShape, isSalesforceId18 } from './entropy';
export { scanSecretTokens, isAwsSecretKeyShape, isJwt, hasValidTokenChecksum, decodeBasicCredentials } from './tokens';
export type { SecretMatch } from './tokens';
export { scanPemPrivateKeys } from './pem';
export type { PemMatch } from './pem';
export {
  scanPii, scanUkPhones, isUkName, isRoleMailbox, isReservedDomain, isValidSsn, isLikelyCardNumber, ROLE_MAILBOXES, TEST_CARD_NUMBERS, EXAMPLE_IBANS, IBAN_LENGTHS,
} from './pii';
export type { PiiMatch, PiiKind } from './pii';
export { isBarcodeName, isGs1Number, withoutProductCodes } from './code-names';
export { looksLikePersonName, looksLikeDateOfBirth, looksLikeStreetAddress, looksLikeNationalId, isNationalIdValue, isOtherEventDateKey } from './person';
export { mask, hashValue } from './mask';
export { luhnValid, ibanMod97Valid, crc32, toBase62, decodeBase64 } from './codec';
