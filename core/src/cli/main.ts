import { isMainThread, workerData } from 'node:worker_threads';
import { TOOL_NAME } from '../version';
import { workerMain } from './worker-main';
import { isWorkerData } from './workers';
import { runCli } from './run';

// Entry of `jitterbit-guard` (bundled to dist/cli-main.js, started by dist/cli.js: see launch.ts). The same bundle is
// the worker script of the thread pool, started through the launcher when there is one.
const launcher = (globalThis as { __jitterbitGuardLauncher?: string }).__jitterbitGuardLauncher;
if (!isMainThread && isWorkerData(workerData)) {
  workerMain();
} else {
  // `jitterbit-guard … | head`: a closed pipe ends the run quietly instead of with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  runCli(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, script: launcher ?? __filename }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${TOOL_NAME}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
