import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';

/** A certificate and its key (PEM), when the server speaks HTTPS itself. */
export interface TlsFiles {
  cert: Buffer | string;
  key: Buffer | string;
}

/**
 * How long a connection may take (milliseconds). A desk's largest request, a 4 MiB push, takes a
 * few seconds on a slow office line; anything slower is a stuck or hostile client holding a socket.
 */
export interface Timeouts {
  /** The whole request, headers and body, must have arrived by then. */
  requestMs: number;
  /** The headers must have arrived by then (a slow-headers attack is cut off early). */
  headersMs: number;
  /** A socket with no traffic at all is closed after this. */
  idleMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
}

export const defaultTimeouts: Timeouts = { requestMs: 30_000, headersMs: 10_000, idleMs: 60_000, keepAliveMs: 10_000 };

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Fastify's `serverFactory`: plain HTTP, or HTTPS with the given certificate (SYNC.md: the token
 * travels over HTTPS except on localhost), both with the timeouts above.
 */
export function serverFactory(tls: TlsFiles | undefined, timeouts: Timeouts): (handler: Handler) => Server {
  return (handler) => {
    // Node checks the request and header deadlines on an interval (30 s unless told).
    const checking = { connectionsCheckingInterval: Math.min(5_000, timeouts.headersMs) };
    const server: Server = tls
      ? // A TLS handshake that never finishes is cut off like headers that never do.
        createHttpsServer({ cert: tls.cert, key: tls.key, handshakeTimeout: timeouts.headersMs, ...checking }, handler)
      : createHttpServer(checking, handler);
    server.requestTimeout = timeouts.requestMs;
    server.headersTimeout = timeouts.headersMs;
    server.keepAliveTimeout = timeouts.keepAliveMs;
    server.setTimeout(timeouts.idleMs);
    return server;
  };
}
