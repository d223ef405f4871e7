// Drives the VS Code web workbench of a running code-server with Debian chromium (playwright-core, no browser
// download) and runs an extension's mocha suite in code-server's real Node extension host.
// VS Code's web build takes --extensionDevelopmentPath/--extensionTestsPath from the `payload` URL parameter,
// forwards extension-host console output to window.codeAutomationLog and reports the result through
// window.codeAutomationExit(code).
// Usage: node driver.cjs --server URL --ext DIR --tests FILE.js --folder DIR [--timeout MS] [--screenshot PNG]
'use strict';
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const server = new URL(args.server);
const remote = (p) => `vscode-remote://${server.host}${path.resolve(p)}`;
const timeout = Number(args.timeout || 600000);

async function main() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'jg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  let finish;
  const finished = new Promise((r) => (finish = r));
  const page = context.pages()[0] || (await context.newPage());
  await page.exposeFunction('codeAutomationLog', (_type, a) => {
    const parts = Array.isArray(a) ? a : [a];
    console.log(...parts);
    // The suite's last test sets up the Problems panel and the quick-fix menu, logs this marker and waits
    // (fs.watch) for the screenshot file, which is written atomically (temp file + rename).
    if (args.screenshot && parts.some((x) => String(x).includes('JG_E2E_SCREENSHOT_NOW'))) void screenshot();
  });
  const screenshot = async () => {
    await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 15000 }).catch(() => console.error('[driver] no Problems row visible'));
    await page.waitForSelector('.action-widget', { timeout: 15000 }).catch(() => console.error('[driver] no quick-fix menu visible'));
    const tmp = `${args.screenshot}.tmp.png`;
    await page.screenshot({ path: tmp });
    fs.renameSync(tmp, args.screenshot);
    console.error('[driver] screenshot saved to', args.screenshot);
  };
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  if (process.env.SHOW_BROWSER_CONSOLE) page.on('console', (m) => console.error(`[browser ${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => console.error('[pageerror]', e.message));
  page.on('crash', () => finish('page crashed'));
  const url = new URL(server.href);
  url.searchParams.set('folder', path.resolve(args.folder));
  url.searchParams.set('payload', JSON.stringify([
    ['extensionDevelopmentPath', remote(args.ext)],
    ['extensionTestsPath', remote(args.tests)],
  ]));
  console.error('[driver] opening', url.href);
  const timer = setTimeout(() => finish(`timeout after ${timeout} ms`), timeout);
  await page.goto(url.href);
  const code = await finished;
  clearTimeout(timer);
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
  console.error('[driver] extension tests exit code:', code);
  return code === 0 ? 0 : 1;
}

main().then((c) => process.exit(c), (e) => {
  console.error('[driver]', e);
  process.exit(2);
});
