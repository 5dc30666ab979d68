/**
 * The test network: a local HTTP proxy that the browser sends every request to (pages,
 * subresources, and the background script's own fetches alike). HTTPS is terminated here with a
 * throwaway self-signed certificate (Firefox is launched with `acceptInsecureCerts`, Chromium with `--ignore-certificate-errors`), so each
 * request is seen in full (URL, headers, body) and answered from the test's served pages. Nothing
 * leaves the machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { NOT_SERVED, type Served, type ServedPages } from './served';

export interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** A test's own answer for a request (e.g. a fake API); undefined: fall through to the served pages. */
export type Route = (request: SeenRequest) => Served | 'network-failure' | undefined;

let certificate: { key: Buffer; cert: Buffer } | undefined;

/** A self-signed certificate made once per test process with Debian's openssl. */
function selfSigned(): { key: Buffer; cert: Buffer } {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'casb-proxy-cert-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=casb-test-proxy', '-days', '2'].concat([
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ]),
      { stdio: 'ignore' },
    );
  } catch {
    throw new Error('openssl is needed for the tests that use the proxy (apt-get install -y openssl)');
  }
  if (!existsSync(certFile)) throw new Error('openssl made no certificate');
  certificate = { key: readFileSync(keyFile), cert: readFileSync(certFile) };
  rmSync(dir, { recursive: true, force: true });
  return certificate;
}

export interface Proxy {
  port: number;
  /** Every request the browser made, in order. */
  seen: SeenRequest[];
  routes: Route[];
  close(): Promise<void>;
}

export async function startProxy(pages: ServedPages): Promise<Proxy> {
  const { key, cert } = selfSigned();
  const seen: SeenRequest[] = [];
  const routes: Route[] = [];
  const sockets = new Set<Socket>();

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const tls = req.socket instanceof TLSSocket;
    const url = tls ? `https://${req.headers.host}${req.url}` : (req.url ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        headers[k] = Array.isArray(v) ? v.join(', ') : (v ?? '');
      const request = {
        url,
        method: req.method ?? 'GET',
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(request);
      let routed: Served | 'network-failure' | undefined;
      for (const route of routes) {
        routed = route(request);
        if (routed) break;
      }
      if (routed === 'network-failure') {
        req.socket.destroy();
        return;
      }
      const hit = routed
        ? { status: 200, contentType: 'application/json', ...routed }
        : (pages.get(url) ?? (isDocument(headers) ? NOT_SERVED : undefined));
      if (!hit) {
        req.socket.destroy(); // like Chromium's route.abort(): a subresource nobody served
        return;
      }
      res.writeHead(hit.status, { 'content-type': hit.contentType, 'cache-control': 'no-store' });
      res.end(hit.body);
    });
  };

  const server: Server = createServer(answer);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // HTTPS through the proxy: CONNECT, then TLS ends here and the same server reads the requests
  server.on('connect', (_req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    const secure = new TLSSocket(socket, { isServer: true, key, cert });
    secure.on('error', () => socket.destroy());
    server.emit('connection', secure);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function isDocument(headers: Record<string, string>): boolean {
  const dest = headers['sec-fetch-dest'];
  return dest === 'document' || dest === 'iframe' || dest === undefined;
}
