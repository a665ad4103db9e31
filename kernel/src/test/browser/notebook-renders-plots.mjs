// Browser test: a real Jupyter Notebook server, the installed `deepbrew` kernelspec and headless
// Chromium. Runs a cell that draws a Tablesaw plotly figure and one that draws an XChart, then
// checks that both were drawn in the page (not just sent as messages). Saves a screenshot to
// target/browser/notebook.png. Exits non-zero on failure; always stops the server and its kernels.
//
//   node notebook-renders-plots.mjs          (after ./deepbrew setup, from this folder)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../../..');
const PYTHON = process.env.DEEPBREW_PYTHON || '/usr/bin/python3';
const CHROMIUM = process.env.DEEPBREW_CHROMIUM || '/usr/bin/chromium';
const SCREENSHOT = join(ROOT, 'target', 'browser', 'notebook.png');
const KERNELSPECS = join(ROOT, 'target', 'jupyter');
const TIMEOUT_MS = 180_000;

const CELLS = [
  ['plotly', [
    'Table squares = Table.create("squares",',
    '    DoubleColumn.create("x", 1, 2, 3, 4, 5), DoubleColumn.create("y", 1, 4, 9, 16, 25));',
    'LinePlot.create("Squares (Tablesaw + plotly)", squares, "x", "y")',
  ]],
  ['xchart', [
    'XYChart chart = new XYChartBuilder().width(480).height(300).title("Lines (XChart)").build();',
    'chart.addSeries("y = 2x", new double[] {0, 1, 2, 3}, new double[] {0, 2, 4, 6});',
    'chart',
  ]],
];

function log(...args) {
  console.log('[browser-test]', ...args);
}

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

function notebookJson() {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'deepbrew', display_name: 'Java (DeepBrew)', language: 'java' },
      language_info: { name: 'java' },
    },
    cells: CELLS.map(([id, lines]) => ({
      id, cell_type: 'code', metadata: {}, execution_count: null, outputs: [],
      source: lines.map((l, i) => (i < lines.length - 1 ? l + '\n' : l)),
    })),
  };
}

async function waitForServer(base, token, server) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`notebook server exited with ${server.exitCode}`);
    try {
      const res = await fetch(`${base}/api/status?token=${token}`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('notebook server did not start within 60 s');
}

async function shutdownKernels(base, token) {
  try {
    const kernels = await (await fetch(`${base}/api/kernels?token=${token}`)).json();
    await Promise.all(kernels.map((k) => fetch(`${base}/api/kernels/${k.id}?token=${token}`, { method: 'DELETE' })));
    return kernels.length;
  } catch {
    return 0;
  }
}

function stopServer(server) {
  return new Promise((ok) => {
    if (server.exitCode !== null || server.signalCode !== null) return ok();
    const kill = setTimeout(() => { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }, 10_000);
    server.once('exit', () => { clearTimeout(kill); ok(); });
    try { process.kill(-server.pid, 'SIGTERM'); } catch { clearTimeout(kill); ok(); }
  });
}

async function main() {
  if (!existsSync(join(KERNELSPECS, 'kernels', 'deepbrew', 'kernel.json'))) {
    throw new Error(`no deepbrew kernelspec under ${KERNELSPECS}: run ./deepbrew setup first`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);

  const work = mkdtempSync(join(tmpdir(), 'deepbrew-browser-'));
  const notebooks = join(work, 'notebooks');
  mkdirSync(notebooks);
  writeFileSync(join(notebooks, 'plots.ipynb'), JSON.stringify(notebookJson(), null, 1));
  const port = await freePort();
  const token = randomBytes(24).toString('hex');
  const base = `http://127.0.0.1:${port}`;

  log(`starting Jupyter Notebook on port ${port}`);
  const server = spawn(PYTHON, ['-m', 'notebook', '--no-browser', '--ip=127.0.0.1', `--port=${port}`,
    '--port-retries=0', `--NotebookApp.token=${token}`, `--notebook-dir=${notebooks}`,
    // Containers and CI often run as root; the server refuses that unless told it is deliberate.
    ...(process.getuid && process.getuid() === 0 ? ['--allow-root'] : [])], {
    detached: true, // its own process group, so the whole server goes down with one signal
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      JUPYTER_PATH: [KERNELSPECS, process.env.JUPYTER_PATH].filter(Boolean).join(':'),
      JUPYTER_RUNTIME_DIR: join(work, 'runtime'),
      JUPYTER_CONFIG_DIR: join(work, 'config'),
      DJL_OFFLINE: 'true',
    },
  });
  let serverLog = '';
  server.stdout.on('data', (d) => { serverLog += d; });
  server.stderr.on('data', (d) => { serverLog += d; });

  let context;
  let failure = null;
  try {
    await waitForServer(base, token, server);
    context = await chromium.launchPersistentContext(join(work, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1100, height: 1400 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = context.pages()[0] || await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    // Only the local server may be reached: a plot that needs a CDN must fail here, as it would offline.
    await page.route('**/*', (route) => (route.request().url().startsWith(base) || route.request().url().startsWith('data:')
      ? route.continue() : route.abort()));

    await page.goto(`${base}/notebooks/plots.ipynb?token=${token}`, { timeout: 60_000 });
    log('waiting for the kernel');
    await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
      && Jupyter.notebook.kernel.is_connected() && Jupyter.notebook.kernel_busy === false
      && document.querySelector('#kernel_indicator_icon.kernel_idle_icon'), null, { timeout: 120_000 });
    await page.evaluate(() => Jupyter.notebook.execute_all_cells());
    log('cells submitted; waiting for the plots');

    await page.waitForFunction(() => Jupyter.notebook.get_cells().every((c) => c.get_text() === ''
      || (c.input_prompt_number !== '*' && c.input_prompt_number !== null && c.input_prompt_number !== undefined)),
    null, { timeout: TIMEOUT_MS });

    const errors = await page.$$eval('.output_error, .output_stderr', (els) => els.map((e) => e.innerText));
    if (errors.length) throw new Error(`cells reported errors:\n${errors.join('\n')}`);

    const plotly = page.locator('.cell').nth(0).locator('.output .main-svg');
    await plotly.first().waitFor({ state: 'attached', timeout: 30_000 });
    const plotBox = await plotly.first().boundingBox();
    if (!plotBox || plotBox.width < 50 || plotBox.height < 50) {
      throw new Error(`the plotly figure has no visible size: ${JSON.stringify(plotBox)}`);
    }
    const traces = await page.locator('.cell').nth(0).locator('.output .scatterlayer .trace').count();
    if (traces < 1) throw new Error('the plotly figure drew no trace');
    log(`plotly figure drawn: ${Math.round(plotBox.width)}x${Math.round(plotBox.height)}, ${traces} trace(s)`);

    // The notebook draws the richest type it knows: XChart's SVG when the bundle carries one,
    // else the PNG. Either way the drawing must have a size, and the PNG must decode in the browser.
    const drawn = page.locator('.cell').nth(1).locator('.output img[src^="data:image/png"], .output .output_svg svg');
    await drawn.first().waitFor({ state: 'attached', timeout: 30_000 });
    const drawnBox = await drawn.first().boundingBox();
    if (!drawnBox || drawnBox.width < 50 || drawnBox.height < 50) {
      throw new Error(`the XChart output has no visible size: ${JSON.stringify(drawnBox)}`);
    }
    const drawnAs = await drawn.first().evaluate((el) => el.tagName.toLowerCase());
    const size = await page.evaluate(async () => {
      const outputs = Jupyter.notebook.get_cell(1).output_area.outputs;
      const png = outputs.map((o) => o.data && o.data['image/png']).find(Boolean);
      if (!png) return null;
      const img = new Image();
      img.src = 'data:image/png;base64,' + png.replace(/\n/g, '');
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    });
    if (!size || !(size.width > 0 && size.height > 0)) {
      throw new Error(`the XChart output carries no PNG that decodes: ${JSON.stringify(size)}`);
    }
    log(`XChart drawn as ${drawnAs} ${Math.round(drawnBox.width)}x${Math.round(drawnBox.height)}; `
      + `its PNG decodes to ${size.width}x${size.height}`);

    if (pageErrors.length) log(`page errors (not fatal): ${pageErrors.join(' | ')}`);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    log(`screenshot: ${SCREENSHOT}`);
  } catch (e) {
    failure = e;
    if (context) {
      try {
        mkdirSync(dirname(SCREENSHOT), { recursive: true });
        await context.pages()[0]?.screenshot({ path: SCREENSHOT, fullPage: true });
        log(`screenshot of the failure: ${SCREENSHOT}`);
      } catch { /* no page to capture */ }
    }
  } finally {
    if (context) await context.close().catch(() => {});
    const stopped = await shutdownKernels(base, token);
    if (stopped) log(`stopped ${stopped} kernel(s)`);
    await stopServer(server);
    rmSync(work, { recursive: true, force: true });
  }
  if (failure) {
    console.error('[browser-test] FAILED:', failure.message);
    console.error('[browser-test] server log (tail):\n' + serverLog.split('\n').slice(-30).join('\n'));
    process.exit(1);
  }
  log('ok');
}

main().catch((e) => {
  console.error('[browser-test] FAILED:', e.stack || e);
  process.exit(1);
});
