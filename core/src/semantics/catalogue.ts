import data from './catalogue-data.json';
import sysvars from './system-variables.json';

export interface ParamInfo {
  name: string;
  type: string;
  optional: boolean;
  /** Kind of secret this parameter takes (password, passphrase, salt, sessionId...). */
  secret?: string;
  credentialIdentifier?: boolean;
  componentReference?: boolean;
}

export interface FunctionInfo {
  name: string;
  category: string;
  language: 'jitterbit' | 'javascript';
  params: ParamInfo[];
  returns: string;
  minArgs: number;
  maxArgs: number;
  description: string;
  logs?: boolean;
  sink?: string;
  dataParams?: number[];
  returnsSecret?: boolean;
  deprecated?: boolean;
}

export interface SystemVariableInfo {
  name: string;
  access: 'read' | 'read-write';
  type: string;
  /** True for families such as `jitterbit.api.request.headers.<name>`. */
  prefix?: boolean;
}

/** The built-in function catalogue (derived from the reference catalogue; see scripts/gen-catalogue.mjs). */
export const FUNCTION_CATALOGUE: readonly FunctionInfo[] = data as FunctionInfo[];
export const SYSTEM_VARIABLES: readonly SystemVariableInfo[] = sysvars as SystemVariableInfo[];

const scriptFns = new Map<string, FunctionInfo>();
const jsFns = new Map<string, FunctionInfo>();
for (const f of FUNCTION_CATALOGUE) {
  const key = f.name.toLowerCase();
  if (f.language === 'javascript') jsFns.set(key, f);
  else scriptFns.set(key, f);
}
const sysExact = new Set(SYSTEM_VARIABLES.filter((v) => !v.prefix).map((v) => v.name.toLowerCase()));
const sysPrefixes = SYSTEM_VARIABLES.filter((v) => v.prefix).map((v) => v.name.toLowerCase() + '.');

/** The parameter argument `i` of a call fills: the last one repeats for variadic functions (`SendEmail`'s extras). */
export function paramAt(fn: FunctionInfo, i: number): ParamInfo | undefined {
  return fn.params[i] ?? (fn.maxArgs > fn.params.length ? fn.params[fn.params.length - 1] : undefined);
}

/** Answers by spelling: a project spells the same few names over and over, and lower-casing each call allocates. */
const bySpelling = new Map<string, FunctionInfo | null>();

/** Function names are case-insensitive in Jitterbit Script. */
export function lookupFunction(name: string): FunctionInfo | undefined {
  let f = bySpelling.get(name);
  if (f === undefined) {
    f = scriptFns.get(name.toLowerCase()) ?? null;
    // The bound only guards against hostile input; the key is a copy, so the cache keeps no script text alive.
    if (bySpelling.size > 10000) bySpelling.clear();
    bySpelling.set((' ' + name).slice(1), f);
  }
  return f ?? undefined;
}

/** Functions callable from Jitterbit JavaScript: the JS-only ones plus log/result helpers. */
export function lookupJsFunction(name: string): FunctionInfo | undefined {
  return jsFns.get(name.toLowerCase());
}

export function isKnownSystemVariable(name: string): boolean {
  const n = name.toLowerCase().replace(/^\$/, '');
  if (sysExact.has(n)) return true;
  for (const p of sysPrefixes) if (n.startsWith(p)) return true;
  return false;
}
