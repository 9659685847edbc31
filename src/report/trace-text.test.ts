import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { seedDoc, modelOf } from '../../test/scenarios/helpers.js';
import { traceConnection } from '../workspaces/trace.js';
import { renderTraceText } from './trace-text.js';

describe('trace text', () => {
  it('escapes control characters from the input: names cannot retitle or clear the terminal', () => {
    const doc = seedDoc();
    const evil = 'home\u001b]0;owned\u0007\u001b[2J\r\nFAKE: line';
    doc.clients[evil] = doc.clients.home;
    const model = modelOf(doc, `${stringify('x').trim()}.yaml`);
    const text = renderTraceText(traceConnection(model, evil, 'dcv-desktop'));
    // eslint-disable-next-line no-control-regex -- the test looks for exactly these characters
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text.split('\n').some((l) => l.startsWith('FAKE'))).toBe(false);
    expect(text).toContain('home');
  });
});
