// Content-Disposition with a Chinese file name: an ASCII fallback plus filename* (RFC 5987/6266).

/** Characters of a file name kept (a title can be long; the extension is kept). */
export const MAX_FILENAME_CHARS = 120;

/** `name` cut to MAX_FILENAME_CHARS characters, its extension kept, never inside a surrogate pair. */
function capName(name: string): string {
  const chars = [...name];
  if (chars.length <= MAX_FILENAME_CHARS) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 && name.length - dot <= 6 ? name.slice(dot) : "";
  return chars.slice(0, MAX_FILENAME_CHARS - ext.length).join("") + ext;
}

export function contentDisposition(
  name: string,
  fallback: string,
  type: "inline" | "attachment" = "inline",
): string {
  const encoded = encodeURIComponent(capName(name)).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const ascii = capName(fallback).replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
