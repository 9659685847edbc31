// The dashboard listens on 127.0.0.1 only, and that is not enough on its own: a web page elsewhere can point a
// name it controls at 127.0.0.1 (DNS rebinding) or post to the port from the user's browser. So every request must
// name this server in its Host header, and a request that carries an Origin must come from this server's own page.
import type { MiddlewareHandler } from 'hono';

/** The Host values a browser sends for this server: 127.0.0.1:PORT and localhost:PORT. */
export function loopbackHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hostGuard(allowed: () => ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    const hosts = allowed();
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    const origin = c.req.header('origin');
    if (!hosts.has(host.toLowerCase())) {
      return c.text(`403: this dashboard answers only to ${[...hosts].join(' or ')}, not to Host "${host}"\n`, 403);
    }
    if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice(7).toLowerCase()))) {
      return c.text(`403: requests from ${origin} are refused; open the dashboard at http://${host}/\n`, 403);
    }
    await next();
  };
}
