// Lines of fields reached through aliases and merge keys: where the value is written, as an editor shows it.
import { describe, expect, it } from 'vitest';
import { parseYamlInput } from './yaml.js';

function locatorOf(text: string) {
  const r = parseYamlInput(text, 'f.yaml');
  if ('diagnostics' in r) throw new Error(JSON.stringify(r.diagnostics));
  return r.parsed.locate;
}

const TEXT = `defaults: &subnet
  az: ap-northeast-1a
  routeTable: private
vpcs:
  vpc1:
    subnets:
      a:
        <<: *subnet
        cidr: 10.0.1.0/24
      b:
        <<: [*subnet, {cidr: 10.0.2.0/24}]
        az: ap-northeast-1c
    shared: *subnet
`;

describe('yamlLocator', () => {
  const locate = locatorOf(TEXT);

  it('finds a key the map writes itself, even where a merge brings the same key', () => {
    expect(locate(['vpcs', 'vpc1', 'subnets', 'a', 'cidr'])).toBe(9);
    expect(locate(['vpcs', 'vpc1', 'subnets', 'b', 'az'])).toBe(12);
  });

  it('finds a merged key where the merged map writes it', () => {
    expect(locate(['vpcs', 'vpc1', 'subnets', 'a', 'az'])).toBe(2);
    expect(locate(['vpcs', 'vpc1', 'subnets', 'b', 'routeTable'])).toBe(3);
    expect(locate(['vpcs', 'vpc1', 'subnets', 'b', 'cidr'])).toBe(11);
  });

  it('follows an alias into the anchored value', () => {
    expect(locate(['vpcs', 'vpc1', 'shared', 'routeTable'])).toBe(3);
  });

  it('gives the deepest existing ancestor for a missing field, and the root line for a scalar document', () => {
    expect(locate(['vpcs', 'vpc1', 'subnets', 'a', 'nope', 'deeper'])).toBe(7);
    expect(locatorOf('\n\nhello\n')([])).toBe(3);
  });
});
