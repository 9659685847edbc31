// A TCP connect probe: the three-way handshake and nothing else (the socket is closed as soon as it opens). The
// time to connect is one round trip to whatever answered the SYN.
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';

export type TcpOutcome =
  | { status: 'open'; rttMs: number }
  /** A reset: the host (or a firewall that rejects) answered, nothing accepts on the port. */
  | { status: 'refused'; rttMs: number }
  /** ICMP host or network unreachable, or no route from here. */
  | { status: 'unreachable'; code: string; rttMs: number }
  /** No answer at all: a firewall that drops, a missing route back, or a host that is not there. */
  | { status: 'timeout'; waitedMs: number }
  | { status: 'error'; code: string; detail: string };

const ms = (since: number) => Math.round((performance.now() - since) * 10) / 10;

/** Connects to address:port (an IP address: no name lookup happens here). Never throws. */
export function tcpConnect(address: string, port: number, timeoutMs: number): Promise<TcpOutcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect({ host: address, port, noDelay: true });
    let done = false;
    const finish = (o: TcpOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(o);
    };
    const timer = setTimeout(() => {
      finish({ status: 'timeout', waitedMs: timeoutMs });
    }, timeoutMs);
    socket.once('connect', () => {
      finish({ status: 'open', rttMs: ms(started) });
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? 'ERROR';
      if (code === 'ECONNREFUSED') finish({ status: 'refused', rttMs: ms(started) });
      else if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
        finish({ status: 'unreachable', code, rttMs: ms(started) });
      else finish({ status: 'error', code, detail: e.message });
    });
  });
}
