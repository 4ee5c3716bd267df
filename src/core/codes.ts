// The finding-code catalogue for the README and the API: each module's codes, concatenated (append yours here).
import type { CodeDoc } from "./finding.ts";
import { CAP_CODES } from "./findings-cap.ts";
import { NORMALIZE_CODES } from "./normalize.ts";
import { PARSE_CODES } from "./parse/codes.ts";
import { RENDER_CODES } from "./render/codes.ts";
import { RULE_CODES } from "./rules.ts";

export const FINDING_CODES: readonly CodeDoc[] = [
  ...RULE_CODES,
  ...NORMALIZE_CODES,
  ...PARSE_CODES,
  ...RENDER_CODES,
  ...CAP_CODES,
];
