// Where a directory's access endpoint config is written. CloudFormation can write it only through
// AWS::WorkSpaces::Directory, which has no DirectoryId input (it cannot take over an existing directory) and which
// most Regions, Tokyo among them, do not offer (directory-regions.ts). Everywhere else the setting is made by a
// custom resource calling ModifyWorkspaceAccessProperties (handler/index.js).
import { CustomResource, Stack, Token } from 'aws-cdk-lib';
import type { CfnDirectory } from 'aws-cdk-lib/aws-workspaces';
import { Construct } from 'constructs';
import {
  DIRECTORY_AVAILABILITY_SOURCE,
  WORKSPACES_DIRECTORY_TYPE,
  cloudFormationOffersDirectory,
} from './directory-regions.js';
import { RESOURCE_TYPE, directoryArn, settingsProvider } from './provider.js';
import { WSPL_RULE } from './rule-ids.js';
import type { Problem } from './problems.js';

/** The access endpoint config a StreamingEndpoint asks for. */
export interface AccessEndpointSetting {
  readonly vpcEndpointId: string;
  /** Whether PCoIP WorkSpaces may stream over the internet while the endpoint is set (InternetFallbackProtocols). */
  readonly pcoipOverInternet: boolean;
}

/** The wire shape of AccessEndpointConfig, as CloudFormation and the WorkSpaces API both write it. */
export function accessEndpointConfig(setting: AccessEndpointSetting): {
  AccessEndpoints: { AccessEndpointType: 'STREAMING_WSP'; VpcEndpointId: string }[];
  InternetFallbackProtocols: 'PCOIP'[];
} {
  return {
    AccessEndpoints: [{ AccessEndpointType: 'STREAMING_WSP', VpcEndpointId: setting.vpcEndpointId }],
    // Written out even when empty, so "no PCoIP over the internet" is a choice in the template, not a default.
    InternetFallbackProtocols: setting.pcoipOverInternet ? ['PCOIP'] : [],
  };
}

/** What binding a directory produced: the construct that holds the setting and what is wrong with it. */
export interface BoundDirectoryAccess {
  readonly setting: Construct;
  readonly problems: Problem[];
}

/** Which directory gets the streaming endpoint, and how. */
export abstract class DirectoryAccess {
  /**
   * A directory this stack creates as AWS::WorkSpaces::Directory: its WorkspaceAccessProperties get the
   * AccessEndpointConfig. Only where CloudFormation offers the type (us-east-1, us-west-2, eu-central-1, ap-south-1
   * per the validator aws-cdk-lib 2.276.0 bundles); elsewhere synth fails naming `cfn-directory-region-unsupported`.
   */
  static ofCfnDirectory(directory: CfnDirectory): DirectoryAccess {
    return new CfnDirectoryAccess(directory);
  }

  /**
   * A directory registered with WorkSpaces by id (`d-…`, or a token such as WorkspacesDirectoryRegistration's
   * `directoryId`): a custom resource sets the config with ModifyWorkspaceAccessProperties and restores the value it
   * found when it is deleted. Works in every Region and for directories registered outside this stack.
   */
  static ofDirectoryId(directoryId: string): DirectoryAccess {
    return new DirectoryIdAccess(directoryId);
  }

  /** @internal Applies the setting; called once by StreamingEndpoint. */
  abstract _bind(scope: Construct, setting: AccessEndpointSetting): BoundDirectoryAccess;
}

class CfnDirectoryAccess extends DirectoryAccess {
  constructor(private readonly directory: CfnDirectory) {
    super();
  }

  _bind(_scope: Construct, setting: AccessEndpointSetting): BoundDirectoryAccess {
    const dir = this.directory;
    const problems: Problem[] = [];
    const region = Stack.of(dir).region;
    const offered = Token.isUnresolved(region) ? undefined : cloudFormationOffersDirectory(region);
    if (offered === false) {
      problems.push({
        rule: WSPL_RULE.directoryRegion,
        severity: 'error',
        message:
          `CloudFormation does not offer ${WORKSPACES_DIRECTORY_TYPE} in ${region} (per ${DIRECTORY_AVAILABILITY_SOURCE}): ` +
          'register the directory with WorkspacesDirectoryRegistration (or outside CloudFormation) and pass ' +
          'DirectoryAccess.ofDirectoryId(...) instead',
      });
    } else if (offered === undefined) {
      problems.push({
        rule: WSPL_RULE.directoryRegion,
        severity: 'warning',
        message: Token.isUnresolved(region)
          ? `the stack has no explicit Region, so whether CloudFormation offers ${WORKSPACES_DIRECTORY_TYPE} there cannot be checked; give the stack an env with a Region`
          : `whether CloudFormation offers ${WORKSPACES_DIRECTORY_TYPE} in ${region} is not known (${DIRECTORY_AVAILABILITY_SOURCE} does not list it)`,
      });
    }
    const current = dir.workspaceAccessProperties;
    if (current !== undefined && Token.isUnresolved(current)) {
      problems.push({
        rule: WSPL_RULE.accessType,
        severity: 'error',
        message: `${dir.node.path} has WorkspaceAccessProperties given as a token; give them as a plain object so the access endpoint can be added`,
      });
      return { setting: dir, problems };
    }
    const plain = current as CfnDirectory.WorkspaceAccessPropertiesProperty | undefined;
    if (plain?.accessEndpointConfig !== undefined) {
      problems.push({
        rule: WSPL_RULE.accessType,
        severity: 'error',
        message: `${dir.node.path} already sets AccessEndpointConfig; leave it to the StreamingEndpoint (one place for the setting)`,
      });
      return { setting: dir, problems };
    }
    const config = accessEndpointConfig(setting);
    dir.workspaceAccessProperties = {
      ...(plain ?? {}),
      accessEndpointConfig: {
        accessEndpoints: config.AccessEndpoints.map((e) => ({
          accessEndpointType: e.AccessEndpointType,
          vpcEndpointId: e.VpcEndpointId,
        })),
        internetFallbackProtocols: config.InternetFallbackProtocols,
      },
    };
    problems.push(...directorySettingProblems(dir));
    return { setting: dir, problems };
  }
}

/** Settings of the directory itself that a streaming endpoint does not work with (wspl R1, R7, R8). */
function directorySettingProblems(dir: CfnDirectory): Problem[] {
  const problems: Problem[] = [];
  if (dir.workspaceType === 'POOLS') {
    problems.push({
      rule: WSPL_RULE.directoryType,
      severity: 'error',
      message: `${dir.node.path} is a Pools directory (WorkspaceType POOLS); streaming endpoints work with Personal directories only`,
    });
  }
  if (dir.endpointEncryptionMode === 'FIPS_VALIDATED') {
    problems.push({
      rule: WSPL_RULE.directoryFips,
      severity: 'error',
      message: `${dir.node.path} uses FIPS_VALIDATED endpoint encryption, which a streaming endpoint does not support; set STANDARD_TLS`,
    });
  }
  const streaming = dir.streamingProperties;
  const accelerator =
    streaming !== undefined && !Token.isUnresolved(streaming)
      ? (streaming as CfnDirectory.StreamingPropertiesProperty).globalAccelerator
      : undefined;
  if (
    accelerator !== undefined &&
    !Token.isUnresolved(accelerator) &&
    (accelerator as CfnDirectory.GlobalAcceleratorForDirectoryProperty).mode === 'ENABLED_AUTO'
  ) {
    problems.push({
      rule: WSPL_RULE.directoryAccelerator,
      severity: 'warning',
      message: `${dir.node.path} turns Global Accelerator on; it does not apply to streams through the endpoint`,
    });
  }
  return problems;
}

class DirectoryIdAccess extends DirectoryAccess {
  constructor(private readonly directoryId: string) {
    super();
  }

  _bind(scope: Construct, setting: AccessEndpointSetting): BoundDirectoryAccess {
    const problems: Problem[] = [];
    const id = this.directoryId;
    if (!Token.isUnresolved(id) && !/^(d-[0-9a-f]{8,63}|wsd-[0-9a-z]{8,63})$/.test(id)) {
      problems.push({
        rule: WSPL_RULE.accessType,
        severity: 'error',
        message: `"${id}" is not a WorkSpaces directory id; give the d-… (or wsd-…) id of a registered directory`,
      });
    }
    const provider = settingsProvider(scope, RESOURCE_TYPE.access, [
      // Describe has no resource-level permission: it reads the value to restore and checks what was set.
      { Effect: 'Allow', Action: ['workspaces:DescribeWorkspaceDirectories'], Resource: '*' },
      {
        Effect: 'Allow',
        Action: ['workspaces:ModifyWorkspaceAccessProperties'],
        Resource: directoryArn(scope, id),
      },
    ]);
    const resource = new CustomResource(scope, 'DirectoryAccess', {
      serviceToken: provider.serviceToken,
      resourceType: RESOURCE_TYPE.access,
      properties: { DirectoryId: id, AccessEndpointConfig: accessEndpointConfig(setting) },
    });
    return { setting: resource, problems };
  }
}
