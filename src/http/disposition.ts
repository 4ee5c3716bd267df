// Content-Disposition with a Chinese file name: an ASCII fallback plus filename* (RFC 5987/6266).

export function contentDisposition(
  name: string,
  fallback: string,
  type: "inline" | "attachment" = "inline",
): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const ascii = fallback.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
