// The WorkSpaces-related VPC endpoint services that people mix up (the seed's table, plus AppStream 2.0). The single
// source for `wspl endpoints`, the streaming-endpoint-service rule and the streaming service name (knowledge.ts).

export interface EndpointServiceInfo {
  /** The part after `com.amazonaws.<region>.` */
  suffix: string;
  product: string;
  purpose: string;
  /** True only for the one service WorkSpaces Personal streaming needs. */
  streaming: boolean;
}

export const ENDPOINT_SERVICES: readonly EndpointServiceInfo[] = [
  {
    suffix: 'highlander',
    product: 'Amazon WorkSpaces (streaming)',
    purpose: 'DCV streaming of WorkSpaces Personal over PrivateLink; the one the directory needs',
    streaming: true,
  },
  {
    suffix: 'workspaces',
    product: 'Amazon WorkSpaces (API)',
    purpose: 'the WorkSpaces management API (CreateWorkspaces, DescribeWorkspaces, ...); carries no streams',
    streaming: false,
  },
  {
    suffix: 'workspaces-instances',
    product: 'Amazon WorkSpaces Core (Instances)',
    purpose: 'the WorkSpaces Core / Instances API',
    streaming: false,
  },
  {
    suffix: 'workspaces-web',
    product: 'Amazon WorkSpaces Secure Browser (API)',
    purpose: 'the Secure Browser API (named after its old name, WorkSpaces Web)',
    streaming: false,
  },
  {
    suffix: 'aps-workspaces',
    product: 'Amazon Managed Service for Prometheus',
    purpose: 'unrelated to WorkSpaces: Prometheus "workspaces" API',
    streaming: false,
  },
  {
    suffix: 'thinclient.api',
    product: 'Amazon WorkSpaces Thin Client (API)',
    purpose: 'the Thin Client management API',
    streaming: false,
  },
  {
    suffix: 'appstream.streaming',
    product: 'Amazon AppStream 2.0 / WorkSpaces Applications (streaming)',
    purpose: 'AppStream streaming (EndpointType STREAMING, TCP 443 and 1400-1499); not for WorkSpaces Personal',
    streaming: false,
  },
  {
    suffix: 'appstream.api',
    product: 'Amazon AppStream 2.0 / WorkSpaces Applications (API)',
    purpose: 'the AppStream management API',
    streaming: false,
  },
];

export function serviceName(region: string, suffix: string): string {
  return `com.amazonaws.${region}.${suffix}`;
}

/** Splits `com.amazonaws.<region>.<suffix>`; undefined for other names (custom or partner services). */
export function parseServiceName(name: string): { region: string; suffix: string } | undefined {
  const m = /^com\.amazonaws\.([a-z]{2}(?:-[a-z]+)+-\d+)\.(.+)$/.exec(name);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  return { region: m[1], suffix: m[2] };
}

export function describeService(name: string): EndpointServiceInfo | undefined {
  const parsed = parseServiceName(name);
  return parsed && ENDPOINT_SERVICES.find((s) => s.suffix === parsed.suffix);
}
