import { lookupFunction, lookupJsFunction } from './catalogue';
import { MAX_IR_DEPTH, type Ir, type IrComment, type IrLiteral, type IrScript, type IrVar } from './ir';
import { isVarName } from './lower-jitterbit';

/** The part of an ESTree node this module reads; acorn produces these with `start`/`end` offsets. */
export interface EsNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/**
 * Lowers a Jitterbit JavaScript (ES5) tree into the shared IR: `$name` identifiers and
 * `Jitterbit.GetVar/SetVar("$name")` become global variables, Jitterbit functions resolve against the catalogue,
 * object properties and member assignments keep their key names for credential-name checks.
 */
export function lowerJavaScript(program: EsNode, comments: { text: string; start: number; end: number }[]): IrScript {
  pending = [];
  fnDepth = 0;
  let body: Ir[];
  try {
    body = list(program.body).map((s) => lower(s, 0));
    if (pending.length > 0) resolveConstNames(program, pending);
  } finally {
    pending = undefined;
  }
  const irComments: IrComment[] = comments.map((c) => ({ text: c.text, start: c.start + 2, end: c.end }));
  return { language: 'javascript', body, comments: irComments };
}

function list(v: unknown): EsNode[] {
  return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as EsNode[]) : [];
}
function node(v: unknown): EsNode | undefined {
  return v && typeof v === 'object' && typeof (v as EsNode).type === 'string' ? (v as EsNode) : undefined;
}
function opaque(n: { start: number; end: number }, items: Ir[] = [], derived = false): Ir {
  return { k: 'other', items, derived, start: n.start, end: n.end };
}

function lowerOpt(v: unknown, depth: number): Ir[] {
  const n = node(v);
  return n ? [lower(n, depth)] : [];
}

function propName(n: EsNode | undefined, computed: boolean): string | undefined {
  if (!n) return undefined;
  if (!computed && n.type === 'Identifier') return n.name as string;
  if (n.type === 'Literal' && (typeof n.value === 'string' || typeof n.value === 'number')) return String(n.value);
  return undefined;
}

/** `Jitterbit.GetVar` → 'Jitterbit.GetVar'; `a.b.c` → 'a.b.c' when all parts are plain names. */
function dottedName(n: EsNode): string | undefined {
  if (n.type === 'Identifier') return n.name as string;
  if (n.type === 'MemberExpression' && !n.computed) {
    const obj = node(n.object);
    const prop = node(n.property);
    const left = obj ? dottedName(obj) : undefined;
    if (left && prop && prop.type === 'Identifier') return `${left}.${prop.name as string}`;
  }
  return undefined;
}

function lower(n: EsNode, depth: number): Ir {
  if (depth > MAX_IR_DEPTH) return opaque(n);
  const d = depth + 1;
  switch (n.type) {
    case 'Literal': {
      const v = n.value;
      if (typeof v === 'string') {
        const raw = typeof n.raw === 'string' ? n.raw : '';
        // Escapes make source and value lengths differ; only map exactly when they don't.
        const exact = raw.length === v.length + 2;
        return { k: 'lit', value: v, start: n.start, end: n.end, valueStart: n.start + 1, charOffsets: exact ? undefined : jsCharOffsets(raw, n.start) };
      }
      if (typeof v === 'number' || typeof v === 'boolean') return { k: 'lit', value: v, start: n.start, end: n.end, valueStart: n.start };
      return opaque(n);
    }
    case 'Identifier': {
      const name = n.name as string;
      if (name.startsWith('$')) {
        return { k: 'var', scope: 'global', name: name.slice(1), start: n.start, end: n.end, nameStart: n.start + 1, nameEnd: n.end, form: 'dollar' };
      }
      return { k: 'var', scope: 'local', name, start: n.start, end: n.end, nameStart: n.start, nameEnd: n.end, form: 'bare' };
    }
    case 'CallExpression':
    case 'NewExpression':
      return lowerCall(n, d);
    case 'MemberExpression': {
      const obj = node(n.object);
      const prop = node(n.property);
      const computed = n.computed === true;
      const name = propName(prop, computed);
      return { k: 'member', obj: obj ? lower(obj, d) : opaque(n), prop: name, index: computed && prop ? lower(prop, d) : undefined, start: n.start, end: n.end };
    }
    case 'BinaryExpression':
    case 'LogicalExpression': {
      const op = n.operator as string;
      const l = node(n.left);
      const r = node(n.right);
      if (!l || !r) return opaque(n);
      if (op === '+') return lowerConcat(n, d);
      return { k: 'bin', op, l: lower(l, d), r: lower(r, d), start: n.start, end: n.end };
    }
    case 'AssignmentExpression': {
      const t = node(n.left);
      const v = node(n.right);
      if (!t || !v) return opaque(n);
      const target = lower(t, d);
      if (target.k === 'member' && target.prop === undefined && pending && v.type === 'Literal' && typeof v.value === 'string') keyByConstant(target, t);
      return { k: 'assign', op: n.operator as string, target, value: lower(v, d), start: n.start, end: n.end };
    }
    case 'VariableDeclaration':
      return { k: 'seq', items: list(n.declarations).map((x) => lower(x, d)), start: n.start, end: n.end };
    case 'VariableDeclarator': {
      const id = node(n.id);
      const init = node(n.init);
      if (!id || !init) return opaque(n);
      return { k: 'assign', op: '=', target: lower(id, d), value: lower(init, d), start: n.start, end: n.end };
    }
    case 'ObjectExpression': {
      const props = list(n.properties).map((p) => {
        const key = node(p.key);
        const val = node(p.value);
        const name = propName(key, p.computed === true) ?? '';
        return { key: name, keyStart: key?.start ?? p.start, keyEnd: key?.end ?? p.start, value: val ? lower(val, d) : opaque(p) };
      });
      return { k: 'obj', props, start: n.start, end: n.end };
    }
    case 'ArrayExpression':
      return { k: 'arr', items: list(n.elements).map((x) => lower(x, d)), start: n.start, end: n.end };
    case 'ConditionalExpression':
      // The test only selects; the value comes from either branch.
      return { k: 'call', name: 'If', nameStart: n.start, nameEnd: n.start, fn: lookupFunction('If'), args: [n.test, n.consequent, n.alternate].flatMap((x) => lowerOpt(x, d)), start: n.start, end: n.end };
    case 'SequenceExpression':
      return { k: 'seq', items: list(n.expressions).map((x) => lower(x, d)), start: n.start, end: n.end };
    case 'UnaryExpression':
      // `delete o.k` takes a field out of a container (a call the flow pass knows by this name).
      if (n.operator === 'delete' && node(n.argument)?.type === 'MemberExpression') {
        return { k: 'call', name: 'delete', nameStart: n.start, nameEnd: n.start + 6, args: lowerOpt(n.argument, d), start: n.start, end: n.end };
      }
      return opaque(n, lowerOpt(n.argument, d), false);
    case 'UpdateExpression':
      return opaque(n, lowerOpt(n.argument, d), false);
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression': {
      const id = node(n.id);
      const params = list(n.params).map((p) => (p.type === 'Identifier' ? (p.name as string) : ''));
      const body = node(n.body);
      // An arrow's expression body is its return value.
      fnDepth++;
      let stmts: Ir[];
      try {
        stmts = !body ? [] : body.type === 'BlockStatement' ? list(body.body).map((s) => lower(s, d)) : [{ k: 'ret', value: lower(body, d), start: body.start, end: body.end }];
      } finally {
        fnDepth--;
      }
      return { k: 'fn', name: id ? (id.name as string) : undefined, params, body: stmts, start: n.start, end: n.end };
    }
    case 'TemplateLiteral': {
      // Not ES5 (see parseJavaScript), but its text is written in the script like any string: without expressions it
      // is a string literal (a PEM block or a key in backquotes is hard-coded all the same); with them, its value is
      // derived from its expressions and its text parts are literals in their own right (scanned for known formats).
      const quasis = list(n.quasis).map((q) => templateText(q)).filter((q): q is IrLiteral => q !== undefined);
      const exprs = list(n.expressions).map((x) => lower(x, d));
      if (exprs.length === 0 && quasis.length === 1) return { ...quasis[0], start: n.start, end: n.end } as Ir;
      for (const q of quasis) (q as IrLiteral).templatePart = true;
      return opaque(n, [...quasis, ...exprs].sort((a, b) => a.start - b.start), true);
    }
    case 'ReturnStatement':
      return { k: 'ret', value: node(n.argument) ? lower(node(n.argument) as EsNode, d) : undefined, start: n.start, end: n.end };
    case 'ExpressionStatement':
      return lowerOpt(n.expression, d)[0] ?? opaque(n);
    case 'ThisExpression':
      return opaque(n);
    case 'ThrowStatement':
    case 'CatchClause':
      return lowerThrowOrCatch(n, d);
    default: {
      // Statements and anything else: analyse every child node in source order.
      const items: Ir[] = [];
      for (const key of Object.keys(n)) {
        if (key === 'type' || key === 'start' || key === 'end' || key === 'loc' || key === 'range') continue;
        const v = n[key];
        if (Array.isArray(v)) for (const c of list(v)) items.push(lower(c, d));
        else {
          const c = node(v);
          if (c) items.push(lower(c, d));
        }
      }
      items.sort((a, b) => a.start - b.start);
      return { k: 'seq', items, start: n.start, end: n.end };
    }
  }
}

/**
 * `h[API_KEY_HEADER] = "…"`: a literal stored under a key a constant names. The key is resolved with the pending names
 * (the constant's binding is known once the program is lowered); only for a literal stored, so an index in a loop
 * (`a[i]`) costs no binding walk.
 */
function keyByConstant(target: Ir & { k: 'member' }, t: EsNode): void {
  const prop = node(t.property);
  if (pending && prop && (prop.type === 'Identifier' || (prop.type === 'BinaryExpression' && prop.operator === '+'))) {
    pending.push({ ir: target, first: prop, kind: 'key', inFunction: fnDepth > 0 });
  }
}

/** The local a `throw` writes and a `catch` parameter reads (no identifier can have this name). */
const THROWN = '#thrown';

/**
 * `throw x` stores x where the `catch (e)` of the script reads it: an error built from a credential
 * (`throw new Error("refused " + token)`) is that credential when the handler logs `e.message`.
 */
function lowerThrowOrCatch(n: EsNode, d: number): Ir {
  const thrown = (at: number): Ir => ({ k: 'var', scope: 'local', name: THROWN, start: at, end: at, nameStart: at, nameEnd: at, form: 'bare' });
  if (n.type === 'ThrowStatement') {
    const arg = node(n.argument);
    return arg ? { k: 'assign', op: '=', target: thrown(n.start), value: lower(arg, d), start: n.start, end: n.end } : opaque(n);
  }
  const param = node(n.param);
  const body = node(n.body);
  const items: Ir[] = [];
  if (param && param.type === 'Identifier') {
    items.push({ k: 'assign', op: '=', target: lower(param, d), value: thrown(param.start), start: param.start, end: param.end });
  }
  if (body) items.push(lower(body, d));
  return { k: 'seq', items, start: n.start, end: n.end };
}

function lowerConcat(n: EsNode, depth: number): Ir {
  const rights: EsNode[] = [];
  let cur: EsNode = n;
  while ((cur.type === 'BinaryExpression') && cur.operator === '+' && node(cur.left) && node(cur.right)) {
    rights.push(cur.right as EsNode);
    cur = cur.left as EsNode;
  }
  const items: Ir[] = [lower(cur, depth)];
  for (let i = rights.length - 1; i >= 0; i--) items.push(lower(rights[i], depth));
  return { k: 'cat', items, start: n.start, end: n.end };
}

function lowerCall(n: EsNode, depth: number): Ir {
  const callee = node(n.callee);
  const args = list(n.arguments);
  if (!callee) return opaque(n);
  const dotted = dottedName(callee);
  const first = args[0];
  if (dotted && first && first.type === 'Literal' && typeof first.value === 'string') {
    const lname = dotted.toLowerCase();
    const raw = first.value;
    const varName = raw.startsWith('$') ? raw.slice(1) : raw;
    const nameStart = first.start + 1 + (raw.startsWith('$') ? 1 : 0);
    const v: Ir = {
      k: 'var', scope: 'global', name: varName, start: first.start, end: first.end, nameStart, nameEnd: first.end - 1,
      form: raw.startsWith('$') ? 'string-dollar-name' : 'string-name',
    };
    if (lname === 'jitterbit.getvar' && args.length === 1) return { ...v, start: n.start, end: n.end };
    if (lname === 'jitterbit.setvar' && args.length >= 2) {
      return { k: 'assign', op: '=', target: v, value: lower(args[1], depth), start: n.start, end: n.end };
    }
  }
  if (dotted && first && pending && (first.type === 'Identifier' || (first.type === 'BinaryExpression' && first.operator === '+'))) {
    // A name held by a variable or put together from constants: resolved once the whole program is lowered.
    const lname = dotted.toLowerCase();
    const kind = lname === 'jitterbit.getvar' && args.length === 1 ? 'get' : lname === 'jitterbit.setvar' && args.length >= 2 ? 'set' : undefined;
    if (kind) {
      const ir = lowerCall({ ...n, arguments: [] }, depth) as Ir & { k: 'call' };
      ir.args = args.map((a) => lower(a, depth));
      pending.push({ ir, first, kind, inFunction: fnDepth > 0 });
      return ir;
    }
  }
  if (dotted) {
    const fn = lookupJsFunction(dotted) ?? (dotted.includes('.') ? undefined : lookupFunction(dotted));
    const nameStart = callee.type === 'MemberExpression' ? (node(callee.property)?.start ?? callee.start) : callee.start;
    if (fn || !dotted.includes('.')) {
      return { k: 'call', name: dotted, nameStart: fn ? callee.start : nameStart, nameEnd: callee.end, fn, args: args.map((a) => lower(a, depth)), start: n.start, end: n.end };
    }
  }
  if (callee.type === 'MemberExpression') {
    // Method call: the receiver flows like a first argument (`s.substring(1)`, `JSON.stringify(x)`).
    const obj = node(callee.object);
    const prop = node(callee.property);
    const method = propName(prop, callee.computed === true) ?? '';
    const recv = obj ? [lower(obj, depth)] : [];
    return {
      k: 'call', name: `.${method}`, nameStart: prop?.start ?? callee.start, nameEnd: prop?.end ?? callee.end, method: true,
      args: [...recv, ...args.map((a) => lower(a, depth))], start: n.start, end: n.end,
    };
  }
  return { k: 'call', name: '', nameStart: callee.start, nameEnd: callee.end, args: [lower(callee, depth), ...args.map((a) => lower(a, depth))], start: n.start, end: n.end };
}

/** Source offset of each decoded character of a JS string literal `raw` starting at `start`. */
/**
 * A template's text part as a string literal (its cooked value; offsets from its raw text, where an escape or a CR LF
 * line break is one character of the value). Undefined for an empty part or one without a cooked value.
 */
function templateText(q: EsNode): IrLiteral | undefined {
  const value = q.value as { raw?: unknown; cooked?: unknown } | undefined;
  const cooked = value?.cooked;
  const raw = value?.raw;
  if (typeof cooked !== 'string' || typeof raw !== 'string' || cooked.length === 0) return undefined;
  if (raw === cooked) return { k: 'lit', value: cooked, start: q.start, end: q.end, valueStart: q.start };
  const offsets: number[] = [];
  for (let i = 0; i < raw.length; ) {
    offsets.push(q.start + i);
    if (raw[i] === '\r' && raw[i + 1] === '\n') i += 2;
    else if (raw[i] !== '\\') i++;
    else {
      const c = raw[i + 1];
      if (c === 'u') i += raw[i + 2] === '{' ? Math.max(raw.indexOf('}', i) + 1 - i, 3) : 6;
      else if (c === 'x') i += 4;
      else if (c === '\r' && raw[i + 2] === '\n') {
        offsets.pop();
        i += 3;
      } else if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') {
        offsets.pop();
        i += 2;
      } else i += 2;
    }
  }
  return { k: 'lit', value: cooked, start: q.start, end: q.end, valueStart: q.start, charOffsets: offsets.length === cooked.length ? offsets : undefined };
}

function jsCharOffsets(raw: string, start: number): number[] {
  const out: number[] = [];
  let i = 1;
  const end = raw.length - 1;
  while (i < end) {
    out.push(start + i);
    if (raw[i] !== '\\') {
      i++;
      continue;
    }
    const c = raw[i + 1];
    if (c === 'u') i += 6;
    else if (c === 'x') i += 4;
    else if (c === '\r' && raw[i + 2] === '\n') {
      out.pop();
      i += 3;
    } else if (c === '\n' || c === '\r') {
      out.pop();
      i += 2;
    } else i += 2;
  }
  return out;
}

/** `Jitterbit.GetVar(k)` / `Jitterbit.SetVar(k, v)` calls whose name is not a literal, met while lowering a program. */
interface PendingName {
  /** The call, or for `key` the member whose computed key is the name. */
  ir: Ir & { k: 'call' | 'member' };
  first: EsNode;
  kind: 'get' | 'set' | 'key';
  inFunction: boolean;
}
let pending: PendingName[] | undefined;
/** How many function bodies the lowering is inside. */
let fnDepth = 0;

/** The binding a name has in a program: how often it is bound, and its constant text when bound once at top level. */
interface Binding {
  count: number;
  text?: string;
  end: number;
}

/**
 * Turns the pending `Jitterbit.GetVar(k)` / `Jitterbit.SetVar(k, v)` calls into the global's read or write when the name
 * is known for sure: `k` is bound exactly once in the whole program (no other assignment, declaration, parameter), by a
 * top-level `var k = "$sf.password"` (or `k = "…"`, or a concatenation of such constants) written before the call, and
 * the call is not inside a function (which may run before). A name put together from literals alone
 * (`"$api" + "_key"`) needs no binding. Called only when a program has such calls.
 */
function resolveConstNames(program: EsNode, calls: PendingName[]): void {
  const wanted = new Set<string>();
  const idsOf = (e: EsNode, out: Set<string>, guard = 0): void => {
    if (guard > 32) return;
    if (e.type === 'Identifier') out.add(e.name as string);
    else if (e.type === 'BinaryExpression' && e.operator === '+') {
      const l = node(e.left);
      const r = node(e.right);
      if (l) idsOf(l, out, guard + 1);
      if (r) idsOf(r, out, guard + 1);
    }
  };
  for (const c of calls) idsOf(c.first, wanted);
  const bindings = new Map<string, Binding>();
  const top = new Set<EsNode>();
  for (const st of list(program.body)) {
    if (st.type === 'VariableDeclaration') for (const d of list(st.declarations)) top.add(d);
    else if (st.type === 'ExpressionStatement' && node(st.expression)?.type === 'AssignmentExpression') top.add(st.expression as EsNode);
  }
  const bind = (id: EsNode | undefined, at: EsNode, value?: EsNode): void => {
    if (!id || id.type !== 'Identifier' || !wanted.has(id.name as string)) return;
    const name = id.name as string;
    const b = bindings.get(name) ?? { count: 0, end: at.end };
    b.count++;
    b.end = at.end;
    b.text = b.count === 1 && value && top.has(at) ? textOf(value, () => undefined) : undefined;
    bindings.set(name, b);
  };
  if (wanted.size > 0) {
    const stack: EsNode[] = [program];
    while (stack.length > 0) {
      const n = stack.pop() as EsNode;
      switch (n.type) {
        case 'VariableDeclarator': if (n.init) bind(node(n.id), n, node(n.init)); break;
        case 'AssignmentExpression': bind(node(n.left), n, n.operator === '=' ? node(n.right) : undefined); break;
        case 'UpdateExpression': bind(node(n.argument), n); break;
        case 'CatchClause': bind(node(n.param), n); break;
        case 'ForInStatement': case 'ForOfStatement': bind(node(n.left), n); break;
        case 'FunctionDeclaration': case 'FunctionExpression': case 'ArrowFunctionExpression':
          bind(node(n.id), n);
          for (const p of list(n.params)) bind(p, n);
          break;
      }
      for (const key of Object.keys(n)) {
        if (key === 'type' || key === 'start' || key === 'end' || key === 'loc' || key === 'range') continue;
        const v = n[key];
        if (Array.isArray(v)) for (const c of list(v)) stack.push(c);
        else {
          const c = node(v);
          if (c) stack.push(c);
        }
      }
    }
  }
  for (const c of calls) {
    if (c.inFunction) continue;
    const text = textOf(c.first, (name) => {
      const b = bindings.get(name);
      return b && b.count === 1 && b.end <= c.ir.start ? b.text : undefined;
    });
    if (text === undefined) continue;
    if (c.ir.k === 'member') {
      c.ir.prop = text; // the key the constant names (the index stays: a key, not a property)
      continue;
    }
    const name = text.startsWith('$') ? text.slice(1) : text;
    if (!isVarName(name)) continue;
    const v: IrVar = { k: 'var', scope: 'global', name, start: c.first.start, end: c.first.end, nameStart: c.first.start, nameEnd: c.first.end, form: 'computed' };
    const { start, end, args } = c.ir;
    const now: Ir = c.kind === 'get' ? { ...v, start, end } : { k: 'assign', op: '=', target: v, value: args[1], start, end };
    // The call node is already in its parent: it becomes the read or write in place.
    const target = c.ir as unknown as Record<string, unknown>;
    for (const key of Object.keys(target)) delete target[key];
    Object.assign(target, now);
  }
}

/** The constant text of a string literal or a `+` chain of them (identifiers through `constOf`). */
function textOf(e: EsNode, constOf: (name: string) => string | undefined, guard = 0): string | undefined {
  if (guard > 32) return undefined;
  if (e.type === 'Literal') return typeof e.value === 'string' ? e.value : undefined;
  if (e.type === 'Identifier') return constOf(e.name as string);
  if (e.type !== 'BinaryExpression' || e.operator !== '+') return undefined;
  const l = node(e.left);
  const r = node(e.right);
  const a = l ? textOf(l, constOf, guard + 1) : undefined;
  const b = a !== undefined && r ? textOf(r, constOf, guard + 1) : undefined;
  return a !== undefined && b !== undefined ? a + b : undefined;
}
