// Golden bytes: the PDF and HTML of every render fixture hash to the committed manifest, which names the renderer
// version; output that changes under the same version would be served under old content-addressed ids.
import { describe, expect, it } from "vitest";
import { type GoldenManifest, goldenManifest, readGolden } from "../../scripts/golden.ts";
import { RENDERER_VERSION } from "../../src/core/render/index.ts";

/** What is wrong with `actual` against the committed manifest, in words that say what to do; empty when it matches. */
function goldenProblems(committed: GoldenManifest, actual: GoldenManifest): string[] {
  const changed = Object.keys({ ...committed.files, ...actual.files })
    .sort()
    .flatMap((name) => {
      const a = committed.files[name];
      const b = actual.files[name];
      if (!a || !b) return [`${name}: ${a ? "fixture removed" : "new fixture"}`];
      return (["pdf", "html"] as const).filter((k) => a[k] !== b[k]).map((k) => `${name}.${k}`);
    });
  if (committed.rendererVersion === actual.rendererVersion) {
    return changed.length === 0
      ? []
      : [
          `rendered bytes changed (${changed.join(", ")}) but the renderer version is still ${actual.rendererVersion}: ` +
            "bump RENDERER_VERSION in src/core/render/version.ts (report ids would serve stale artifacts otherwise), " +
            "then regenerate the manifest with `npm run golden`",
        ];
  }
  return [
    `the renderer version is ${actual.rendererVersion} but test/fixtures/golden/render.json records ` +
      `${committed.rendererVersion}: regenerate it with \`npm run golden\` and commit it`,
  ];
}

describe("golden render bytes", () => {
  it("match the committed manifest for the current renderer version", async () => {
    const actual = await goldenManifest();
    expect(actual.rendererVersion).toBe(RENDERER_VERSION);
    expect(goldenProblems(readGolden(), actual)).toEqual([]);
  }, 120_000);

  it("asks for a version bump when bytes change under the same version, and for a new manifest after one", () => {
    const base: GoldenManifest = { rendererVersion: "render-x", files: { a: { pdf: "1", html: "2" } } };
    const changed: GoldenManifest = { ...base, files: { a: { pdf: "1", html: "3" } } };
    expect(goldenProblems(base, base)).toEqual([]);
    const [bump] = goldenProblems(base, changed);
    expect(bump).toContain("a.html");
    expect(bump).toContain("bump RENDERER_VERSION in src/core/render/version.ts");
    expect(bump).toContain("npm run golden");
    const [regen] = goldenProblems(base, { ...changed, rendererVersion: "render-y" });
    expect(regen).toContain("regenerate it with `npm run golden`");
  });
});
