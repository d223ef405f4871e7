import type * as vscode from 'vscode';

/**
 * Removes secret values from LSP trace text. The only message that carries one is the response to
 * `jitterbitGuard/resolveExtract`, whose `secretValue` field the trace prints as JSON.
 */
export function redactSecrets(text: string): string {
  return text.replace(/("secretValue"\s*:\s*)"(?:[^"\\]|\\.)*"/g, '$1"[redacted]"');
}

/** An output channel that redacts secret values before forwarding (used as the client's trace channel). */
export function redactingChannel(target: vscode.OutputChannel): vscode.OutputChannel {
  return {
    name: target.name,
    append: (value: string) => target.append(redactSecrets(value)),
    appendLine: (value: string) => target.appendLine(redactSecrets(value)),
    replace: (value: string) => target.replace(redactSecrets(value)),
    clear: () => target.clear(),
    show: (a?: unknown, b?: boolean) => (typeof a === 'boolean' ? target.show(a) : target.show(a as vscode.ViewColumn | undefined, b)),
    hide: () => target.hide(),
    dispose: () => target.dispose(),
  };
}
