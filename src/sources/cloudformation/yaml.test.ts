import { describe, expect, it } from 'vitest';
import { SHORT_FORMS, parseTemplateYaml } from './yaml.js';

function parse(text: string) {
  const r = parseTemplateYaml(text);
  if ('problems' in r) throw new Error(JSON.stringify(r.problems));
  return r;
}

describe('CloudFormation YAML short forms', () => {
  it.each([
    ['!Ref Vpc', { Ref: 'Vpc' }],
    ['!Condition IsProd', { Condition: 'IsProd' }],
    ['!GetAtt Sg.GroupId', { 'Fn::GetAtt': ['Sg', 'GroupId'] }],
    ['!GetAtt Stack.Outputs.VpcId', { 'Fn::GetAtt': ['Stack', 'Outputs.VpcId'] }],
    ['!GetAtt [Sg, GroupId]', { 'Fn::GetAtt': ['Sg', 'GroupId'] }],
    ['!Sub "com.amazonaws.${AWS::Region}.highlander"', { 'Fn::Sub': 'com.amazonaws.${AWS::Region}.highlander' }],
    ['!Sub ["${A}-x", { A: !Ref B }]', { 'Fn::Sub': ['${A}-x', { A: { Ref: 'B' } }] }],
    ['!Join ["", [a, !Ref B]]', { 'Fn::Join': ['', ['a', { Ref: 'B' }]] }],
    ["!Select [0, !GetAZs '']", { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
    ['!Split [",", "a,b"]', { 'Fn::Split': [',', 'a,b'] }],
    ['!If [C, a, !Ref AWS::NoValue]', { 'Fn::If': ['C', 'a', { Ref: 'AWS::NoValue' }] }],
    ['!Equals [!Ref E, prod]', { 'Fn::Equals': [{ Ref: 'E' }, 'prod'] }],
    ['!And [!Condition A, !Condition B]', { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] }],
    [
      '!Or [!Condition A, !Not [!Condition B]]',
      { 'Fn::Or': [{ Condition: 'A' }, { 'Fn::Not': [{ Condition: 'B' }] }] },
    ],
    ['!FindInMap [M, k1, k2]', { 'Fn::FindInMap': ['M', 'k1', 'k2'] }],
    ['!Cidr [10.0.0.0/16, 4, 8]', { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }],
    ['!ImportValue net-VpcId', { 'Fn::ImportValue': 'net-VpcId' }],
    ['!Base64 hello', { 'Fn::Base64': 'hello' }],
    ['!Base64 { "Fn::Sub": x }', { 'Fn::Base64': { 'Fn::Sub': 'x' } }],
  ])('%s', (text, expected) => {
    expect(parse(`V: ${text}\n`).value).toEqual({ V: expected });
  });

  it('knows every short form CloudFormation documents', () => {
    for (const tag of [
      '!Ref',
      '!GetAtt',
      '!Sub',
      '!Join',
      '!Select',
      '!Split',
      '!If',
      '!Equals',
      '!And',
      '!Or',
      '!Not',
    ]) {
      expect(SHORT_FORMS).toHaveProperty(tag);
    }
    for (const tag of ['!FindInMap', '!Cidr', '!GetAZs', '!ImportValue', '!Base64', '!Condition']) {
      expect(SHORT_FORMS).toHaveProperty(tag);
    }
  });

  it('keeps positions: a key, an item, and a short form at its tag', () => {
    const { value, positions } = parse(
      'Resources:\n  Sub:\n    Properties:\n      VpcId: !Ref Vpc\n      Ids: [a, b]\n',
    );
    const props = (((value as Record<string, Record<string, unknown>>).Resources?.Sub as Record<string, unknown>)
      .Properties ?? {}) as Record<string, unknown>;
    expect(positions.at(props, 'VpcId')).toEqual({ line: 4, column: 7 });
    expect(positions.at(props.VpcId, 'Ref')).toEqual({ line: 4, column: 14 });
    expect(positions.at(props.Ids, 1)).toEqual({ line: 5, column: 16 });
  });

  it('reads anchors, aliases and merge keys', () => {
    const { value } = parse('base: &b { a: 1, b: 2 }\nx:\n  <<: *b\n  b: 3\ny: *b\n');
    expect(value).toEqual({ base: { a: 1, b: 2 }, x: { a: 1, b: 3 }, y: { a: 1, b: 2 } });
  });

  it.each([
    ['V: !Nope x\n', 1, 4, /unknown tag !Nope/],
    ['A: 1\nA: 2\n', 2, 1, /duplicate key/],
    ['A: [1, 2\n', 2, 1, /./],
    ['a: 1\n---\nb: 2\n', 2, 1, /second YAML document/],
  ])('refuses %j with line and column', (text, line, column, message) => {
    const r = parseTemplateYaml(text);
    expect('problems' in r).toBe(true);
    if (!('problems' in r)) return;
    expect(r.problems[0]).toMatchObject({ line, column });
    expect(r.problems[0]?.message).toMatch(message);
  });

  it('refuses an alias bomb as a problem, not a hang', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
      );
    const r = parseTemplateYaml(bomb.join('\n') + '\n');
    expect('problems' in r && r.problems[0]?.message).toMatch(/aliases/);
  });
});
