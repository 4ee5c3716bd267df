// Types of scripts/readme-codes.mjs, for the test that keeps the README code table up to date.
import type { CodeDoc } from "../src/core/finding.ts";
export const START: string;
export const END: string;
export function renderCodes(codes: readonly CodeDoc[]): string;
export function replaceBetweenMarkers(readme: string, table: string): string;
