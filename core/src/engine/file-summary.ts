import { isRunScriptResultKey, runScriptArgIndex } from '../semantics/run-script';
import type { Taint } from '../semantics/taint';
import type { FileFacts } from './facts';
import { baseName } from './file-outcomes';
import { detach, idSet, NamePool, NO_NAMES, Occurrences, type NameSet } from './summary';

/** What other files need to know of a file: the globals it taints and the globals it touches. */
export interface Summary {
  /** Lower-case global name → taint at the end of the script, origin in host offsets of this file. */
  writes: Map<string, Taint>;
  /** Lower-case names of globals read / written. */
  reads: NameSet;
  written: NameSet;
  occurrences: Occurrences;
  /** Script regions of the file (an export's scripts exchange globals among themselves too). */
  regions: number;
}

/**
 * A file's summary from its facts (computed without other files' globals). Everything in it is pool ids, numbers or
 * strings detached from the file's text: a summary outlives the text, and a substring would keep the whole text
 * alive. `keepOccurrences` (editors) pools the names and keeps every global's occurrences for navigation; batch runs
 * keep the flow's own name sets instead.
 */
export function summarizeFile(path: string, facts: FileFacts, pool: NamePool, keepOccurrences: boolean): Summary {
  const reads = new Set<string>();
  const written = new Set<string>();
  const writes = new Map<string, Taint>();
  const occurrences = new Occurrences(pool);
  for (const r of facts.regions) {
    for (const [name, t] of r.flow.globalWrites) {
      const key = pool.name(pool.id(name));
      const regionId = detach(r.region.id);
      const origin = t.origin
        ? { path, regionId, start: facts.toHost(r.region, t.origin.start), end: facts.toHost(r.region, t.origin.end) }
        : { path, regionId, start: 0, end: 0 };
      const from = baseName(path);
      const arg = runScriptArgIndex(name);
      const cut = name.indexOf('\u0000');
      const label = arg !== undefined
        ? `${t.label} (passed as \`_${arg}\` by ${from})`
        : isRunScriptResultKey(name)
          ? `${t.label} (returned by ${from})`
          : cut >= 0
          ? `the field \`${name.slice(cut + 1)}\` of \`$${name.slice(0, cut)}\` (set from ${t.label} in ${from})`
          : `the global \`$${name}\` (set from ${t.label} in ${from})`;
      const w: Taint = { ...t, label: detach(label), origin };
      // Literals the value stands on name their file as they leave it (a path allowlist may cover that file).
      if (t.literals) w.literals = t.literals.map((l) => (l.path !== undefined ? l : { value: detach(l.value), path }));
      writes.set(key, w);
    }
    if (!keepOccurrences) continue;
    for (const n of r.flow.globalReads) reads.add(n);
    for (const n of r.flow.globalsWritten) written.add(n);
    for (const { v, access, key } of r.flow.vars) {
      // A read of a global's masked-value marker (see flow.ts MASKED) is no second occurrence of the global.
      if (v.k !== 'var' || v.scope !== 'global' || key.charCodeAt(key.length - 1) === 1) continue;
      // A name computed from constants (`k = "x"; Get(k)`) has no text of its own a rename could rewrite.
      if (v.form === 'computed') continue;
      occurrences.add(v.name, facts.toHost(r.region, v.nameStart), facts.toHost(r.region, v.nameEnd), access, v.form === 'dollar' || v.form === 'bare' ? 'dollar' : v.form);
    }
  }
  const s: Summary = keepOccurrences
    ? { writes, reads: idSet(pool, reads), written: idSet(pool, written), occurrences, regions: facts.regions.length }
    : { writes, reads: { names: unionOf(facts.regions.map((r) => r.flow.globalReads)) }, written: { names: unionOf(facts.regions.map((r) => r.flow.globalsWritten)) }, occurrences, regions: facts.regions.length };
  for (const d of facts.file.data) {
    if (d.kind === 'project-variable') s.occurrences.add(d.name, d.valueStart, d.valueStart, 'declaration', 'data');
  }
  s.occurrences.seal();
  return s;
}

/** The summary of a file the analyser could not handle: it contributes nothing to the project. */
export function emptySummary(pool: NamePool): Summary {
  return { writes: new Map(), reads: NO_NAMES, written: NO_NAMES, occurrences: new Occurrences(pool).seal(), regions: 0 };
}

/** One region (the common case) shares the flow's set; several are merged. */
function unionOf(sets: Set<string>[]): ReadonlySet<string> {
  if (sets.length === 1) return sets[0];
  const all = new Set<string>();
  for (const set of sets) for (const n of set) all.add(n);
  return all;
}
