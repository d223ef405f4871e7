/**
 * LSP server benchmark, measured through a real LSP client over stdio against the bundled `dist/server.js`:
 *  - time from `didChange` to the `publishDiagnostics` of that version (p50/p95) on 1,000- and 5,000-line scripts
 *    (one incremental one-character edit per iteration, the way typing arrives);
 *  - a cold index of 10,000 generated files (../shared/tools/gen-perf-corpus.mjs): time from `initialized` to
 *    the end of the indexing progress, and the server's peak RSS (VmHWM) after the warm-up; then the Secrets Vault
 *    listing the VS Code client asks for at start (it analyses every file), and the peak RSS after it.
 * Targets (issue 4): p95 < 30 ms on 5,000 lines; index < 10 s and RSS < 300 MB.
 * Run: `node --import tsx -e "require('./bench/lsp.bench').runLspBench()"`, or through bench/run.ts.
 * Env: JG_BENCH_LSP_ITER (default 60), JG_BENCH_LSP_FILES (default 10000; 0 skips the index run),
 * JG_BENCH_LSP_RUNS (index runs, default 1; the median is reported), JG_BENCH_SERVER (another build of the server),
 * JG_BENCH_LSP_TIMES=1 (also print every edit's time, in order: the first edits show the JIT warm-up).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';

const REPO = path.resolve(__dirname, '..');
/** The bundled server; JG_BENCH_SERVER measures another build of it (e.g. one made outside dist/). */
const SERVER = process.env.JG_BENCH_SERVER ? path.resolve(process.env.JG_BENCH_SERVER) : path.join(REPO, 'dist', 'server.js');
const BENCH = path.join(REPO, '.bench');
const GEN = path.resolve(REPO, '..', 'shared', 'tools', 'gen-perf-corpus.mjs');

interface Server {
  conn: ProtocolConnection;
  pid: number;
  onDiagnostics: (f: (p: { uri: string; version?: number; diagnostics: unknown[] }) => void) => void;
  indexed: Promise<void>;
  warmed: Promise<void>;
  stop: () => Promise<void>;
}

async function startServer(root: string): Promise<Server> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  let diag: (p: { uri: string; version?: number; diagnostics: unknown[] }) => void = () => undefined;
  let indexedResolve: () => void = () => undefined;
  let warmedResolve: () => void = () => undefined;
  const indexed = new Promise<void>((r) => (indexedResolve = r));
  const warmed = new Promise<void>((r) => (warmedResolve = r));
  const titles = new Map<string | number, string>();
  conn.onNotification('textDocument/publishDiagnostics', (p) => diag(p));
  conn.onNotification('$/progress', (p: { token: string | number; value: { kind: string; title?: string } }) => {
    if (p.value.kind === 'begin') titles.set(p.token, p.value.title ?? '');
    if (p.value.kind !== 'end') return;
    if (/indexing/.test(titles.get(p.token) ?? '')) indexedResolve();
    if (/analysing/.test(titles.get(p.token) ?? '')) warmedResolve();
  });
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/showMessageRequest', () => null);
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('jitterbitGuard/status', () => undefined);
  conn.onNotification('jitterbitGuard/vault/changed', () => undefined);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  return {
    conn,
    pid: proc.pid as number,
    onDiagnostics: (f) => (diag = f),
    indexed,
    warmed,
    stop: async () => {
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      await new Promise((r) => (proc.exitCode !== null ? r(null) : proc.once('exit', r)));
      conn.dispose();
    },
  };
}

function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** A realistic script of `lines` lines: lookups, loops, logging, one hard-coded credential. */
function script(lines: number): string {
  const out = ['<trans>', '$api_password = "Qz8vN3kLp7Wx2RtY";'];
  for (let i = 0; out.length < lines - 1; i++) {
    out.push(`count_${i % 50} = Length(Split($customer.list_${i % 7}, ","));`);
    out.push(`If(count_${i % 50} > ${i % 13}, WriteToOperationLog("batch ${i} has " + count_${i % 50} + " rows"), $skip.${i % 5} = true);`);
    out.push(`total = total + DBLookup("<TAG>endpoint:database/Orders</TAG>", "SELECT COUNT(*) FROM orders WHERE region = '" + $region + "'");`);
    out.push(`// step ${i}: keep the loop bounded`);
  }
  out.length = lines - 1;
  out.push('</trans>');
  return out.join('\n');
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function typingLatency(lines: number, iterations: number): Promise<{ lines: number; p50: number; p95: number; max: number }> {
  const root = path.join(BENCH, `lsp-typing-${lines}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const file = path.join(root, 'big.jb');
  const text = script(lines);
  writeFileSync(file, text);
  const server = await startServer(root);
  const uri = pathToFileURL(file).href;
  await server.conn.sendNotification('initialized', {});
  await server.warmed;
  let waiting: { version: number; resolve: () => void } | undefined;
  server.onDiagnostics((p) => {
    if (p.uri === uri && waiting && p.version === waiting.version) waiting.resolve();
  });
  const published = (version: number) => new Promise<void>((resolve) => (waiting = { version, resolve }));
  let first = published(1);
  await server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'jitterbit', version: 1, text } });
  await first;
  const times: number[] = [];
  for (let v = 2; v < iterations + 2; v++) {
    const line = 2 + ((v * 37) % (lines - 4));
    first = published(v);
    const t0 = performance.now();
    await server.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: v % 2 ? ' ' : '\t' }],
    });
    await first;
    times.push(performance.now() - t0);
  }
  await server.stop();
  rmSync(root, { recursive: true, force: true });
  if (process.env.JG_BENCH_LSP_TIMES) console.log(times.map((t) => t.toFixed(0)).join(' '));
  return { lines, p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times) };
}

interface IndexRun {
  seconds: number;
  warmSeconds: number;
  peakRssMb: number;
  vaultSeconds: number;
  vaultPeakRssMb: number;
}

async function coldIndex(files: number): Promise<IndexRun | undefined> {
  if (!existsSync(GEN)) {
    console.log('  (skipped: ../shared/tools/gen-perf-corpus.mjs not found)');
    return undefined;
  }
  const root = path.join(BENCH, `lsp-index-${files}`);
  if (!existsSync(path.join(root, '.complete'))) {
    rmSync(root, { recursive: true, force: true });
    const r = spawnSync(process.execPath, [GEN, '--out', root, '--files', String(files), '--seed', 'lsp'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    writeFileSync(path.join(root, '.complete'), '');
  }
  const server = await startServer(root);
  const t0 = performance.now();
  await server.conn.sendNotification('initialized', {});
  await server.indexed;
  const seconds = (performance.now() - t0) / 1000;
  await server.warmed;
  const warmSeconds = (performance.now() - t0) / 1000;
  const rss = peakRssMb(server.pid);
  const t1 = performance.now();
  const params = { folderUri: pathToFileURL(root).href, manifestPath: '.jitterbit/project-variables.json', environments: ['default'] };
  await server.conn.sendRequest('jitterbitGuard/vault/list', params);
  const vaultSeconds = (performance.now() - t1) / 1000;
  const vaultRss = peakRssMb(server.pid);
  await server.stop();
  return { seconds, warmSeconds, peakRssMb: rss, vaultSeconds, vaultPeakRssMb: vaultRss };
}

export async function runLspBench(): Promise<void> {
  if (!existsSync(SERVER)) throw new Error('build first: node scripts/build.mjs');
  const iterations = Number(process.env.JG_BENCH_LSP_ITER ?? 60);
  console.log(`\nLSP server (${path.relative(REPO, SERVER)} over stdio): didChange → publishDiagnostics`);
  for (const lines of [1000, 5000]) {
    const r = await typingLatency(lines, iterations);
    console.log(`  ${String(r.lines).padStart(5)} lines: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (${iterations} edits; target p95 < 30 ms at 5,000)`);
  }
  const files = Number(process.env.JG_BENCH_LSP_FILES ?? 10000);
  if (files > 0) {
    const runs: IndexRun[] = [];
    for (let i = 0; i < Math.max(1, Number(process.env.JG_BENCH_LSP_RUNS ?? 1)); i++) {
      const r = await coldIndex(files);
      if (!r) return;
      runs.push(r);
    }
    const m = (f: (r: IndexRun) => number): number => pct(runs.map(f), 50);
    const of = runs.length > 1 ? ` (median of ${runs.length} runs)` : '';
    console.log(`  cold index of ${files} files${of}: ${m((r) => r.seconds).toFixed(2)} s (target < 10 s); every file summarised (cross-file warm-up, in 15 ms slices) after ${m((r) => r.warmSeconds).toFixed(2)} s`);
    console.log(`  server peak RSS ${m((r) => r.peakRssMb).toFixed(0)} MB after the warm-up (target < 300 MB)`);
    console.log(`  Secrets Vault listing (every file analysed, as the VS Code client asks at start): ${m((r) => r.vaultSeconds).toFixed(2)} s; peak RSS ${m((r) => r.vaultPeakRssMb).toFixed(0)} MB after it`);
  }
}
