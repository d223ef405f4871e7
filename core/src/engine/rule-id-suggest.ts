/**
 * The rule id a misspelt one most likely meant (`pii/emial` → `pii/email`, `secret/known-token` →
 * `secrets/known-token`, `logging/sensitive` → `logging/sensitive-data`), for the config's unknown-id problem.
 */

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), capped: above `max` it is `max + 1`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** An id and its shortenings at word boundaries (`logging/sensitive-data` → also `logging/sensitive`). */
function spellings(id: string): string[] {
  const out = [id];
  const slash = id.indexOf('/');
  for (let i = id.length - 1; i > slash; i--) if (id[i] === '-') out.push(id.slice(0, i));
  return out;
}

/**
 * The known id closest to `id` (a wildcard `cat/*` is compared with the categories' wildcards), if one is close
 * enough and no other is as close: at most 1 edit for ids of up to 8 characters, 2 up to 16, 3 beyond.
 */
export function suggestRuleId(id: string, known: Iterable<string>): string | undefined {
  const wildcard = id.endsWith('/*');
  const candidates = new Set<string>();
  for (const k of known) candidates.add(wildcard ? `${k.slice(0, k.indexOf('/') + 1)}*` : k);
  const max = id.length <= 8 ? 1 : id.length <= 16 ? 2 : 3;
  const lower = id.toLowerCase();
  let best: string | undefined;
  let bestD = max + 1;
  let tie = false;
  for (const k of candidates) {
    if (k === id || !k.includes('/')) continue;
    const d = Math.min(...spellings(k).map((s) => distance(lower, s, max)));
    if (d < bestD) [best, bestD, tie] = [k, d, false];
    else if (d === bestD) tie = true;
  }
  return best !== undefined && !tie ? best : undefined;
}
