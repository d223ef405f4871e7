/**
 * Long-running parser fuzzer: `npm run fuzz -- [--iterations N] [--seconds S] [--seed X]`.
 * Mutates the fixture scripts (and the shared docs corpus when present) and checks, for every input, that
 * parsing does not throw, the tree and diagnostic ranges are valid, the work stays within a linear step
 * budget, and no single parse is slow.
 * Stops at the first failure and prints a reproducible case (seed, iteration, input).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseScript } from '../../core/src/syntax/parser';
import { CORPUS_DIR, fixtures, readScripts } from '../unit/syntax/fixtures-util';
import { checkParse, mutate, prng, soup, withinLinearBudget } from './harness';

function option(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || i + 1 >= process.argv.length) return undefined;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v < 0) {
    console.error(`--${name} needs a non-negative number`);
    process.exit(2);
  }
  return v;
}

function main(): void {
  const iterations = option('iterations');
  const seconds = option('seconds') ?? (iterations === undefined ? 30 : Infinity);
  const seed = option('seed') ?? Date.now() % 0x7fffffff;
  const seeds = [...fixtures(), ...readScripts(CORPUS_DIR)].map((f) => f.text);
  if (seeds.length === 0) {
    console.error('no seed scripts found');
    process.exit(2);
  }
  const rng = prng(seed);
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  let errors = 0;
  let slowest = 0;
  let pool = seeds.slice();
  console.log(`fuzzing the Jitterbit Script parser: seed ${seed}, ${seeds.length} seed scripts`);
  while ((iterations === undefined || done < iterations) && Date.now() < deadline) {
    // Sometimes keep mutating a previous mutant, so damage accumulates.
    let text: string;
    // Small nesting caps now and then, so the too-deep recovery paths are exercised too.
    const maxDepth = rng() < 0.1 ? 1 + Math.floor(rng() * 16) : undefined;
    if (rng() < 0.05) {
      // Token soup: deep and broken bracket structures the mutations rarely reach.
      text = soup(rng, Math.floor(rng() * 50_000), rng());
    } else {
      text = pool[Math.floor(rng() * pool.length)];
      const edits = 1 + Math.floor(rng() * 12);
      for (let k = 0; k < edits; k++) text = mutate(text, rng);
      if (rng() < 0.2) text = text.repeat(1 + Math.floor(rng() * 20));
    }
    const t0 = performance.now();
    let problem: string | undefined;
    try {
      const stats = { steps: 0 };
      const result = parseScript(text, { stats, maxDepth });
      if (result.diagnostics.some((d) => d.severity === 'error')) errors++;
      problem = checkParse(text, result);
      if (!problem && !withinLinearBudget(text.length, stats.steps)) problem = `${stats.steps} steps for ${text.length} chars`;
    } catch (err) {
      problem = `threw: ${(err as Error).stack ?? String(err)}`;
    }
    const ms = performance.now() - t0;
    // Generous (inputs stay under ~2 MB, a few ms each on an idle machine); linearity is checked by steps.
    if (!problem && ms > 10_000) problem = `slow parse: ${ms.toFixed(0)} ms for ${text.length} chars`;
    slowest = Math.max(slowest, ms);
    if (problem) {
      console.error(`FAIL at iteration ${done} (seed ${seed}${maxDepth ? `, maxDepth ${maxDepth}` : ''}): ${problem}`);
      const file = path.join(os.tmpdir(), `jitterbit-guard-fuzz-${seed}-${done}.jb`);
      fs.writeFileSync(file, text);
      console.error(`input (${text.length} chars) written to ${file}`);
      process.exit(1);
    }
    if (pool.length < 400 && rng() < 0.1 && text.length < 100_000) pool.push(text);
    else if (pool.length >= 400) pool = seeds.slice();
    done++;
    if (done % 5000 === 0) console.log(`  ${done} inputs, ${errors} with syntax errors, slowest parse ${slowest.toFixed(1)} ms`);
  }
  console.log(`ok: ${done} inputs (${errors} with syntax errors), slowest parse ${slowest.toFixed(1)} ms, seed ${seed}`);
}

main();
