// The test helpers: the npm-carried Chromium serves the browser tests, nothing calls poppler or a system Chromium, pdf.js reads and draws our PDFs, temp dirs are removed.
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/core/model.ts";
import { renderPdf } from "../../src/core/render/index.ts";
import { useBrowser } from "../support/browser.ts";
import {
  findChromium,
  npmChromiumDir,
  npmChromiumFits,
  npmChromiumVersion,
  systemChromium,
} from "../support/chromium.ts";
import { inkCoverage, pdfFacts, pdfOutline, pdfText, pixelDifference, rasterPage } from "../support/pdf.ts";
import { pdfOfObjects } from "../support/pdf-build.ts";
import { fixtures } from "../support/render-fixtures.ts";
import { TEMP_PREFIX, tempDir } from "../support/temp-dir.ts";

const ctx = useBrowser();

describe("the browser", () => {
  it("is the npm-carried Chromium where it fits (linux-x64), unpacked outside the project", async (t) => {
    expect(npmChromiumVersion(), "@sparticuz/chromium is a devDependency").toBeDefined();
    if (!npmChromiumFits()) {
      const reason = "@sparticuz/chromium ships linux-x64 only: a system Chromium serves here";
      console.log(`skipped: ${reason}`);
      t.skip(reason);
    }
    const choice = await findChromium();
    expect(choice.source).toBe("npm");
    expect(choice.executablePath).toBe(join(npmChromiumDir(), "chromium"));
    expect(statSync(choice.executablePath).mode & 0o111).not.toBe(0);
    // The shared browser every test file connects to is that one.
    expect(ctx.answer?.source).toBe("npm");
    expect(ctx.answer?.executablePath).toBe(choice.executablePath);
    expect(ctx.browser.version()).toMatch(/^\d+\./);
  });

  it("renders a page of the shared browser", async () => {
    const page = await ctx.browser.newPage();
    try {
      await page.setContent("<p id=p>政府信息公开</p>");
      expect(await page.textContent("#p")).toBe("政府信息公开");
    } finally {
      await page.close();
    }
  });

  it("falls back to CHROMIUM_PATH, then to a Chromium on PATH", () => {
    const dir = tempDir("fake-chromium");
    const fake = join(dir, "chromium-browser");
    writeFileSync(fake, "#!/bin/sh\nexit 127\n");
    chmodSync(fake, 0o755);
    expect(systemChromium({ PATH: dir })).toMatchObject({ executablePath: fake, source: "PATH" });
    expect(systemChromium({ PATH: dir, CHROMIUM_PATH: fake })).toMatchObject({ source: "CHROMIUM_PATH" });
    expect(systemChromium({ PATH: join(dir, "none") })).toBeUndefined();
    expect(() => systemChromium({ CHROMIUM_PATH: join(dir, "missing") })).toThrow(/CHROMIUM_PATH/);
  });
});

describe("no system tool in the suite", () => {
  // Built from parts so that this file does not name them itself.
  const POPPLER = ["pdftoppm", "pdftotext", "pdffonts", "pdfinfo", "pdftocairo", "pdfimages"];
  const quoted = new RegExp(`["'\`](${POPPLER.join("|")})["'\`]`);
  const systemBrowser = new RegExp(["/usr/bin/", "chrom"].join(""));
  const self = new URL(import.meta.url).pathname;

  function sources(dir: string): string[] {
    return (
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && /\.(ts|mts|js|mjs|cjs|sh)$/.test(e.name))
        .map((e) => join(e.parentPath, e.name))
        // The guard script names the tools to shim them.
        // scripts/poppler-text.mjs is the measurement script's pdftotext, which no test imports (checked below).
        .filter(
          (p) =>
            !self.endsWith(p) &&
            !p.includes("fixtures") &&
            !p.endsWith("without-system-tools.mjs") &&
            !p.endsWith("poppler-text.mjs"),
        )
    );
  }

  it("runs no poppler tool and launches no Chromium by a system path (test/, bench/, scripts/, .ci/)", () => {
    const files = [...sources("test"), ...sources("bench"), ...sources("scripts"), ".ci/run"];
    expect(files.length).toBeGreaterThan(20);
    const hits = files.filter((f) => {
      const text = readFileSync(f, "utf8");
      return quoted.test(text) || systemBrowser.test(text) || /apt-get/.test(text);
    });
    expect(hits).toEqual([]);
  });

  it("imports the measurement script's pdftotext from no test or support file", () => {
    const importers = sources("test").filter((f) => readFileSync(f, "utf8").includes("poppler-text"));
    expect(importers).toEqual([]);
  });

  it("has .ci/run install with npm only", () => {
    const run = readFileSync(".ci/run", "utf8");
    const commands = run.split("\n").filter((l) => l.trim() && !l.startsWith("#"));
    expect(commands.at(-1)).toBe("npm ci && npm test");
    expect(commands.join("\n")).not.toMatch(/\b(apt|apt-get|brew|pip|curl|wget)\b/);
  });
});

describe("tempDir", () => {
  let inTest = "";
  it("makes an empty nianbao-<name>-XXXXXX folder in the OS temp dir, there while its test runs", () => {
    inTest = tempDir("support-test");
    expect(dirname(inTest)).toBe(tmpdir());
    expect(basename(inTest)).toMatch(/^nianbao-support-test-[A-Za-z0-9]{6}$/);
    expect(readdirSync(inTest)).toEqual([]);
    writeFileSync(join(inTest, "a.pdf"), "%PDF");
    expect(tempDir("support-test")).not.toBe(inTest);
  });

  it("removed it, with what it held, when that test finished", () => {
    expect(inTest).not.toBe("");
    expect(existsSync(inTest)).toBe(false);
  });

  let collectedIn = "";
  describe("made at collection time", () => {
    const collected = tempDir("support-collected");
    collectedIn = collected;
    let inHook = false;
    beforeAll(() => {
      inHook = readdirSync(collected).length === 0;
    });
    it("is there, empty, for the suite's own hooks and every test", () => {
      expect(inHook).toBe(true);
      expect(dirname(collected)).toBe(tmpdir());
      writeFileSync(join(collected, "a.pdf"), "%PDF");
    });
    it("and still there for the next one", () => {
      expect(readdirSync(collected)).toEqual(["a.pdf"]);
    });
  });

  it("removed after the suite that made it", () => {
    expect(collectedIn).not.toBe("");
    expect(existsSync(collectedIn)).toBe(false);
  });

  let skippedIn = "";
  describe.skip("in a suite that does not run (skipped, or every test filtered out by -t)", () => {
    skippedIn = tempDir("support-skipped");
    it("never runs", () => {});
  });

  it("is never made, so nothing is left to remove", () => {
    expect(skippedIn).not.toBe("");
    expect(existsSync(skippedIn)).toBe(false);
  });

  describe("called in a hook", () => {
    let thrown: unknown;
    beforeAll(() => {
      try {
        // A hook registered now would never run: the helper refuses instead of leaking the folder.
        rmSync(tempDir("support-hook"), { recursive: true, force: true });
      } catch (e) {
        thrown = e;
      }
    });
    it("throws, naming where to call it instead", () => {
      expect(String(thrown)).toMatch(/tempDir: called in a hook/);
    });
  });

  it("refuses a name that is not a plain word", () => {
    expect(() => tempDir("../x")).toThrow(/not \[a-z0-9-\]\+/);
  });

  it("is the only way test/ makes a temp folder (but the shared Chromium cache and s3rver's own)", () => {
    // s3rver's folder is made and removed by startS3()/close(), which tests call in hooks.
    const allowed = ["support/temp-dir.ts", "support/chromium.ts", "support/service/s3rver.ts"];
    const makers = readdirSync("test", { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|mts|js|mjs)$/.test(e.name) && !e.parentPath.includes("fixtures"))
      .map((e) => join(e.parentPath, e.name))
      .filter((f) => !new URL(import.meta.url).pathname.endsWith(f))
      .filter((f) => /\bmkdtemp(Sync)?\(|\btmpdir\(\)/.test(readFileSync(f, "utf8")))
      .filter((f) => !allowed.some((a) => f.endsWith(a)));
    expect(makers).toEqual([]);
    expect(TEMP_PREFIX).toBe("nianbao-");
  });
});

describe("pdf.js reading our PDF", () => {
  const report = fixtures().find((f) => f.name === "report-2021")?.report as Report;
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await renderPdf(report, ctx.assets);
  });

  it("gives pages, sizes, metadata, fonts, positioned text and the outline", async () => {
    const facts = await pdfFacts(pdf);
    expect(facts.pages).toBe(facts.pageList.length);
    expect(facts.pages).toBeGreaterThanOrEqual(3);
    expect(facts.info.Author).toBe(report.organ);
    expect(facts.fonts.every((f) => f.embedded && f.subset && f.unicode)).toBe(true);
    expect(facts.fonts.map((f) => f.type)).toContain("CIDFontType2");
    const title = facts.pageList[0]?.items.find((i) => i.str.includes(report.organ));
    expect(title, "the title is on page 1").toBeDefined();
    // The title sits in the top fifth of an A4 page; x and y are points from the bottom left.
    expect(title?.y).toBeGreaterThan(841.89 * 0.75);
    expect(title?.x).toBeGreaterThan(0);
    expect(facts.outline[0]).toBe(report.sections.find((s) => s.heading)?.heading);
    expect(facts.text.split("\f")).toHaveLength(facts.pages);
    // The fast reader gives the same text, only without the fonts loaded.
    const text = await pdfText(pdf);
    expect(text.raw).toBe(facts.raw);
    expect(text.text).toBe(facts.text);
    expect(await pdfOutline(pdf)).toEqual(facts.outline);
  });

  it("tells a font that is not embedded and has no subset tag", async () => {
    // A minimal PDF drawing with the standard Helvetica (not embedded, no subset tag).
    const facts = await pdfFacts(minimalPdf("(Hello) Tj"));
    expect(facts.fonts).toEqual([
      { name: "Helvetica", embedded: false, subset: false, unicode: true, type: "Type1" },
    ]);
    expect(facts.text).toBe("Hello");
  });

  it("draws pages on @napi-rs/canvas: same PDF, same pixels; another number, other pixels", async () => {
    const a = await rasterPage(pdf, 3, 1);
    expect(a.width).toBe(596);
    expect(a.height).toBe(842);
    expect(inkCoverage(a)).toBeGreaterThan(0.01);
    expect(pixelDifference(a, await rasterPage(pdf, 3, 1))).toBe(0);
    const changed = structuredClone(report);
    if (changed.edition !== "2021") throw new Error("fixture edition");
    changed.proactive.fees.amountWan = 98765.4;
    const b = await rasterPage(await renderPdf(changed, ctx.assets), 3, 1);
    const diff = pixelDifference(a, b);
    expect(diff).toBeGreaterThan(0);
    expect(diff).toBeLessThan(0.01);
    expect(a.png().subarray(1, 4).toString()).toBe("PNG");
  });
});

/** A one-page PDF with Helvetica and the given content stream, byte offsets computed. */
function minimalPdf(content: string): Uint8Array {
  const stream = `BT /F1 24 Tf 72 720 Td ${content} ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  return pdfOfObjects(objects);
}
