// LSP server entry point. Launched by the VS Code client over IPC (`--node-ipc`), and by any other editor with
// `node dist/server.js --stdio` (or `--socket=<port>`, `--pipe=<name>`).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket=', '--pipe=', '--clientProcessId'];

if (!process.argv.slice(2).some((a) => TRANSPORTS.some((t) => a.startsWith(t)))) {
  process.stderr.write('Jitterbit Guard language server\nusage: node dist/server.js --stdio   (or --node-ipc, --socket=<port>, --pipe=<name>)\n');
  process.exit(2);
}

startServer(createConnection(ProposedFeatures.all));
