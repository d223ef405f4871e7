/**
 * A real LSP client for the server tests: spawns the server (from source, through tsx) with `--stdio` and talks
 * to it with vscode-languageserver-protocol over its stdin/stdout. No VS Code involved.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const REPO = resolve(__dirname, '../..');
export const FIXTURES = join(REPO, 'test/fixtures/workspace');
const SERVER_MAIN = join(REPO, 'server/src/main.ts');

export const uriOf = (path: string): string => pathToFileURL(path).href;

export interface StartOptions {
  root: string;
  /** Ask for pull diagnostics (`textDocument/diagnostic`); push otherwise. */
  pull?: boolean;
  clientCommands?: boolean;
  /** The `jitterbitGuard` settings section returned for workspace/configuration. */
  settings?: Record<string, unknown>;
}

interface Waiter<T> {
  test: (v: T) => boolean;
  resolve: (v: T) => void;
}

/** A copy of the fixture workspace in a temp dir, for tests that change files on disk. */
export function copyFixtures(): { root: string; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'jg-lsp-'));
  cpSync(FIXTURES, root, { recursive: true });
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

export class TestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: string[] = [];
  readonly progress: { token: string | number; title: string; value: { kind: string; message?: string; percentage?: number } }[] = [];
  private readonly progressTitles = new Map<string | number, string>();
  readonly statuses: { state: string }[] = [];
  settings: Record<string, unknown>;
  configurationRequests = 0;
  private diagWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private progressWaiters: Waiter<{ kind: string; title: string }>[] = [];
  private versions = new Map<string, number>();
  private texts = new Map<string, string>();
  private exited: Promise<unknown>;
  stderr = '';

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly conn: ProtocolConnection,
    readonly options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
    this.exited = once(proc, 'exit');
    proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.diagWaiters = this.diagWaiters.filter((w) => (w.test(p) ? (w.resolve(p), false) : true));
    });
    conn.onNotification('window/showMessage', (p: { type: number; message: string }) => this.messages.push(p));
    conn.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    conn.onNotification('jitterbitGuard/status', (p: { state: string }) => this.statuses.push(p));
    conn.onNotification('$/progress', (p: { token: string | number; value: { kind: string; title?: string } }) => {
      if (p.value.kind === 'begin') this.progressTitles.set(p.token, p.value.title ?? '');
      this.progress.push({ ...p, title: this.progressTitles.get(p.token) ?? '' });
      const v = { kind: p.value.kind, title: this.progressTitles.get(p.token) ?? '' };
      this.progressWaiters = this.progressWaiters.filter((w) => (w.test(v) ? (w.resolve(v), false) : true));
    });
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
      this.configurationRequests++;
      return p.items.map((i) => (i.section === 'jitterbitGuard' ? this.settings : null));
    });
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('client/unregisterCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      return null;
    });
    conn.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
      this.messages.push(p);
      return null;
    });
  }

  refreshes = 0;

  static async start(options: StartOptions): Promise<TestClient> {
    const proc = spawn(process.execPath, ['--import', 'tsx', SERVER_MAIN, '--stdio'], { cwd: REPO, stdio: 'pipe' });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new TestClient(proc, conn, options);
    conn.listen();
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        didChangeWatchedFiles: { dynamicRegistration: true },
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceFolders: true,
        diagnostics: options.pull ? { refreshSupport: true } : undefined,
        workspaceEdit: { documentChanges: false },
      },
      window: { workDoneProgress: true },
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        diagnostic: options.pull ? { dynamicRegistration: false, relatedDocumentSupport: false } : undefined,
        completion: { completionItem: { snippetSupport: true } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
        rename: { prepareSupport: true },
      },
    };
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(options.root),
      workspaceFolders: [{ uri: uriOf(options.root), name: 'fixtures' }],
      capabilities,
      initializationOptions: { clientCommands: options.clientCommands ?? false },
    });
    // Ready when the project is indexed and warmed up (the second progress: "analysing").
    const indexed = client.waitForProgress((v) => v.kind === 'end' && /analysing/.test(v.title));
    await conn.sendNotification('initialized', {});
    await indexed;
    return client;
  }

  waitForProgress(test: (v: { kind: string; title: string }) => boolean, timeoutMs = 15000): Promise<{ kind: string; title: string }> {
    return withTimeout(new Promise((resolve) => this.progressWaiters.push({ test, resolve })), timeoutMs, 'progress');
  }

  /** Resolves with the next publishDiagnostics for `uri` that satisfies `test` (must be set up BEFORE the trigger). */
  nextDiagnostics(uri: string, test: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 15000): Promise<Diagnostic[]> {
    const p = new Promise<PublishDiagnosticsParams>((resolve) => this.diagWaiters.push({ test: (x) => x.uri === uri && test(x.diagnostics), resolve }));
    return withTimeout(p, timeoutMs, `diagnostics for ${uri}`).then((x) => x.diagnostics);
  }

  textOf(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  async open(path: string, languageId = 'jitterbit', text = readFileSync(path, 'utf8')): Promise<string> {
    const uri = uriOf(path);
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Sends incremental changes; keeps the client-side text in step. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const doc = TextDocument.create(uri, 'jitterbit', version - 1, this.textOf(uri));
    TextDocument.update(doc, changes, version);
    this.texts.set(uri, doc.getText());
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Replaces the whole text through one incremental change covering the old text. */
  async setText(uri: string, text: string): Promise<number> {
    const old = TextDocument.create(uri, 'jitterbit', 0, this.textOf(uri));
    return this.change(uri, [{ range: { start: { line: 0, character: 0 }, end: old.positionAt(old.getText().length) }, text }]);
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    try {
      await withTimeout(this.conn.sendRequest('shutdown'), 5000, 'shutdown');
      await this.conn.sendNotification('exit');
      await withTimeout(this.exited, 5000, 'server exit');
    } finally {
      this.conn.dispose();
      if (this.proc.exitCode === null) this.proc.kill();
    }
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

/** Applies a WorkspaceEdit's changes for one URI to a text. */
export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit | null | undefined, uri: string): string {
  const edits = edit?.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'jitterbit', 0, text), edits);
}
