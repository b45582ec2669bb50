/**
 * One port, two doors. TLS connections go straight to the HTTPS server. A plain-HTTP `CONNECT`
 * for the emulator's own names (`localhost:PORT`, `{vault}.vault.localhost:PORT`) opens a tunnel
 * into that same HTTPS server, so the emulator can be a client's HTTPS proxy: Python (requests),
 * Go, .NET and the Azure CLI honour `HTTPS_PROXY`, and the proxy resolves `*.localhost`, which
 * glibc does not — no change to the client's code and no weaker certificate check (TLS is still
 * end to end with the client). Any other target is refused: this is never an open proxy.
 */
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';

const TLS_HANDSHAKE = 0x16;

export interface Listener {
  server: Server;
  /** Ends every open connection (after server.close()). */
  closeAll(): void;
}

/** `host:port` of a CONNECT request, when it names this emulator. */
export function isOwnTarget(target: string, port: number): boolean {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target);
  if (!m || Number(m[2]) !== port) return false;
  const host = m[1].toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '127.0.0.1' || host === '::1';
}

function plainAnswer(socket: Duplex, status: string, message: string): void {
  const body = JSON.stringify({ error: { code: 'BadRequest', message } });
  socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}

export function createListener(https: HttpsServer, port: () => number): Listener {
  const sockets = new Set<Socket>();
  const plain = createHttpServer((req, res) => {
    const body = JSON.stringify({ error: { code: 'BadRequest', message: `This emulator speaks HTTPS only: use https://localhost:${port()}${req.url?.startsWith('/') ? req.url : '/'}` } });
    res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' });
    res.end(body);
  });
  plain.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isOwnTarget(req.url ?? '', port())) {
      plainAnswer(socket, '403 Forbidden', `This proxy only reaches the emulator itself (localhost:${port()} and *.localhost:${port()}).`);
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    https.emit('connection', socket);
  });
  plain.on('clientError', (_e, socket) => socket.destroy());

  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === TLS_HANDSHAKE ? https : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  return {
    server,
    closeAll() {
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
  };
}
