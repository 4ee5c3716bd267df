// The seed copies in test/fixtures/seeds match the shared corpus, when the corpus sits beside the checkout (as in CI).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, it } from "vitest";

const COPY = resolve("test/fixtures/seeds");
const CORPUS = resolve("../shared/corpus/seeds");

it.runIf(existsSync(CORPUS))("every corpus seed is copied unchanged into test/fixtures/seeds", () => {
  for (const name of readdirSync(CORPUS)) {
    expect(existsSync(join(COPY, name)), `${name} is missing from test/fixtures/seeds`).toBe(true);
    expect(readFileSync(join(COPY, name)).equals(readFileSync(join(CORPUS, name))), `${name} differs`).toBe(
      true,
    );
  }
});
