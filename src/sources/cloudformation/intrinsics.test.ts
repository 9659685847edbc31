import { describe, expect, it } from 'vitest';
import { listedZone } from '../../model/regions.js';
import { ResourceRef, Unknown } from '../iac/values.js';
import { StackSet } from './stacks.js';
import { parseTemplate, type Template } from './template.js';

const HEAD = `
Parameters:
  Env: { Type: String, Default: prod, AllowedValues: [prod, dev] }
  Cidr: { Type: String, Default: 10.0.0.0/16 }
  Azs: { Type: CommaDelimitedList, Default: "ap-northeast-1a,ap-northeast-1c" }
  Ami: { Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /aws/ami }
  NoDefault: { Type: String }
Mappings:
  Ports: { Dcv: { Primary: 4195, Fallback: 443 } }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  FromSsm: !Equals [!Ref Ami, ami-1]
  ProdOrSsm: !Or [!Condition IsProd, !Condition FromSsm]
  DevAndSsm: !And [!Condition IsDev, !Condition FromSsm]
  ProdAndSsm: !And [!Condition IsProd, !Condition FromSsm]
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: !Ref Cidr }
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: x, VpcId: !Ref Vpc }
`;

function stackOf(text = HEAD, parameters: Record<string, string> = {}) {
  const parsed = parseTemplate(text, 'template.yaml');
  if (!('template' in parsed)) throw new Error(JSON.stringify(parsed.diagnostics));
  const set = new StackSet(
    [{ template: parsed.template, kind: 'cloudformation' }],
    parameters,
    'ap-northeast-1',
    '111122223333',
  );
  return { set, stack: set.stacks[0]!, template: parsed.template as Template };
}

function evaluate(expr: string, parameters: Record<string, string> = {}) {
  const { set, stack } = stackOf(`${HEAD}Outputs:\n  X:\n    Value: ${expr}\n`, parameters);
  const value = stack.evaluator.value(stack.template.outputs.X?.Value, 'Outputs.X.Value');
  return { value, diagnostics: set.diagnostics };
}

describe('intrinsic functions before deployment', () => {
  it.each([
    ['!Ref Env', 'prod'],
    ['!Ref AWS::Region', 'ap-northeast-1'],
    ['!Ref AWS::AccountId', '111122223333'],
    ['!Ref AWS::Partition', 'aws'],
    ['!Ref AWS::URLSuffix', 'amazonaws.com'],
    ['!Ref AWS::StackName', 'template'],
    ['!Sub "com.amazonaws.${AWS::Region}.highlander"', 'com.amazonaws.ap-northeast-1.highlander'],
    ['!Sub ["${Name}-${Env}", { Name: web }]', 'web-prod'],
    ['!Sub "${!Literal}-${Env}"', '${Literal}-prod'],
    ['!Join ["/", [a, !Ref Env, 3]]', 'a/prod/3'],
    ['!Select [1, !Ref Azs]', 'ap-northeast-1c'],
    ['!Select [1, !Split [",", "a,b,c"]]', 'b'],
    ['!FindInMap [Ports, Dcv, Fallback]', 443],
    ['!If [IsProd, yes, no]', 'yes'],
    ['!If [IsDev, yes, no]', 'no'],
    ["!Select [1, !GetAZs '']", listedZone('ap-northeast-1', 1)],
    ['!Select [2, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]', '10.0.2.0/24'],
    ['!Cidr ["10.0.0.0/16", 2, 12]', ['10.0.0.0/20', '10.0.16.0/20']],
    ['!Base64 hi', 'aGk='],
    ['[a, !Ref AWS::NoValue, b]', ['a', 'b']],
    ['{ A: 1, B: !If [IsDev, 2, !Ref AWS::NoValue] }', { A: 1 }],
  ])('%s', (expr, expected) => {
    const r = evaluate(expr);
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual(expected);
  });

  it('--parameter wins over the Default', () => {
    expect(evaluate('!Ref Env', { Env: 'dev' }).value).toBe('dev');
    expect(evaluate('!If [IsProd, a, b]', { Env: 'dev' }).value).toBe('b');
  });

  it('a resource is a link, not a guessed id; a string built from it is unknown', () => {
    expect(evaluate('!Ref Sg').value).toEqual(new ResourceRef('template::Sg'));
    expect(evaluate('!GetAtt Sg.GroupId').value).toEqual(new ResourceRef('template::Sg', 'GroupId'));
    expect(evaluate('!Sub "${Sg}"').value).toEqual(new ResourceRef('template::Sg'));
    expect(evaluate('!Sub "${Sg.GroupId}"').value).toEqual(new ResourceRef('template::Sg', 'GroupId'));
    expect(evaluate('!Join ["", [!Ref Sg]]').value).toEqual(new ResourceRef('template::Sg'));
    const built = evaluate('!Sub "arn:${Sg}"').value;
    expect(built).toBeInstanceOf(Unknown);
    expect((built as Unknown).why).toMatch(/id of Sg, assigned at deployment/);
  });

  it.each([
    ['!Ref Ami', /Systems Manager Parameter Store/],
    ['!Ref NoDefault', /has no Default \(pass --parameter NoDefault=VALUE\)/],
    ['!ImportValue other-VpcId', /exported by a stack whose template was not given/],
    ['!If [FromSsm, a, b]', /condition FromSsm/],
    ['!Join ["", [x, !Ref Ami]]', /Parameter Store/],
    ['!Select [0, !GetAZs ""]', /./],
  ])('%s cannot be known before deployment', (expr, why) => {
    const { value, diagnostics } = evaluate(expr);
    expect(diagnostics).toEqual([]);
    if (expr.includes('GetAZs')) expect(value).toBe(listedZone('ap-northeast-1', 0));
    else {
      expect(value).toBeInstanceOf(Unknown);
      expect((value as Unknown).why).toMatch(why);
    }
  });

  it('conditions use three-valued logic: one true decides an Or, one false an And', () => {
    expect(evaluate('!If [ProdOrSsm, a, b]').value).toBe('a');
    expect(evaluate('!If [DevAndSsm, a, b]').value).toBe('b');
    expect(evaluate('!If [ProdAndSsm, a, b]').value).toBeInstanceOf(Unknown);
  });

  it.each([
    ['!Ref Nothing', 'unknown-reference', 12],
    ['!GetAtt Nothing.Id', 'unknown-reference', 12],
    ['!FindInMap [Ports, Dcv, Nope]', 'unknown-reference', 12],
    ['!Select [5, [a, b]]', 'bad-intrinsic', 12],
    ['!Sub "${Nothing}"', 'unknown-reference', 12],
    ['{ "Fn::Nope": 1 }', 'bad-intrinsic', 14],
    ['!Cidr [10.0.0.0/30, 4, 8]', 'bad-intrinsic', 12],
    ['!If [NoSuchCondition, a, b]', 'unknown-reference', 12],
  ])('%s is an error at its line and column', (expr, code, column) => {
    const { diagnostics } = evaluate(expr);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code, line: 26, column });
  });

  it('a condition that refers to itself is an error naming the circle', () => {
    const text =
      'Conditions:\n  A: !Condition B\n  B: !Not [!Condition A]\nResources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Condition: A\n    Properties: { CidrBlock: 10.0.0.0/16 }\n';
    const { set, stack } = stackOf(text);
    stack.evaluator.condition('A', undefined, 'x');
    expect(set.diagnostics[0]).toMatchObject({ code: 'condition-cycle', line: 2, column: 3 });
    expect(set.diagnostics[0]?.message).toMatch(/A → B → A/);
  });

  it('parameter values are checked like CloudFormation checks them', () => {
    const { set, stack } = stackOf(HEAD, { Env: 'staging' });
    stack.evaluator.value({ Ref: 'Env' }, 'x');
    expect(set.diagnostics[0]).toMatchObject({ code: 'bad-parameter', line: 3, column: 3 });
    expect(set.diagnostics[0]?.message).toMatch(/not one of its AllowedValues \(prod, dev\)/);
  });

  it('a --parameter that no template declares is an error', () => {
    const { set } = stackOf(HEAD, { Nope: '1' });
    expect(set.diagnostics[0]).toMatchObject({ code: 'unknown-parameter' });
  });
});
