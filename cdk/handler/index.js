// @ts-check
// The Lambda behind wspl-cdk's custom resources: settings CloudFormation cannot make in most Regions (wspl research
// notes, next-round §0 items 1–2). One function serves three resource types:
//   Custom::WorkSpacesAccessEndpoint        a directory's streaming endpoint (ModifyWorkspaceAccessProperties),
//                                           restoring the setting it found when the resource is deleted;
//   Custom::WorkSpacesDirectoryRegistration registering an AWS Directory Service directory with WorkSpaces;
//   Custom::EC2InstanceState                an instance kept running or stopped (the seed's NAT instance, case 4-1).
// It runs under CDK's custom-resource entrypoint, which answers CloudFormation with what this returns.
'use strict';

const ACCESS = 'Custom::WorkSpacesAccessEndpoint';
const REGISTRATION = 'Custom::WorkSpacesDirectoryRegistration';
const INSTANCE_STATE = 'Custom::EC2InstanceState';

/**
 * @typedef {{ AccessEndpointType?: string, VpcEndpointId?: string }} AccessEndpoint
 * @typedef {{ AccessEndpoints?: AccessEndpoint[], InternetFallbackProtocols?: string[] }} AccessEndpointConfig
 * @typedef {{ DirectoryId?: string, State?: string, ErrorMessage?: string,
 *   WorkspaceAccessProperties?: { AccessEndpointConfig?: AccessEndpointConfig } }} Directory
 * @typedef {{
 *   describeDirectory(id: string): Promise<Directory | undefined>,
 *   modifyAccess(id: string, config: AccessEndpointConfig): Promise<void>,
 *   register(input: { DirectoryId: string, SubnetIds: string[], Tenancy: string }): Promise<void>,
 *   deregister(id: string): Promise<void>,
 *   instanceState(id: string): Promise<string | undefined>,
 *   startInstance(id: string): Promise<void>,
 *   stopInstance(id: string): Promise<void>,
 *   sdkVersion: string,
 * }} Api
 * @typedef {{ RequestType: 'Create' | 'Update' | 'Delete', ResourceType: string, PhysicalResourceId?: string,
 *   ResourceProperties: Record<string, any>, OldResourceProperties?: Record<string, any> }} CfnEvent
 * @typedef {{ sleep: (ms: number) => Promise<void>, deadline: number }} Clock
 */

/** The physical id of an access setting keeps the value found before it, to restore on delete. */
const PREVIOUS_SEPARATOR = '|previous=';

/** @param {string} directoryId @param {AccessEndpointConfig | null} previous */
function accessPhysicalId(directoryId, previous) {
  const id = `${directoryId}${PREVIOUS_SEPARATOR}${Buffer.from(JSON.stringify(previous)).toString('base64url')}`;
  // CloudFormation keeps physical ids up to 1 KiB.
  if (id.length > 1024) {
    throw new Error(
      `the access endpoint setting found on ${directoryId} is too large to keep for restoring on delete (${id.length} bytes)`,
    );
  }
  return id;
}

/** @param {string | undefined} physicalId @returns {{ directoryId: string, previous: AccessEndpointConfig | null } | undefined} */
function parseAccessPhysicalId(physicalId) {
  if (physicalId === undefined) return undefined;
  const at = physicalId.indexOf(PREVIOUS_SEPARATOR);
  if (at < 0) return undefined;
  const directoryId = physicalId.slice(0, at);
  const previous = JSON.parse(Buffer.from(physicalId.slice(at + PREVIOUS_SEPARATOR.length), 'base64url').toString());
  return { directoryId, previous };
}

/** CloudFormation hands custom resources strings; the API takes lists and a fixed shape. @returns {AccessEndpointConfig} */
function desiredConfig(/** @type {Record<string, any>} */ props) {
  const config = props.AccessEndpointConfig ?? {};
  /** @type {AccessEndpointConfig} */
  const out = {
    AccessEndpoints: (config.AccessEndpoints ?? []).map((/** @type {AccessEndpoint} */ e) => ({
      AccessEndpointType: e.AccessEndpointType,
      VpcEndpointId: e.VpcEndpointId,
    })),
  };
  if (Array.isArray(config.InternetFallbackProtocols)) out.InternetFallbackProtocols = config.InternetFallbackProtocols;
  return out;
}

/** What the API means by "no streaming endpoint" when restoring a directory that had none [unverified form]. */
const NO_ENDPOINT = Object.freeze({ AccessEndpoints: [] });

/** @param {AccessEndpointConfig | undefined | null} c */
function canonical(c) {
  const endpoints = (c?.AccessEndpoints ?? []).map((e) => `${e.AccessEndpointType ?? ''}:${e.VpcEndpointId ?? ''}`);
  const fallback = c?.InternetFallbackProtocols ?? [];
  return JSON.stringify([[...endpoints].sort(), [...fallback].sort()]);
}

/** @param {Api} api @param {string} id */
async function registeredDirectory(api, id) {
  const dir = await api.describeDirectory(id);
  if (!dir) throw new Error(`directory ${id} is not registered with WorkSpaces in this account and Region`);
  return dir;
}

/**
 * Sets the config and reads it back: an SDK that does not know a member drops it without an error.
 * @param {Api} api @param {Clock} clock @param {string} id @param {AccessEndpointConfig} config */
async function setAndVerify(api, clock, id, config) {
  await api.modifyAccess(id, config);
  for (let attempt = 0; ; attempt++) {
    const now = (await api.describeDirectory(id))?.WorkspaceAccessProperties?.AccessEndpointConfig;
    if (canonical(now) === canonical(config)) return;
    if (attempt >= 4) {
      throw new Error(
        `directory ${id} does not show the access endpoint configuration just set (wanted ${canonical(config)}, ` +
          `reads ${canonical(now)}); the Lambda runtime's @aws-sdk/client-workspaces ${api.sdkVersion} may not know ` +
          'AccessEndpointConfig (it needs a version that has it)',
      );
    }
    await clock.sleep(3000);
  }
}

/** @param {CfnEvent} event @param {Api} api @param {Clock} clock */
async function accessEndpoint(event, api, clock) {
  const props = event.ResourceProperties;
  const kept = parseAccessPhysicalId(event.PhysicalResourceId);
  if (event.RequestType === 'Delete') {
    if (!kept) return {}; // a create that failed before anything was set
    const dir = await api.describeDirectory(kept.directoryId);
    if (!dir) return {}; // the directory is gone: nothing to restore
    await setAndVerify(api, clock, kept.directoryId, kept.previous ?? NO_ENDPOINT);
    return {};
  }
  const directoryId = String(props.DirectoryId);
  const desired = desiredConfig(props);
  if (event.RequestType === 'Update' && kept && kept.directoryId === directoryId) {
    // Same directory: set the new value, keep what was there before this resource existed.
    await registeredDirectory(api, directoryId);
    await setAndVerify(api, clock, directoryId, desired);
    return { PhysicalResourceId: event.PhysicalResourceId, Data: { DirectoryId: directoryId } };
  }
  // Create, or a move to another directory (CloudFormation then deletes the old one, which restores it).
  const dir = await registeredDirectory(api, directoryId);
  const previous = dir.WorkspaceAccessProperties?.AccessEndpointConfig ?? null;
  const physicalId = accessPhysicalId(directoryId, previous);
  await setAndVerify(api, clock, directoryId, desired);
  return { PhysicalResourceId: physicalId, Data: { DirectoryId: directoryId } };
}

/**
 * Polls until `done` says so, failing at the Lambda's deadline.
 * @param {Clock} clock @param {string} what @param {() => Promise<boolean>} done */
async function waitFor(clock, what, done) {
  while (!(await done())) {
    if (Date.now() + 15000 > clock.deadline) throw new Error(`timed out waiting for ${what}`);
    await clock.sleep(10000);
  }
}

/** @param {CfnEvent} event @param {Api} api @param {Clock} clock */
async function registration(event, api, clock) {
  const props = event.ResourceProperties;
  const directoryId = String(props.DirectoryId);
  if (event.RequestType === 'Delete') {
    const id = event.PhysicalResourceId ?? '';
    if (!(await api.describeDirectory(id))) return {};
    await api.deregister(id);
    await waitFor(clock, `${id} to be deregistered`, async () => {
      const d = await api.describeDirectory(id);
      return d === undefined || d.State === 'DEREGISTERED';
    });
    return {};
  }
  const old = event.OldResourceProperties;
  if (event.RequestType === 'Update' && old && String(old.DirectoryId) === directoryId) {
    if (JSON.stringify(old.SubnetIds) !== JSON.stringify(props.SubnetIds) || old.Tenancy !== props.Tenancy) {
      throw new Error(
        `the subnets or tenancy of registered directory ${directoryId} cannot be changed in place; deregister it first`,
      );
    }
    return { PhysicalResourceId: directoryId, Data: { DirectoryId: directoryId } };
  }
  const existing = await api.describeDirectory(directoryId);
  if (existing && existing.State !== 'DEREGISTERED') {
    // Adopting it would deregister, on delete, a registration this stack did not make.
    throw new Error(`directory ${directoryId} is already registered with WorkSpaces (${existing.State})`);
  }
  await api.register({
    DirectoryId: directoryId,
    SubnetIds: props.SubnetIds ?? [],
    Tenancy: String(props.Tenancy ?? 'SHARED'),
  });
  await waitFor(clock, `${directoryId} to be registered`, async () => {
    const d = await api.describeDirectory(directoryId);
    if (d?.State === 'ERROR')
      throw new Error(`registering ${directoryId} failed: ${d.ErrorMessage ?? 'no reason given'}`);
    return d?.State === 'REGISTERED';
  });
  return { PhysicalResourceId: directoryId, Data: { DirectoryId: directoryId } };
}

/** @param {CfnEvent} event @param {Api} api @param {Clock} clock */
async function instanceState(event, api, clock) {
  // Deleting the setting leaves the instance as it is: the stack that owns it decides its fate.
  if (event.RequestType === 'Delete') return {};
  const id = String(event.ResourceProperties.InstanceId);
  const want = String(event.ResourceProperties.State);
  if (want !== 'running' && want !== 'stopped') throw new Error(`State must be running or stopped, not ${want}`);
  const now = await api.instanceState(id);
  if (now !== want) {
    if (want === 'stopped') await api.stopInstance(id);
    else await api.startInstance(id);
    await waitFor(clock, `${id} to be ${want}`, async () => (await api.instanceState(id)) === want);
  }
  return { PhysicalResourceId: id, Data: { State: want } };
}

/** Dispatches one CloudFormation event. @param {CfnEvent} event @param {Api} api @param {Clock} clock */
async function route(event, api, clock) {
  switch (event.ResourceType) {
    case ACCESS:
      return accessEndpoint(event, api, clock);
    case REGISTRATION:
      return registration(event, api, clock);
    case INSTANCE_STATE:
      return instanceState(event, api, clock);
    default:
      throw new Error(`unknown resource type ${event.ResourceType}`);
  }
}

/** The API through the AWS SDK the Lambda runtime ships; `modules` is for tests. */
function sdkApi(
  modules = { workspaces: () => require('@aws-sdk/client-workspaces'), ec2: () => require('@aws-sdk/client-ec2') },
) {
  /** @type {any} */ let ws;
  /** @type {any} */ let wsClient;
  /** @type {any} */ let ec2;
  /** @type {any} */ let ec2Client;
  const workspaces = () => {
    ws ??= modules.workspaces();
    wsClient ??= new ws.WorkSpacesClient({});
    return { ws, client: wsClient };
  };
  const compute = () => {
    ec2 ??= modules.ec2();
    ec2Client ??= new ec2.EC2Client({});
    return { ec2, client: ec2Client };
  };
  /** @type {Api} */
  const api = {
    get sdkVersion() {
      try {
        return String(require('@aws-sdk/client-workspaces/package.json').version);
      } catch {
        return '(version unknown)';
      }
    },
    async describeDirectory(id) {
      const { ws, client } = workspaces();
      const out = await client.send(new ws.DescribeWorkspaceDirectoriesCommand({ DirectoryIds: [id] }));
      return out.Directories?.[0];
    },
    async modifyAccess(id, config) {
      const { ws, client } = workspaces();
      await client.send(
        new ws.ModifyWorkspaceAccessPropertiesCommand({
          ResourceId: id,
          WorkspaceAccessProperties: { AccessEndpointConfig: config },
        }),
      );
    },
    async register(input) {
      const { ws, client } = workspaces();
      await client.send(new ws.RegisterWorkspaceDirectoryCommand({ ...input, EnableWorkDocs: false }));
    },
    async deregister(id) {
      const { ws, client } = workspaces();
      await client.send(new ws.DeregisterWorkspaceDirectoryCommand({ DirectoryId: id }));
    },
    async instanceState(id) {
      const { ec2, client } = compute();
      const out = await client.send(new ec2.DescribeInstancesCommand({ InstanceIds: [id] }));
      return out.Reservations?.[0]?.Instances?.[0]?.State?.Name;
    },
    async startInstance(id) {
      const { ec2, client } = compute();
      await client.send(new ec2.StartInstancesCommand({ InstanceIds: [id] }));
    },
    async stopInstance(id) {
      const { ec2, client } = compute();
      await client.send(new ec2.StopInstancesCommand({ InstanceIds: [id] }));
    },
  };
  return api;
}

/** @param {CfnEvent} event @param {{ getRemainingTimeInMillis?: () => number } | undefined} context */
async function handler(event, context) {
  const remaining = context?.getRemainingTimeInMillis?.() ?? 14 * 60 * 1000;
  const clock = {
    sleep: (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms)),
    deadline: Date.now() + remaining,
  };
  return route(event, sdkApi(), clock);
}

module.exports = {
  handler,
  route,
  sdkApi,
  accessPhysicalId,
  parseAccessPhysicalId,
  NO_ENDPOINT,
  ACCESS,
  REGISTRATION,
  INSTANCE_STATE,
};
