// Several templates read together, as CloudFormation deploys them: each stack evaluates its own parameters,
// conditions and intrinsics; Fn::ImportValue finds the value another stack of the run exports; a nested stack takes
// its parameters from its parent's AWS::CloudFormation::Stack resource, and the parent reads its outputs through
// Fn::GetAtt Stack.Outputs.Name. Resource keys are unique across the run ("<stack>::<LogicalId>").
import type { Diagnostic } from '../../diagnostics.js';
import type { Provenance } from '../../model/types.js';
import { DocSink, isRecord } from '../iac/sink.js';
import { Unknown, type Value } from '../iac/values.js';
import { reportCycles } from './dependencies.js';
import { Evaluator } from './intrinsics.js';
import { resolveParameters } from './parameters.js';
import type { Template, TemplateResource } from './template.js';

export interface StackInput {
  template: Template;
  kind: 'cloudformation' | 'cdk';
  /** Logical id → construct path (cdk.out metadata). */
  constructPaths?: Map<string, string>;
  /** The stack's environment when the input states it (cdk.out manifest). */
  account?: string;
  region?: string;
  /** For a nested stack: the parent stack (index in the run) and its AWS::CloudFormation::Stack logical id. */
  parent?: { stack: number; logicalId: string };
}

export interface Stack extends StackInput {
  index: number;
  /** Unique stack label, used in resource keys. */
  label: string;
  sink: DocSink;
  evaluator: Evaluator;
  account: string;
  region: string;
  byId: Map<string, TemplateResource>;
  /** Nested stacks of this stack, by the logical id of their AWS::CloudFormation::Stack resource. */
  children: Map<string, number>;
}

/** Stand-in account for stacks whose account nobody stated: every resource of the run shares it. */
export const STAND_IN_ACCOUNT = '000000000000';

export function resourceKey(stack: Stack, logicalId: string): string {
  return `${stack.label}::${logicalId}`;
}

export class StackSet {
  readonly stacks: Stack[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private exportIndex: Map<string, { stack: Stack; output: string }> | undefined;
  private readonly importing: string[] = [];
  private readonly attributesInProgress = new Set<string>();

  constructor(
    inputs: StackInput[],
    readonly parameters: Record<string, string>,
    region: string,
    account: string | undefined,
  ) {
    const labels = new Set<string>();
    inputs.forEach((input, index) => {
      let label = input.template.stackName;
      for (let n = 2; labels.has(label); n++) label = `${input.template.stackName}-${n}`;
      labels.add(label);
      const sink = new DocSink(input.template.file, input.template.positions, this.diagnostics);
      const stack = {
        ...input,
        index,
        label,
        sink,
        account: input.account ?? account ?? STAND_IN_ACCOUNT,
        region: input.region ?? region,
        byId: new Map(input.template.resources.map((r) => [r.logicalId, r])),
        children: new Map<string, number>(),
      } as Stack;
      stack.evaluator = this.evaluatorFor(stack);
      this.stacks.push(stack);
    });
    for (const s of this.stacks) if (s.parent) this.stacks[s.parent.stack]?.children.set(s.parent.logicalId, s.index);
    for (const s of this.stacks) reportCycles(s.template, s.sink);
    this.checkGivenParameters();
  }

  private evaluatorFor(stack: Stack): Evaluator {
    let params: Map<string, Value> | undefined;
    const pseudo: Record<string, Value> = {
      'AWS::Region': stack.region,
      'AWS::Partition': stack.region.startsWith('cn-')
        ? 'aws-cn'
        : stack.region.startsWith('us-gov-')
          ? 'aws-us-gov'
          : 'aws',
      'AWS::URLSuffix': stack.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com',
      'AWS::StackName': stack.label,
    };
    return new Evaluator({
      template: stack.template,
      sink: stack.sink,
      region: stack.region,
      resourceKey: (id) => (stack.byId.has(id) ? resourceKey(stack, id) : undefined),
      parameter: (name) => {
        params ??= this.parametersOf(stack);
        return params.get(name);
      },
      pseudo: (name) => {
        if (name in pseudo) return pseudo[name];
        if (name === 'AWS::AccountId') {
          return stack.account === STAND_IN_ACCOUNT
            ? new Unknown('the deploying account (pass --account)')
            : stack.account;
        }
        if (name === 'AWS::StackId' || name === 'AWS::NotificationARNs')
          return new Unknown(`${name}, known at deployment`);
        return undefined;
      },
      importValue: (name) => this.importValue(name),
      knownAttribute: (id, attribute) => this.knownAttribute(stack, id, attribute),
    });
  }

  private parametersOf(stack: Stack): Map<string, Value> {
    const given = { ...this.parameters };
    const values = resolveParameters(stack.template, stack.sink, given);
    if (!stack.parent) return values;
    // A nested stack's parameters are whatever its parent passes in the Stack resource's Parameters.
    const parent = this.stacks[stack.parent.stack];
    const resource = parent?.byId.get(stack.parent.logicalId);
    if (!parent || !resource) return values;
    const passed = parent.evaluator.value(
      resource.properties.Parameters,
      `Resources.${resource.logicalId}.Properties.Parameters`,
    );
    if (isRecord(passed)) for (const [k, v] of Object.entries(passed)) values.set(k, v);
    return values;
  }

  private checkGivenParameters(): void {
    for (const name of Object.keys(this.parameters)) {
      if (this.stacks.some((s) => name in s.template.parameters)) continue;
      const first = this.stacks[0];
      this.diagnostics.push({
        severity: 'error',
        code: 'unknown-parameter',
        file: first?.template.file ?? '--parameter',
        message: `--parameter ${name}: no template given declares a parameter ${name}`,
      });
    }
  }

  private buildExportIndex(): Map<string, { stack: Stack; output: string }> {
    const index = new Map<string, { stack: Stack; output: string }>();
    for (const stack of this.stacks) {
      for (const [name, output] of Object.entries(stack.template.outputs)) {
        const exp = output.Export;
        if (!isRecord(exp)) continue;
        const exportName = stack.evaluator.value(exp.Name, `Outputs.${name}.Export.Name`);
        if (typeof exportName !== 'string') continue;
        const before = index.get(exportName);
        if (before) {
          stack.sink.error(
            'duplicate-export',
            `export ${exportName} is also made by stack ${before.stack.label}; export names must be unique in a Region`,
            {
              container: stack.template.outputs,
              key: name,
              field: `Outputs.${name}`,
            },
          );
          continue;
        }
        index.set(exportName, { stack, output: name });
      }
    }
    return index;
  }

  importValue(name: string): Value | undefined {
    this.exportIndex ??= this.buildExportIndex();
    const found = this.exportIndex.get(name);
    if (!found) return undefined;
    if (this.importing.includes(name)) return new Unknown(`export ${name} imports itself through other stacks`);
    this.importing.push(name);
    try {
      return (
        found.stack.evaluator.value(
          found.stack.template.outputs[found.output]?.Value,
          `Outputs.${found.output}.Value`,
        ) ?? null
      );
    } finally {
      this.importing.pop();
    }
  }

  /** Attributes a template states itself: a VPC's CidrBlock, a subnet's zone, a nested stack's outputs. */
  private knownAttribute(stack: Stack, id: string, attribute: string): Value | undefined {
    const resource = stack.byId.get(id);
    if (!resource) return undefined;
    const guard = `${stack.index}:${id}.${attribute}`;
    if (this.attributesInProgress.has(guard)) return undefined;
    this.attributesInProgress.add(guard);
    try {
      const field = `Resources.${id}.Properties`;
      if (resource.type === 'AWS::EC2::VPC' && attribute === 'CidrBlock') {
        return stack.evaluator.value(resource.properties.CidrBlock, `${field}.CidrBlock`);
      }
      if (resource.type === 'AWS::EC2::Subnet' && attribute === 'AvailabilityZone') {
        return stack.evaluator.value(resource.properties.AvailabilityZone, `${field}.AvailabilityZone`);
      }
      if (resource.type === 'AWS::CloudFormation::Stack' && attribute.startsWith('Outputs.')) {
        const child = this.stacks[stack.children.get(id) ?? -1];
        const output = attribute.slice('Outputs.'.length);
        if (!child) return new Unknown(`output ${output} of nested stack ${id}, whose template was not given`);
        const decl = child.template.outputs[output];
        if (!decl) {
          stack.sink.error('unknown-reference', `nested stack ${id} has no output ${output}`, {
            container: stack.template.root.Resources,
            key: id,
            field: `Resources.${id}`,
          });
          return new Unknown(`no output ${output}`);
        }
        return child.evaluator.value(decl.Value, `Outputs.${output}.Value`) ?? null;
      }
      return undefined;
    } finally {
      this.attributesInProgress.delete(guard);
    }
  }

  /** Provenance of a resource: file, line and column of its logical id, construct path for CDK output. */
  provenance(stack: Stack, resource: TemplateResource): Provenance {
    const pos = stack.template.positions.at(stack.template.root.Resources, resource.logicalId);
    const constructPath = stack.constructPaths?.get(resource.logicalId);
    return {
      source: stack.kind,
      file: stack.template.file,
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      path: `Resources.${resource.logicalId}`,
      originalId: resource.logicalId,
      ...(constructPath !== undefined ? { constructPath } : {}),
      template: { resourceType: resource.type },
    };
  }
}
