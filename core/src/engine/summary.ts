import type { VariableOccurrence } from './project-api';

/**
 * A copy of `s` that does not share memory with the string it was cut from. V8 represents a substring as a view of
 * its parent, so a variable name kept from a file would keep that file's whole text alive.
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}

/**
 * The names a project's summaries refer to, each stored once (detached from the file texts) under a numeric id.
 * Summaries hold ids, so ten thousand files that read `$status` share one string. The pool only grows: a name no
 * file uses any more (one typed and deleted) costs a few bytes for the life of the project.
 */
export class NamePool {
  private readonly names: string[] = [];
  /** Id of each name's lower-case form (variable names are case-insensitive). */
  private readonly lowerIds: number[] = [];
  private readonly ids = new Map<string, number>();

  id(name: string): number {
    let id = this.ids.get(name);
    if (id !== undefined) return id;
    id = this.names.length;
    const own = detach(name);
    this.names.push(own);
    this.ids.set(own, id);
    const lower = own.toLowerCase();
    this.lowerIds.push(lower === own ? id : this.id(lower));
    return id;
  }

  /** The id of `name` if the pool has it (lookups never grow the pool). */
  find(name: string): number | undefined {
    return this.ids.get(name);
  }

  name(id: number): string {
    return this.names[id];
  }

  lowerId(id: number): number {
    return this.lowerIds[id];
  }
}

/**
 * Names a summary refers to. Editors keep pool ids (compact, and detached from the file texts, which they drop);
 * batch runs keep the texts anyway and keep the flow's own set, sparing a pool lookup and a sort per name.
 */
export type NameSet = { ids: Uint32Array } | { names: ReadonlySet<string> };

export const NO_NAMES: NameSet = { ids: new Uint32Array(0) };

/** A set of pool ids as a sorted typed array: a quarter of the memory of a Set, and intersections are one merge. */
export function idSet(pool: NamePool, names: Iterable<string>): NameSet {
  const ids = new Set<number>();
  for (const n of names) ids.add(pool.id(n));
  return { ids: Uint32Array.from(ids).sort() };
}

/** Calls `f` with each name until it returns true; returns whether it did. */
export function someName(pool: NamePool, set: NameSet, f: (name: string) => boolean): boolean {
  if ('names' in set) {
    for (const n of set.names) if (f(n)) return true;
    return false;
  }
  for (const id of set.ids) if (f(pool.name(id))) return true;
  return false;
}

/** Whether a summary's names include `name`. */
export function hasName(pool: NamePool, set: NameSet, name: string): boolean {
  if ('names' in set) return set.names.has(name);
  const id = pool.find(name);
  if (id === undefined) return false;
  const ids = set.ids;
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ids[mid] === id) return true;
    if (ids[mid] < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * The project's global namespace as far as it is summarised, for naming new project variables. Summaries are only
 * appended (a changed file resets it). Adding one copies nothing; the first question after it folds the summaries
 * added since into one union (a bitmap of pool ids plus a set of plain names), so a question costs O(1) and every
 * summary is folded once: searching the summaries per question cost findings × files on large projects.
 */
export class TakenNames {
  private readonly sets: NameSet[] = [];
  private folded = 0;
  private ids = new Uint8Array(0);
  private readonly names = new Set<string>();

  constructor(
    private readonly pool: NamePool,
    private readonly base: ReadonlySet<string>,
  ) {}

  add(set: NameSet): void {
    this.sets.push(set);
  }

  has(name: string): boolean {
    if (this.base.has(name)) return true;
    this.fold();
    if (this.names.has(name)) return true;
    const id = this.pool.find(name);
    return id !== undefined && id < this.ids.length && this.ids[id] === 1;
  }

  private fold(): void {
    for (; this.folded < this.sets.length; this.folded++) {
      const set = this.sets[this.folded];
      if ('names' in set) {
        for (const n of set.names) this.names.add(n);
        continue;
      }
      const last = set.ids.length > 0 ? set.ids[set.ids.length - 1] : -1; // sorted: the last id is the largest
      if (last >= this.ids.length) {
        const grown = new Uint8Array(Math.max(last + 1, this.ids.length * 2, 1024));
        grown.set(this.ids);
        this.ids = grown;
      }
      for (const id of set.ids) this.ids[id] = 1;
    }
  }
}

export function intersects(pool: NamePool, a: NameSet, b: NameSet): boolean {
  if ('ids' in a && 'ids' in b) {
    const x = a.ids;
    const y = b.ids;
    let i = 0;
    let j = 0;
    while (i < x.length && j < y.length) {
      if (x[i] === y[j]) return true;
      if (x[i] < y[j]) i++;
      else j++;
    }
    return false;
  }
  return someName(pool, a, (n) => hasName(pool, b, n));
}

const ACCESS: VariableOccurrence['access'][] = ['read', 'write', 'declaration'];
const FORMS: VariableOccurrence['form'][] = ['dollar', 'string-name', 'string-dollar-name', 'data'];

/**
 * A file's variable occurrences, packed: three integers per occurrence (name id in the pool, start, then the length
 * shifted left by four with the access and form in the low bits). Editors keep these for every indexed file;
 * objects would cost several times the memory.
 */
export class Occurrences {
  private data: Int32Array | number[] = [];

  constructor(private readonly pool: NamePool) {}

  add(name: string, start: number, end: number, access: VariableOccurrence['access'], form: VariableOccurrence['form']): void {
    (this.data as number[]).push(this.pool.id(name), start, ((end - start) << 4) | (ACCESS.indexOf(access) << 2) | FORMS.indexOf(form));
  }

  /** Freezes the list into a typed array (called once the file is summarised). */
  seal(): this {
    this.data = Int32Array.from(this.data as number[]);
    return this;
  }

  /** Names as written, each once. */
  nameList(): string[] {
    const ids = new Set<number>();
    for (let k = 0; k < this.data.length; k += 3) ids.add(this.data[k]);
    return [...ids].map((id) => this.pool.name(id));
  }

  *list(path: string, lowerName?: string): Generator<VariableOccurrence> {
    const d = this.data;
    const want = lowerName === undefined ? undefined : this.pool.find(lowerName);
    if (lowerName !== undefined && want === undefined) return;
    for (let k = 0; k + 2 < d.length; k += 3) {
      if (want !== undefined && this.pool.lowerId(d[k]) !== want) continue;
      const start = d[k + 1];
      const packed = d[k + 2];
      yield { name: this.pool.name(d[k]), path, start, end: start + (packed >>> 4), access: ACCESS[(packed >>> 2) & 3], form: FORMS[packed & 3] };
    }
  }
}
