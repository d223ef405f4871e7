import type { Rule } from '../engine/rule';
import { agentConfig } from './secrets/agent-config';
import { credentialArgument } from './secrets/credential-argument';
import { credentialName } from './secrets/credential-name';
import { knownToken } from './secrets/known-token';
import { unprotectedConfigValue } from './secrets/unprotected-config-value';
import { inboundPayload } from './logging/inbound-payload';
import { sensitiveData } from './logging/sensitive-data';
import { cardNumber } from './pii/card-number';
import { email } from './pii/email';
import { iban } from './pii/iban';
import { personRecord } from './pii/person-record';
import { phone } from './pii/phone';
import { ssn } from './pii/ssn';
import { debugBreak } from './hygiene/debug-break';
import { insecureHttp } from './hygiene/insecure-http';
import { reservedNamespace } from './hygiene/reserved-namespace';
import { argumentCount } from './script/argument-count';
import { unknownFunction } from './script/unknown-function';

/** Every rule the engine runs, in reporting order. */
export const RULES: readonly Rule[] = [
  credentialArgument, credentialName, knownToken, unprotectedConfigValue, agentConfig,
  sensitiveData, inboundPayload,
  email, phone, ssn, cardNumber, iban, personRecord,
  debugBreak, insecureHttp, reservedNamespace,
  unknownFunction, argumentCount,
];
