// The custom resources' Lambda against a fake WorkSpaces and EC2: what it sets, that an update sets again without
// losing what to restore, and that a delete restores what it found. No AWS.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

interface Config {
  AccessEndpoints?: { AccessEndpointType?: string; VpcEndpointId?: string }[];
  InternetFallbackProtocols?: string[];
}
interface Event {
  RequestType: 'Create' | 'Update' | 'Delete';
  ResourceType: string;
  PhysicalResourceId?: string;
  ResourceProperties: Record<string, unknown>;
  OldResourceProperties?: Record<string, unknown>;
}
const handler = createRequire(import.meta.url)('../handler/index.js') as {
  route(e: Event, api: unknown, clock: unknown): Promise<{ PhysicalResourceId?: string }>;
  ACCESS: string;
  INSTANCE_STATE: string;
};

/** A directory d-1 whose access setting starts as `initial`, and one instance; every call is recorded. */
function fakeAws(initial: Config | undefined) {
  const calls: string[] = [];
  let access = initial;
  let instance = 'running';
  const api = {
    sdkVersion: 'fake',
    describeDirectory: (id: string) =>
      Promise.resolve(
        id === 'd-1'
          ? { DirectoryId: id, State: 'REGISTERED', WorkspaceAccessProperties: { AccessEndpointConfig: access } }
          : undefined,
      ),
    modifyAccess: (id: string, c: Config) => {
      calls.push(`modify ${id} ${JSON.stringify(c)}`);
      access = c;
      return Promise.resolve();
    },
    instanceState: () => Promise.resolve(instance),
    stopInstance: (id: string) => {
      calls.push(`stop ${id}`);
      instance = 'stopped';
      return Promise.resolve();
    },
    startInstance: (id: string) => {
      calls.push(`start ${id}`);
      instance = 'running';
      return Promise.resolve();
    },
  };
  const clock = { sleep: () => Promise.resolve(), deadline: Date.now() + 60_000 };
  return { api, clock, calls, access: () => access };
}

const setting = (vpce: string, fallback: string[]) => ({
  DirectoryId: 'd-1',
  AccessEndpointConfig: {
    AccessEndpoints: [{ AccessEndpointType: 'STREAMING_WSP', VpcEndpointId: vpce }],
    InternetFallbackProtocols: fallback,
  },
});

describe('Custom::WorkSpacesAccessEndpoint', () => {
  it('create sets it, update sets the new value and keeps what to restore, delete restores what was there', async () => {
    const before = { AccessEndpoints: [], InternetFallbackProtocols: [] };
    const aws = fakeAws(before);
    const created = await handler.route(
      { RequestType: 'Create', ResourceType: handler.ACCESS, ResourceProperties: setting('vpce-1', []) },
      aws.api,
      aws.clock,
    );
    expect(aws.access()?.AccessEndpoints?.[0]?.VpcEndpointId).toBe('vpce-1');
    const updated = await handler.route(
      {
        RequestType: 'Update',
        ResourceType: handler.ACCESS,
        PhysicalResourceId: created.PhysicalResourceId,
        ResourceProperties: setting('vpce-2', ['PCOIP']),
        OldResourceProperties: setting('vpce-1', []),
      },
      aws.api,
      aws.clock,
    );
    // Same physical id: CloudFormation does not replace it, so the value to restore is the one before the create.
    expect(updated.PhysicalResourceId).toBe(created.PhysicalResourceId);
    expect(aws.access()).toEqual({
      AccessEndpoints: [{ AccessEndpointType: 'STREAMING_WSP', VpcEndpointId: 'vpce-2' }],
      InternetFallbackProtocols: ['PCOIP'],
    });
    await handler.route(
      {
        RequestType: 'Delete',
        ResourceType: handler.ACCESS,
        PhysicalResourceId: updated.PhysicalResourceId,
        ResourceProperties: setting('vpce-2', ['PCOIP']),
      },
      aws.api,
      aws.clock,
    );
    expect(aws.access()).toEqual(before);
  });

  it('an update with the same value sets the same value again (idempotent), and a directory not registered is an error', async () => {
    const aws = fakeAws(undefined);
    const props = setting('vpce-1', []);
    const created = await handler.route(
      { RequestType: 'Create', ResourceType: handler.ACCESS, ResourceProperties: props },
      aws.api,
      aws.clock,
    );
    const again = {
      RequestType: 'Update' as const,
      ResourceType: handler.ACCESS,
      PhysicalResourceId: created.PhysicalResourceId,
      ResourceProperties: props,
      OldResourceProperties: props,
    };
    await handler.route(again, aws.api, aws.clock);
    expect(aws.calls).toEqual([aws.calls[0], aws.calls[0]]);
    await expect(
      handler.route(
        { RequestType: 'Create', ResourceType: handler.ACCESS, ResourceProperties: { ...props, DirectoryId: 'd-2' } },
        aws.api,
        aws.clock,
      ),
    ).rejects.toThrow(/d-2 is not registered with WorkSpaces/);
  });
});

describe('Custom::EC2InstanceState', () => {
  it('stops a running instance once, and deleting the setting leaves the instance as it is', async () => {
    const aws = fakeAws(undefined);
    const stop = { InstanceId: 'i-1', State: 'stopped' };
    await handler.route(
      { RequestType: 'Create', ResourceType: handler.INSTANCE_STATE, ResourceProperties: stop },
      aws.api,
      aws.clock,
    );
    await handler.route(
      {
        RequestType: 'Update',
        ResourceType: handler.INSTANCE_STATE,
        PhysicalResourceId: 'i-1',
        ResourceProperties: stop,
      },
      aws.api,
      aws.clock,
    );
    await handler.route(
      {
        RequestType: 'Delete',
        ResourceType: handler.INSTANCE_STATE,
        PhysicalResourceId: 'i-1',
        ResourceProperties: stop,
      },
      aws.api,
      aws.clock,
    );
    expect(aws.calls).toEqual(['stop i-1']);
  });
});
