// Who a client is, for rate limiting: the socket's address on Node (a forwarded header only behind a trusted proxy), the edge's header on Workers.
import type { Context } from "hono";
import type { AppEnv } from "./services.ts";

export type ClientAddress = (c: Context<AppEnv>) => string | undefined;

/** The address @hono/node-server's socket reports, if the context carries one. */
function socketAddress(c: Context<AppEnv>): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

/**
 * Node: the peer's address. With `trustProxy` (TRUST_PROXY=true, the server only reachable through one proxy),
 * the last X-Forwarded-For entry instead — the one that proxy appended; earlier entries are the client's to forge.
 */
export function nodeClientAddress(trustProxy: boolean): ClientAddress {
  return (c) => {
    if (trustProxy) {
      const forwarded = c.req.header("x-forwarded-for");
      const last = forwarded?.slice(0, 4096).split(",").pop()?.trim();
      if (last) return last.slice(0, 64);
    }
    return socketAddress(c);
  };
}

/** Workers: Cloudflare's edge sets CF-Connecting-IP itself (a client cannot choose it). */
export const edgeClientAddress: ClientAddress = (c) => c.req.header("cf-connecting-ip")?.slice(0, 64);
