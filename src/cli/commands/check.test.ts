import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../io.js';
import { main } from '../main.js';

const SEED = 'examples/seed-tokyo.yaml';

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('wspl check', () => {
  it('text: groups findings by resource with file:line, exit 1 on the seed error', async () => {
    const r = await run('check', SEED);
    expect(r.code).toBe(1);
    expect(r.out).toContain('pcoip-desktop  examples/seed-tokyo.yaml:');
    expect(r.out).toMatch(/error\s+PCoIP WorkSpace pcoip-desktop cannot connect/);
    expect(r.out).toContain('4 findings (1 error, 2 warning, 1 info)');
    expect(r.out).not.toContain('\u001b['); // no colour off a terminal
  });

  it('text: colours only on a terminal', async () => {
    const io = { ...captureIo(), isTty: true };
    await main(['check', SEED], io);
    expect(io.stdout()).toContain('\u001b[31m');
  });

  it('--fail-on never exits 0, --fail-on warning exits 1 on warnings alone', async () => {
    expect((await run('check', SEED, '--fail-on', 'never')).code).toBe(0);
    const onlyWarnings = ['check', SEED, '--config', 'test/check/wspl.config.yaml'];
    expect((await run(...onlyWarnings)).code).toBe(0);
    expect((await run(...onlyWarnings, '--fail-on', 'warning')).code).toBe(1);
  });

  it('json: the contract shape, with locations', async () => {
    const r = await run('check', SEED, '--format', 'json');
    const doc = JSON.parse(r.out) as {
      findings: {
        rule: string;
        severity: string;
        resource: string;
        message: string;
        location?: { file: string; line: number };
      }[];
      summary: { error: number };
    };
    expect(doc.summary.error).toBe(1);
    const pcoip = doc.findings.find((f) => f.rule === 'pcoip-workspaces-unreachable');
    expect(pcoip).toMatchObject({ severity: 'error', resource: 'pcoip-desktop', location: { file: SEED } });
    expect(pcoip?.location?.line).toBeGreaterThan(1);
    expect(doc.findings.map((f) => f.rule).sort()).toEqual([
      'internet-clients-cut-off',
      'network-check-false-alarm',
      'pcoip-workspaces-unreachable',
      'streaming-endpoint-multi-az',
    ]);
  });

  it('sarif: 2.1.0 with rule descriptors and physical locations', async () => {
    const r = await run('check', SEED, '--format', 'sarif');
    const sarif = JSON.parse(r.out);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const driver = sarif.runs[0].tool.driver;
    const ids = driver.rules.map((x: { id: string }) => x.id);
    expect(ids).toContain('streaming-endpoint-private-dns');
    const desc = driver.rules.find((x: { id: string }) => x.id === 'pcoip-workspaces-unreachable');
    expect(desc).toMatchObject({ defaultConfiguration: { level: 'error' } });
    // The rule's full page, so that nothing points at a path relative to a clone the viewer does not have.
    expect(desc.helpUri).toBeUndefined();
    expect(desc.help.markdown).toMatch(/^# pcoip-workspaces-unreachable/);
    expect(desc.help.markdown).toMatch(/## How to fix/);
    const expectation = driver.rules.find((x: { id: string }) => x.id === 'expectation-not-met');
    expect(expectation.help.markdown).not.toMatch(/\]\(\.\.\//);
    expect(desc.shortDescription.text.length).toBeGreaterThan(10);
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(4);
    for (const res of results) {
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).toBe(SEED);
      expect(loc.region.startLine).toBeGreaterThan(0);
      expect(driver.rules[res.ruleIndex].id).toBe(res.ruleId);
    }
    expect(results.find((x: { ruleId: string }) => x.ruleId === 'network-check-false-alarm').level).toBe('note');
  });

  it('junit: one testcase per rule × resource, failures for findings', async () => {
    const r = await run('check', SEED, '--format', 'junit');
    expect(r.out.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(r.out).toMatch(
      /<testcase classname="pcoip-workspaces-unreachable" name="pcoip-desktop"><failure type="error"/,
    );
    expect(r.out).toMatch(/<testcase classname="streaming-endpoint-private-dns" name="vpc1\/streaming"\/>/);
    expect(r.out).toMatch(/<testsuites name="wspl check" tests="\d+" failures="4"/);
  });

  it('a config file waives a finding per resource, with its reason', async () => {
    const r = await run('check', SEED, '--config', 'test/check/wspl.config.yaml', '--format', 'json');
    const doc = JSON.parse(r.out);
    expect(doc.findings.map((f: { rule: string }) => f.rule)).not.toContain('pcoip-workspaces-unreachable');
    expect(doc.suppressed[0]).toMatchObject({
      rule: 'pcoip-workspaces-unreachable',
      reason: 'PCoIP desktop is migrated to DCV next sprint',
    });
  });

  it('a bad config file is exit 2 naming file, line and field', async () => {
    const r = await run('check', SEED, '--config', 'test/check/bad.config.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/test\/check\/bad\.config\.yaml:2: error: rules\.pcoip-workspaces-unreachable\.reason/);
    expect(r.err).toContain('unknown rule id "no-such-rule"');
  });

  it('--clients adds clients with their own file and line', async () => {
    const r = await run('check', SEED, '--clients', 'test/check/extra-clients.yaml', '--format', 'json');
    const doc = JSON.parse(r.out);
    const laptop = doc.findings.find((f: { resource: string }) => f.resource === 'laptop');
    expect(laptop).toMatchObject({
      rule: 'internet-clients-cut-off',
      location: { file: 'test/check/extra-clients.yaml', line: 3 },
    });
  });

  it('unreadable input is exit 2', async () => {
    const r = await run('check', 'test/check/nope.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('nope.yaml');
  });

  it('checks several sources in one report', async () => {
    const r = await run('check', SEED, 'examples/office-tgw.yaml', '--format', 'json');
    const doc = JSON.parse(r.out);
    expect(new Set(doc.findings.map((f: { source: string }) => f.source))).toContain(SEED);
    expect(doc.summary.sources).toBe(2);
  });
});

describe('wspl explain', () => {
  it('prints a rule page', async () => {
    const r = await run('explain', 'streaming-endpoint-private-dns');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-0123456789abcdef0 --private-dns-enabled',
    );
    expect(r.out).toContain('PrivateDnsEnabled: true');
    expect(r.out).toContain('private_dns_enabled = true');
    expect(r.out).toContain('privateDnsEnabled: true');
  });

  it('prints an outcome page', async () => {
    const r = await run('explain', 'NO_REACHABLE_ENDPOINT');
    expect(r.code).toBe(0);
    expect(r.out).toContain('No endpoints are reachable');
  });

  it('renders the page for a terminal: no raw headings or fences; --markdown prints the page as written', async () => {
    const r = await run('explain', 'streaming-endpoint-private-dns');
    expect(r.out).not.toMatch(/^#/m);
    expect(r.out).not.toContain('```');
    expect(r.out).toMatch(/^How to fix\n-{10}$/m);
    const raw = await run('explain', 'streaming-endpoint-private-dns', '--markdown');
    expect(raw.out).toBe(readFileSync('docs/rules/streaming-endpoint-private-dns.md', 'utf8'));
  });

  it('styles headings with colour when colours are on (a terminal, FORCE_COLOR), plain with --no-color', async () => {
    const ESC = String.fromCharCode(27);
    const coloured = { ...captureIo(), isTty: true };
    await main(['explain', 'NO_REACHABLE_ENDPOINT'], coloured);
    expect(coloured.stdout()).toContain(`${ESC}[1m`);
    expect(coloured.stdout()).not.toMatch(/^=+$/m);
    const flagged = { ...captureIo(), isTty: true };
    await main(['explain', 'NO_REACHABLE_ENDPOINT', '--no-color'], flagged);
    expect(flagged.stdout()).not.toContain(ESC);
    expect(flagged.stdout()).toMatch(/^NO_REACHABLE_ENDPOINT\n=+$/m);
  });

  it('words that are not a name list only the rule ids and outcomes whose page holds them all, with a count', async () => {
    const r = await run('explain', 'Resolver', 'INBOUND');
    expect(r.code).toBe(0);
    const listed = r.out
      .split('\n')
      .slice(1)
      .map((l) => /^ {2}(\S+)/.exec(l)?.[1])
      .filter(Boolean);
    const expected = [...readdirSync('docs/rules'), ...readdirSync('docs/outcomes')]
      .filter((f) => f !== 'README.md')
      .filter((f) => {
        const text = readFileSync(`docs/${/^[A-Z]/.test(f) ? 'outcomes' : 'rules'}/${f}`, 'utf8').toLowerCase();
        return text.includes('resolver') && text.includes('inbound');
      })
      .map((f) => f.replace(/\.md$/, ''));
    expect(new Set(listed)).toEqual(new Set(expected));
    expect(expected.length).toBeGreaterThan(0);
    expect(r.out.split('\n')[0]).toMatch(new RegExp(`^${expected.length} of \\d+ pages mention "Resolver INBOUND"`));
    // A page whose id holds the words comes first.
    expect((await run('explain', 'private-dns')).out.split('\n')[1]).toMatch(/^ {2}streaming-endpoint-private-dns /);
  });

  it('a name or words that match nothing are exit 2 with the closest name and the valid ones', async () => {
    const r = await run('explain', 'streaming-endpoint-privte-dns');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /no rule id, outcome or page text matches "streaming-endpoint-privte-dns"; did you mean streaming-endpoint-private-dns\?/,
    );
    expect(r.err).toContain('UNSUPPORTED_CONFIGURATION');
    expect((await run('explain', 'no_reachable_endpont')).err).toMatch(/did you mean NO_REACHABLE_ENDPOINT\?/);
  });
});

describe('wspl endpoints', () => {
  it('names the streaming service for the region and the look-alikes', async () => {
    const r = await run('endpoints', '--region', 'ap-northeast-1');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\* com\.amazonaws\.ap-northeast-1\.highlander/m);
    for (const s of [
      'workspaces ',
      'workspaces-instances',
      'workspaces-web',
      'aps-workspaces',
      'thinclient.api',
      'appstream.streaming',
    ]) {
      expect(r.out).toContain(`com.amazonaws.ap-northeast-1.${s}`);
    }
  });

  it('json', async () => {
    const doc = JSON.parse((await run('endpoints', '--region', 'eu-west-1', '--format', 'json')).out);
    expect(doc.streaming).toBe('com.amazonaws.eu-west-1.highlander');
    expect(doc.services.filter((s: { streaming: boolean }) => s.streaming)).toHaveLength(1);
  });
});
