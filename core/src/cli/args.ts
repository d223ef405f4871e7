/** Command-line options of `jitterbit-guard`, parsed without side effects. */

export type Format = 'text' | 'json' | 'sarif' | 'junit';
export type FailLevel = 'error' | 'warning' | 'note';

export interface CliOptions {
  paths: string[];
  format: Format;
  output?: string;
  config?: string;
  baseline?: string;
  updateBaseline: boolean;
  quiet: boolean;
  maxWarnings?: number;
  failLevel?: FailLevel;
  shard?: { index: number; count: number };
  /** undefined = automatic (min(2, cores) for large trees). */
  workers?: number;
  progress: boolean;
  version: boolean;
  help: boolean;
}

export class UsageError extends Error {}

export const HELP = `Usage: jitterbit-guard [paths… | globs…] [options]

Finds hard-coded secrets, sensitive data reaching log calls and test PII in Jitterbit scripts, project exports,
Design Studio projects, Jitterpaks (.jpk) and jitterbit.conf. Paths default to the current folder.

Options:
  --format text|json|sarif|junit   report format (default text)
  -o, --output FILE                write the report to FILE instead of stdout
  -c, --config FILE                use this .jitterbit-guard.json for every file (no lookup)
  --baseline FILE                  report only findings that are not in the baseline
  --update-baseline                write the current findings to the baseline file (needs --baseline)
  -q, --quiet                      report only findings at or above the fail level; no progress
  --max-warnings N                 exit 1 when there are more than N warnings
  --fail-level error|warning|note  lowest level that makes the exit code 1 (default: the config's failLevel, else warning)
  --shard I/N                      analyse only the I-th of N deterministic parts (projects are never split)
  --workers N                      threads that analyse (default: min(2, cores) above 200 files and 4 MB; one
                                   large project is split across them, unasked from 16 MB; 1 = the main thread alone)
  --no-progress                    no progress bar on stderr
  -v, --version                    print the version
  -h, --help                       print this help

Files: .jb .jitterbit .js .json .xml jitterbit.conf .jpk; node_modules and .git are skipped, and so is what
.jitterbit-guardignore (gitignore syntax) or the config's allowlist.paths names.
Exit codes: 0 no finding at or above the fail level, 1 findings (or more warnings than --max-warnings),
2 usage or internal error.
`;

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { paths: [], format: 'text', updateBaseline: false, quiet: false, progress: true, version: false, help: false };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    if (onlyPaths || !a.startsWith('-') || a === '-') {
      o.paths.push(a);
      continue;
    }
    if (a === '--') {
      onlyPaths = true;
      continue;
    }
    let inline: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const value = (): string => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new UsageError(`${a} needs a value`);
      return argv[++i];
    };
    const flag = (): void => {
      if (inline !== undefined) throw new UsageError(`${a} takes no value`);
    };
    switch (a) {
      case '--format':
      case '-f': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif' && v !== 'junit') throw new UsageError(`--format must be text, json, sarif or junit, not "${v}"`);
        o.format = v;
        break;
      }
      case '--output':
      case '-o':
        o.output = nonEmpty(a, value());
        break;
      case '--config':
      case '-c':
        o.config = nonEmpty(a, value());
        break;
      case '--baseline':
        o.baseline = nonEmpty(a, value());
        break;
      case '--update-baseline':
        flag();
        o.updateBaseline = true;
        break;
      case '--quiet':
      case '-q':
        flag();
        o.quiet = true;
        break;
      case '--max-warnings': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number ≥ 0, not "${v}"`);
        o.maxWarnings = Number(v);
        break;
      }
      case '--fail-level': {
        const v = value();
        if (v !== 'error' && v !== 'warning' && v !== 'note') throw new UsageError(`--fail-level must be error, warning or note, not "${v}"`);
        o.failLevel = v;
        break;
      }
      case '--shard': {
        const v = value();
        const m = /^(\d+)\/(\d+)$/.exec(v);
        const index = m ? Number(m[1]) : NaN;
        const count = m ? Number(m[2]) : NaN;
        if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard needs I/N with 1 ≤ I ≤ N (e.g. 2/4), not "${v}"`);
        o.shard = { index, count };
        break;
      }
      case '--workers': {
        const v = value();
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 64) throw new UsageError(`--workers needs a number from 1 to 64, not "${v}"`);
        o.workers = Number(v);
        break;
      }
      case '--no-progress':
        flag();
        o.progress = false;
        break;
      case '--version':
      case '-v':
        flag();
        o.version = true;
        break;
      case '--help':
      case '-h':
        flag();
        o.help = true;
        break;
      default:
        throw new UsageError(`unknown option ${a} (see --help)`);
    }
  }
  if (o.updateBaseline && !o.baseline) throw new UsageError('--update-baseline needs --baseline FILE');
  if (!o.paths.length) o.paths.push('.');
  return o;
}

function nonEmpty(opt: string, v: string): string {
  if (!v) throw new UsageError(`${opt} needs a non-empty value`);
  return v;
}
