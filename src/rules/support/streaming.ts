// The directories that stream through a VPC endpoint, with the endpoint and its VPC looked up once. Almost every
// static rule starts from this list.
import type { Directory, Model, Vpc, VpcEndpoint } from '../../model/types.js';

export interface StreamingSetup {
  directory: Directory;
  /** The endpoint the directory names, when the model holds it. */
  endpoint?: VpcEndpoint;
  /** What the directory names (model id or vpce id), for messages when the endpoint is not in the model. */
  endpointRef: string;
  vpc?: Vpc;
}

export function streamingSetups(model: Readonly<Model>): StreamingSetup[] {
  const setups: StreamingSetup[] = [];
  for (const directory of model.directories) {
    const ref = directory.streamingEndpoint ?? directory.streamingEndpointAwsId;
    if (ref === undefined) continue;
    const endpoint = model.endpoints.find((e) => e.id === ref || (e.awsId !== undefined && e.awsId === ref));
    const setup: StreamingSetup = { directory, endpointRef: ref };
    if (endpoint) {
      setup.endpoint = endpoint;
      const vpc = model.vpcs.find((v) => v.id === endpoint.vpc);
      if (vpc) setup.vpc = vpc;
    }
    setups.push(setup);
  }
  return setups;
}

/** Endpoint-level rules check each endpoint once even when several directories share it. */
export function distinctEndpoints(setups: StreamingSetup[]): StreamingSetup[] {
  const seen = new Set<string>();
  return setups.filter((s) => {
    const key = s.endpoint?.id ?? s.endpointRef;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function directoryHasEndpoint(model: Readonly<Model>, directoryId: string): boolean {
  const d = model.directories.find((x) => x.id === directoryId);
  // An unknown configuration (undefined) is not taken as an endpoint: rules that need to know say so themselves.
  return d !== undefined && (d.streamingEndpoint != null || d.streamingEndpointAwsId !== undefined);
}
