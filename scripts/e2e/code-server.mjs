// Pieces both e2e launchers share (run.mjs: the extension from the source tree; run-packaged.mjs: the installed
// .vsix): a free loopback port, and waiting for code-server to say it listens.
import { spawn } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Resolves when code-server logs that it listens (an event on its output), rejects if it exits first. */
export function waitListening(child, logStream) {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 120 s:\n${seen}`)), 120000);
    const onData = (chunk) => {
      logStream.write(chunk);
      seen += chunk.toString();
      if (/HTTP server listening on/.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}):\n${seen}`));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1:port with throw-away dirs under `run` (config, user data, extensions), in its own
 * process group so `stop()` also ends the extension host and the language server it forks. `listening` resolves
 * when it serves; the log goes to `run/code-server.log`.
 */
export function startCodeServer({ bin, run, port, extra = [], env }) {
  writeFileSync(join(run, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = join(run, 'code-server.log');
  const logStream = createWriteStream(logFile, { flags: 'a' });
  const cs = spawn(bin, [
    '--config', join(run, 'config.yaml'), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', join(run, 'ud'), '--extensions-dir', join(run, 'exts'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', ...extra,
  ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const listening = waitListening(cs, logStream);
  const stop = () => {
    try {
      process.kill(-cs.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  const exited = () => new Promise((r) => (cs.exitCode !== null ? r() : cs.once('exit', r)));
  return { cs, listening, stop, exited, logFile, logStream };
}
