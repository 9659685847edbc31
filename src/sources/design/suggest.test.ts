import { describe, expect, it } from 'vitest';
import { loadDesignText } from './load.js';
import { suggestField } from './suggest.js';

describe('did you mean, for a field the design file does not have', () => {
  it('a name people use for another field, and a misspelling, in the map where it is written', () => {
    expect(suggestField(['directories', 'corp'], 'pcoipFallback')).toBe('pcoipOverInternet');
    expect(suggestField(['directories', 'corp'], 'streamingEndpiont')).toBe('streamingEndpoint');
    expect(suggestField(['vpcs', 'vpc1', 'endpoints', 'streaming'], 'privateDNS')).toBe('privateDns');
    // Nothing close: no guess.
    expect(suggestField(['directories', 'corp'], 'colour')).toBeUndefined();
    // A field of another map is not offered.
    expect(suggestField(['clients', 'home'], 'pcoipFallback')).toBeUndefined();
  });

  it('the loader says it, at the line', () => {
    const r = loadDesignText(
      'wspl: 1\naccount: "111111111111"\nregion: ap-northeast-1\ndirectories:\n  corp: { type: personal, subnets: [], pcoipFallback: true }\n',
      'd.yaml',
    );
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({
        line: 5,
        message: 'unknown field "pcoipFallback"; did you mean "pcoipOverInternet"?',
      }),
    );
  });
});
