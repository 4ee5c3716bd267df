// A table cell while the parser reads it.
import type { Cell } from "../model.ts";

/** A cell during parsing: a number, null (written blank) or undefined (missing, may be inferred). */
export type Slot = Cell | undefined;
