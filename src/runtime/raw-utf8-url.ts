// Node: a request line with raw UTF-8 (`GET /v1/reports?organ=平阳县教育局`, as curl sends it) is served, not refused.
import type { Server } from "node:http";
import type { Socket } from "node:net";
import { Duplex } from "node:stream";

/** The request line of a packet with every byte ≥ 0x80 percent-encoded, or undefined when it has none. */
export function encodeRequestLine(packet: Uint8Array): Uint8Array | undefined {
  let end = packet.indexOf(0x0a);
  if (end < 0) end = packet.length;
  const line = packet.subarray(0, end);
  if (!line.some((b) => b >= 0x80)) return undefined;
  let text = "";
  for (const b of line) text += b >= 0x80 ? `%${b.toString(16).toUpperCase()}` : String.fromCharCode(b);
  const head = new TextEncoder().encode(text);
  const out = new Uint8Array(head.length + packet.length - end);
  out.set(head);
  out.set(packet.subarray(end), head.length);
  return out;
}

const STATUS: Record<string, string> = {
  HPE_HEADER_OVERFLOW: "431 Request Header Fields Too Large",
  ERR_HTTP_REQUEST_TIMEOUT: "408 Request Timeout",
};

/**
 * Node's HTTP parser rejects bytes ≥ 0x80 in the request target (HPE_INVALID_URL) and answers an empty 400; browsers
 * percent-encode, curl and scripts often do not. Such a connection is handed back to the server through a stream that
 * replays the packet with its request line percent-encoded (the same URL a browser sends) and then relays the socket.
 * Every other parse error gets Node's own answer.
 */
export function acceptRawUtf8Urls(server: Server): void {
  server.on("clientError", (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) => {
    const fixed =
      err.code === "HPE_INVALID_URL" && err.rawPacket ? encodeRequestLine(err.rawPacket) : undefined;
    if (!fixed) {
      if (socket.writable)
        socket.end(`HTTP/1.1 ${STATUS[err.code ?? ""] ?? "400 Bad Request"}\r\nConnection: close\r\n\r\n`);
      socket.destroy();
      return;
    }
    // Detach Node's failed parser from the socket: from here on its bytes go to the relay only.
    (socket as Socket & { parser?: { unconsume?(): void } }).parser?.unconsume?.();
    socket.removeAllListeners("data");
    socket.removeAllListeners("end");
    const relay = new Duplex({
      read() {},
      write(chunk, _encoding, done) {
        socket.write(chunk, done);
      },
      final(done) {
        socket.end();
        done();
      },
      destroy(error, done) {
        socket.destroy(error ?? undefined);
        done(error);
      },
    });
    for (const key of ["remoteAddress", "remotePort", "remoteFamily", "localAddress", "localPort"] as const)
      Object.defineProperty(relay, key, { get: () => socket[key] });
    socket.on("data", (d: Buffer) => relay.push(d));
    socket.on("end", () => relay.push(null));
    socket.on("close", () => relay.destroy());
    relay.push(fixed);
    server.emit("connection", relay);
  });
}
