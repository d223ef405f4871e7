// VS Code client: starts the language server over IPC and contributes commands, the status bar item and the
// language detection of Jitterbit JavaScript `.js` files. Everything registered goes to context.subscriptions.
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  AGENT_CONF_GLOBS,
  Commands,
  LANGUAGE_ID_JAVASCRIPT,
  LANGUAGE_ID_SCRIPT,
  StatusNotification,
  type ExtractCommandArgs,
  type StatusParams,
} from '../../protocol/src/index';
import { extractToProjectVariable, openRuleDocs, selectSuppressionReason } from './commands';
import { redactingChannel } from './redact';
import { StatusItem } from './status';
import { SecretVault } from './vault';
import { SecretStorageProvider } from './vault/provider';
import { registerVault, type VaultRenameHook, type VaultTestApi } from './vault/register';
import { VaultStore } from './vault/store';

/** The API the extension returns from activate (tests use it; the Secrets Vault part is for tests only, see docs/vault.md). */
export interface JitterbitGuardApi extends VaultTestApi {
  /** Resolves once the language server is running. */
  ready(): Promise<void>;
  /** SHA-256 of a project variable's stored value, or undefined when none is stored. */
  vaultDigest(resource: vscode.Uri, name: string, environment?: string): Promise<string | undefined>;
}

const SELECT_REASON_COMMAND = 'jitterbitGuard.selectSuppressionReason';
const JS_TAG = /^\s*<javascript>/;

let client: LanguageClient | undefined;

/** `.js` files belong to VS Code's JavaScript by extension; a `<javascript>` first line makes them Jitterbit JavaScript. */
async function claimJitterbitJavaScript(doc: vscode.TextDocument): Promise<void> {
  if (doc.languageId !== 'javascript') return;
  if (!vscode.workspace.getConfiguration('jitterbitGuard', doc.uri).get<boolean>('claimJavaScript', true)) return;
  if (!JS_TAG.test(doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 5), 0)))) return;
  await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID_JAVASCRIPT);
}

export async function activate(context: vscode.ExtensionContext): Promise<JitterbitGuardApi> {
  const output = vscode.window.createOutputChannel('Jitterbit Guard', { log: true });
  const trace = redactingChannel(vscode.window.createOutputChannel('Jitterbit Guard (trace)'));
  const status = new StatusItem();
  const store = new VaultStore(new SecretStorageProvider(context.secrets));
  const vault = new SecretVault(store);
  context.subscriptions.push(output, trace, status);

  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  /** Set once the vault is registered (it needs the client the options below create). */
  const vaultHooks: { rename?: VaultRenameHook } = {};
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID_SCRIPT },
      { language: LANGUAGE_ID_JAVASCRIPT },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'xml' },
      // jitterbit.conf, its copies and variants, and other `.conf` files (the server keeps those with its sections).
      ...AGENT_CONF_GLOBS.map((pattern) => ({ scheme: 'file', pattern })),
    ],
    outputChannel: output,
    traceOutputChannel: trace,
    initializationOptions: { clientCommands: true },
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: false },
    progressOnInitialization: true,
    // Renaming a project variable the manifest lists also renames it in the manifest and moves its vault values.
    middleware: {
      provideRenameEdits: async (document, position, newName, token, next) =>
        (await vaultHooks.rename?.(document, position, newName)) ?? next(document, position, newName, token),
    },
  };
  const lc = new LanguageClient('jitterbitGuard', 'Jitterbit Guard', serverOptions, clientOptions);
  client = lc;

  context.subscriptions.push(
    lc.onDidChangeState((e) => {
      if (e.newState === State.Stopped) status.stopped('The language server stopped; run "Jitterbit Guard: Restart Server".');
    }),
    lc.onNotification(StatusNotification, (p: StatusParams) => status.update(p)),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      output.info('Restarting the server.');
      await lc.restart();
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(Commands.openRuleDocs, (ruleId?: string, url?: string) => openRuleDocs(ruleId, url)),
    vscode.commands.registerCommand(Commands.extractToProjectVariable, (args?: ExtractCommandArgs) => extractToProjectVariable(lc, vault, output, args)),
    vscode.commands.registerCommand(SELECT_REASON_COMMAND, (args?: { uri: string; line: number }) => selectSuppressionReason(args)),
    vscode.workspace.onDidOpenTextDocument((d) => void claimJitterbitJavaScript(d)),
  );
  for (const d of vscode.workspace.textDocuments) void claimJitterbitJavaScript(d);

  const started = lc.start().catch((e: unknown) => {
    output.error(`The language server failed to start: ${e instanceof Error ? e.message : String(e)}`);
    status.stopped('The language server failed to start; see the output channel.');
    throw e;
  });
  // LanguageClient is disposable (stops the server) — registered like everything else.
  context.subscriptions.push({ dispose: () => void lc.dispose() });
  const { api: vaultApi, rename } = registerVault(context, lc, store, output, started);
  vaultHooks.rename = rename;

  return {
    ready: () => started,
    vaultDigest: (resource, name, environment) => vault.digest(resource, name, environment),
    ...vaultApi,
  };
}

export async function deactivate(): Promise<void> {
  if (client?.isRunning()) await client.stop();
  client = undefined;
}
