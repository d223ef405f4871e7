import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding, RuleMeta } from '../../core/src/engine/types';
import { mulberry32 } from '../support/rng';

export const REPO = path.resolve(__dirname, '..', '..');
export const CLI = path.join(REPO, 'dist', 'cli.js');

/** Random strings from the shared seeded PRNG, so fixture secrets are fresh-looking but stable across runs. */
export function rng(seed: number): (alphabet: string, n: number) => string {
  const next = mulberry32(seed);
  return (alphabet, n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    return s;
  };
}

const AN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Fake secrets in realistic formats, generated (never copied from a corpus). */
export function fakeSecrets(seed = 7): { aws: string; awsSecret: string; stripe: string; password: string; slack: string } {
  const r = rng(seed);
  return {
    aws: `AKIA${r(UP, 16)}`,
    awsSecret: r(AN + '/+', 40),
    stripe: `sk_live_${r(AN, 24)}`,
    password: `Pw!${r(AN, 13)}`,
    slack: `xoxb-${r('0123456789', 11)}-${r('0123456789', 12)}-${r(AN, 24)}`,
  };
}

export function tmpDir(prefix = 'jg-cli-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

let built = false;
/** Builds the bundles once per test process, so end-to-end tests run the CLI users get. */
export function ensureBuilt(): void {
  if (built) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  built = true;
}

/** Path of Microsoft's SARIF Multitool binary, with its run bit set (npm may drop it). */
export function multitool(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bin = require(`@microsoft/sarif-multitool-${process.platform}`) as string;
  try {
    chmodSync(bin, 0o755);
  } catch {
    // read-only install: try as is
  }
  return bin;
}

export interface ValidationResult {
  errors: string[];
  warnings: string[];
}

/** Runs `sarif-multitool validate` and returns the messages it reports, by level. */
export function validateSarif(file: string): ValidationResult {
  const out = path.join(tmpDir('jg-sarif-validate-'), 'validation.sarif');
  const r = spawnSync(multitool(), ['validate', file, '--output', out, '--log', 'ForceOverwrite'], { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } });
  if (!existsSync(out)) throw new Error(`sarif-multitool produced no output (status ${r.status}): ${r.stdout}\n${r.stderr}`);
  const doc = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: { ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] } }[] }[] };
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const res of doc.runs[0].results ?? []) {
    const text = `${res.ruleId} ${res.message.id ?? ''} ${(res.message.arguments ?? []).join(' | ')} ${res.message.text ?? ''}`;
    if ((res.level ?? 'warning') === 'error') errors.push(text);
    else if ((res.level ?? 'warning') === 'warning') warnings.push(text);
  }
  return { errors, warnings };
}

export function rule(id: string, category: RuleMeta['category'], cwe: number, severity: RuleMeta['defaultSeverity'] = 'error'): RuleMeta {
  return {
    id,
    category,
    cwe,
    defaultSeverity: severity,
    docs: { description: `Reports ${id.split('/')[1]} in Jitterbit scripts.`, url: `https://example.invalid/docs/rules/${id}.md` },
    messages: {},
    fixable: false,
    hasSuggestions: false,
    shortDescription: `${id} short`,
  };
}

export function finding(ruleId: string, line: number, col: number, over: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    category: 'secret',
    severity: 'error',
    message: `Hard-coded credential ${over.masked ?? 'AK…Q'} in a script.`,
    start: 0,
    end: 0,
    range: { start: { line, character: col }, end: { line, character: col + 10 } },
    fingerprint: `fp-${ruleId}-${line}`,
    fixes: [],
    ...over,
  };
}

/** Writes `files` (relative path → content) under `dir`, creating folders. */
export function writeTree(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

/** A small Jitterbit project with one finding of each category and a cross-script flow; values from `fakeSecrets`. */
export function projectFiles(seed = 7): { files: Record<string, string>; secrets: string[] } {
  const s = fakeSecrets(seed);
  const r = rng(seed + 1000);
  const email = `${r('abcdefghijklmnopqrstuvwxyz', 7)}.${r('abcdefghijklmnopqrstuvwxyz', 9)}@gmail.com`;
  const files: Record<string, string> = {
    'scripts/auth.jb': `<trans>\n// Login step\n$erp.batch = 50;\n$session.auth = "${s.password}";\nRunScript("<TAG>script:post</TAG>");\n</trans>\n`,
    'scripts/post.jb': `<trans>\n// Post step\nn = 3;\nWriteToOperationLog("posted " + n + " records");\nWriteToOperationLog("auth was " + $session.auth);\n</trans>\n`,
    'scripts/contacts.jb': `<trans>\n// Test data\n$contact.owner = "${email}";\n$contact.mailbox = "support@example.com";\n</trans>\n`,
    'scripts/clean.jb': `<trans>\n// Nothing to see\ncount = 0;\nWriteToOperationLog("count " + count + " in " + $jitterbit.operation.name);\n</trans>\n`,
    'javascript/charge.js': `<javascript>\nvar amount = 10;\nvar key = "${s.stripe}";\nSetScriptResult(amount);\n</javascript>\n`,
  };
  return { files, secrets: [s.password, s.stripe, email] };
}
