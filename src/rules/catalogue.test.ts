// The meta-test (ESLint's checkRuleFiles): the registry, the rule files, their tests, their docs and the
// contract's rule ids must agree.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from './index.js';
import { placeholders } from './support/messages.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const docs = path.resolve(here, '../../docs/rules');

// contract.md, "Rule ids (fixed names)", with their default severities.
const CONTRACT: Record<string, string> = {
  'streaming-endpoint-service': 'error',
  'streaming-endpoint-access-type': 'error',
  'streaming-endpoint-private-dns': 'error',
  'streaming-endpoint-vpc-dns': 'error',
  'streaming-endpoint-dns-record-ip-type': 'error',
  'streaming-endpoint-same-account': 'error',
  'streaming-endpoint-state': 'error',
  'streaming-endpoint-ports': 'error',
  'streaming-endpoint-multi-az': 'warning',
  'directory-workspace-type': 'error',
  'directory-fips': 'error',
  'directory-global-accelerator': 'warning',
  'directory-ip-groups-bypassed': 'warning',
  'pcoip-workspaces-unreachable': 'error',
  'pcoip-over-internet': 'info',
  'client-internet-for-auth': 'error',
  'client-route-to-endpoint': 'error',
  'client-dns-resolution': 'error',
  'nacl-return-traffic': 'error',
  'internet-clients-cut-off': 'warning',
  'client-version-443-fallback': 'warning',
  'network-check-false-alarm': 'info',
  'expectation-not-met': 'error',
};

// Rules for mistakes only templates and plans can make (issue 11); ids chosen not to clash with the contract's.
const IAC: Record<string, string> = {
  'cfn-directory-region-unsupported': 'warning',
  'cfn-ip-group-ref-arn': 'error',
  'iac-endpoint-type-default': 'error',
};

const ruleFiles = readdirSync(here).filter((f) => /^[a-z0-9-]+\.ts$/.test(f) && !f.endsWith('.test.ts'));
const NOT_RULES = [
  'types.ts',
  'runner.ts',
  'index.ts',
  'engine.ts',
  'policy.ts',
  'presets.ts',
  'sources.ts',
  'endpoint-services.ts',
  'config.ts',
  'config-name.ts',
  'docs.ts',
  'docs-search.ts',
];

describe('the rule catalogue', () => {
  it('holds every contract rule id with its contract severity, and nothing else', () => {
    expect(Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.severity]))).toEqual({ ...CONTRACT, ...IAC });
  });

  it('is sorted by id', () => {
    const ids = rules.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('has one file per rule, named after its id, and no stray rule file', async () => {
    const files = ruleFiles.filter((f) => !NOT_RULES.includes(f)).sort();
    expect(files).toEqual(rules.map((r) => `${r.meta.id}.ts`).sort());
    for (const r of rules) {
      const mod = (await import(pathToFileURL(path.join(here, `${r.meta.id}.ts`)).href)) as { default: unknown };
      expect(mod.default, r.meta.id).toBe(r);
    }
  });

  for (const r of rules) {
    describe(r.meta.id, () => {
      it('has a test beside it', () => {
        expect(existsSync(path.join(here, `${r.meta.id}.test.ts`))).toBe(true);
      });

      it('has a docs page with the required sections, matching its meta', () => {
        expect(r.meta.docs).toBe(`docs/rules/${r.meta.id}.md`);
        const file = path.join(docs, `${r.meta.id}.md`);
        expect(existsSync(file), file).toBe(true);
        const text = readFileSync(file, 'utf8');
        expect(text.split('\n')[0]).toBe(`# ${r.meta.id}`);
        expect(text).toContain(`> ${r.meta.description}\n`);
        for (const h of [
          '## What it catches',
          '## Why',
          '## How to fix',
          '### AWS CLI',
          '### CloudFormation',
          '### Terraform',
          '### CDK',
        ]) {
          expect(text, `${r.meta.id}: ${h}`).toContain(`\n${h}\n`);
        }
        for (const s of r.meta.sources)
          if (s.startsWith('https://')) expect(text, `${r.meta.id} cites ${s}`).toContain(s);
      });

      it('has sources and well-formed messages', () => {
        expect(r.meta.sources.length).toBeGreaterThan(0);
        for (const [id, text] of Object.entries(r.meta.messages)) {
          expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
          expect(String(text).length).toBeGreaterThan(0);
          expect(placeholders(String(text)).every((p) => p.length > 0)).toBe(true);
        }
        for (const id of Object.keys(r.meta.messageSeverity ?? {})) expect(Object.keys(r.meta.messages)).toContain(id);
      });
    });
  }

  it('lists every rule in docs/rules/README.md with its meta', () => {
    const readme = readFileSync(path.join(docs, 'README.md'), 'utf8');
    for (const r of rules) {
      expect(readme).toContain(
        `| [\`${r.meta.id}\`](${r.meta.id}.md) | ${r.meta.severity} | ${r.meta.usesEngine ? 'engine' : 'model'} | ${r.meta.description} |`,
      );
    }
  });
});
