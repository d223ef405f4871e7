/**
 * Parser benchmark: our Jitterbit Script parser against the community `jitterbit-script` package on generated,
 * realistic scripts of 500 / 1,000 / 2,000 / 4,000 lines. Ours: median of several runs after warm-up.
 * Community: one run per size (it is slow: its lexer shifts characters off the front of an array), parse plus
 * the typechecker's `analyze` when that finishes; 4,000 lines is skipped for it when 2,000 already took > 60 s / 4.
 *
 * Run: `node --import tsx bench/run.ts` (or import runParserBench).
 */
import { parseScript } from '../core/src/syntax/parser';

const SIZES = [500, 1000, 2000, 4000];
const OUR_RUNS = 15;
const COMMUNITY_LIMIT_MS = 60_000;

/** A realistic script of exactly `lines` lines inside `<trans>` tags, valid for both parsers. */
export function generateScript(lines: number): string {
  const blocks: ((i: number) => string[])[] = [
    (i) => [
      `// Step ${i}: look up the customer and remember the tier`,
      `ResetLastError();`,
      `Eval(tier${i} = DBLookup("<TAG>endpoint:database/Customer DB</TAG>",`,
      `  "SELECT TIER FROM CUSTOMER WHERE ID = " + $customer.id),`,
      `  err${i} = GetLastError());`,
    ],
    (i) => [
      `$app.log.message = ' request.body = ' + $jitterbit.api.request.body`,
      `  + ' method = ' + $jitterbit.api.request.method + ' step ${i}';`,
      `WriteToOperationLog($app.log.message);`,
    ],
    (i) => [
      `If(Length($app.table) == 0,`,
      `  RaiseError('table name missing at step ${i}'),`,
      `  sql = "SELECT * FROM " + $app.table + " WHERE ROWNUM < ${i}";`,
      `  rows = DbExecute("<TAG>endpoint:database/Reports</TAG>", sql)`,
      `);`,
    ],
    (i) => [
      `/* block comment for step ${i}`,
      `   spanning two lines */`,
      `d = Dict(); d['key${i}'] = 'value'; n = 0;`,
      `While(n < 3, n = n + 1; $app.count = $app.count + n);`,
    ],
    (i) => [
      `items = {"alpha", "beta", {${i}, 2.5, true}};`,
      `first = items[0]; total = (${i} + 4) * 2 - -1;`,
      `ok = !IsNull(first) && total >= 10 || $app.force == true;`,
    ],
    (i) => [
      `RunScript("<TAG>script:Log Message</TAG>", "step ${i} done\\n");`,
      `$app.url = 'https://example.invalid/v2/items/' + ${i};`,
    ],
  ];
  const fillers = ['n = n + 1;', '// filler line', "$app.flag = Length('abc') > 2;"];
  const out: string[] = ['<trans>'];
  // Whole blocks only, then one-line statements up to the exact line count (the script stays valid).
  for (let i = 0; ; i++) {
    const block = blocks[i % blocks.length](i);
    if (out.length + block.length > lines - 1) break;
    out.push(...block);
  }
  for (let k = 0; out.length < lines - 1; k++) out.push(fillers[k % fillers.length]);
  out.push('</trans>');
  return out.join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median and best of OUR_RUNS runs, in ms. (No forced GC between runs: it shrinks the young generation and
 *  makes every run slower.) */
function timeOurs(text: string): { median: number; min: number } {
  // Warm-up until the JIT has settled on this input size (at least 20 runs and 100 ms).
  const warmUntil = performance.now() + 100;
  for (let i = 0; i < 20 || performance.now() < warmUntil; i++) parseScript(text);
  const times: number[] = [];
  for (let i = 0; i < OUR_RUNS; i++) {
    const t0 = performance.now();
    parseScript(text);
    times.push(performance.now() - t0);
  }
  return { median: median(times), min: Math.min(...times) };
}

interface CommunityApi {
  Parser: new () => { parse(src: string, diagnostics?: unknown[]): unknown };
  Typechecker: { analyze(ast: unknown, diagnostics: unknown[]): unknown };
}

function loadCommunity(): CommunityApi | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('jitterbit-script') as CommunityApi;
  } catch {
    return undefined;
  }
}

/** One run of the community parser (+ typechecker); undefined fields when a stage threw. */
function timeCommunity(api: CommunityApi, text: string): { parse?: number; analyze?: number; errors: number } {
  const diagnostics: unknown[] = [];
  const t0 = performance.now();
  let ast: unknown;
  try {
    ast = new api.Parser().parse(text, diagnostics);
  } catch {
    return { errors: diagnostics.length };
  }
  const parse = performance.now() - t0;
  const t1 = performance.now();
  try {
    api.Typechecker.analyze(ast, diagnostics);
  } catch {
    return { parse, errors: diagnostics.length };
  }
  return { parse, analyze: performance.now() - t1, errors: diagnostics.length };
}

const fmt = (ms: number | undefined, digits = 2): string => (ms === undefined ? '—' : ms.toFixed(digits));

export async function runParserBench(): Promise<void> {
  const api = loadCommunity();
  console.log('Jitterbit Script parser benchmark (generated realistic scripts)');
  console.log(`ours: median of ${OUR_RUNS} runs after warm-up; jitterbit-script ${api ? '' : '(not installed) '}: one run, parse and typecheck`);
  console.log('');
  // Warm the JIT on every size first so the smallest size is not measured cold.
  for (const lines of SIZES) timeOurs(generateScript(lines));
  const header = ['lines', 'chars', 'ours ms (median)', 'ours ms (best)', 'ours µs/line', 'µs/line (best)', 'ours errors', 'community parse ms', '+ analyze ms', 'ratio (parse)'];
  const rows: string[][] = [];
  let lastCommunity: number | undefined;
  for (const lines of SIZES) {
    const text = generateScript(lines);
    const ours = timeOurs(text);
    const ourErrors = parseScript(text).diagnostics.filter((d) => d.severity === 'error').length;
    let community: ReturnType<typeof timeCommunity> | undefined;
    let note = '';
    if (api) {
      // Quadratic: predict from the previous size before spending a minute on it.
      if (lastCommunity !== undefined && lastCommunity * 4 > COMMUNITY_LIMIT_MS) {
        note = `skipped (2,000 lines took ${(lastCommunity / 1000).toFixed(1)} s, 4× more expected > 60 s)`;
      } else {
        community = timeCommunity(api, text);
        lastCommunity = community.parse;
        if (community.parse !== undefined && community.parse > COMMUNITY_LIMIT_MS) note = 'over 60 s';
      }
    }
    const ratio = community?.parse !== undefined ? `${(community.parse / ours.median).toFixed(0)}×` : note || '—';
    rows.push([
      String(lines),
      String(text.length),
      fmt(ours.median, 3),
      fmt(ours.min, 3),
      fmt((ours.median * 1000) / lines, 2),
      fmt((ours.min * 1000) / lines, 2),
      String(ourErrors),
      fmt(community?.parse, 0),
      fmt(community?.analyze, 0),
      ratio,
    ]);
    // Let the event loop breathe between sizes (the lead's runner may interleave other benches).
    await new Promise((resolve) => setImmediate(resolve));
  }
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]): string => cells.map((x, c) => x.padStart(widths[c])).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log('');
  for (const [label, col] of [['median', 4], ['best', 5]] as const) {
    const perLine = rows.map((r) => Number(r[col]));
    const spread = Math.max(...perLine) / Math.min(...perLine);
    console.log(`our time per line (${label}): ${Math.min(...perLine).toFixed(2)}–${Math.max(...perLine).toFixed(2)} µs, max/min ${spread.toFixed(2)} (target < 2)`);
  }
  console.log(`our 4,000 lines: ${rows[rows.length - 1][2]} ms median, ${rows[rows.length - 1][3]} ms best (target < 20 ms)`);
}
