import type { Taint } from '../semantics/taint';
import type { Range } from '../syntax/text';

/**
 * The rounds that carry sensitive data across scripts over several hops (a → b → c through globals or RunScript).
 * Batch runs (analyzeAll, split over threads or not) and editors (settled-globals.ts) share these steps, so both
 * learn the same globals in the same order.
 */

/** Globals written with sensitive data, per lower-case name, writers in path order. */
export type Globals = Map<string, { path: string; taint: Taint }[]>;

/** A global a file taints, as another part of a split project needs it (see Project.sharedGlobalWrites). */
export interface SharedGlobalWrite {
  /** Lower-case name. */
  name: string;
  path: string;
  /** Its origin is in host offsets of `path`. */
  taint: Taint;
  /** Line/character range of the origin in `path` (related locations point there). */
  range?: Range;
}

/** Rounds of the second pass at most (each taints more, so it ends sooner): a flow across this many scripts plus one. */
export const PROJECT_ROUNDS = 32;

/**
 * The taint region `regionId` of file `self` reads in global `name` (lower case): the first writer in path order
 * other than itself (another region of the same file counts: an export holds many scripts).
 */
export function incomingTaint(globals: Globals, name: string, self: string, regionId: string): Taint | undefined {
  return globals.get(name)?.find((x) => x.path !== self || x.taint.origin?.regionId !== regionId)?.taint;
}

/**
 * What a file analysed with other scripts' globals taints beyond what the project knew of it (new names, or more
 * taint bits than its own writes had): what the next round passes on.
 */
export function learnedWrites(path: string, writes: ReadonlyMap<string, Taint>, globals: Globals, rangeOf: (start: number, end: number) => Range | undefined): SharedGlobalWrite[] {
  const learned: SharedGlobalWrite[] = [];
  for (const [name, t] of writes) {
    const known = globals.get(name)?.find((w) => w.path === path)?.taint;
    if (known && (t.bits & ~known.bits) === 0) continue;
    const o = t.origin;
    learned.push({ name, path, taint: t, range: o ? rangeOf(o.start, o.end) : undefined });
  }
  return learned;
}

/**
 * Takes a round's learned writes into the globals (replacing the writer's earlier taint, or inserted in path order,
 * as globals() keeps them); returns the names they touch. `onRange` keeps each origin's range (split runs).
 */
export function mergeWrites(globals: Globals, writes: readonly SharedGlobalWrite[], onRange?: (w: SharedGlobalWrite) => void): Set<string> {
  const names = new Set<string>();
  for (const w of [...writes].sort((a, b) => a.path.localeCompare(b.path))) {
    names.add(w.name);
    const list = globals.get(w.name) ?? [];
    const at = list.findIndex((x) => x.path === w.path);
    if (at >= 0) list[at] = { path: w.path, taint: w.taint };
    else {
      const before = list.findIndex((x) => x.path.localeCompare(w.path) > 0);
      list.splice(before < 0 ? list.length : before, 0, { path: w.path, taint: w.taint });
    }
    globals.set(w.name, list);
    onRange?.(w);
  }
  return names;
}

/** What settle needs of the project. */
export interface SettleIo {
  /** Every file, in path order. */
  paths: readonly string[];
  /** Whether the file reads a global another script taints in `globals` (Project.readsForeignTaint). */
  readsTaint(path: string, globals: Globals): boolean;
  /** Whether the file reads one of `names`. */
  readsAny(path: string, names: ReadonlySet<string>): boolean;
  /** The file analysed with `globals`: what it taints beyond them (learnedWrites). */
  learn(path: string, globals: Globals): SharedGlobalWrite[];
}

/**
 * The project's globals once every hop is taken: analyzeAll's rounds without the findings. Round 0 analyses the files
 * that read another script's taint; each next round, those that read what the last one learned. The rounds whose
 * learned writes a batch run would use are run (PROJECT_ROUNDS - 1 merges), so a file analysed with the result sees
 * what its last batch round saw. `local` is not changed. Returns the files analysed in some round.
 */
export function settle(local: Globals, io: SettleIo): { globals: Globals; participants: Set<string> } {
  const globals: Globals = new Map();
  for (const [name, list] of local) globals.set(name, [...list]);
  const participants = new Set<string>();
  let again = io.paths.filter((p) => io.readsTaint(p, globals));
  for (let round = 1; round < PROJECT_ROUNDS && again.length > 0; round++) {
    const learned: SharedGlobalWrite[] = [];
    // Every file of a round sees the same globals (as in a batch round): merged only once the round is over.
    for (const p of again) {
      participants.add(p);
      for (const w of io.learn(p, globals)) learned.push(w);
    }
    if (learned.length === 0) break;
    const names = mergeWrites(globals, learned);
    again = io.paths.filter((p) => io.readsAny(p, names) && io.readsTaint(p, globals));
  }
  for (const p of again) participants.add(p);
  return { globals, participants };
}
