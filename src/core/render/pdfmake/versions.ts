// The library versions the patches were written against; the build records what it bundled and the installer compares.

/** Exact pins: package.json pins the same versions (test/node/pdfmake-adapter.test.ts checks). */
export const PINNED = { pdfmake: "0.3.11", pdfkit: "0.19.1", fontkit: "2.0.4" } as const;

export type LibraryVersions = Record<keyof typeof PINNED, string>;

/** Mismatches between what the build bundled and the pins, as text; empty when they agree. */
export function versionMismatches(bundled: Partial<LibraryVersions> | undefined): string[] {
  return (Object.keys(PINNED) as (keyof typeof PINNED)[])
    .filter((name) => bundled?.[name] !== PINNED[name])
    .map((name) => `${name} ${bundled?.[name] ?? "(not recorded)"} bundled, ${PINNED[name]} expected`);
}
