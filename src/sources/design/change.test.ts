import { modelOf } from '../loader.js';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../diagnostics.js';
import { applyChange } from './change.js';
import { exportDesign } from './export.js';
import { loadDesignFile, loadDesignText } from './load.js';
import { designToYaml } from './export.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk the exported document freely
type Doc = any;

function seedDoc(): Doc {
  const model = modelOf(loadDesignFile('examples/seed-tokyo.yaml'));
  if (!model) throw new Error('seed does not load');
  return exportDesign(model);
}

describe('applyChange', () => {
  it('sets a value given as YAML, without touching the input', () => {
    const doc = seedDoc();
    const before = JSON.stringify(doc);
    const next = applyChange(doc, 'set:vpcs.vpc1.instances.nat.state=stopped') as Doc;
    expect(next.vpcs.vpc1.instances.nat.state).toBe('stopped');
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('understands the contract examples, and the result reloads', () => {
    let doc: object = seedDoc();
    doc = applyChange(doc, 'set:directories.corp.pcoipOverInternet=true');
    doc = applyChange(doc, 'set:directories.corp.streamingEndpoint=null');
    doc = applyChange(doc, 'delete:vpcs.vpc1.endpoints.streaming');
    const d = doc as Doc;
    expect(d.directories.corp.pcoipOverInternet).toBe(true);
    expect(d.directories.corp.streamingEndpoint).toBeNull();
    expect(d.vpcs.vpc1.endpoints.streaming).toBeUndefined();
    const r = loadDesignText(designToYaml(doc), 'changed.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(modelOf(r)?.endpoints).toEqual([]);
    expect(modelOf(r)?.directories[0]?.streamingEndpoint).toBeNull();
  });

  it('adds a new key when the parent exists, and takes structured YAML values', () => {
    const next = applyChange(seedDoc(), 'set:vpcs.vpc1.securityGroups.endpoint-sg.egress=[all to 0.0.0.0/0]') as Doc;
    expect(next.vpcs.vpc1.securityGroups['endpoint-sg'].egress).toEqual(['all to 0.0.0.0/0']);
    const added = applyChange(seedDoc(), 'set:clients.laptop={ at: internet }') as Doc;
    expect(added.clients.laptop).toEqual({ at: 'internet' });
  });

  it('addresses keys with dots in quotes, and list items by index', () => {
    const next = applyChange(seedDoc(), 'set:vpcs.vpc1.routeTables.private."0.0.0.0/0"=blackhole') as Doc;
    expect(next.vpcs.vpc1.routeTables.private['0.0.0.0/0']).toBe('blackhole');
    const fewer = applyChange(seedDoc(), 'delete:vpcs.vpc1.securityGroups.endpoint-sg.ingress.0') as Doc;
    expect(fewer.vpcs.vpc1.securityGroups['endpoint-sg'].ingress).toHaveLength(3);
  });

  it.each([
    ['set:vpcs.vpc9.instances.nat.state=stopped', 'vpcs.vpc9 does not exist'],
    ['delete:vpcs.vpc1.endpoints.nope', 'vpcs.vpc1.endpoints.nope does not exist'],
    ['set:vpcs.vpc1.cidr.x=1', 'vpcs.vpc1.cidr is a value'],
    ['set:directories.corp.pcoipOverInternet', 'expected set:PATH=VALUE'],
    ['toggle:directories.corp', 'expected set:PATH=VALUE or delete:PATH'],
    ['set:directories..corp=1', 'empty segment'],
    ['set:directories.corp.x=[unclosed', 'not valid YAML'],
  ])('rejects %s', (change, message) => {
    expect(() => applyChange(seedDoc(), change)).toThrow(InputError);
    expect(() => applyChange(seedDoc(), change)).toThrow(message);
  });
});

describe('applyChange on names JavaScript treats specially', () => {
  it('refuses __proto__ (the assignment would set a prototype and change nothing)', () => {
    for (const change of [
      'set:vpcs.__proto__={x: {cidr: 10.9.0.0/16}}',
      'set:__proto__.polluted=1',
      'delete:vpcs.__proto__',
    ]) {
      expect(() => applyChange(seedDoc(), change)).toThrow('"__proto__" cannot be used as a name');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names YAML traps in the value', () => {
    expect(() => applyChange(seedDoc(), 'set:directories.corp.x=a: 1\na: 2')).toThrow('duplicate key "a"');
    expect(() => applyChange(seedDoc(), 'set:directories.corp.x=1\n---\n2')).toThrow('second YAML document');
  });
});
