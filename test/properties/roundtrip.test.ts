// Writing the model back out, and editing it without changing anything, must not change a prediction:
// export → reload gives the same traces; whatif with no change is the plain trace; setting any field of the
// exported design to the value it already has changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/model/types.js';
import { applyChange } from '../../src/sources/design/change.js';
import { designToYaml, exportDesign, toDesignYaml } from '../../src/sources/design/export.js';
import { loadDesignText } from '../../src/sources/design/load.js';
import { formatPath } from '../../src/sources/design/paths.js';
import { requireModel } from '../../src/sources/load.js';
import { whatif } from '../../src/workspaces/lifecycle.js';
import { fateText } from '../../src/report/trace-words.js';
import { predictMatrix } from '../../src/workspaces/matrix.js';
import { traceConnection } from '../../src/workspaces/trace.js';
import type { Trace } from '../../src/workspaces/types.js';
import { modelOf } from '../scenarios/helpers.js';
import { build, estate, RUNS } from './estate.js';

/** A trace without where its facts were written: line numbers differ between the input and an export. */
export function withoutLocations(t: Trace[] | Trace): unknown {
  return JSON.parse(JSON.stringify(t, (k, v: unknown) => (k === 'location' || k === 'prov' ? undefined : v)));
}

function reload(text: string): Model {
  return requireModel(loadDesignText(text, 'export.yaml'), 'export.yaml');
}

/** Every path to a scalar (or an empty list) of the exported document. */
function leafPaths(node: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(node)) return node.length === 0 ? [at] : node.flatMap((v, i) => leafPaths(v, [...at, i]));
  if (node !== null && typeof node === 'object')
    return Object.entries(node).flatMap(([k, v]) => leafPaths(v, [...at, k]));
  return [at];
}

function valueAt(doc: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], doc);
}

describe('export, reload and edits that change nothing', () => {
  it('export then reload gives the same traces', () => {
    fc.assert(
      fc.property(estate, (e) => {
        const model = modelOf(build(e));
        const again = reload(toDesignYaml(model));
        expect(withoutLocations(predictMatrix(again))).toEqual(withoutLocations(predictMatrix(model)));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('export is a fixed point: exporting the reloaded export gives the same text', () => {
    fc.assert(
      fc.property(estate, (e) => {
        const text = toDesignYaml(modelOf(build(e)));
        expect(toDesignYaml(reload(text))).toBe(text);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('whatif with no change is the plain trace', () => {
    fc.assert(
      fc.property(
        estate,
        fc.constantFrom('ec2-client', 'home', 'peer', 'office'),
        fc.constantFrom('dcv-desktop', 'pcoip-desktop'),
        (e, c, w) => {
          const model = modelOf(build(e));
          const r = whatif(model, c, w, [], () => {
            throw new Error('no change to apply');
          });
          expect(r.changes).toEqual([]);
          expect(withoutLocations(r.initial)).toEqual(withoutLocations(traceConnection(model, c, w)));
        },
      ),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('setting a field of the export to the value it has changes no trace', () => {
    fc.assert(
      fc.property(estate, fc.nat(), (e, pick) => {
        const model = modelOf(build(e));
        const doc = exportDesign(model);
        const paths = leafPaths(doc).filter((p) => p.length > 0);
        const path = paths[pick % paths.length]!;
        const change = `set:${formatPath(path)}=${JSON.stringify(valueAt(doc, path))}`;
        const changed = reload(designToYaml(applyChange(doc, change)));
        expect(withoutLocations(predictMatrix(changed)), change).toEqual(withoutLocations(predictMatrix(model)));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('whatif setting a field to its own value keeps the session and the new trace', () => {
    fc.assert(
      fc.property(estate, fc.nat(), (e, pick) => {
        const model = modelOf(build(e));
        let doc: object = exportDesign(model);
        const paths = leafPaths(doc).filter((p) => p.length > 0);
        const path = paths[pick % paths.length]!;
        const change = `set:${formatPath(path)}=${JSON.stringify(valueAt(doc, path))}`;
        const r = whatif(model, 'ec2-client', 'dcv-desktop', [change], (_m, c) => {
          doc = applyChange(doc, c);
          return reload(designToYaml(doc));
        });
        if (r.initial.outcome !== 'CONNECTED') return;
        expect(r.changes[0]!.existing, `${change}: ${fateText(r.changes[0]!.reason)}`).toBe('continues');
        expect(withoutLocations(r.changes[0]!.new)).toEqual(withoutLocations(r.initial));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
