import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml, type ReportData } from './report-html.js';
import { dashboardOf } from './testing/examples.js';

async function data(source: string): Promise<ReportData> {
  const d = dashboardOf('seed-tokyo');
  return {
    source,
    loadedAt: '2026-11-30T00:00:00.000Z',
    model: d.model,
    policy: d.policy,
    docs: { rules: { 'x-rule': 'a page with </script> in it' }, outcomes: {} },
    snapshot: await d.snapshot(),
  };
}

const HOSTILE = 'seed</script><script>alert(1)</script><!--.yaml';

describe('the self-contained report', () => {
  const bundle = { script: 'var s = "</script>"; /* <!-- */ window.ok = 1;', style: 'body { color: red }' };
  let html = '';
  let expected: ReportData;
  beforeAll(async () => {
    expected = await data(HOSTILE);
    html = renderReportHtml(expected, bundle);
  });

  it('forbids every network source and loads nothing from outside', () => {
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none';/,
    );
    const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(refs).toEqual(['data:,']);
  });

  it('keeps text from the source and the pages from closing the script elements', () => {
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<!--');
    expect(html).toContain('<title>wspl report: seed&#60;/script&#62;');
  });

  it('embeds the model and the views as JSON that reads back exactly', () => {
    const json = /<script type="application\/json" id="wspl-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    const back = JSON.parse(json) as ReportData;
    expect(back.source).toBe(HOSTILE);
    expect(back.docs.rules['x-rule']).toBe('a page with </script> in it');
    expect(back.snapshot.matrix).toEqual(expected.snapshot.matrix);
    expect(Object.keys(back.snapshot.layout.boxes)).toContain('vpc:vpc1');
    expect(back.model.vpcs.map((v) => v.id)).toEqual(['vpc1', 'vpc2']);
  });
});
