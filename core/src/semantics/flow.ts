import { paramAt } from './catalogue';
import { MAX_IR_DEPTH, type Ir, type IrCall, type IrLiteral, type IrScript, type IrVar } from './ir';
import { isPairValueKey, pairName } from '../syntax/name-value-pair';
import type { FlowHost, FlowOptions, LiteralContext, ScriptFacts, TokenMatch, VarFact } from './flow-types';
import { planReuse, sameState, shiftTaint, stateBefore, STRIDE, type FlowMemo, type Shift } from './flow-memo';
import { ELEMENTS, ELEMENTS_KNOWN, fieldSuffix, FlowState, NAME_DEFAULT, SHAPE } from './flow-state';
import { EXTERNAL_RESULT, isMaskingCall, roleOf, USER_PASSWORD } from './call-roles';
import { isVarName } from './lower-jitterbit';
import { argumentIndex, runScriptArgKey, runScriptKnownKey, runScriptResultKey, runScriptTarget } from './run-script';
import { computedRequestHeaderName, lastSegment, lastSelected, systemVariableTaint, withoutPayload } from './flow-sources';
import { T_PAYLOAD, T_PII, T_SECRET, join, taint, type Taint, type TaintLiteral } from './taint';

const NONE: LiteralContext = { kind: 'none' };
/** The fields of an empty array's elements (shared, never written). */
const NO_FIELDS: ReadonlyMap<string, Taint | undefined> = new Map();

/**
 * The name of a small `{ name|key|header|…Name: "…", value|…Value: … }` object literal (a header or parameter
 * written as a name/value pair), if it is one; the same spellings as the export reader's (syntax/name-value-pair.ts).
 */
function pairLabel(o: Ir & { k: 'obj' }): string | undefined {
  return pairName(o.props.length, (k) => o.props.some((p) => p.key === k), (k) => {
    const p = o.props.find((x) => x.key === k);
    return p?.value.k === 'lit' && typeof p.value.value === 'string' ? p.value.value : undefined;
  });
}
/** The state key of the script's result (no variable can have it). */
const RESULT = '\u0000result';
/** Array methods whose callback's first parameter is an element of the receiver. */
const ARRAY_CALLBACKS = new Set(['.foreach', '.map', '.filter', '.some', '.every']);

/** Whether argument `i` of a JavaScript call is a function the call runs: an IIFE's callee, an array's callback. */
function calledInPlace(c: IrCall, i: number, lname: string): boolean {
  return i === 0 ? c.name === '' && !c.method : i === 1 && c.method === true && ARRAY_CALLBACKS.has(lname);
}

/** Exported for a global container whose fields are kept apart and whose unnamed rest is clean (never joined). */
const FIELDS_KNOWN: Taint = { bits: 0, label: '', secretLiteral: false };
/**
 * Under a global's key plus this suffix: the script left the credential- or PII-named global holding a masked value it
 * computed (a hash, the last 4, a count, a comparison). Another script reading the global sees that value, not what
 * the name alone would say (a marker without taint bits, exported like FIELDS_KNOWN).
 */
const MASKED = '\u0001';
const MASKED_MARK: Taint = { bits: 0, label: '', secretLiteral: false };
/** Exported under every script's `runScriptKnownKey`: the project has the script. */
const SCRIPT_KNOWN: Taint = { bits: 0, label: '', secretLiteral: false };
/**
 * Under this prefix plus a local's name: the constant text the local holds for sure (a marker without taint bits whose
 * label is the text), set by a top-level `k = "sf.password"` of a Jitterbit Script and dropped by any other write to
 * the local. `Get(k)` / `Set(k, v)` then address the global it names. In the state, so the incremental pass compares
 * and replays it with the rest.
 */
const CONST = '\u0003';

/** The constant text of a name expression: a literal, a local holding constant text, or a concatenation of those. */
function constText(e: Ir, constOf: (local: string) => string | undefined): string | undefined {
  if (e.k === 'lit') return typeof e.value === 'string' ? e.value : undefined;
  if (e.k === 'var') return e.scope === 'local' ? constOf(e.name) : undefined;
  if (e.k !== 'cat' || e.items.length > 16) return undefined;
  let s = '';
  for (const x of e.items) {
    const t = x.k === 'cat' ? undefined : constText(x, constOf);
    if (t === undefined) return undefined;
    s += t;
  }
  return s;
}

/** A credential-ish word in a key (the structured-string scanner's own hint, tokens-key-values.ts). */
const KEY_HINT_RE = /pass|pwd|pw|secret|token|key|sess|sas|sig|auth|cred/i;

/**
 * Whether a literal ends with the key of a value the next literal holds: `"…;Pwd="`, `"…?api_key="`, `"X-Api-Key: "`,
 * `"Authorization: Bearer "`, `"<Password>"`. Why: a credential split from its key across the pieces of a
 * concatenation is scanned together with the key, as one literal would be. The last character is checked first.
 */
function endsWithKey(s: string): boolean {
  let n = s.length;
  while (n > 0 && s.charCodeAt(n - 1) === 32) n--;
  const c = n > 0 ? s.charCodeAt(n - 1) : 0;
  // `=`, `:`, `>`, or a scheme word after a space (`Bearer `).
  if (c !== 61 && c !== 58 && c !== 62 && !(n < s.length && n > 0)) return false;
  return KEY_HINT_RE.test(s.length > 80 ? s.slice(-80) : s);
}

const isVarNamed = (e: Ir | undefined, name: string): boolean => e !== undefined && e.k === 'var' && e.name === name;

/**
 * The container a JavaScript copy idiom copies: `JSON.parse(JSON.stringify(x))`, `Object.assign({}, x)`. Why: the
 * copy holds the same fields, so one overwritten in the copy (`copy.password = "***"`) is what was written there.
 */
function copiedContainer(e: IrCall): IrVar | undefined {
  if (e.method !== true || e.args.length < 2) return undefined;
  const a = e.args;
  if (e.name === '.parse' && a.length === 2 && isVarNamed(a[0], 'JSON')) {
    const s = a[1];
    if (s.k === 'call' && s.method === true && s.name === '.stringify' && s.args.length === 2 && isVarNamed(s.args[0], 'JSON') && s.args[1].k === 'var') return s.args[1];
  }
  if (e.name === '.assign' && a.length === 3 && isVarNamed(a[0], 'Object') && a[1].k === 'obj' && a[1].props.length === 0 && a[2].k === 'var') return a[2];
  return undefined;
}

/** The literal text after a split value that closes it (`"</Password>"`, `";"`), or nothing. */
function closingText(next: Ir | undefined): string {
  return next !== undefined && next.k === 'lit' && typeof next.value === 'string' && next.value.length <= 256 ? next.value : '';
}

/** The values the secret rules report for a secret literal (the allowlist judges these): the whole, or each token. */
function reportedValues(value: string, contextSecret: boolean, tokens: readonly TokenMatch[]): TaintLiteral[] {
  return contextSecret ? [{ value: value.trim() }] : tokens.map((m) => ({ value: value.slice(m.start, m.end).trim() }));
}

export function analyseFlow(script: IrScript, host: FlowHost, options: FlowOptions = {}): ScriptFacts {
  const facts: ScriptFacts = { literals: [], sinks: [], calls: [], vars: [], arrays: [], globalWrites: new Map(), globalReads: new Set(), globalsWritten: new Set() };
  const recording = options.memoKey !== undefined && script.language === 'jitterbit';
  const state = new FlowState(recording);
  const { locals, globals, writes } = state;
  // Variables, `RunScript` pseudo-globals and the result: keys that are no container field.
  const setLocal = (key: string, t: Taint | undefined): void => state.setVar(false, key, t);
  const setGlobal = (key: string, t: Taint | undefined): void => state.setVar(true, key, t);
  /** Records a global access: the fact, and its key in the script's read or written names. */
  const noteAccess = (f: VarFact): void => {
    if (inlineDepth === 0) facts.vars.push(f);
    (f.access === 'read' ? facts.globalReads : facts.globalsWritten).add(f.key);
  };
  // A batch run needs the names read, not an object per read (the incremental pass replays reads: it keeps them).
  const readFacts = options.readFacts !== false || recording;
  const noteRead = (v: IrVar | IrCall, key: string): void => {
    if (readFacts) noteAccess({ v, access: 'read', key });
    else facts.globalReads.add(key);
  };
  /** Assigns a variable's new taint (a global's write is recorded). */
  const assignVar = (v: IrVar, t: Taint | undefined): void => {
    if (v.scope === 'local') {
      setLocal(v.name, t);
      return;
    }
    const key = v.name.toLowerCase();
    noteAccess({ v, access: 'write', key });
    // Where a global is set is where other scripts' findings point (their related location): a value with no place
    // of its own here (a request header, another script's global) is placed at this write.
    if (t && (!t.origin || t.origin.path !== undefined)) t = { ...t, origin: { start: v.nameStart, end: v.nameEnd } };
    setGlobal(key, t);
  };

  const nameTaint = (name: string): Taint | undefined => {
    if (host.nameHint && !host.nameHint(name)) return undefined;
    if (host.isCredentialName(name)) return taint(T_SECRET, `\`${name}\``);
    if (host.isSensitiveDataName(name)) return taint(T_PII, `\`${name}\``);
    return undefined;
  };

  const systemTaint = (name: string): Taint | undefined => systemVariableTaint(name, host.isCredentialName);

  /** The taint of argument `index` that scripts calling this one pass (noted as read, for the project's exchange). */
  const incomingArgument = (index: number, v: IrVar): Taint | undefined => {
    if (options.scriptName === undefined) return undefined;
    const key = runScriptArgKey(options.scriptName, index);
    noteRead(v, key);
    let t = host.incomingGlobal(key);
    for (const alias of options.scriptAliases ?? []) {
      const k = runScriptArgKey(alias, index);
      noteRead(v, k);
      t = join(t, host.incomingGlobal(k));
    }
    return t;
  };

  const readVar = (v: IrVar): Taint | undefined => {
    if (v.scope === 'local') {
      if (locals.has(v.name)) return locals.get(v.name);
      const arg = argumentIndex(v.name);
      return join(arg === undefined ? undefined : incomingArgument(arg, v), nameTaint(v.name));
    }
    const key = v.name.toLowerCase();
    noteRead(v, key);
    if (globals.has(key)) return globals.get(key);
    return outsideGlobal(v, key);
  };

  /** A global this script has not written (yet): what its name, the project and other scripts say of it. */
  const outsideGlobal = (v: IrVar, key: string): Taint | undefined => {
    // The host's lookups are case-insensitive: they get the lower-case key, which is already made.
    const sys = key.startsWith('jitterbit.') ? systemTaint(v.name) : undefined;
    if (sys) return sys;
    if (host.isHiddenProjectVariable(key)) return taint(T_SECRET, `the hidden project variable \`$${v.name}\``);
    if (host.isSecretProjectVariable?.(key)) return taint(T_SECRET, `the hard-coded secret in project variable \`$${v.name}\``, true);
    const incoming = host.incomingGlobal(key);
    const named = nameTaint(v.name);
    if (incoming || !named) return join(incoming, named);
    // A sensitive name no other script taints: clean when a script stores a masked value in it (and none stores more).
    const maskedKey = key + MASKED;
    noteRead(v, maskedKey);
    return host.incomingGlobal(maskedKey) ? undefined : named;
  };

  /** True when the value expression produces no sensitive text by construction (a mask, a count, a literal). */
  const producesMasked = (e: Ir): boolean => {
    if (e.k === 'lit') return true;
    // A comparison or arithmetic yields a boolean or a number (JavaScript's `a || b` yields an operand).
    if (e.k === 'bin') return !(script.language === 'javascript' && (e.op === '||' || e.op === '&&' || e.op === '??'));
    // A number, a boolean or a date carries no text of what computed it (`Int(…)`, `Length(…)`).
    if (e.k === 'call') return isMaskingCall(e) || (e.fn !== undefined && (e.fn.returns === 'number' || e.fn.returns === 'bool'));
    if (e.k === 'cat') return e.items.every(producesMasked);
    return false;
  };

  // Fields of containers are kept apart in the state (see flow-state.ts).
  const hasState = (v: IrVar, suffix: string): boolean => state.has(v, suffix);
  const hasShape = (v: IrVar): boolean => state.hasShape(v);
  const getState = (v: IrVar, suffix: string): Taint | undefined => state.get(v, suffix);
  const setState = (v: IrVar, suffix: string, t: Taint | undefined): void => state.setField(v, suffix, t);
  /** The object literal evaluated last, with the taint of each named property and of the unnamed ones (`[k]: v`). */
  let lastObject: { node: Ir; fields: [string, Taint | undefined][]; rest: Taint | undefined } | undefined;
  /** The JavaScript array literal of objects (or empty) evaluated last: its elements' fields (see ELEMENTS). */
  let lastArray: { node: Ir; fields: ReadonlyMap<string, Taint | undefined>; rest: Taint | undefined } | undefined;
  // Whether any array's elements' fields are kept apart (ELEMENTS), so other scripts skip the lookups.
  let elements = options.prior !== undefined;
  // Whether any container's fields are kept apart (a replayed state may hold some), so scripts without containers
  // skip the lookups. Fields are kept apart for containers made in the script (`Dict()`, `{…}`) and from the first
  // sensitive write into a clean container on (before it every field is clean).
  let shapes = options.prior !== undefined;
  // Whether any local may hold a known constant (see CONST; a replayed state may hold some), and how many \`While\`
  // loops the evaluation is inside (a name read in a loop may be written later in it).
  let consts = options.prior !== undefined;
  /**
   * The locals this pass made hold a constant (undefined after a replayed state, whose constants are only in the
   * state): a write to any other local, nearly every write, then costs one set lookup and no key made.
   */
  const constLocals: Set<string> | undefined = options.prior === undefined ? new Set() : undefined;
  let loopDepth = 0;
  const constOf = (local: string): string | undefined => (consts ? locals.get(CONST + local)?.label : undefined);
  const dropConst = (local: string): void => {
    if (constLocals) {
      if (!constLocals.has(local)) return;
      constLocals.delete(local);
    }
    if (locals.get(CONST + local)) setLocal(CONST + local, undefined);
  };
  /**
   * `Get(k)` / `Set(k, v)` whose name is constant text but no plain literal (a local holding a constant, a
   * concatenation of constants) as the parser lowers `Get("name")` / `Set("name", v)`: the global's read or write.
   * Only where the name is known for sure (not in a loop, nor in a JavaScript helper inlined).
   */
  const byConstName = (c: IrCall, kind: 'get' | 'set'): Ir | undefined => {
    const first = c.args[0];
    if (kind === 'get' ? c.args.length !== 1 : c.args.length !== 2) return undefined;
    if (first.k === 'lit' || (first.k === 'var' && !consts)) return undefined; // a literal the parser did not take is no name
    const name = constText(first, constOf);
    if (name === undefined || !isVarName(name)) return undefined;
    const v: IrVar = { k: 'var', scope: 'global', name, start: first.start, end: first.end, nameStart: first.start, nameEnd: first.end, form: 'computed' };
    return kind === 'get' ? { ...v, start: c.start, end: c.end } : { k: 'assign', op: '=', target: v, value: c.args[1], start: c.start, end: c.end };
  };

  /**
   * Field `prop` of an element of array `arr` whose elements' fields are kept apart: that field over the elements
   * (`known`), or, for a field no element has, what holds no field and what the array's name says. Undefined when the
   * array's elements are not kept apart.
   */
  const elementField = (arr: IrVar, prop: string): { known: boolean; taint: Taint | undefined } | undefined => {
    const marker = getState(arr, ELEMENTS);
    if (!marker) return undefined;
    const rest = marker.bits ? marker : undefined;
    if (hasState(arr, ELEMENTS + prop)) return { known: true, taint: join(getState(arr, ELEMENTS + prop), rest) };
    return { known: false, taint: join(rest, nameTaint(arr.name)) };
  };

  /**
   * A write into an array whose elements' fields are kept apart: a whole object element (`a[i] = {…}`, `a.push({…})`)
   * adds its fields, a field of an element (`a[i].value = …`) adds to that field, anything else to the rest.
   */
  const addToElements = (arr: IrVar, target: Ir & { k: 'member' }, valueIr: Ir, added: Taint | undefined): void => {
    if (target.obj === arr && valueIr.k === 'obj' && lastObject?.node === valueIr) {
      for (const [k, ft] of lastObject.fields) setState(arr, ELEMENTS + k, join(getState(arr, ELEMENTS + k), ft));
      if (lastObject.rest) setState(arr, ELEMENTS, join(getState(arr, ELEMENTS), lastObject.rest));
    } else if (target.obj.k === 'member' && target.obj.obj === arr && target.obj.index && target.prop !== undefined) {
      setState(arr, ELEMENTS + target.prop, join(getState(arr, ELEMENTS + target.prop), added));
    } else if (added) {
      const marker = getState(arr, ELEMENTS);
      setState(arr, ELEMENTS, join(marker?.bits ? marker : undefined, added));
    }
  };

  /** A variable's taint in the state (not noted as a read). */
  const current = (v: IrVar): Taint | undefined => (v.scope === 'local' ? locals.get(v.name) : globals.get(v.name.toLowerCase()));
  /** A container's taint joined again from its fields and rest (or `old` when it has too many fields to join). */
  const wholeAgain = (obj: IrVar, old: Taint | undefined): Taint | undefined => {
    const w = state.wholeOf(obj);
    return w.known ? w.taint : old;
  };

  /** `RemoveKey(d, "k")`, `delete o.k`: a field of a container whose fields are known apart is gone. */
  const removeField = (obj: IrVar, prop: string): void => {
    if (!shapes || !hasShape(obj)) return; // an opaque container: what else it holds is unknown
    const before = getState(obj, fieldSuffix(prop));
    setState(obj, fieldSuffix(prop), undefined);
    if (before) assignVar(obj, wholeAgain(obj, current(obj)));
  };

  /** `to = JSON.parse(JSON.stringify(from))` and the like, `from`'s fields known: `to` gets them (see copiedContainer). */
  const copyOfContainer = (to: IrVar, valueIr: IrCall): boolean => {
    const from = copiedContainer(valueIr);
    if (!from || !hasShape(from) || (from.scope === to.scope && from.name === to.name)) return false;
    state.copyFields(from, to);
    const named = nameTaint(to.name);
    if (named) setState(to, NAME_DEFAULT, join(getState(to, NAME_DEFAULT), named));
    return true;
  };

  const write = (target: Ir, value: Taint | undefined, valueIr: Ir, depth: number): void => {
    if (target.k === 'var') {
      if (consts && target.scope === 'local') dropConst(target.name);
      let t = value;
      // A credential- or PII-named variable holds sensitive data whatever computed it (a session from a login).
      // A literal stored under a PII name is personal data too (a credential literal is judged by its own value).
      if (!producesMasked(valueIr)) t = join(t, nameTaint(target.name));
      else if (valueIr.k === 'lit') {
        if (typeof valueIr.value === 'string' && valueIr.value.trim().length > 3 && host.isSensitiveDataName(target.name)) t = join(t, taint(T_PII, `\`${target.name}\``));
      } else if (target.scope === 'global' && nameTaint(target.name)) {
        // A masked value computed into a sensitive-named global: other scripts read it as masked (see MASKED).
        setGlobal(target.name.toLowerCase() + MASKED, MASKED_MARK);
      }
      assignVar(target, t);
      // A new value: the fields written into the old one are gone.
      if (shapes || elements) state.forgetFields(target);
      if (valueIr.k === 'obj' && lastObject?.node === valueIr) {
        // A new object: its fields are known (the container name's taint and unnamed properties go to the rest).
        shapes = true;
        setState(target, SHAPE, lastObject.rest);
        const named = nameTaint(target.name);
        if (named) setState(target, NAME_DEFAULT, named);
        for (const [k, ft] of lastObject.fields) setState(target, fieldSuffix(k), ft);
      } else if (valueIr.k === 'call' && valueIr.args.length === 0 && (valueIr.name === 'Dict' || valueIr.name === 'Array')) {
        shapes = true;
        setState(target, SHAPE, undefined); // a new, empty container
        const named = nameTaint(target.name);
        if (named) setState(target, NAME_DEFAULT, named);
      } else if (t && shapes && valueIr.k === 'var' && hasShape(valueIr) && (valueIr.scope !== target.scope || valueIr.name !== target.name)) {
        // A copy of a container whose fields are known: the same fields (the copy's own name adds its default). Only
        // a sensitive one is copied field by field: a clean copy's fields are clean anyway, and copying costs a
        // state write per field plus an exported write per field of a global.
        state.copyFields(valueIr, target);
        const named = nameTaint(target.name);
        if (named) setState(target, NAME_DEFAULT, join(getState(target, NAME_DEFAULT), named));
      } else if (t && shapes && valueIr.k === 'call' && copyOfContainer(target, valueIr)) {
        // A deep copy of a container whose fields are known (copyOfContainer copied them).
      } else if (valueIr.k === 'arr' && lastArray?.node === valueIr && target.scope === 'local') {
        // An array of objects (or an empty one): its elements' fields are kept apart.
        elements = true;
        setState(target, ELEMENTS, lastArray.rest ?? ELEMENTS_KNOWN);
        for (const [k, ft] of lastArray.fields) setState(target, ELEMENTS + k, ft);
      } else if (elements && valueIr.k === 'member' && valueIr.index && valueIr.obj.k === 'var' && getState(valueIr.obj, ELEMENTS)) {
        // One element (`var h = headers[i]`): an object whose fields are the elements' fields.
        const arr = valueIr.obj;
        const marker = getState(arr, ELEMENTS);
        shapes = true;
        setState(target, SHAPE, marker?.bits ? marker : undefined);
        const named = join(nameTaint(target.name), nameTaint(arr.name));
        if (named) setState(target, NAME_DEFAULT, named);
        for (const [k, ft] of state.elementFields(arr)) setState(target, fieldSuffix(k), ft);
      } else if (shapes && hasShape(target)) {
        setState(target, SHAPE, t); // any other value: its fields are no longer known apart
      }
      return;
    }
    if (target.k === 'member') {
      // Writing into a dictionary/array/object taints the container.
      let obj: Ir = target.obj;
      let guard = 0;
      while (obj.k === 'member' && guard++ < MAX_IR_DEPTH) obj = obj.obj;
      if (target.index) ev(target.index, NONE, depth);
      if (obj.k === 'var') {
        if (consts && obj.scope === 'local') dropConst(obj.name);
        const prev = current(obj);
        const keyTaint = target.prop && !producesMasked(valueIr) ? nameTaint(target.prop) : undefined;
        const added = join(value, keyTaint);
        let whole = join(prev, added);
        // An element stored into a credential- or PII-named container (`$sys_token[sys] = tok`) is what the name says,
        // as a value stored in such a variable is (a mask, a count or a literal is judged by itself).
        if (!producesMasked(valueIr)) whole = join(whole, nameTaint(obj.name));
        if (elements && obj.scope === 'local' && getState(obj, ELEMENTS)) addToElements(obj, target, valueIr, added);
        // A named field of a direct write gets the value's taint; other writes go to the unnamed rest.
        const tracked = shapes && hasShape(obj);
        if (tracked || (prev === undefined && added !== undefined)) {
          if (!tracked) {
            shapes = true;
            setState(obj, SHAPE, undefined);
          }
          // A nested write (`w.auth.passphrase = …`) belongs to the first-level field (`auth`).
          let first: Ir = target;
          while (first.k === 'member' && first.obj.k === 'member') first = first.obj;
          const prop = first.k === 'member' ? first.prop : undefined;
          if (prop !== undefined) {
            const before = getState(obj, fieldSuffix(prop));
            const now = target.obj === obj ? added : join(before, added);
            setState(obj, fieldSuffix(prop), now);
            // The whole container is its fields and its rest: a field overwritten with less (a mask) leaves less.
            if (tracked && before && join(now, before) !== now) whole = wholeAgain(obj, whole);
          } else setState(obj, SHAPE, join(getState(obj, SHAPE), added));
        }
        assignVar(obj, whole);
      } else ev(obj, NONE, depth);
    }
  };

  /** The naming context an assignment gives its value (`password = "…"`, `$d["api_key"] = "…"`). */
  /** The key context of `d[k]` whose local index holds constant text (see CONST; not in a loop, where k may change). */
  const constKeyContext = (target: Ir & { k: 'member' }, op: string): LiteralContext | undefined => {
    const index = target.index;
    const name = index && index.k === 'var' && index.scope === 'local' ? constOf(index.name) : undefined;
    if (name === undefined) return undefined;
    const of = op === '=' && target.obj.k === 'var' ? target.obj : undefined;
    return of ? { kind: 'named', name, via: 'key', of } : { kind: 'named', name, via: 'key' };
  };

  const namedContext = (target: Ir, op: string): LiteralContext => {
    if (target.k === 'var') return { kind: 'named', name: target.name, via: 'variable' };
    if (target.k === 'member' && target.prop !== undefined) {
      const of = op === '=' && target.obj.k === 'var' ? target.obj : undefined;
      return of ? { kind: 'named', name: target.prop, via: target.index ? 'key' : 'property', of } : { kind: 'named', name: target.prop, via: target.index ? 'key' : 'property' };
    }
    // `d[k] = …` where the local k holds a known key (`k = "client_secret"`): stored under that key.
    if (consts && loopDepth === 0 && target.k === 'member' && target.index !== undefined && target.index.k === 'var') {
      const key = constKeyContext(target, op);
      if (key) return key;
    }
    // An element of an array stored under a name (`$sftp.password[2] = …`, `Set("api_key", …, -1)`).
    if (target.k === 'member' && target.obj.k === 'var') return { kind: 'named', name: target.obj.name, via: 'variable' };
    return NONE;
  };

  // JavaScript helper functions (`function log(m) { WriteToOperationLog(m); }`): a call binds the arguments' taint to
  // the parameters and re-evaluates the body, so a sink inside sees what the caller passed. Bounded per function.
  const functions = new Map<string, Ir & { k: 'fn' }>();
  for (const stmt of script.body) {
    if (stmt.k === 'fn' && stmt.name) functions.set(stmt.name, stmt);
    // `var getPwd = function () { … }` (a declaration list is a sequence)
    for (const a of stmt.k === 'seq' ? stmt.items : [stmt]) {
      if (a.k === 'assign' && a.target.k === 'var' && a.value.k === 'fn') functions.set(a.target.name, a.value);
    }
  }
  /** Times each function was inlined (the bound that keeps the pass linear). */
  const inlined = new Map<Ir, number>();
  /** What each function returns when called with clean arguments (a literal secret it returns, say), once. */
  const cleanReturns = new Map<Ir, Taint | undefined>();
  let inlineDepth = 0;
  let returned: Taint | undefined;

  /** What `f` returns called with arguments of these taints; null when the bounds refuse to inline it again. */
  const inlineCall = (f: Ir & { k: 'fn' }, argTaints: (Taint | undefined)[], depth: number): Taint | undefined | null => {
    const n = inlined.get(f) ?? 0;
    const clean = !argTaints.some(Boolean);
    if (clean && cleanReturns.has(f)) return cleanReturns.get(f);
    if (inlineDepth >= 3 || n >= 64) return null;
    inlined.set(f, n + 1);
    const saved = f.params.map((p) => [p, locals.has(p), locals.get(p)] as const);
    f.params.forEach((p, i) => locals.set(p, argTaints[i]));
    const outer = returned;
    returned = undefined;
    inlineDepth++;
    for (const x of f.body) ev(x, NONE, depth);
    inlineDepth--;
    const result = returned;
    returned = outer;
    for (const [p, had, t] of saved) {
      if (had) locals.set(p, t);
      else locals.delete(p);
    }
    if (clean) cleanReturns.set(f, result);
    return result;
  };

  /**
   * Sets the script's result (`replace`: a Jitterbit statement's value; else JavaScript's SetScriptResult, joined).
   * Like a global's write, a value with no place of its own here is placed where it becomes the result.
   */
  const setResult = (t: Taint | undefined, at: Ir, replace = false): void => {
    if (t && (!t.origin || t.origin.path !== undefined)) t = { ...t, origin: { start: at.start, end: at.end } };
    if (replace) {
      if (t || locals.get(RESULT)) setLocal(RESULT, t);
    } else setLocal(RESULT, join(locals.get(RESULT), t));
  };

  /** The function an argument is: written in place, or named (`list.forEach(logIt)`). */
  const functionValue = (a: Ir | undefined): (Ir & { k: 'fn' }) | undefined =>
    a?.k === 'fn' ? a : a?.k === 'var' && a.scope === 'local' ? functions.get(a.name) : undefined;

  /** The `Base64Encode` call a `"Basic "` literal precedes in a concatenation (its argument is credentials). */
  let basicAuthCall: IrCall | undefined;
  /** A sink inside a helper inlined at several calls is one sink (the first tainted call's). */
  const inlinedSinks = new Set<IrCall>();
  const pushSink = (s: ScriptFacts['sinks'][number]): void => {
    if (inlineDepth > 0) {
      if (inlinedSinks.has(s.call)) return;
      inlinedSinks.add(s.call);
    }
    facts.sinks.push(s);
  };

  const evCall = (c: IrCall, ctx: LiteralContext, depth: number): Taint | undefined => {
    const role = roleOf(c.name);
    if (role.byName && loopDepth === 0 && inlineDepth === 0 && script.language === 'jitterbit') {
      const named = byConstName(c, role.byName);
      if (named) return ev(named, ctx, depth);
    }
    if (inlineDepth === 0) facts.calls.push(c);
    const lname = role.lname;
    // `ArgumentList(a, b)` names the arguments this script was called with.
    if (lname === 'argumentlist' && script.language === 'jitterbit') {
      c.args.forEach((a, i) => {
        if (consts && a.k === 'var' && a.scope === 'local') dropConst(a.name);
        if (a.k === 'var' && a.scope === 'local') setLocal(a.name, join(incomingArgument(i + 1, a), nameTaint(a.name)));
      });
      return undefined;
    }
    // A script's own JavaScript function shadows a built-in of the same name (`function log(m)` vs `Log(d)`).
    const userFn = script.language === 'javascript' && !c.method ? functions.get(c.name) : undefined;
    const fn = userFn ? undefined : c.fn;
    // Sized up front: an empty list grown by push reserves room for 16 (most calls have one to three arguments).
    const argTaints = new Array<Taint | undefined>(c.args.length);
    const passCtx = role.passesContext ? ctx : undefined;
    const isSink = !!fn && (role.logSink || role.emailArgs !== undefined);
    // Only sinks need the pieces of their arguments (for the mask fix).
    const parts = isSink ? new Map<number, { ir: Ir; taint: Taint | undefined }[]>() : undefined;
    if (role.loop) loopDepth++;
    for (let i = 0; i < c.args.length; i++) {
      const a = c.args[i];
      // A plain argument position says nothing about its literal; no context object is built for it.
      let actx: LiteralContext = NONE;
      const p = fn ? paramAt(fn, i) : undefined;
      if (p?.secret) actx = { kind: 'credential-arg', fn: c.name, param: p.name, index: i, secretKind: p.secret };
      else if (c === basicAuthCall && a.k === 'lit' && typeof a.value === 'string' && USER_PASSWORD.test(a.value)) {
        actx = { kind: 'credential-arg', fn: c.name, param: 'user:password', index: i, secretKind: 'password' };
      }
      else if (p?.credentialIdentifier) actx = { kind: 'identifier-arg', fn: c.name, param: p.name, index: i };
      // A script's own function: the argument is assigned to the parameter at its position (`login("svc", "pw")`
      // with `function login(user, password)` stores the literal under `password`).
      else if (userFn && userFn.params[i]) actx = { kind: 'named', name: userFn.params[i], via: 'variable' };
      else if (passCtx && (lname === 'if' ? i > 0 : lname === 'case' ? i % 2 === 1 : i === 0 || role.select !== undefined)) actx = passCtx;
      // AddToDict(dict, "api_key", "…") stores the value under its key, like `$dict["api_key"] = "…"`.
      else if (lname === 'addtodict' && i === 2 && c.args[1]?.k === 'lit' && typeof c.args[1].value === 'string') {
        const of = c.args.length === 3 && c.args[0].k === 'var' ? c.args[0] : undefined;
        actx = of ? { kind: 'named', name: c.args[1].value, via: 'key', of } : { kind: 'named', name: c.args[1].value, via: 'key' };
      }
      // Positional semantics: `password="x"` inside a call is an assignment whose value sits at this position.
      if (a.k === 'assign') {
        const vt = ev(a.value, actx, depth);
        write(a.target, vt, a.value, depth);
        argTaints[i] = vt;
      } else if (parts) {
        const items = a.k === 'cat' ? a.items : [a];
        const ps = items.map((x) => ({ ir: x, taint: ev(x, actx, depth) }));
        parts.set(i, ps);
        let t: Taint | undefined;
        for (const p of ps) t = join(t, p.taint);
        argTaints[i] = t;
      } else if (a.k === 'fn' && inlineDepth > 0 && calledInPlace(c, i, lname)) {
        // Inlined right below; its body was analysed where it is written (at depth 0). Analysing it here too would
        // double the work at each level of nested callbacks.
        argTaints[i] = undefined;
      } else argTaints[i] = ev(a, actx, depth);
    }
    if (role.loop) loopDepth--;
    // `list.push(x)` / `list.unshift(x)` put x into the list.
    if (c.method && (lname === '.push' || lname === '.unshift') && c.args[0]?.k === 'var' && argTaints.length > 1) {
      let added: Taint | undefined;
      for (let i = 1; i < argTaints.length; i++) added = join(added, argTaints[i]);
      // One object pushed: it is the value written (an array's elements' fields are kept apart, see ELEMENTS).
      const pushed = c.args.length === 2 && c.args[1].k === 'obj' ? c.args[1] : c;
      if (added) write({ k: 'member', obj: c.args[0], start: c.start, end: c.end }, added, pushed, depth);
    }
    // `RemoveKey(d, "k")` and JavaScript `delete o.k` take a field out of a container.
    if (lname === 'removekey' && fn) {
      const [d, k] = c.args;
      if (d?.k === 'var' && k?.k === 'lit' && typeof k.value === 'string') removeField(d, k.value);
    } else if (lname === 'delete' && script.language === 'javascript') {
      const m = c.args[0];
      if (m?.k === 'member' && m.obj.k === 'var' && m.prop !== undefined) removeField(m.obj, m.prop);
      return undefined;
    }
    // `RunScript(ref, a, b)`: the called script sees the arguments' taint as `_1`, `_2`, ….
    // Its value is the called script's result, which that script passes back the same way.
    let runResult: string | undefined;
    let runTarget: string | undefined;
    if (lname === 'runscript' && script.language === 'jitterbit') {
      const target = (runTarget = runScriptTarget(c.args[0]));
      if (target !== undefined) {
        for (let i = 1; i < argTaints.length; i++) {
          const t = argTaints[i];
          const key = runScriptArgKey(target, i);
          noteAccess({ v: c, access: 'write', key });
          if (t) setGlobal(key, join(globals.get(key), t));
        }
        runResult = runScriptResultKey(target);
        noteRead(c, runResult);
      }
    }
    // JavaScript's `SetScriptResult(x)` makes x what `RunScript` of this script returns.
    if (lname === 'setscriptresult' && fn && script.language === 'javascript') setResult(argTaints[0], c);
    if (fn && role.logSink) {
      const t = argTaints[0];
      if (t && (t.bits & (T_SECRET | T_PII | T_PAYLOAD))) pushSink({ call: c, fn, argIndex: 0, taint: t, parts: parts?.get(0) ?? [] });
    }
    const emailArgs = fn ? role.emailArgs : undefined;
    if (fn && emailArgs) {
      for (const i of emailArgs) {
        const t = argTaints[i];
        if (t && t.bits & T_SECRET) {
          pushSink({ call: c, fn, argIndex: i, taint: t, parts: parts?.get(i) ?? [] });
          break;
        }
      }
    }
    // Value of the call.
    if (runResult !== undefined) {
      const returned = host.incomingGlobal(runResult);
      if (returned) return returned;
      let passed = false;
      for (let i = 1; i < argTaints.length; i++) if (argTaints[i]) passed = true;
      if (!passed) return undefined;
      // Sensitive arguments: unless the project has the script (which says so, see runScriptKnownKey), its result is
      // taken to carry them, as the result of a call whose body is not seen (the generic rule below).
      const known = runScriptKnownKey(runTarget as string);
      noteRead(c, known);
      if (host.incomingGlobal(known)) return undefined;
    }
    if (userFn) return inlineCall(userFn, argTaints, depth) ?? undefined;
    if (script.language === 'javascript') {
      // A function called where it is written, `(function (p) { … })(x)`: x's taint is p's.
      if (c.args[0]?.k === 'fn' && calledInPlace(c, 0, lname)) return inlineCall(c.args[0], argTaints.slice(1), depth) ?? undefined;
      // An array's callback (`list.forEach(function (x) { … })`) gets the elements: the list's taint, less a whole
      // payload's (an element is a part of it, as a field is).
      const cb = calledInPlace(c, 1, lname) ? functionValue(c.args[1]) : undefined;
      if (cb) {
        const element = withoutPayload(argTaints[0]);
        const r = inlineCall(cb, [element, undefined, argTaints[0]], depth);
        // `.map` returns what the callback returns; the others return the list, an element, a flag or nothing.
        if (lname === '.map' && r !== null) return r;
      }
    }
    if (isMaskingCall(c)) return undefined;
    if (fn?.returnsSecret) return taint(T_SECRET, `the session returned by \`${fn.name}\``, false, { start: c.start, end: c.end });
    if (lname === 'aesdecryption') return taint(T_SECRET, 'a value decrypted with `AESDecryption`', false, { start: c.start, end: c.end });
    if (lname === 'getinputstring') return join(taint(T_PAYLOAD, 'a whole inbound payload (`GetInputString`)'), argTaints[0]);
    if (lname === 'getxmlstring' && c.args[0]?.k === 'src' && /request/i.test(c.args[0].path)) return taint(T_PAYLOAD, 'a whole inbound request node');
    // A request header read by a name computed at run time (`GetVar("$jitterbit.api.request.headers." + h)` over the
    // header list) may be any of them, Authorization included: the header set, as the list itself is.
    if ((lname === 'get' || lname === 'jitterbit.getvar') && computedRequestHeaderName(c.args[0])) return taint(T_PAYLOAD, 'inbound request headers read by a computed name');
    const select = role.select;
    if (select) {
      let t: Taint | undefined;
      argTaints.forEach((x, i) => {
        if (select(i)) t = join(t, x);
      });
      return t;
    }
    if (fn && (fn.returns === 'bool' || fn.returns === 'number' || fn.returns === 'void' || fn.returns === 'null' || fn.returns === 'date')) return undefined;
    // Senders and writers return a status, not their input; lookups return the external system's data.
    if (fn?.sink || (fn && EXTERNAL_RESULT.has(lname))) return undefined;
    if (c.method && role.cleanMethod) return undefined;
    // The field a path or key selects is as sensitive as its name says (`GetJSONString(r, "/access_token")`).
    const sel = fn && role.selector !== undefined ? c.args[role.selector] : undefined;
    let t: Taint | undefined = sel && sel.k === 'lit' && typeof sel.value === 'string' ? nameTaint(lastSelected(sel.value)) : undefined;
    argTaints.forEach((x, i) => {
      // A key or password argument shapes the result (a ciphertext, a signature) but is not in it.
      if (!x || fn?.params[i]?.secret) return;
      // Extracting a field from a whole payload is no longer the whole payload.
      if (x.bits & T_PAYLOAD && !role.wholeValue(c)) x = x.bits === T_PAYLOAD ? undefined : { ...x, bits: x.bits & ~T_PAYLOAD };
      t = join(t, x);
    });
    return t;
  };

  /** A literal's known-format matches, with those it forms with the piece before it (offsets within the literal). */
  /** The matches of `value` read after the text before it (and before the text after it: an XML element's close). */
  const tokensAfter = (before: string, value: string, after = ''): TokenMatch[] => {
    const own = host.scanTokens(value);
    const joined = host.scanTokens(before + value + after);
    let out = own;
    for (const m of joined) {
      if (m.start < before.length || m.start >= before.length + value.length) continue;
      const start = m.start - before.length;
      const end = Math.min(m.end - before.length, value.length);
      if (own.some((o) => o.start < end && start < o.end)) continue;
      if (out === own) out = [...own];
      out.push({ ...m, start, end });
    }
    return out;
  };

  const ev = (e: Ir, ctx: LiteralContext, depth: number): Taint | undefined => {
    if (depth > MAX_IR_DEPTH) return undefined;
    const d = depth + 1;
    switch (e.k) {
      case 'lit': {
        if (typeof e.value !== 'string') return undefined;
        // The value's known-format scan is cached on the node; the context is judged every time (most literals
        // have none, and then there is nothing to judge).
        const tokens = e.tokens ?? (e.tokens = host.scanTokens(e.value));
        const contextSecret = ctx.kind !== 'none' && ctx.kind !== 'arg' && host.isContextSecret(e.value, ctx);
        const secret = contextSecret || tokens.length > 0;
        // An inlined body's literals were recorded where the function is declared.
        if (inlineDepth === 0) facts.literals.push({ lit: e as IrLiteral & { value: string }, ctx, secret, contextSecret, tokens, piiInContext: undefined });
        return secret ? taint(T_SECRET, 'a hard-coded secret', true, { start: e.start, end: e.end }, reportedValues(e.value, contextSecret, tokens)) : undefined;
      }
      case 'var':
        return readVar(e);
      case 'src': {
        const last = lastSegment(e.path);
        if (host.isSensitiveDataName(last) || host.isSensitiveDataName(e.path)) return taint(T_PII, `the source field \`${last}\``);
        if (host.isCredentialName(last)) return taint(T_SECRET, `the source field \`${last}\``);
        return undefined;
      }
      case 'call':
        return evCall(e, ctx, d);
      case 'cat': {
        // Pieces of a concatenation stored under a credential name: the literal pieces may be prefixes
        // (`"Bearer "`, `"svc:"`) rather than the credential; the classifier knows they are parts.
        const partCtx: LiteralContext = ctx.kind === 'named' ? { kind: 'named', name: ctx.name, via: ctx.via, part: true } : ctx;
        let t: Taint | undefined;
        for (let i = 0; i < e.items.length; i++) {
          const x = e.items[i];
          // `"Basic " + Base64Encode("user:password")`: the encoded literal is HTTP Basic credentials.
          if (i > 0 && x.k === 'call' && x.args.length === 1 && roleOf(x.name).lname === 'base64encode') {
            const prev = e.items[i - 1];
            if (prev.k === 'lit' && typeof prev.value === 'string' && /\bbasic\s+$/i.test(prev.value)) basicAuthCall = x;
          }
          // `"svc_user" + ":" + $pw`: a piece followed by a piece that opens with `:` is the user name of user:password.
          // `"…&sig=" + "AbC…%3D"`, `"Pwd=" + "…"`: a value split from its key is scanned together with it.
          const next = e.items[i + 1];
          if (i > 0 && x.k === 'lit' && x.tokens === undefined && typeof x.value === 'string') {
            const prev = e.items[i - 1];
            if (prev.k === 'lit' && typeof prev.value === 'string' && endsWithKey(prev.value)) x.tokens = tokensAfter(prev.value, x.value, closingText(next));
          }
          const userPart = x.k === 'lit' && next !== undefined && next.k === 'lit' && typeof next.value === 'string' && next.value.startsWith(':');
          t = join(t, ev(x, userPart ? NONE : partCtx, d));
        }
        return t;
      }
      case 'bin': {
        if (e.op === '==' || e.op === '!=' || e.op === '===' || e.op === '!==') {
          // A literal compared with a credential value is itself the credential.
          const lt = e.r.k === 'lit' ? ev(e.l, NONE, d) : undefined;
          const rt = e.l.k === 'lit' ? ev(e.r, NONE, d) : undefined;
          const side = (other: Ir, t: Taint | undefined) =>
            ev(other, t && t.bits & T_SECRET ? { kind: 'compared', name: t.label } : NONE, d);
          if (e.r.k === 'lit') side(e.r, lt);
          else if (e.l.k === 'lit') side(e.l, rt);
          else {
            ev(e.l, NONE, d);
            ev(e.r, NONE, d);
          }
          return undefined;
        }
        // JavaScript `x || "default"`: the default is what a credential-named variable may hold.
        const logical = script.language === 'javascript' && (e.op === '||' || e.op === '&&' || e.op === '??');
        const l = ev(e.l, logical && e.op !== '&&' ? ctx : NONE, d);
        const r = ev(e.r, logical ? ctx : NONE, d);
        // JavaScript `a || b` / `a && b` yield an operand; every other binary operator (and Jitterbit Script's logical
        // operators) yields a number or a boolean, which carries no text of its operands.
        if (script.language === 'javascript' && (e.op === '||' || e.op === '&&')) return join(l, r);
        return undefined;
      }
      case 'arr': {
        if (inlineDepth === 0) facts.arrays.push(e);
        // Elements of an array stored under a credential name are candidate credentials themselves.
        const itemCtx: LiteralContext = ctx.kind === 'named' ? { kind: 'named', name: ctx.name, via: ctx.via, part: true } : NONE;
        let t: Taint | undefined;
        // A JavaScript array of object literals: their fields over the elements, for a local it is stored in.
        let fields: Map<string, Taint | undefined> | undefined;
        let rest: Taint | undefined;
        for (const x of e.items) {
          const xt = ev(x, itemCtx, d);
          t = join(t, xt);
          if (x.k === 'obj' && lastObject?.node === x && script.language === 'javascript') {
            fields ??= new Map();
            for (const [k, ft] of lastObject.fields) fields.set(k, join(fields.get(k), ft));
            rest = join(rest, lastObject.rest);
          } else rest = join(rest, xt);
        }
        if (fields || (e.items.length === 0 && script.language === 'javascript')) lastArray = { node: e, fields: fields ?? NO_FIELDS, rest };
        return t;
      }
      case 'obj': {
        let t: Taint | undefined;
        let rest: Taint | undefined;
        const fields: [string, Taint | undefined][] = [];
        // A name/value pair (`{ name: "X-Api-Key", value: "…" }`): the value is stored under the pair's name.
        const label = pairLabel(e);
        for (const p of e.props) {
          const vt = ev(p.value, { kind: 'named', name: label !== undefined && isPairValueKey(p.key) ? label : p.key, via: 'property' }, d);
          const pt = producesMasked(p.value) ? vt : join(vt, p.key ? nameTaint(p.key) : undefined);
          // A computed key (`[k]: v`) names no field: its value may be under any name.
          if (p.key) fields.push([p.key, pt]);
          else rest = join(rest, pt);
          t = join(t, pt);
        }
        lastObject = { node: e, fields, rest };
        return t;
      }
      case 'member': {
        const whole = ev(e.obj, NONE, d);
        if (e.index) ev(e.index, NONE, d);
        if (e.prop === 'length' && !e.index) return undefined;
        // A field of an element of an array whose elements' fields are kept apart (`headers[i].name`).
        if (elements && e.prop !== undefined && e.obj.k === 'member' && e.obj.index && e.obj.obj.k === 'var') {
          const el = elementField(e.obj.obj, e.prop);
          if (el) return withoutPayload(el.known ? el.taint : join(el.taint, nameTaint(e.prop)));
        }
        // A named field of a container whose fields are known: that field's taint, not the whole container's; a field
        // this script wrote is what it wrote, whatever its name says (`cfg["auth"] = "oauth2"`).
        let ot = whole;
        let written = false;
        if (shapes && e.obj.k === 'var' && e.prop !== undefined && hasShape(e.obj)) {
          written = hasState(e.obj, fieldSuffix(e.prop));
          ot = join(getState(e.obj, fieldSuffix(e.prop)), getState(e.obj, SHAPE));
          // A field nobody wrote is what the container's name says it holds.
          if (!written) ot = join(ot, getState(e.obj, NAME_DEFAULT));
        } else if (e.obj.k === 'var' && e.obj.scope === 'global' && e.prop !== undefined && !globals.has(e.obj.name.toLowerCase())) {
          // A container another script filled with its fields kept apart: the field it wrote (or nothing).
          const key = e.obj.name.toLowerCase();
          const rest = host.incomingGlobal(key + SHAPE);
          if (rest) {
            const own = host.incomingGlobal(key + fieldSuffix(e.prop));
            ot = join(own, rest.bits ? rest : undefined);
            written = true;
          }
        }
        // A field of a whole payload is no longer the whole payload (its name may still make it sensitive).
        const field = withoutPayload(ot);
        return written ? field : join(field, e.prop ? nameTaint(e.prop) : undefined);
      }
      case 'assign': {
        const vctx = namedContext(e.target, e.op);
        let vt = ev(e.value, vctx, d);
        if (e.op === '+=' && e.target.k === 'var') vt = join(readVar(e.target), vt);
        write(e.target, vt, e.value, d);
        return vt;
      }
      case 'seq': {
        let t: Taint | undefined;
        for (const x of e.items) t = ev(x, NONE, d);
        return t;
      }
      case 'other': {
        let t: Taint | undefined;
        for (const x of e.items) {
          const xt = ev(x, NONE, d);
          if (e.derived) t = join(t, xt);
        }
        return t;
      }
      case 'fn': {
        // Analysed where it is written (its parameters unknown); what it returns is its callers' value, not ours.
        const outer = returned;
        for (const x of e.body) ev(x, NONE, d);
        returned = outer;
        return undefined;
      }
      case 'ret': {
        const t = e.value ? ev(e.value, NONE, d) : undefined;
        returned = join(returned, t);
        return t;
      }
    }
  };

  const body = script.body;
  /** A Jitterbit Script's result is its last statement's value (each statement's is kept: the memo replays it). */
  const statement = (i: number): void => {
    const s = body[i];
    const t = ev(s, NONE, 0);
    // `k = "sf.password"` as a statement of its own: k holds that text for sure until it is written again.
    if (s.k === 'assign' && s.op === '=' && s.target.k === 'var' && s.target.scope === 'local' && script.language === 'jitterbit') {
      const text = s.value.k === 'lit' || s.value.k === 'cat' ? constText(s.value, constOf) : undefined;
      if (text !== undefined && isVarName(text)) {
        consts = true;
        constLocals?.add(s.target.name);
        setLocal(CONST + s.target.name, { bits: 0, label: text, secretLiteral: false });
      }
    }
    if (script.language === 'jitterbit' && options.scriptName !== undefined) setResult(t, body[i], true);
  };
  if (!recording) {
    for (let i = 0; i < body.length; i++) statement(i);
  } else {
    const ends = new Int32Array(body.length * STRIDE);
    let endsAt = 0;
    const mark = (): void => {
      ends[endsAt++] = facts.literals.length;
      ends[endsAt++] = facts.sinks.length;
      ends[endsAt++] = facts.calls.length;
      ends[endsAt++] = facts.vars.length;
      ends[endsAt++] = facts.arrays.length;
      ends[endsAt++] = writes.length;
    };
    /** Takes statements [from, to) of the previous pass: their facts, writes and ends, moved by `shift`. */
    const adopt = (prior: FlowMemo<ScriptFacts>, from: number, to: number, shift: Shift): void => {
      const base = from === 0 ? [0, 0, 0, 0, 0, 0] : prior.ends.slice((from - 1) * STRIDE, from * STRIDE);
      const last = prior.ends.slice((to - 1) * STRIDE, to * STRIDE);
      const now = [facts.literals.length, facts.sinks.length, facts.calls.length, facts.vars.length, facts.arrays.length, writes.length];
      const moved = new Map<Taint, Taint>();
      const pf = prior.facts;
      // Native copies where the facts are taken as they are (these arrays are long: one entry per literal or call).
      facts.literals = facts.literals.concat(pf.literals.slice(base[0], last[0]));
      for (let i = base[1]; i < last[1]; i++) {
        const k = pf.sinks[i];
        facts.sinks.push(shift.delta === 0 ? k : { ...k, taint: shiftTaint(k.taint, shift, moved) as Taint, parts: k.parts.map((x) => ({ ir: x.ir, taint: shiftTaint(x.taint, shift, moved) })) });
      }
      facts.calls = facts.calls.concat(pf.calls.slice(base[2], last[2]));
      for (let i = base[3]; i < last[3]; i++) noteAccess(pf.vars[i]);
      facts.arrays = facts.arrays.concat(pf.arrays.slice(base[4], last[4]));
      for (let i = base[5]; i < last[5]; i++) {
        const w = prior.writes[i];
        const t = shiftTaint(w.taint, shift, moved);
        state.put(w.global, w.key, t);
        writes.push(t === w.taint ? w : { global: w.global, key: w.key, taint: t });
      }
      for (let s = from; s < to; s++) for (let k = 0; k < STRIDE; k++) ends[endsAt++] = prior.ends[s * STRIDE + k] - base[k] + now[k];
    };
    const prior = options.prior;
    const plan = planReuse(prior, body, options.memoKey as string);
    let i = 0;
    if (prior && plan && plan.prefix > 0) {
      adopt(prior, 0, plan.prefix, { from: Infinity, delta: 0 });
      i = plan.prefix;
    }
    const middleEnd = plan ? body.length - plan.suffix : body.length;
    for (; i < middleEnd; i++) {
      statement(i);
      mark();
    }
    if (prior && plan && plan.suffix > 0) {
      // The kept tail moved by the change in length; its old start is its new start less that.
      const delta = (options.textLength ?? 0) - prior.textLength;
      const shift: Shift = { from: body[middleEnd].start - delta, delta };
      const from = prior.body.length - plan.suffix;
      const before = stateBefore(prior, from);
      if (sameState(before.locals, locals, shift) && sameState(before.globals, globals, shift)) {
        adopt(prior, from, prior.body.length, shift);
        i = body.length;
      }
    }
    for (; i < body.length; i++) {
      statement(i);
      mark();
    }
    facts.memo = { key: options.memoKey as string, textLength: options.textLength ?? 0, body, ends, writes, facts };
  }
  // A global container's fields go to other scripts too: each sensitive field, and a marker (no taint bits) that its
  // fields are known apart, so a clean field read elsewhere stays clean.
  for (const [name, own] of globals) {
    const key = name.includes('\u0000') ? name.toLowerCase() : name; // other scripts look fields up case-insensitively
    // The name's default goes out with the rest (another script cannot tell a field written clean from one not written).
    if (name.endsWith(NAME_DEFAULT)) continue;
    const t = name.endsWith(SHAPE) ? join(own, globals.get(name + '\u0002')) : own;
    if (t) {
      // A masked value's marker stands only while the global still holds no sensitive value at the end.
      if (t === MASKED_MARK && globals.get(name.slice(0, -1))) continue;
      facts.globalWrites.set(key, t);
    } else if (name.endsWith('\u0000')) facts.globalWrites.set(key, FIELDS_KNOWN);
  }
  // The script's result goes to the scripts that `RunScript` it, under each name they may call it by.
  if (options.scriptName !== undefined) {
    const result = locals.get(RESULT);
    for (const name of [options.scriptName, ...(options.scriptAliases ?? [])]) {
      const key = runScriptResultKey(name);
      facts.globalsWritten.add(key);
      if (result) facts.globalWrites.set(key, result);
      facts.globalWrites.set(runScriptKnownKey(name), SCRIPT_KNOWN);
    }
  }
  return facts;
}

export { isMaskingCall } from './call-roles';
export type { FlowHost, FlowOptions, LiteralContext, LiteralFact, ScriptFacts, SinkFact, TokenMatch, VarFact } from './flow-types';
