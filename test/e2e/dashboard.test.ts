// The dashboard in a real browser: `wspl serve` on the seed (started in this process), driven by playwright-core
// through Debian's Chromium (never a downloaded browser), and the `wspl report --html` file of a snapshot of the seed
// opened from disk. One browser serves every test.
// Screenshots of each view go to test-artifacts/ (git-ignored). Without /usr/bin/chromium these tests are skipped
// with a message, unless WSPL_REQUIRE_CHROMIUM=1 (CI), where a missing browser fails the run.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboard } from '../../src/cli/commands/serve.js';
import { captureIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/testing/run-cli.js';
import { fakeFor } from '../../src/sources/aws/testing/harness.js';
import { writeSnapshotFile } from '../../src/sources/snapshot/file.js';
import { takeSnapshot } from '../../src/sources/snapshot/take.js';

// Code passed to page.evaluate runs in the page; these name its globals for the type checker only.
declare const document: {
  documentElement: { dataset: Record<string, string | undefined> };
  activeElement: { getAttribute(n: string): string | null } | null;
  querySelector(s: string): { textContent: string | null } | null;
};
declare const window: unknown;

const CHROMIUM = '/usr/bin/chromium';
const REQUIRED = process.env.WSPL_REQUIRE_CHROMIUM === '1';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ARTIFACTS = resolve('test-artifacts');
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe('the browser for the end-to-end tests', () => {
  it.runIf(REQUIRED)('is installed (WSPL_REQUIRE_CHROMIUM=1)', () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y --no-install-recommends chromium`).toBe(
      true,
    );
  });
  it.skipIf(HAVE_CHROMIUM || REQUIRED)(
    `skipped: no ${CHROMIUM} (apt-get install chromium to run the dashboard in a browser)`,
    () => undefined,
  );
});

/**
 * Starts `wspl serve` in this process (what the command does before it waits for Ctrl+C: read, listen, print the
 * URL), so no second Node process has to start; resolves with the URL it printed.
 */
async function serve(source: string): Promise<{ url: string; close(): Promise<void> }> {
  const io = captureIo();
  const server = await startDashboard(source, { port: 0 }, io);
  const url = /wspl dashboard of \S+: (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(io.stdout())?.[1];
  expect(url, io.stdout()).toBe(server.url);
  return server;
}

/**
 * The report is made from a snapshot of a fake AWS serving the seed (the clients from an overlay, as a user gives
 * them), so a source other than a design file is seen in the browser too.
 */
async function snapshotOfSeed(dir: string): Promise<string> {
  const h = await fakeFor('examples/seed-tokyo.yaml');
  try {
    const taken = await takeSnapshot('aws:ap-northeast-1', { env: h.env });
    if ('diagnostics' in taken) throw new Error(JSON.stringify(taken.diagnostics));
    const file = join(dir, 'seed-snapshot.json');
    writeSnapshotFile(file, taken.snapshot);
    return file;
  } finally {
    await h.fake.close();
  }
}

/** A raw request, so the Host and Origin headers are exactly what a hostile page could send. */
function raw(url: string, headers: Record<string, string>): Promise<number> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path: '/api/snapshot', headers }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

describe.skipIf(!HAVE_CHROMIUM)('the dashboard in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  let reportFile: string;
  let offline: BrowserContext;
  let reportPage: Page;
  let reportReady: Promise<void>;
  const requests: string[] = [];
  const servedRequests: string[] = [];

  beforeAll(async () => {
    if (!existsSync('web-dist/app') || !existsSync('web-dist/report'))
      throw new Error('the dashboard page is not built: run `npm run build:web` (npm ci does it)');
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'wspl-e2e-'));
    reportFile = join(dir, 'seed-report.html');
    const [b, s, report] = await Promise.all([
      chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS }),
      serve('examples/seed-tokyo.yaml'),
      snapshotOfSeed(dir).then((snapshot) =>
        runCli(['report', snapshot, '--overlay', 'test/conformance/overlays/seed-tokyo.yaml', '--html', reportFile]),
      ),
    ]);
    browser = b;
    server = s;
    expect(report.code, report.err).toBe(0);
    context = await browser.newContext({ viewport: { width: 1400, height: 950 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('request', (r) => servedRequests.push(r.url()));
    // The report opens in its own context while the served page is tested; its test waits for it.
    offline = await browser.newContext({ viewport: { width: 1400, height: 950 } });
    await offline.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      return url === `file://${reportFile}` ? route.continue() : route.abort();
    });
    reportPage = await offline.newPage();
    reportReady = reportPage
      .goto(`file://${reportFile}`)
      .then(() => reportPage.waitForSelector('html[data-picture="ready"]', { timeout: 60_000 }))
      .then(() => undefined);
    reportReady.catch(() => undefined);
  }, 90_000);

  afterAll(async () => {
    // Each may be missing when beforeAll failed half way.
    const started = { browser, server, dir } as Partial<{ browser: Browser; server: typeof server; dir: string }>;
    await started.browser?.close();
    await started.server?.close();
    if (started.dir) rmSync(started.dir, { recursive: true, force: true });
  });

  const cell = (client: string, workspace: string) =>
    page.locator(`[role="gridcell"][data-client="${client}"][data-workspace="${workspace}"]`);

  it('renders the seed: the picture with its VPCs, the matrix, the findings count', async () => {
    await page.goto(server.url);
    await page.waitForSelector('html[data-picture="ready"]');
    const nodes = await page.evaluate(() => {
      const cy = (
        window as unknown as { wsplPicture: { cy: { nodes(): { map(f: (n: { id(): string }) => string): string[] } } } }
      ).wsplPicture.cy;
      return cy.nodes().map((n) => n.id());
    });
    expect(nodes).toEqual(
      expect.arrayContaining([
        'vpc:vpc1',
        'vpc:vpc2',
        'eni:vpc1/streaming#10.0.21.217',
        'instance:vpc1/nat',
        'internet',
      ]),
    );
    expect(await page.locator('[role="gridcell"]').count()).toBe(4);
    expect(await page.locator('#tab-findings').textContent()).toMatch(/Findings \(\d+✖ \d+▲\)/);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-seed.png') });
  }, 30_000);

  it("shows the home client's cell as NO_REACHABLE_ENDPOINT, in words and icon as well as colour", async () => {
    const home = cell('home', 'dcv-desktop');
    expect(await home.getAttribute('data-outcome')).toBe('NO_REACHABLE_ENDPOINT');
    expect(await home.getAttribute('aria-label')).toMatch(/^home → dcv-desktop: NO_REACHABLE_ENDPOINT/);
    expect((await home.textContent())?.trim()).toBe('✗ NRE');
  });

  it('draws the trace of that cell with both blockers highlighted on the picture', async () => {
    await cell('home', 'dcv-desktop').click();
    await page.waitForFunction(() => document.documentElement.dataset.overlay === 'trace');
    const drawn = await page.evaluate(() => {
      const pic = (
        window as unknown as {
          wsplPicture: {
            current(): { blockers: { node: string; label: string }[] };
            cy: { $(s: string): { map(f: (e: { id(): string }) => string): string[] } };
          };
        }
      ).wsplPicture;
      return {
        blockers: pic.current().blockers,
        tags: pic.cy.$('node.badge').map((e) => e.id()),
        blocked: pic.cy.$('node.blocked').map((e) => e.id()),
      };
    });
    expect(drawn.blockers.map((b) => [b.node, b.label.slice(0, 8)])).toEqual([
      ['client:home', '✗ dns: p'],
      ['client:home', '✗ route:'],
    ]);
    expect(drawn.tags).toHaveLength(2);
    expect(drawn.blocked).toEqual(['client:home']);
    expect(await page.locator('#picture-status').textContent()).toMatch(/Blockers: ✗ dns: .* ✗ route: /);
    expect(await page.locator('.blocker').count()).toBe(2);
    expect(await page.locator('.blocker').first().textContent()).toMatch(/How to fix/);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-trace-home.png') });
  }, 30_000);

  it('moves through the matrix with the keyboard and opens a trace with Enter', async () => {
    await cell('home', 'dcv-desktop').focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-client') === 'ec2-client');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-workspace') === 'pcoip-desktop');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.trace h3')?.textContent?.includes('ec2-client'));
    expect(await page.locator('.trace h3').textContent()).toMatch(/ec2-client → dcv-desktop: ✓ CONNECTED/);
  }, 30_000);

  it('finds a box by name and moves between boxes with the keyboard', async () => {
    await page.getByPlaceholder('vpc7, vpc1/endpoint-sg, office3…').fill('vpc1/nat');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('.node-panel h3')?.textContent === 'nat (NAT)');
    expect(await page.locator('.node-panel').textContent()).toMatch(
      /kindnat-instance.*idvpc1\/nat.*examples\/seed-tokyo\.yaml:\d+/,
    );
    await page.locator('.picture').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('.node-panel h3')?.textContent !== 'nat (NAT)');
    expect(await page.locator('.node-panel h3').textContent()).not.toBe('nat (NAT)');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-selected-box.png') });
  }, 30_000);

  it('exports the picture as SVG and PNG', async () => {
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '⤓ SVG' }).click(),
    ]);
    const svgText = readFileSync(await svg.path(), 'utf8');
    expect(svgText).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svgText).toContain('vpc1');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '⤓ PNG' }).click(),
    ]);
    expect(
      readFileSync(await png.path())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  }, 30_000);

  it('runs a what-if that stops the NAT: the EC2 client turns red, nothing running drops', async () => {
    await page.locator('#tab-whatif').click();
    await page
      .getByLabel('A change, as wspl whatif --change takes it')
      .fill('set:vpcs.vpc1.instances.nat.state=stopped');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: '▶ Run what-if' }).click();
    await page.waitForSelector('.whatif-result');
    for (const ws of ['dcv-desktop', 'pcoip-desktop']) {
      const c = cell('ec2-client', ws);
      expect(await c.getAttribute('data-outcome')).toBe('REGISTRATION_FAILED');
      expect(await c.getAttribute('class')).toMatch(/tone-bad.*changed/);
    }
    expect(await cell('home', 'dcv-desktop').getAttribute('data-outcome')).toBe('NO_REACHABLE_ENDPOINT');
    expect(await page.locator('.whatif-result').textContent()).toMatch(
      /2 cells change.*Running sessions: 1, of which 0 would drop/,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-whatif-nat-stopped.png') });
    await page.getByRole('button', { name: 'Back to the setup as it is' }).first().click();
  }, 30_000);

  it('lists the findings of check, each leading to its resource on the picture', async () => {
    await page.locator('#tab-findings').click();
    const finding = page.locator('li[data-rule="pcoip-workspaces-unreachable"]');
    await finding.getByRole('button', { name: 'pcoip-desktop' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.overlay === 'finding');
    expect(await page.locator('#picture-status').textContent()).toBe('Marked on the picture: directory:corp');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-findings.png') });
    await finding.getByRole('button', { name: 'pcoip-workspaces-unreachable' }).click();
    // The rule page opens as a modal dialog; Escape closes it (and the dashboard is usable again).
    await page.locator('dialog.doc[open]').waitFor();
    expect(await page.locator('dialog.doc').textContent()).toMatch(/How to fix/);
    await page.keyboard.press('Escape');
    await page.locator('dialog.doc').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '☾ Dark' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-dark.png') });
  }, 30_000);

  it('asked only its own server for anything, all along', () => {
    expect(servedRequests.length).toBeGreaterThan(5);
    const elsewhere = servedRequests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:'));
    expect(elsewhere).toEqual([]);
    // The page preloads the picture's data while its script loads, and its own fetch uses that answer: one request.
    const topology = `${server.url}api/topology`;
    expect(servedRequests.filter((u) => u === topology)).toHaveLength(1);
    const script = servedRequests.findIndex((u) => /\/assets\/index-[^/]+\.js$/.test(u));
    expect(servedRequests.indexOf(topology)).toBeLessThan(script);
  });

  it('refuses a request with a foreign Host or Origin header (403)', async () => {
    const port = new URL(server.url).port;
    expect(await raw(server.url, { host: `127.0.0.1:${port}` })).toBe(200);
    expect(await raw(server.url, { host: 'evil.example' })).toBe(403);
    expect(await raw(server.url, { host: `127.0.0.1:${port}`, origin: 'http://evil.example' })).toBe(403);
  });

  it('opens the HTML report (of a snapshot) from file:// with no request leaving the page, and traces in the page', async () => {
    const p = reportPage;
    await reportReady;
    await p.locator('[role="gridcell"][data-client="home"][data-workspace="dcv-desktop"]').click();
    await p.waitForFunction(() => document.documentElement.dataset.overlay === 'trace', undefined, { timeout: 30_000 });
    expect(await p.locator('.blocker').count()).toBe(2);
    expect(await p.locator('body').textContent()).toContain('seed-snapshot.json');
    await p.screenshot({ path: join(ARTIFACTS, 'report-trace-home.png') });
    expect(requests).toEqual([`file://${reportFile}`]);
    await offline.close();
  }, 60_000);
});
