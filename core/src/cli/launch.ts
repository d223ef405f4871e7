/**
 * `dist/cli.js`: starts the CLI bundle (`cli-main.js` beside it) with a V8 code cache, so a run does not compile the
 * bundle's ~1 MB again: about 40 ms at start-up and as much again for functions compiled lazily during the run
 * (pre-commit hooks and editors' tasks run the CLI over and over on small inputs). Node 22 offers this as
 * `module.enableCompileCache`; on Node 20 the cache is made here, with `vm.Script` cached data.
 *
 * The cache lives in the user's cache folder (`JITTERBIT_GUARD_CACHE_DIR` overrides it, `JITTERBIT_GUARD_NO_CACHE=1`
 * turns it off), one file per bundle content, Node version and architecture; V8 rejects data that does not fit and
 * the file is then written again. Anything failing here falls back to a plain `require`: the cache only saves time.
 * Worker threads start through this file too, so they read the same cache.
 *
 * Kept free of imports beyond Node's own modules: it is bundled on its own, in front of the CLI bundle.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/** Where the cache goes: the platform's per-user cache folder, or undefined when caching is off. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string | undefined {
  if (env.JITTERBIT_GUARD_NO_CACHE === '1') return undefined;
  if (env.JITTERBIT_GUARD_CACHE_DIR) return env.JITTERBIT_GUARD_CACHE_DIR;
  if (platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'jitterbit-guard', 'Cache') : undefined;
  if (platform === 'darwin') return home ? join(home, 'Library', 'Caches', 'jitterbit-guard') : undefined;
  const base = env.XDG_CACHE_HOME || (home ? join(home, '.cache') : undefined);
  return base ? join(base, 'jitterbit-guard') : undefined;
}

/** The cache file for a bundle's source: named by a hash of the content, the Node version and the architecture. */
export function cacheFile(dir: string, source: string): string {
  const key = createHash('sha256').update(source).update(`\0${process.version}\0${process.arch}`).digest('hex').slice(0, 24);
  return join(dir, `cli-${key}.v8cache`);
}

/** A folder someone else owns could hand us compiled code: only the user's own folder is read. */
function ownedByUs(dir: string): boolean {
  const uid = process.getuid?.();
  return uid === undefined || statSync(dir).uid === uid;
}

const INFO_FLAGS = new Set(['--version', '-v', '--help', '-h']);

/** Runs the CommonJS bundle at `file` as `require` would, compiled from the cache when it has usable data. */
export function runCached(file: string, dir: string | undefined, launcher: string): void {
  let run: (() => void) | undefined;
  try {
    const source = readFileSync(file, 'utf8');
    const cachePath = dir === undefined ? undefined : cacheFile(dir, source);
    let cachedData: Buffer | undefined;
    if (cachePath && dir) {
      try {
        if (ownedByUs(dir)) cachedData = readFileSync(cachePath);
      } catch {
        // No cache yet.
      }
    }
    const script = new Script(Module.wrap(source), { filename: file, cachedData });
    const fresh = cachedData === undefined || script.cachedDataRejected === true;
    const m = new Module(file);
    m.filename = file;
    const req = Module.createRequire(file);
    const compiled = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
    // The bundle starts workers with this launcher (see main.ts), so they read the cache as well.
    (globalThis as { __jitterbitGuardLauncher?: string }).__jitterbitGuardLauncher = launcher;
    // After the run, so the functions it compiled lazily are in the cache too; a `--version` or `--help` run compiles
    // next to nothing and would leave a cache without the analysis in it.
    if (fresh && cachePath && dir && isMainThread && !process.argv.slice(2).some((a) => INFO_FLAGS.has(a))) {
      process.once('exit', () => writeCache(dir, cachePath, () => script.createCachedData()));
    }
    run = () => compiled.call(m.exports, m.exports, req, m, file, dirname(file));
  } catch {
    // Not compiled from here: a plain `require` below.
  }
  if (run) run();
  else Module.createRequire(file)(file);
}

function writeCache(dir: string, path: string, data: () => Buffer): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!ownedByUs(dir)) return;
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, data(), { mode: 0o600 });
    renameSync(tmp, path);
  } catch {
    // A read-only home, a full disk: the next run compiles again.
  }
}

/**
 * V8 flags of a CLI run, set before the bundle allocates anything. V8 moves objects from an allocation site straight to
 * the old generation once most of them outlive a young collection; an analysis keeps a file's tree and facts for as long
 * as that file takes, so on a large project its hottest sites get tenured, the old generation fills with trees of files
 * long done, and a run took up to twice as long with 1.1 GB instead of 430 MB (10,000 files, one thread, in about half
 * of the runs). Flags are process-wide: worker threads share them.
 */
export const RUN_FLAGS = ['--no-allocation-site-pretenuring'];

if (require.main === module) for (const f of RUN_FLAGS) setFlagsFromString(f);
if (require.main === module || !isMainThread) runCached(join(__dirname, 'cli-main.js'), cacheDir(), __filename);
