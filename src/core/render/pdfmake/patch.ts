// What a patch of the pdfmake/pdfkit/fontkit bundle declares: fix or speed-up, its targets, the upstream issue.

/** A function of the bundle, replaced by a patch (its `this` and arguments are the library's). */
// biome-ignore lint/suspicious/noExplicitAny: a patched library method takes and returns whatever the library does
export type Method = (this: any, ...args: any[]) => any;

export interface Patcher {
  /**
   * Replaces the method at `target` (one of the patch's declared targets, "Owner.member") by what `make` returns;
   * `make` gets the method it replaces. Undone when the installer reinstalls (the speed-up switch).
   */
  wrap(target: string, make: (original: Method) => Method): void;
  /** An owner of targets (a prototype, or a class for its static members), for what a patch must construct. */
  owner(name: string): object;
}

export interface Patch {
  /** Short stable name, shown in logs and errors. */
  id: string;
  /**
   * fix: pdfmake draws something wrong without it (a missing target stops the renderer at start-up).
   * speed: same pixels, less time or fewer bytes (a missing target is logged and the patch skipped).
   */
  kind: "fix" | "speed";
  /** The methods it replaces, "Owner.member" (owners: see install.ts). */
  targets: readonly string[];
  /** What it works around, and the upstream issue or why there is none. */
  upstream: string;
  apply(p: Patcher): void;
}
