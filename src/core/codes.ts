// The finding-code catalogue for the README and the API: every module's catalogue (listed in finding.ts), concatenated.
import { type CatalogueEntry, catalogues } from "./finding.ts";

export type { FindingCode } from "./finding.ts";

export const FINDING_CODES: readonly CatalogueEntry[] = catalogues().flat();
