// Pieces both e2e launchers share (run.mjs: the extension from the source tree; run-packaged.mjs: the installed
// .vsix): a free loopback port, and waiting for code-server to say it listens.
import { createServer } from 'node:net';

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
