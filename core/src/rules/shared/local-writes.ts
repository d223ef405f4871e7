import type { Ir } from '../../semantics/ir';

/**
 * The writes of a script's locals, for rules that take a local's value as known when one literal assignment is all that
 * is written to it (a literal passed on through a local: `pw = "…"; LDAPConnect(h, u, pw)`).
 */

/** Records `e` when it writes a local (one of `names`, when given): `x = v` as `v`, any other operator as the whole write. */
export function noteLocalWrite(e: Ir, writes: Map<string, Ir[]>, names?: ReadonlySet<string>): void {
  if (e.k !== 'assign' || e.target.k !== 'var' || e.target.scope !== 'local' || (names && !names.has(e.target.name))) return;
  const list = writes.get(e.target.name);
  const value = e.op === '=' ? e.value : e;
  if (list) list.push(value);
  else writes.set(e.target.name, [value]);
}

/** The value written to `local` when that is its only write and it comes before offset `at`. */
export function soleWriteBefore(writes: ReadonlyMap<string, Ir[]>, local: string, at: number): Ir | undefined {
  const list = writes.get(local);
  return list && list.length === 1 && list[0].start <= at ? list[0] : undefined;
}
