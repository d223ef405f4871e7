import {
  DidChangeWatchedFilesNotification,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  CodeActionKind,
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  FIX_ALL_KIND,
  ResolveExtractRequest,
  StatusNotification,
  type GuardSettings,
  type ResolveExtractParams,
  type StatusParams,
} from '../../protocol/src/index';
import { ConfigCache } from './config';
import { configFileActions } from './config-file';
import { CodeActionProvider } from './features/code-actions';
import { LanguageFeatures } from './features/language';
import { VaultFeature } from './features/vault';
import { findSupportedFiles, isOtherToolsConf, isSupportedPath, readIndexable, WATCH_GLOBS, yieldToEventLoop, type SkippedFile } from './indexer';
import { pathToUri, uriToPath } from './paths';
import { GuardService } from './service';
import { SettingsStore } from './settings';

/** Analyses cheaper than this run on every keystroke; dearer ones wait for a pause in typing. */
const CHEAP_ANALYSIS_MS = 50;
const TYPING_DEBOUNCE_MS = 200;
const INDEX_CHUNK = 64;
const WARM_SLICE_MS = 15;

export interface ClientCapabilitiesSummary {
  pull: boolean;
  refresh: boolean;
  configuration: boolean;
  watchDynamic: boolean;
  configurationDynamic: boolean;
  snippets: boolean;
  related: boolean;
  workspaceFolders: boolean;
  clientCommands: boolean;
}

function summarize(params: InitializeParams): ClientCapabilitiesSummary {
  const c = params.capabilities;
  const init = (params.initializationOptions ?? {}) as { clientCommands?: boolean };
  return {
    pull: !!c.textDocument?.diagnostic,
    refresh: !!c.workspace?.diagnostics?.refreshSupport,
    configuration: !!c.workspace?.configuration,
    watchDynamic: !!c.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    configurationDynamic: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    snippets: !!c.textDocument?.completion?.completionItem?.snippetSupport,
    related: !!c.textDocument?.publishDiagnostics?.relatedInformation,
    workspaceFolders: !!c.workspace?.workspaceFolders,
    clientCommands: init.clientCommands === true,
  };
}

/** Wires the LSP connection to the core (through GuardService). Transport-agnostic: IPC, stdio or in-process. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let caps: ClientCapabilitiesSummary = summarize({ capabilities: {}, processId: null, rootUri: null });
  let folders: string[] = [];
  const settings = new SettingsStore(connection, () => caps.configuration);
  const service = new GuardService(documents, settings);
  let actions = new CodeActionProvider(service, { clientCommands: false });
  const language = new LanguageFeatures(service, () => caps.snippets);
  const vault = new VaultFeature(connection, service);
  const lastChange = new Map<string, number>();
  const previousChange = new Map<string, number>();
  const savedVersion = new Map<string, number>();
  const pushTimers = new Map<string, NodeJS.Timeout>();
  let indexing: { indexed: number; total: number } | undefined;
  /** Resolves when the project-wide summaries are warm; analyses wait for it instead of blocking the thread. */
  let warmed: Promise<void> = Promise.resolve();
  let warming = false;
  let shuttingDown = false;
  const reportedProblems = new Set<string>();

  // ---- status bar -----------------------------------------------------------------------------------------
  let statusQueued = false;
  const sendStatus = (): void => {
    if (statusQueued || shuttingDown) return;
    statusQueued = true;
    setImmediate(() => {
      statusQueued = false;
      const totals = service.totals();
      const params: StatusParams = indexing
        ? { state: 'indexing', indexed: indexing.indexed, total: indexing.total, ...totals }
        : warming
          ? { state: 'analyzing', ...totals }
          : { state: 'idle', ...totals };
      void connection.sendNotification(StatusNotification, params).catch(() => undefined);
      vault.changed(); // the index or an analysis changed: the Secrets Vault view refreshes (debounced)
    });
  };

  const reportConfigProblems = (problems: { path: string; message: string }[]): void => {
    for (const p of problems) {
      const id = `${p.path}\u0000${p.message}`;
      if (reportedProblems.has(id)) continue;
      reportedProblems.add(id);
      // The message names the file (and line:col of a JSON error).
      connection.console.warn(p.message);
      void connection.window.showWarningMessage(`Jitterbit Guard: ${p.message}`);
    }
  };

  // ---- diagnostics ------------------------------------------------------------------------------------------
  const analyzeNow = (uri: string, s: GuardSettings) => {
    const entry = service.analyze(uri, s);
    reportConfigProblems(service.config.forFile(uriToPath(uri)).problems);
    sendStatus();
    return entry;
  };

  /**
   * Debounce with a leading edge: cheap analyses run on every change; a dear one runs at once after a pause
   * (the first keystroke gets instant feedback) and otherwise waits until typing pauses for 200 ms.
   */
  const debounceDelay = (uri: string): number => {
    const cost = service.cached(uri)?.cost ?? 0;
    if (cost < CHEAP_ANALYSIS_MS) return 0;
    const last = lastChange.get(uri) ?? 0;
    if (last - (previousChange.get(uri) ?? 0) > TYPING_DEBOUNCE_MS) return 0;
    return Math.max(0, TYPING_DEBOUNCE_MS - (Date.now() - last));
  };

  const publish = async (uri: string): Promise<void> => {
    pushTimers.delete(uri);
    const doc = documents.get(uri);
    if (!doc || shuttingDown) return;
    const s = await settings.get(uri);
    if (!s.enable) {
      service.forget(uri);
      await connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    await warmed;
    if (!documents.get(uri)) return;
    const entry = analyzeNow(uri, s);
    await connection.sendDiagnostics({ uri, version: entry.version, diagnostics: entry.diagnostics });
  };

  const schedulePush = (uri: string, immediate = false): void => {
    const old = pushTimers.get(uri);
    if (old) clearTimeout(old);
    const delay = immediate ? 0 : debounceDelay(uri);
    pushTimers.set(uri, setTimeout(() => void publish(uri).catch((e) => connection.console.error(`diagnostics failed: ${String(e)}`)), delay));
  };

  let refreshQueued = false;
  /** Everything open may have changed (settings, config file, index): re-pull or re-push. */
  const refreshAll = (uris?: string[]): void => {
    if (caps.pull) {
      if (!caps.refresh || refreshQueued) return;
      refreshQueued = true;
      setImmediate(() => {
        refreshQueued = false;
        connection.languages.diagnostics.refresh();
      });
    } else {
      for (const uri of uris ?? documents.all().map((d) => d.uri)) schedulePush(uri, true);
    }
  };

  const pullDiagnostics = async (uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> => {
    const doc = documents.get(uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const s = await settings.get(uri);
    if (!s.enable) {
      service.forget(uri);
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
    if (s.run === 'onSave') {
      const saved = savedVersion.get(uri);
      const last = service.cached(uri);
      if (last && saved !== doc.version) return { kind: DocumentDiagnosticReportKind.Full, resultId: last.resultId, items: last.diagnostics };
    }
    const wait = debounceDelay(uri);
    if (wait > 0) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, wait);
        token.onCancellationRequested(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    await warmed;
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded by a newer edit', { retriggerRequest: true });
    if (!documents.get(uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const entry = analyzeNow(uri, s);
    if (previousResultId && previousResultId === entry.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: entry.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: entry.resultId, items: entry.diagnostics };
  };

  // ---- documents ------------------------------------------------------------------------------------------------
  documents.onDidOpen((e) => {
    savedVersion.set(e.document.uri, e.document.version);
  });

  documents.onDidChangeContent((e) => {
    const { uri, version } = e.document;
    previousChange.set(uri, lastChange.get(uri) ?? 0);
    lastChange.set(uri, Date.now());
    service.update(uri, e.document.getText(), version);
    if (caps.pull) return; // the client pulls this document (and, with interFileDependencies, the other open ones)
    void settings.get(uri).then((s) => {
      if (s.run === 'onType' || savedVersion.get(uri) === version) schedulePush(uri);
      else setImmediate(() => service.settle());
    });
  });
  // Dependents of a change, found when the next analysis settles it: re-push them, or ask the client to re-pull.
  service.onAffected = (uris) => refreshAll(uris);
  // A file that is not open is read again when needed; one that cannot be is named once in the output channel.
  const unreadable = new Set<string>();
  service.onUnreadable = (message) => {
    if (unreadable.has(message)) return;
    unreadable.add(message);
    connection.console.warn(`${message}: it is left out of the analysis until it changes on disk.`);
  };

  documents.onDidSave((e) => {
    savedVersion.set(e.document.uri, e.document.version);
    void settings.get(e.document.uri).then((s) => {
      if (s.run !== 'onSave') return;
      if (caps.pull) refreshAll();
      else schedulePush(e.document.uri, true);
    });
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    settings.forget(uri);
    savedVersion.delete(uri);
    lastChange.delete(uri);
    previousChange.delete(uri);
    const t = pushTimers.get(uri);
    if (t) clearTimeout(t);
    pushTimers.delete(uri);
    service.forget(uri);
    if (!caps.pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
    // The file on disk (if any) is what the index knows from now on.
    const path = uriToPath(uri);
    void readIndexable(path).then((r) => {
      if (r && 'text' in r) {
        service.updateStored(uri, r.stamp, r.text);
        service.settle();
      } else {
        const affected = service.remove(uri);
        if (affected.length) refreshAll(affected);
      }
      sendStatus();
    });
  });

  // ---- lifecycle -------------------------------------------------------------------------------------------------
  connection.onInitialize((params): InitializeResult => {
    caps = summarize(params);
    service.relatedInformation = caps.related;
    actions = new CodeActionProvider(service, { clientCommands: caps.clientCommands });
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    if (folders.length === 0 && params.rootUri) folders = [uriToPath(params.rootUri)];
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll] },
        completionProvider: { triggerCharacters: ['$', '.', '>', ':', '"', "'"], resolveProvider: false },
        hoverProvider: true,
        signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [','] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'jitterbit-guard', version: '0.1.0' },
    };
    if (caps.pull) {
      result.capabilities.diagnosticProvider = { identifier: 'jitterbit-guard', interFileDependencies: true, workspaceDiagnostics: false };
    }
    return result;
  });

  connection.onInitialized(() => {
    if (caps.watchDynamic) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCH_GLOBS.map((globPattern) => ({ globPattern })) });
    }
    if (caps.configurationDynamic) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'jitterbitGuard' });
    if (caps.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) folders = folders.filter((p) => p !== uriToPath(f.uri));
        const added = e.added.map((f) => uriToPath(f.uri));
        folders.push(...added);
        void indexWorkspace(added);
      });
    }
    connection.console.info(`Jitterbit Guard server started (${caps.pull ? 'pull' : 'push'} diagnostics).`);
    void indexWorkspace(folders);
  });

  connection.onShutdown(() => {
    shuttingDown = true;
    vault.dispose();
    for (const t of pushTimers.values()) clearTimeout(t);
    pushTimers.clear();
  });

  // ---- workspace index ------------------------------------------------------------------------------------------
  const indexWorkspace = async (roots: string[]): Promise<void> => {
    if (roots.length === 0) return;
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('Jitterbit Guard: indexing', 0, 'looking for scripts', true);
    const cancelled = () => progress.token.isCancellationRequested || shuttingDown;
    const files: string[] = [];
    for (const r of roots) files.push(...(await findSupportedFiles(r, cancelled)));
    indexing = { indexed: 0, total: files.length };
    sendStatus();
    const skipped: SkippedFile[] = [];
    let stored = 0;
    const t0 = Date.now();
    for (let i = 0; i < files.length && !cancelled(); i += INDEX_CHUNK) {
      const chunk = files.slice(i, i + INDEX_CHUNK);
      const read = await Promise.all(chunk.map((p) => readIndexable(p)));
      chunk.forEach((path, j) => {
        const r = read[j];
        if (!r) return;
        if ('skipped' in r) {
          skipped.push({ path, reason: r.skipped });
          return;
        }
        const uri = pathToUri(path);
        stored++;
        if (documents.get(service.uriOf(path))) return; // the open document is the authority
        service.updateStored(uri, r.stamp, r.text, false);
      });
      indexing.indexed = Math.min(files.length, i + chunk.length);
      progress.report(Math.round((indexing.indexed / Math.max(1, files.length)) * 100), `${indexing.indexed}/${files.length} files`);
      sendStatus();
      await yieldToEventLoop();
    }
    connection.console.info(`Indexed ${stored} files in ${Date.now() - t0} ms.`);
    if (skipped.length) {
      for (const s of skipped) connection.console.warn(`Skipped ${s.path}: ${s.reason}`);
      void connection.window.showWarningMessage(`Jitterbit Guard skipped ${skipped.length} file${skipped.length === 1 ? '' : 's'} that ${skipped.length === 1 ? 'is' : 'are'} too large or binary (see the output channel).`);
    }
    progress.done();
    indexing = undefined;
    warmed = warmUp(files.filter((f) => !skipped.some((s) => s.path === f)));
    await warmed;
    service.invalidateAll();
    refreshAll();
    sendStatus();
  };

  /**
   * Summarises every indexed file in time slices of ~15 ms, yielding between them, so the first analysis of an
   * open document (which needs every file's globals) never blocks the server for the whole project at once.
   */
  const warmUp = async (files: string[]): Promise<void> => {
    const prepare = service.project.prepare?.bind(service.project);
    if (!prepare || files.length === 0) return;
    warming = true;
    sendStatus();
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('Jitterbit Guard: analysing', 0, `0/${files.length} files`, false);
    const t0 = Date.now();
    let i = 0;
    while (i < files.length && !shuttingDown) {
      const deadline = performance.now() + WARM_SLICE_MS;
      while (i < files.length && performance.now() < deadline) prepare(files[i++]);
      progress.report(Math.round((i / files.length) * 100), `${i}/${files.length} files`);
      await yieldToEventLoop();
    }
    progress.done();
    warming = false;
    sendStatus();
    connection.console.info(`Summarised ${files.length} files in ${Date.now() - t0} ms.`);
  };

  connection.onDidChangeWatchedFiles(async (params) => {
    const affected = new Set<string>();
    let configChanged = false;
    for (const change of params.changes) {
      const path = uriToPath(change.uri);
      if (ConfigCache.isConfigFile(path)) {
        service.config.invalidate(path);
        configChanged = true;
        continue;
      }
      if (!isSupportedPath(path)) continue;
      if (documents.get(service.uriOf(path))) continue;
      if (change.type === FileChangeType.Deleted) {
        for (const a of service.remove(change.uri)) affected.add(a);
        continue;
      }
      const r = await readIndexable(path);
      if (r && 'text' in r) service.updateStored(change.uri, r.stamp, r.text);
      // Gone, or no longer indexable (a `.conf` file that lost jitterbit.conf's sections): out of the index.
      else if (!r) for (const a of service.remove(change.uri)) affected.add(a);
    }
    service.settle();
    if (configChanged) {
      service.invalidateAll();
      reportedProblems.clear();
      refreshAll();
    } else if (affected.size) {
      refreshAll([...affected]);
    }
    sendStatus();
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params.settings);
    service.invalidateAll();
    refreshAll();
  });

  // ---- requests ---------------------------------------------------------------------------------------------------
  connection.languages.diagnostics.on((params, token) => pullDiagnostics(params.textDocument.uri, params.previousResultId, token));

  connection.onCodeAction((params, token) => {
    if (token.isCancellationRequested) return null;
    if (ConfigCache.isConfigFile(uriToPath(params.textDocument.uri))) return configFileActions(params);
    return actions.provide(params);
  });

  connection.onRequest(ResolveExtractRequest, (params: ResolveExtractParams) => actions.resolveExtract(params));
  vault.register();

  const withDoc = <T>(uri: string, token: CancellationToken, f: (doc: TextDocument) => T, empty: T): T => {
    const doc = documents.get(uri);
    if (!doc || token.isCancellationRequested || isOtherToolsConf(uriToPath(uri), doc.getText())) return empty;
    return f(doc);
  };
  /** Like withDoc, for features that read every file's summary: they wait (without blocking) for the warm-up. */
  const withWarmDoc = async <T>(uri: string, token: CancellationToken, f: (doc: TextDocument) => T, empty: T): Promise<T> => {
    await warmed;
    return withDoc(uri, token, f, empty);
  };

  // While the project warms up, completion offers functions and Jitterbit variables without the project's names.
  connection.onCompletion((p, token) => withDoc(p.textDocument.uri, token, (d) => language.completion(d, p.position, !warming), []));
  connection.onHover((p, token) => withWarmDoc(p.textDocument.uri, token, (d) => language.hover(d, p.position), null));
  connection.onSignatureHelp((p, token) => withDoc(p.textDocument.uri, token, (d) => language.signatureHelp(d, p.position), null));
  connection.onDocumentSymbol((p, token) => withWarmDoc(p.textDocument.uri, token, (d) => language.documentSymbols(d), []));
  connection.onFoldingRanges((p, token) => withDoc(p.textDocument.uri, token, (d) => language.foldingRanges(d), []));
  connection.onDefinition((p, token) => withWarmDoc(p.textDocument.uri, token, (d) => language.definition(d, p.position), []));
  connection.onReferences((p, token) => withWarmDoc(p.textDocument.uri, token, (d) => language.references(d, p.position, p.context.includeDeclaration), []));
  connection.onPrepareRename((p, token) => withWarmDoc(p.textDocument.uri, token, (d) => language.prepareRename(d, p.position), null));
  connection.onRenameRequest((p, token) => withWarmDoc(p.textDocument.uri, token, (d) => language.rename(d, p.position, p.newName), null));

  documents.listen(connection);
  connection.listen();
}
