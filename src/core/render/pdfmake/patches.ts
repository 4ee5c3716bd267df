// The one list of patches to the bundled pdfmake, pdfkit and fontkit, in the order they are installed.
import { streamWrite, subsetEncodeCache } from "./embed-cache.ts";
import { fontReuse, subsetGlyphCopy } from "./font-reuse.ts";
import { graphicsState } from "./graphics-state.ts";
import { unbreakableBlocks } from "./keep-together.ts";
import { layoutCache } from "./layout-cache.ts";
import { inlineMerge } from "./merge-inlines.ts";
import { lineMerge } from "./merge-vectors.ts";
import type { Patch } from "./patch.ts";
import { rowBreaks } from "./row-breaks.ts";
import { noOpShifts, rowSpanCentring } from "./row-spans.ts";
import { styleCache } from "./style-cache.ts";
import { taggedStructure } from "./tagging.ts";

/** Fixes first (what the PDF must look like), then the speed-ups (same pixels, less time or fewer bytes), then tagging. */
export const PATCHES: readonly Patch[] = [
  unbreakableBlocks,
  // After unbreakableBlocks, so that it sees a table block before that patch does.
  rowBreaks,
  rowSpanCentring,
  fontReuse,
  subsetGlyphCopy,
  subsetEncodeCache,
  streamWrite,
  layoutCache,
  styleCache,
  inlineMerge,
  lineMerge,
  graphicsState,
  noOpShifts,
  // Last, so that it wraps the drawing the speed-ups replace (merged rules are artifacts too); a no-op untagged.
  taggedStructure,
];
