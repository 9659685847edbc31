// A real QUIC server for the probe's tests: Debian's caddy serving HTTP/3 on 127.0.0.1 with its own internal CA.
// `skip_install_trust` keeps the system trust store untouched, and HOME/XDG point at a temporary folder so caddy
// writes nothing outside it. CI sets WSPL_REQUIRE_CADDY=1 (.ci/run installs caddy): there a missing caddy fails
// the tests instead of skipping them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { refusedTcpPort } from './loopback.js';

export function caddyPath(): string | undefined {
  const r = spawnSync('caddy', ['version'], { encoding: 'utf8' });
  return r.status === 0 ? 'caddy' : undefined;
}

/** Why the caddy tests do not run here, or undefined when they do (and must, in CI). */
export function caddySkipReason(): string | undefined {
  if (caddyPath()) return undefined;
  if (process.env.WSPL_REQUIRE_CADDY === '1') {
    throw new Error('WSPL_REQUIRE_CADDY=1 but caddy is not installed: .ci/run installs it with apt-get');
  }
  return 'caddy is not installed (apt-get install caddy): the real-QUIC-server tests are skipped here; CI runs them';
}

export interface Caddy {
  port: number;
  /** caddy's internal root certificate (PEM), to trust it in a test. */
  rootCa: string;
  stop(): Promise<void>;
}

function config(port: number, dir: string): string {
  return `{
	admin off
	skip_install_trust
	local_certs
	auto_https disable_redirects
	storage file_system ${join(dir, 'data')}
	servers {
		protocols h1 h2 h3
	}
}
https://localhost:${port} {
	bind 127.0.0.1
	tls internal
	respond "wspl probe test"
}
`;
}

/** Resolves once the TLS certificate is issued, i.e. the server answers a handshake. */
async function ready(port: number, deadline: number, child: ChildProcess, log: () => string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`caddy exited (${child.exitCode}): ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect({ host: '127.0.0.1', port, servername: 'localhost', rejectUnauthorized: false }, () => {
        const issued = Object.keys(s.getPeerCertificate()).length > 0;
        s.destroy();
        resolve(issued);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`caddy did not come up on 127.0.0.1:${port}: ${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startCaddy(): Promise<Caddy> {
  const dir = mkdtempSync(join(tmpdir(), 'wspl-caddy-'));
  // A free port for both TCP (HTTPS) and UDP (HTTP/3): caddy needs a fixed port in its config.
  const port = await refusedTcpPort();
  const file = join(dir, 'Caddyfile');
  writeFileSync(file, config(port, dir));
  const env = { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
  const child = spawn('caddy', ['run', '--config', file, '--adapter', 'caddyfile'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) {
        rmSync(dir, { recursive: true, force: true });
        resolve();
        return;
      }
      child.once('exit', () => {
        rmSync(dir, { recursive: true, force: true });
        resolve();
      });
      child.kill('SIGTERM');
    });
  try {
    await ready(port, Date.now() + 10_000, child, () => log);
  } catch (e) {
    await stop();
    throw e;
  }
  const rootCa = readFileSync(join(dir, 'data', 'pki', 'authorities', 'local', 'root.crt'), 'utf8');
  return { port, rootCa, stop };
}
