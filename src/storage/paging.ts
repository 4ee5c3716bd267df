// Cursor paging over a sorted key list, for the stores that list everything themselves (memory, filesystem).
import type { ListedObject, ListOptions, ListPage } from "./types.ts";

export const DEFAULT_LIST_LIMIT = 1000;

/** The page size a listing asks its backend for: the caller's limit within 1…1000. */
export const pageLimit = (options: ListOptions): number =>
  Math.max(1, Math.min(options.limit ?? DEFAULT_LIST_LIMIT, DEFAULT_LIST_LIMIT));

/** `keys` sorted ascending; the cursor is the last key returned. */
export async function pageOf(
  keys: string[],
  options: ListOptions,
  describe: (key: string) => ListedObject | Promise<ListedObject>,
): Promise<ListPage> {
  const limit = pageLimit(options);
  const after = options.cursor;
  const rest = after === undefined ? keys : keys.filter((k) => k > after);
  const slice = rest.slice(0, limit);
  const objects = await Promise.all(slice.map(describe));
  const last = slice[slice.length - 1];
  return rest.length > limit && last !== undefined ? { objects, cursor: last } : { objects };
}

/** Every object under a prefix, following cursors. */
export async function listAll(
  storage: { list(prefix: string, options?: ListOptions): Promise<ListPage> },
  prefix: string,
): Promise<ListedObject[]> {
  const out: ListedObject[] = [];
  let cursor: string | undefined;
  do {
    const page = await storage.list(prefix, cursor === undefined ? {} : { cursor });
    out.push(...page.objects);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return out;
}
