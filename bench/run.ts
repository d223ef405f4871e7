// `npm run bench`: every benchmark side by side with its anchor (the community parser, secretlint), measured in the
// same run; ratios, not absolute times, are what to compare across machines. `--only parser|cli|lsp` narrows it.
import { runCliBench } from './cli.bench';
import { runParserBench } from './parser.bench';

async function main(): Promise<void> {
  const i = process.argv.indexOf('--only');
  const only = i >= 0 ? process.argv[i + 1] : undefined;
  if (!only || only === 'parser') await runParserBench();
  if (!only || only === 'cli') await runCliBench();
  if (!only || only === 'lsp') {
    // The LSP benchmark is optional (its module may not exist in older checkouts).
    const lsp = (await import('./lsp.bench').catch(() => undefined)) as { runLspBench?: () => Promise<void> } | undefined;
    if (lsp?.runLspBench) await lsp.runLspBench();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
