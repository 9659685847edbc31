// The dashboard on the benchmark estate (scale 1: 200 VPCs, 5,000 WorkSpaces, 500,000 cells), measured with the same
// Debian Chromium the end-to-end tests use: how long `wspl serve` takes to be ready, how soon the first picture
// appears after the page is opened (the page's own performance mark, from navigation start), how the matrix
// scrolls (frame times while scrolling 120 frames), opening one VPC, tracing one cell, and the report file.
// Prints figures; asserts nothing. Usage: npx tsx bench/dashboard.ts [SCALE]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { stringify } from 'yaml';
import { generateEstate, sizeAt } from './estate.js';

// Predicates passed to waitForFunction run in the page (the page's policy forbids evaluating strings there).
declare const document: { documentElement: { dataset: Record<string, string | undefined> } };

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function serve(file: string): Promise<{ url: string; child: ChildProcess; readyMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/dev.ts', 'serve', file, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) ok({ url: m[0], child, readyMs: performance.now() - t0 });
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => fail(new Error(`wspl serve exited with ${code}: ${err}`)));
  });
}

// Page scripts are plain text: the bench runs under tsx, whose helpers would not exist in the page.
const MARKS = `(() => {
  const at = (n) => Math.round(performance.getEntriesByName(n)[0]?.startTime ?? NaN);
  const took = (n) => Math.round(performance.getEntriesByName(n)[0]?.duration ?? NaN);
  return { picture: at('wspl-picture'), data: at('wspl-topology'), layout: took('wspl-layout'), draw: took('wspl-draw') };
})()`;

async function marks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(MARKS) as Promise<Record<string, number>>;
}

/** Opens the page in a fresh context (nothing cached) and waits for the first picture. */
async function open(browser: Browser, url: string): Promise<{ page: Page; figures: Record<string, number> }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 950 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-picture="ready"]', { timeout: 120_000 });
  return { page, figures: await marks(page) };
}

const SCROLL = `new Promise((resolve) => {
  const el = document.querySelector('.matrix-scroll');
  const gaps = [];
  let last = performance.now();
  let n = 0;
  const step = () => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
    el.scrollTop += 290;
    if (++n < 120) return requestAnimationFrame(step);
    gaps.shift();
    gaps.sort((a, b) => a - b);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    resolve({
      frames: gaps.length,
      mean: Math.round(mean * 10) / 10,
      p95: Math.round(gaps[Math.floor(gaps.length * 0.95)] * 10) / 10,
      max: Math.round(gaps[gaps.length - 1]),
      slow: gaps.filter((g) => g > 50).length,
      cellsInPage: document.querySelectorAll('[role="gridcell"]').length,
    });
  };
  requestAnimationFrame(step);
})`;

interface ScrollFigures {
  frames: number;
  mean: number;
  p95: number;
  max: number;
  slow: number;
  cellsInPage: number;
}

/**
 * CPU seconds used so far by the Chromium renderer processes under `ancestor` (from /proc): unlike wall-clock time,
 * barely inflated
 * when other work shares the machine.
 */
function rendererCpu(ancestor: number): number {
  const ticks = 100; // USER_HZ on Linux
  const children = new Map<number, number[]>();
  const stats = new Map<number, { utime: number; stime: number; renderer: boolean }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      stats.set(pid, {
        utime: Number(fields[11]),
        stime: Number(fields[12]),
        renderer: cmd.includes('--type=renderer'),
      });
    } catch {
      // The process ended while being read.
    }
  }
  let total = 0;
  const walk = (pid: number) => {
    const s = stats.get(pid);
    if (s?.renderer) total += s.utime + s.stime;
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(ancestor);
  return total / ticks;
}

async function scrollMatrix(page: Page, ancestor: number): Promise<ScrollFigures & { cpuPerFrame: number }> {
  await page.waitForSelector('[role="gridcell"]', { timeout: 120_000 });
  const before = rendererCpu(ancestor);
  const figures = (await page.evaluate(SCROLL)) as ScrollFigures;
  const cpuPerFrame = Math.round(((rendererCpu(ancestor) - before) * 1000 * 10) / figures.frames) / 10;
  return { ...figures, cpuPerFrame };
}

/** Clicks a collapsed VPC on the canvas and waits until the picture is drawn again with it open. */
async function openVpc(page: Page, id: string): Promise<number> {
  const where = (await page.evaluate(`(() => {
    const pic = window.wsplPicture;
    const p = pic.cy.getElementById(${JSON.stringify(id)}).renderedPosition();
    const box = pic.cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y, draws: performance.getEntriesByName('wspl-draw').length };
  })()`)) as { x: number; y: number; draws: number };
  const t0 = Date.now();
  await page.mouse.click(where.x, where.y);
  await page.waitForFunction((n) => performance.getEntriesByName('wspl-draw').length > n, where.draws, {
    timeout: 120_000,
  });
  return Date.now() - t0;
}

async function trace(page: Page, client: string, workspace: string): Promise<number> {
  // The matrix was scrolled far down: back to the top, where the cell is (rows out of view are not in the page).
  await page.evaluate(`document.querySelector('.matrix-scroll').scrollTop = 0`);
  await page.locator(`[role="gridcell"][data-client="${client}"][data-workspace="${workspace}"]`).waitFor();
  const t0 = Date.now();
  await page.locator(`[role="gridcell"][data-client="${client}"][data-workspace="${workspace}"]`).click();
  await page.waitForFunction(() => document.documentElement.dataset.overlay === 'trace', undefined, {
    timeout: 120_000,
  });
  return Date.now() - t0;
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.log(`dashboard: skipped, no ${CHROMIUM}`);
    return;
  }
  const scale = Number(process.argv[2] ?? '1');
  const size = sizeAt(scale);
  const dir = mkdtempSync(join(tmpdir(), 'wspl-bench-dashboard-'));
  const file = join(dir, 'estate.yaml');
  writeFileSync(file, stringify(generateEstate(size)));
  const reportFile = join(dir, 'estate.html');
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let browser: Browser | undefined;
  try {
    const [s, b] = await Promise.all([
      serve(file),
      chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS }),
    ]);
    server = s;
    browser = b;
    // A page opened once first, so the figures are those of opening the dashboard in a running browser.
    const warm = await browser.newPage();
    await warm.goto('about:blank');
    console.log(
      `dashboard over the estate (scale ${scale}: ${size.vpcs} VPCs, ${size.clients} clients, ${size.workspaces} WorkSpaces)`,
    );
    console.log(
      `  wspl serve ready (load, predict every cell, check, first layout, views as JSON): ${Math.round(s.readyMs)} ms`,
    );
    const runs: Record<string, number>[] = [];
    let last: Page | undefined;
    for (let i = 0; i < 3; i++) {
      const { page, figures } = await open(browser, s.url);
      runs.push(figures);
      if (last) await last.context().close();
      last = page;
    }
    for (const [i, r] of runs.entries())
      console.log(
        `  open #${i + 1}: first picture ${r.picture} ms after opening the page (topology and layout in at ${r.data} ms, placing ${r.layout} ms, drawing ${r.draw} ms)`,
      );
    const page = last as Page;
    const scroll = await scrollMatrix(page, process.pid);
    console.log(
      `  matrix scroll, 120 frames of 290 px: renderer CPU ${scroll.cpuPerFrame} ms a frame; frame time mean ${scroll.mean} ms, p95 ${scroll.p95} ms, max ${scroll.max} ms, ${scroll.slow} frames over 50 ms; ${scroll.cellsInPage} cells in the page of ${size.clients * size.workspaces}`,
    );
    console.log(`  open one VPC on the picture (elkjs in the page): ${await openVpc(page, 'vpc:vpc1')} ms`);
    console.log(`  trace one cell and draw it: ${await trace(page, 'office0', 'ws1')} ms`);
    const t0 = performance.now();
    const made = spawn(process.execPath, ['--import', 'tsx', 'src/cli/dev.ts', 'report', file, '--html', reportFile], {
      stdio: 'ignore',
    });
    await new Promise((ok) => made.on('exit', ok));
    const reportMs = performance.now() - t0;
    const { figures } = await open(browser, `file://${reportFile}`);
    console.log(
      `  wspl report --html: ${Math.round(reportMs)} ms, ${(statSync(reportFile).size / 1e6).toFixed(1)} MB; opened from file://, first picture after ${figures.picture} ms`,
    );
  } finally {
    await browser?.close();
    server?.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
