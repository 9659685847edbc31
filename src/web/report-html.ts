// `wspl report --html`: the dashboard as one file for a ticket or an email. The page's script and style, the model,
// the views and every rule page are inlined; a Content-Security-Policy with no network source keeps the file from
// fetching anything, so it opens the same from disk, offline, with no server.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Model } from '../model/types.js';
import type { CheckPolicy } from '../rules/policy.js';
import { bundleDir } from './assets.js';
import type { Snapshot } from './types.js';

export interface ReportData {
  source: string;
  loadedAt: string;
  model: Model;
  policy: CheckPolicy;
  docs: { rules: Record<string, string>; outcomes: Record<string, string> };
  snapshot: Snapshot;
}

const POLICY = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Script text that cannot end its <script> element early or open an HTML comment inside it. */
function scriptSafe(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** JSON that can sit inside <script type="application/json">: no "<" at all, so no tag can close it. */
function jsonSafe(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface ReportBundle {
  script: string;
  style: string;
}

/** The built report page (web-dist/report): one script and one stylesheet. */
export function readReportBundle(): ReportBundle {
  const dir = bundleDir('report');
  const files = readdirSync(dir);
  const css = files.find((f) => f.endsWith('.css'));
  return {
    script: readFileSync(path.join(dir, 'report.js'), 'utf8'),
    style: css !== undefined ? readFileSync(path.join(dir, css), 'utf8') : '',
  };
}

export function renderReportHtml(data: ReportData, bundle: ReportBundle): string {
  const title = `wspl report: ${data.source}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="wspl">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${bundle.style.replace(/<\/(style)/gi, '<\\/$1')}</style>
</head>
<body>
<div id="app"></div>
<noscript>This report draws its views with JavaScript; allow scripts for this file to see them.</noscript>
<script type="application/json" id="wspl-data">${jsonSafe(data)}</script>
<script>${scriptSafe(bundle.script)}</script>
</body>
</html>
`;
}
