// Upload result files (incoming/<name>.result.json) sealed with an HMAC so a planted one is never trusted.

/** The signature field added to a result file; computed over the JSON of the rest of the record. */
export const SEAL_FIELD = "signature";

const encoder = new TextEncoder();

async function hmacHex(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(text)));
  let hex = "";
  for (const b of mac) hex += b.toString(16).padStart(2, "0");
  return hex;
}

/** The text to store: the record with its signature when a secret is configured, else the record alone. */
export async function sealResult(record: object, secret: string | undefined): Promise<string> {
  if (!secret) return JSON.stringify(record, null, 2);
  const signature = await hmacHex(secret, JSON.stringify(record));
  return JSON.stringify({ ...record, [SEAL_FIELD]: signature }, null, 2);
}

/**
 * The record of a stored result file when we wrote it (its signature checks out), else null.
 * Without a secret nothing can be told apart from a planted file, so nothing is trusted (the work is redone).
 */
export async function openResult(text: string, secret: string | undefined): Promise<unknown> {
  if (!secret) return null;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const { [SEAL_FIELD]: signature, ...record } = body as Record<string, unknown>;
  if (typeof signature !== "string" || signature.length !== 64) return null;
  const expected = await hmacHex(secret, JSON.stringify(record));
  // Compared in full whatever differs first: no early exit to time.
  let diff = 0;
  for (let i = 0; i < 64; i++) diff |= expected.charCodeAt(i) ^ signature.charCodeAt(i);
  return diff === 0 ? record : null;
}
