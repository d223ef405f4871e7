import type { IrVar } from './ir';
import type { StateWrite } from './flow-memo';
import { join, type Taint } from './taint';

/**
 * Fields of containers (`d["host"]`, `cfg.clientSecret`): besides a container's own taint (what logging the whole
 * container leaks), the state holds, under keys no variable can have, the taint of each named field written and the
 * taint of everything else in it (the unnamed rest: unnamed writes, the value it was made from). They live in the
 * same maps as variables, so the incremental pass records and replays them with the rest.
 */
export const SHAPE = '\u0000';
export const fieldSuffix = (prop: string): string => `\u0000${prop}`;
/**
 * Under this field key: what the container's own name makes of a field nobody wrote (`creds = Dict()` holds
 * credentials), apart from the rest, so a field the script wrote is what it wrote (`creds["user"] = "svc"`).
 */
export const NAME_DEFAULT = fieldSuffix('\u0002');

/**
 * Elements of an array made from object literals (`[{ name: "X-Api-Key", value: k }, …]`, `a.push({…})`): under this
 * field key, the taint of what no element field holds (items that are no object literal; a marker without taint bits
 * when clean), and under it plus a property name, that field's taint over all elements. So `a[i].name` is what the
 * elements' `name` fields hold, not their `value`. JavaScript locals only (where such arrays are written).
 */
export const ELEMENTS = fieldSuffix('\u0004');
export const ELEMENTS_KNOWN: Taint = { bits: 0, label: '', secretLiteral: false };

/** The state key of the script's result (no variable can have it). */
export const RESULT = '\u0000result';
/** Exported for a global container whose fields are kept apart and whose unnamed rest is clean (never joined). */
export const FIELDS_KNOWN: Taint = { bits: 0, label: '', secretLiteral: false };
/**
 * Under a global's key plus this suffix: the script left the credential- or PII-named global holding a masked value it
 * computed (a hash, the last 4, a count, a comparison). Another script reading the global sees that value, not what
 * the name alone would say (a marker without taint bits, exported like FIELDS_KNOWN).
 */
export const MASKED = '\u0001';
export const MASKED_MARK: Taint = { bits: 0, label: '', secretLiteral: false };
/** Exported under every script's `runScriptKnownKey`: the project has the script. */
export const SCRIPT_KNOWN: Taint = { bits: 0, label: '', secretLiteral: false };
/**
 * Under this prefix plus a local's name: the constant text the local holds for sure (a marker without taint bits whose
 * label is the text), set by a top-level `k = "sf.password"` of a Jitterbit Script and dropped by any other write to
 * the local. `Get(k)` / `Set(k, v)` then address the global it names. In the state, so the incremental pass compares
 * and replays it with the rest.
 */
export const CONST = '\u0003';

/** A container with more named fields than this keeps its accumulated taint (the join over its fields is not redone). */
const MAX_JOINED_FIELDS = 64;

/** The variable state of one flow pass: locals and globals by key (fields of containers included). */
export class FlowState {
  readonly locals = new Map<string, Taint | undefined>();
  readonly globals = new Map<string, Taint | undefined>();
  /** Every write in order, when recording for the next incremental pass (see flow-memo.ts). */
  readonly writes: StateWrite[] = [];
  /** Per container key, the field keys written (locals, globals): a container's fields without a scan of the state. */
  private readonly fieldKeys = [new Map<string, Set<string>>(), new Map<string, Set<string>>()];
  /**
   * Container keys whose shape key is set (locals, globals): asked at every write once any container is tracked, and
   * looking the name up costs less than making its shape key again.
   */
  private readonly shaped = [new Set<string>(), new Set<string>()];

  constructor(private readonly recording: boolean) {}

  set(global: boolean, key: string, t: Taint | undefined): void {
    this.put(global, key, t);
    if (this.recording) this.writes.push({ global, key, taint: t });
  }

  /** A variable's own value (its key holds no container field): nothing to index. */
  setVar(global: boolean, key: string, t: Taint | undefined): void {
    (global ? this.globals : this.locals).set(key, t);
    if (this.recording) this.writes.push({ global, key, taint: t });
  }

  /** A write of an earlier pass replayed (the caller records it). */
  put(global: boolean, key: string, t: Taint | undefined): void {
    (global ? this.globals : this.locals).set(key, t);
    const cut = key.indexOf('\u0000');
    if (cut <= 0) return;
    if (cut === key.length - 1) {
      this.shaped[global ? 1 : 0].add(key.slice(0, cut));
      return;
    }
    const index = this.fieldKeys[global ? 1 : 0];
    const container = key.slice(0, cut);
    let keys = index.get(container);
    if (!keys) index.set(container, (keys = new Set()));
    keys.add(key);
  }

  private key(v: IrVar, suffix: string): string {
    return (v.scope === 'local' ? v.name : v.name.toLowerCase()) + suffix;
  }

  has(v: IrVar, suffix: string): boolean {
    return (v.scope === 'local' ? this.locals : this.globals).has(this.key(v, suffix));
  }

  get(v: IrVar, suffix: string): Taint | undefined {
    return (v.scope === 'local' ? this.locals : this.globals).get(this.key(v, suffix));
  }

  setField(v: IrVar, suffix: string, t: Taint | undefined): void {
    this.set(v.scope === 'global', this.key(v, suffix), t);
  }

  /** The container's fields are kept apart (its shape key is set). */
  hasShape(v: IrVar): boolean {
    return v.scope === 'local' ? this.shaped[0].has(v.name) : this.shaped[1].has(v.name.toLowerCase());
  }

  private fieldsOf(v: IrVar): Set<string> | undefined {
    return this.fieldKeys[v.scope === 'global' ? 1 : 0].get(v.scope === 'local' ? v.name : v.name.toLowerCase());
  }

  /**
   * The taint of the whole container whose fields are kept apart: its unnamed rest and each named field. Undefined
   * with `known: false` when it has too many fields to join again (the caller keeps what it had).
   */
  wholeOf(v: IrVar): { known: boolean; taint: Taint | undefined } {
    const keys = this.fieldsOf(v);
    if (keys && keys.size > MAX_JOINED_FIELDS) return { known: false, taint: undefined };
    const map = v.scope === 'local' ? this.locals : this.globals;
    let t = map.get(this.key(v, SHAPE));
    for (const k of keys ?? []) {
      const x = map.get(k);
      if (x && x.bits) t = join(t, x); // markers (ELEMENTS_KNOWN) carry nothing
    }
    return { known: true, taint: t };
  }

  /** The element fields of an array (see ELEMENTS): each field's name and taint. */
  elementFields(v: IrVar): [string, Taint | undefined][] {
    const out: [string, Taint | undefined][] = [];
    const prefix = this.key(v, ELEMENTS);
    const map = v.scope === 'local' ? this.locals : this.globals;
    for (const k of this.fieldsOf(v) ?? []) if (k.length > prefix.length && k.startsWith(prefix)) out.push([k.slice(prefix.length), map.get(k)]);
    return out;
  }

  /**
   * `to = from` where `from`'s fields are kept apart: `to` gets the same fields and rest (a local `Dict()` filled and
   * then stored in a global keeps its clean fields clean for other scripts). Undefined-taint fields are copied too.
   */
  copyFields(from: IrVar, to: IrVar): void {
    const fromBase = this.key(from, '');
    const map = from.scope === 'local' ? this.locals : this.globals;
    this.setField(to, SHAPE, map.get(fromBase + SHAPE));
    for (const k of this.fieldsOf(from) ?? []) this.setField(to, k.slice(fromBase.length), map.get(k));
  }

  /**
   * A container assigned a new value: the fields written before are gone (left written but empty, so reads see the
   * new rest). The index forgets them too, so each field written costs one visit here at most.
   */
  forgetFields(v: IrVar): void {
    const keys = this.fieldsOf(v);
    if (!keys) return;
    const map = v.scope === 'local' ? this.locals : this.globals;
    for (const k of keys) if (map.get(k) !== undefined) this.set(v.scope === 'global', k, undefined);
    keys.clear();
  }
}
