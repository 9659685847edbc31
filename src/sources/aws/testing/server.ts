// A fake AWS on 127.0.0.1 that speaks the real wire formats, so tests run the real SDK clients (signing,
// serialisation, retries, paging) against it: EC2 and STS Query (form-encoded requests, XML answers), WorkSpaces and
// Route 53 Resolver JSON 1.1 (`X-Amz-Target`). The account of a request comes from its access key, the Region and
// service from its SigV4 credential scope. It pages every list, and injects faults on request: throttling with the
// services' real error codes (so the SDK retries), access denied, 5xx, slow and malformed answers.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAction, pagingOf } from '../actions.js';
import { ec2ErrorXml, ec2ResponseXml } from './ec2-xml.js';
import { emptyScope, type FakeEstate } from './estate.js';
import { HANDLERS, type Answer, type Request } from './handlers.js';
import { parseQuery } from './query.js';
import { stsAnswer, stsErrorXml } from './sts.js';

export type FaultKind = 'throttle' | 'access-denied' | 'server-error' | 'slow' | 'garbage' | 'signature-mismatch';

export interface FaultRule {
  /** IAM action (`ec2:DescribeNetworkAcls`) or a pattern over it; every action when left out. */
  action?: string | RegExp;
  account?: string;
  region?: string;
  kind: FaultKind;
  /** How many matching requests get the fault (then it stops); every one when left out. */
  times?: number;
  /** For `slow`: how long to wait before answering. */
  delayMs?: number;
}

export interface FakeAwsOptions {
  estate: FakeEstate;
  /** Added to every answer (the benchmark uses 50 ms). */
  latencyMs?: number;
  /** Largest page the fake returns, below each API's own maximum (small values force paging). */
  pageSize?: number;
  faults?: FaultRule[];
  /** Role ARNs that AssumeRole accepts (their account is the one in the ARN); others are refused. */
  roles?: string[];
}

export interface LoggedRequest {
  action: string;
  account: string;
  region: string;
  status: number;
  time: number;
}

export interface FakeAws {
  url: string;
  requests: LoggedRequest[];
  /** Access key id of an account's long-term test credentials (the secret is not checked). */
  keyFor(account: string): string;
  close(): Promise<void>;
}

const KEY = /^(AKIA|ASIA)(\d{12})/;

/** Test credentials: the account sits in the access key id, so the fake knows whose estate to answer from. */
export function testCredentials(account: string): { accessKeyId: string; secretAccessKey: string } {
  return { accessKeyId: `AKIA${account}TEST`, secretAccessKey: 'wspl-fake-secret' };
}

interface Parsed {
  headers: IncomingMessage['headers'];
  service: string;
  operation: string;
  account: string;
  region: string;
  req: Request;
}

function readBody(msg: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    msg.on('data', (c: Buffer) => chunks.push(c));
    msg.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    msg.on('error', reject);
  });
}

function parseRequest(msg: IncomingMessage, body: string): Parsed | { error: string } {
  const auth = msg.headers.authorization ?? '';
  const m =
    /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}/.exec(auth);
  if (!m) return { error: 'missing or malformed SigV4 Authorization header' };
  const [, keyId = '', region = '', service = ''] = m;
  const account = KEY.exec(keyId)?.[2];
  if (account === undefined) return { error: `unknown access key` };
  const type = msg.headers['content-type'] ?? '';
  if (service === 'ec2' || service === 'sts') {
    if (!type.startsWith('application/x-www-form-urlencoded')) return { error: `${service} expects a form body` };
    const req = parseQuery(body);
    const version = service === 'ec2' ? '2016-11-15' : '2011-06-15';
    if (req.Version !== version) return { error: `${service} expects Version=${version}` };
    return { headers: msg.headers, service, operation: String(req.Action), account, region, req };
  }
  const target = msg.headers['x-amz-target'];
  const prefix = service === 'workspaces' ? 'WorkspacesService.' : 'Route53Resolver.';
  if (typeof target !== 'string' || !target.startsWith(prefix)) return { error: `${service} expects X-Amz-Target` };
  if (!type.startsWith('application/x-amz-json-1.1')) return { error: `${service} expects JSON 1.1` };
  return {
    headers: msg.headers,
    service,
    operation: target.slice(prefix.length),
    account,
    region,
    req: JSON.parse(body || '{}') as Request,
  };
}

function toJson(value: unknown): string {
  // JSON 1.1 writes timestamps as epoch seconds.
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : v;
  });
}

class Responder {
  constructor(
    private readonly res: ServerResponse,
    private readonly p: Pick<Parsed, 'service' | 'operation'>,
  ) {}

  ok(output: Record<string, unknown>): number {
    const id = randomUUID();
    if (this.p.service === 'ec2')
      this.send(200, 'text/xml;charset=UTF-8', ec2ResponseXml(this.p.operation, output, id));
    else this.send(200, 'application/x-amz-json-1.1', toJson(output));
    return 200;
  }

  error(status: number, code: string, message: string): number {
    const id = randomUUID();
    if (this.p.service === 'ec2') this.send(status, 'text/xml;charset=UTF-8', ec2ErrorXml(code, message, id));
    else if (this.p.service === 'sts') this.send(status, 'text/xml', stsErrorXml(code, message, id));
    else
      this.send(status, 'application/x-amz-json-1.1', JSON.stringify({ __type: code, message }), {
        'x-amzn-ErrorType': code,
      });
    return status;
  }

  garbage(): number {
    const text = this.p.service === 'workspaces' || this.p.service === 'route53resolver' ? '{"Directo' : '<Descr';
    this.send(200, this.p.service === 'ec2' ? 'text/xml' : 'application/x-amz-json-1.1', text);
    return 200;
  }

  send(status: number, type: string, body: string, headers: Record<string, string> = {}): void {
    this.res.writeHead(status, { 'content-type': type, 'x-amzn-requestid': randomUUID(), ...headers });
    this.res.end(body);
  }
}

const THROTTLE: Record<string, [number, string]> = {
  ec2: [503, 'RequestLimitExceeded'],
  sts: [400, 'Throttling'],
  workspaces: [400, 'ThrottlingException'],
  route53resolver: [400, 'ThrottlingException'],
};
const DENIED: Record<string, [number, string]> = {
  ec2: [403, 'UnauthorizedOperation'],
  sts: [403, 'AccessDenied'],
  workspaces: [400, 'AccessDeniedException'],
  route53resolver: [400, 'AccessDeniedException'],
};

function pageOf(
  answer: Extract<Answer, { kind: 'list' }>,
  p: Parsed,
  limit: number | undefined,
): Record<string, unknown> {
  const action = `${p.service}:${p.operation}`;
  const paging = isAction(action) ? pagingOf(action) : undefined;
  const asked = paging ? Number(p.req[paging.sizeField] ?? paging.max) : answer.items.length;
  const size = Math.max(1, Math.min(asked, paging?.max ?? asked, limit ?? Infinity));
  const token = typeof p.req.NextToken === 'string' ? p.req.NextToken : undefined;
  const start = token ? Number(/^page-(\d+)$/.exec(token)?.[1] ?? NaN) : 0;
  const slice = answer.items.slice(start, start + size);
  const next = start + size < answer.items.length ? `page-${start + size}` : undefined;
  return { ...answer.extra, [answer.member]: slice, ...(next !== undefined ? { NextToken: next } : {}) };
}

export async function startFakeAws(options: FakeAwsOptions): Promise<FakeAws> {
  const requests: LoggedRequest[] = [];
  const used = new Map<FaultRule, number>();
  const faultFor = (action: string, p: Parsed): FaultRule | undefined =>
    options.faults?.find((f) => {
      if (f.account !== undefined && f.account !== p.account) return false;
      if (f.region !== undefined && f.region !== p.region) return false;
      if (f.action !== undefined && !(typeof f.action === 'string' ? f.action === action : f.action.test(action)))
        return false;
      const n = used.get(f) ?? 0;
      if (f.times !== undefined && n >= f.times) return false;
      used.set(f, n + 1);
      return true;
    });

  const handle = async (msg: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(msg);
    const parsed = parseRequest(msg, body);
    if ('error' in parsed) {
      new Responder(res, { service: 'workspaces', operation: '' }).error(400, 'InvalidRequest', parsed.error);
      return;
    }
    const p = parsed;
    const action = `${p.service}:${p.operation}`;
    const r = new Responder(res, p);
    if (options.latencyMs) await new Promise((ok) => setTimeout(ok, options.latencyMs));
    const fault = faultFor(action, p);
    const status = await respond(r, p, fault);
    requests.push({ action, account: p.account, region: p.region, status, time: Date.now() });
  };

  const respond = async (r: Responder, p: Parsed, fault: FaultRule | undefined): Promise<number> => {
    if (fault?.kind === 'slow') await new Promise((ok) => setTimeout(ok, fault.delayMs ?? 200));
    if (fault?.kind === 'throttle') {
      const [status, code] = THROTTLE[p.service] ?? [400, 'ThrottlingException'];
      return r.error(status, code, 'Rate exceeded');
    }
    if (fault?.kind === 'access-denied') {
      const [status, code] = DENIED[p.service] ?? [400, 'AccessDeniedException'];
      const who = `arn:aws:sts::${p.account}:assumed-role/WsplReadOnly/wspl`;
      return r.error(status, code, `User: ${who} is not authorized to perform: ${p.service}:${p.operation}`);
    }
    if (fault?.kind === 'server-error') return r.error(500, 'InternalError', 'An internal error has occurred');
    if (fault?.kind === 'signature-mismatch') {
      // As AWS does, quote what it signed: the canonical request holds the session token and the key id.
      const token = String(p.headers['x-amz-security-token'] ?? '');
      const message = `The request signature we calculated does not match the signature you provided. The Canonical String for this request should have been 'POST / host:${p.headers.host ?? ''} x-amz-security-token:${token}' Authorization: ${p.headers.authorization ?? ''}`;
      return r.error(403, 'SignatureDoesNotMatch', message);
    }
    if (fault?.kind === 'garbage') return r.garbage();
    if (p.service === 'sts') {
      const answer = stsAnswer(p.operation, p.req, p.account, options.roles ?? []);
      if ('error' in answer) return r.error(answer.status, answer.code, answer.error);
      r.send(200, 'text/xml', answer.xml);
      return 200;
    }
    const handler = HANDLERS[p.service]?.[p.operation];
    if (!handler) return r.error(400, 'InvalidAction', `The action ${p.operation} is not valid for this web service`);
    // An account or Region with nothing in it answers with empty lists, as AWS does.
    const state = options.estate.find(p.account, p.region) ?? emptyScope(p.account, p.region);
    return answerWith(r, p, handler(state, p.req));
  };

  const answerWith = (r: Responder, p: Parsed, answer: Answer): number => {
    if (answer.kind === 'error') return r.error(answer.status, answer.code, answer.message);
    if (answer.kind === 'whole') return r.ok(answer.output);
    return r.ok(pageOf(answer, p, options.pageSize));
  };

  const server: Server = createServer((msg, res) => {
    if (msg.method === 'GET' && msg.url === '/_fake/requests') {
      // For a benchmark that runs the fake in another process: how many requests it answered, retries included.
      res.writeHead(200, { 'content-type': 'application/json' });
      const cpu = process.cpuUsage();
      res.end(
        JSON.stringify({
          requests: requests.length,
          failed: requests.filter((r) => r.status >= 400).length,
          cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        }),
      );
      return;
    }
    handle(msg, res).catch((e: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fake AWS failed: ${String(e)}`);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    keyFor: (account) => testCredentials(account).accessKeyId,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
