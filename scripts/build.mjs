// Bundles the three entry points with esbuild. The client keeps `vscode` external (the host provides it);
// the server and the CLI are self-contained so the packaged extension needs no node_modules.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
// --production (npm run package): minified, no source maps, for the .vsix.
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: { __JG_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
};
const entries = [
  // The CLI: a small launcher (`bin`) that runs the main bundle from a V8 code cache (see core/src/cli/launch.ts).
  { entryPoints: ['core/src/cli/launch.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['core/src/cli/main.ts'], outfile: 'dist/cli-main.js' },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
].filter((e) => existsSync(e.entryPoints[0]));

if (watch) {
  for (const e of entries) await (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
}
