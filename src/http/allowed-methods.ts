// Which methods a path answers to, from the app's own routes: a known path asked with another method gets 405 + Allow.
import { TrieRouter } from "hono/router/trie-router";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;

/**
 * A lookup built once from `routes` (the app's `app.routes`, read at the first call so every route is registered);
 * middleware registered for every method ("ALL") does not make a method allowed.
 */
export function allowedMethods(
  routes: () => readonly { method: string; path: string }[],
): (path: string) => string[] {
  let router: TrieRouter<string> | undefined;
  return (path) => {
    if (!router) {
      router = new TrieRouter<string>();
      for (const r of routes())
        if (r.method !== "ALL" && r.path !== "/*") router.add(r.method, r.path, r.method);
    }
    const found = router;
    const allowed = METHODS.filter((m) => found.match(m === "HEAD" ? "GET" : m, path)[0].length > 0);
    return allowed;
  };
}
