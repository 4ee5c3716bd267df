// Types of scripts/score-found.mjs, for test/node/real-found.test.ts.
export const FOUND_DIR: string;
export const PARTS: readonly string[];
export const KNOWN_FILE: string;
export interface Miss {
  path: string;
  expected: unknown;
  actual: unknown;
}
export interface FoundScore {
  cells: number;
  cellsOk: number;
  wrongCells: Miss[];
  meta: Miss[];
  issuedOn: { expected: unknown; actual: unknown } | null;
  missedErrors: string[];
  falseErrors: string[];
}
export interface FoundExpected {
  edition: string;
  organ: string;
  year: number;
  issuedOn: string | null;
  expect: { errors: string[]; ambiguous?: { path: string; alternatives: unknown[] }[]; notes?: string };
}
export function foundFiles(part: string): string[];
export function expectedName(file: string): string;
export function readExpected(part: string, file: string): FoundExpected;
export function scoreOne(
  expected: FoundExpected,
  analyzed: { report: unknown; findings: readonly { severity: string; path: string }[] },
): FoundScore;
export function failuresOf(score: FoundScore): string[];
export function readKnown(): { note?: string; files: Record<string, string[]> };
export function formatScore(name: string, score: FoundScore, verbose: boolean): string;
export function summary(part: string, scores: readonly FoundScore[]): string;
