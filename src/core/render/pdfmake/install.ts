// Installs the patches with one policy: versions checked, a fix whose target is missing throws, a speed-up logs and skips.
import { bundle } from "./bundle.ts";
import type { Method, Patch } from "./patch.ts";
import { PATCHES } from "./patches.ts";
import { versionMismatches } from "./versions.ts";

export interface AdapterStatus {
  /** Whether the speed-ups are installed (the fixes always are). */
  speedups: boolean;
  /** Ids of the patches installed, in order. */
  installed: string[];
  /** Speed-ups left out because a target is missing, with the missing targets. */
  skipped: { id: string; missing: string[] }[];
}

const proto = (o: unknown): object => Object.getPrototypeOf(o) as object;

/**
 * The owners of every target, by name: the classes' prototypes (a class's statics under "Name.static"). pdfkit's
 * EmbeddedFont and PDFReference and fontkit's TTFSubset are not exported: their prototypes are taken from a
 * throwaway document with `sampleFont` loaded.
 */
export function patchOwners(sampleFont: Uint8Array): Map<string, object> {
  const doc = new bundle.PDFDocument({}, {}, {}, {}, { font: null, autoFirstPage: false });
  doc.font(sampleFont);
  const embedded = doc._font;
  return new Map<string, object>([
    ["PDFDocument", bundle.PDFDocument.prototype],
    ["EmbeddedFont", proto(embedded)],
    ["TTFSubset", proto(embedded.subset)],
    ["PDFReference", proto(doc._root)],
    ["Renderer", bundle.Renderer.prototype],
    ["LayoutBuilder", bundle.LayoutBuilder.prototype],
    ["PageElementWriter", bundle.PageElementWriter.prototype],
    ["TableProcessor", bundle.TableProcessor.prototype],
    ["TextInlines", bundle.TextInlines.prototype],
    ["StyleContextStack", bundle.StyleContextStack.prototype],
    ["StyleContextStack.static", bundle.StyleContextStack],
  ]);
}

function split(target: string): [owner: string, member: string] {
  const at = target.lastIndexOf(".");
  return [target.slice(0, at), target.slice(at + 1)];
}

const missingTargets = (patch: Patch, found: Map<string, object>) =>
  patch.targets.filter((t) => {
    const [owner, member] = split(t);
    const o = found.get(owner) as Record<string, unknown> | undefined;
    return typeof o?.[member] !== "function";
  });

let speedupsWanted = true;
let current: { speedups: boolean; undo: () => void; status: AdapterStatus } | undefined;

/**
 * Turns the speed-ups on or off for the renders that follow (the fixes stay). Off: pdfmake's own code draws what the
 * speed-ups draw faster; the pixels are the same (test/node/pdfmake-adapter.test.ts), the bytes are not.
 */
export function setPdfmakeSpeedups(on: boolean): void {
  speedupsWanted = on;
}

/**
 * The policy, over any patch list and owners: a fix with a missing target throws (after undoing what was installed),
 * a speed-up with one is reported to `warn` and skipped; speed-ups are left out when switched off. Returns the status
 * and the function that undoes every replacement.
 */
export function applyPatches(
  patches: readonly Patch[],
  found: Map<string, object>,
  options: { speedups: boolean; warn: (line: string) => void },
): { status: AdapterStatus; undo: () => void } {
  const undos: (() => void)[] = [];
  const undo = () => {
    for (const u of undos.splice(0).reverse()) u();
  };
  const status: AdapterStatus = { speedups: options.speedups, installed: [], skipped: [] };
  for (const patch of patches) {
    if (patch.kind === "speed" && !options.speedups) continue;
    const missing = missingTargets(patch, found);
    if (missing.length > 0) {
      if (patch.kind === "fix") {
        undo();
        throw new Error(
          `pdfmake adapter: fix "${patch.id}" cannot be installed, missing ${missing.join(", ")}`,
        );
      }
      options.warn(`pdfmake adapter: speed-up "${patch.id}" skipped, missing ${missing.join(", ")}`);
      status.skipped.push({ id: patch.id, missing });
      continue;
    }
    try {
      patch.apply({
        owner(name) {
          const o = found.get(name);
          if (!o) throw new Error(`pdfmake adapter: patch "${patch.id}" asks for unknown owner ${name}`);
          return o;
        },
        wrap(target, make) {
          if (!patch.targets.includes(target))
            throw new Error(
              `pdfmake adapter: patch "${patch.id}" wraps ${target}, which it does not declare`,
            );
          const [owner, member] = split(target);
          const o = found.get(owner) as Record<string, Method>;
          const original = o[member] as Method;
          o[member] = make(original);
          undos.push(() => {
            o[member] = original;
          });
        },
      });
    } catch (e) {
      undo();
      throw e;
    }
    status.installed.push(patch.id);
  }
  return { status, undo };
}

/**
 * Installs the patches (or reinstalls them when the speed-up switch changed). Throws when the bundled library versions
 * are not the pinned ones or a fix cannot be installed: the renderer must not draw without its fixes. `warn` gets a
 * line per speed-up skipped.
 */
export function installPdfmake(
  sampleFont: Uint8Array,
  warn: (line: string) => void = defaultWarn,
): AdapterStatus {
  if (current?.speedups === speedupsWanted) return current.status;
  const mismatches = versionMismatches(bundle.versions);
  if (mismatches.length > 0)
    throw new Error(
      `pdfmake adapter: ${mismatches.join("; ")}: the patches in src/core/render/pdfmake/ were written for the pinned versions`,
    );
  current?.undo();
  current = undefined;
  const { status, undo } = applyPatches(PATCHES, patchOwners(sampleFont), { speedups: speedupsWanted, warn });
  current = { speedups: speedupsWanted, undo, status };
  return status;
}

/** Every runtime has console; the core takes nothing else from its runtime here. */
function defaultWarn(line: string): void {
  console.warn(line);
}
