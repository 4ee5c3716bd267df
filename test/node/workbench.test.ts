// The 年报工作台 and portal pages in headless Chromium against the real app on a port: every flow a clerk or web editor uses.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { cellRefs } from "../../src/core/cells.ts";
import { useBrowser } from "../support/browser.ts";
import { makeApp, TOKEN } from "../support/service/app.ts";
import { tempDir } from "../support/temp-dir.ts";

// Each test drives a browser through several server round trips (PDF renders among them) on a shared machine.
vi.setConfig({ testTimeout: 90_000 });

const ctx = useBrowser();
/** Waits for what the page shows after a server round trip (seconds on a loaded machine, not the default 1 s). */
const poll = <T>(fn: () => Promise<T> | T, options: { timeout?: number } = {}) =>
  expect.poll(fn, { timeout: 30_000, ...options });
const fixture = (path: string) => new URL(`../fixtures/${path}`, import.meta.url).pathname;
/** Seed 002: 永康市商务局 2020, 2019-edition tables, no error finding. */
const SEED = fixture("seeds/002_ddbd805a826f66fd.txt");
const SEED_ORGAN = "永康市商务局";
/** 泉州人社 2022: 表三「（七）总计」行「自然人」栏 reads 42 where the results add up to 41 (line 46 of the text). */
const ERROR_REPORT = fixture("blind/008_quanzhou-renshe-2022-error.txt");
const WRONG_CELL = "/requests/handledTotal/natural";
/** Screenshots of the pages: kept in the folder NIANBAO_SHOTS names, else in a temp dir removed after the file. */
const SHOTS = process.env.NIANBAO_SHOTS || tempDir("workbench-shots");

let base = "";
let close: () => Promise<void> = async () => {};

beforeAll(async () => {
  const { app } = await makeApp();
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
  mkdirSync(SHOTS, { recursive: true });
}, 60_000);
afterAll(() => close());

/** Console errors, page errors and CSP violations of every page a test opened; each test ends with none. */
let problems: string[] = [];
/** Messages a test expects (an answer it provoked on purpose, e.g. a 422 logged by Chromium as a failed load). */
let allowed: RegExp[] = [];
afterEach(() => {
  const left = problems.filter((p) => !allowed.some((a) => a.test(p)));
  problems = [];
  allowed = [];
  expect(left).toEqual([]);
});

async function open(
  path: string,
  options: { js?: boolean; width?: number; height?: number } = {},
): Promise<Page> {
  const context = await ctx.browser.newContext({
    javaScriptEnabled: options.js ?? true,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: "zh-CN",
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(base + path);
  return page;
}

async function workbench(options: { width?: number } = {}): Promise<Page> {
  const page = await open("/", options);
  await page.fill("#token", TOKEN);
  await page.locator("#token").dispatchEvent("change");
  return page;
}

async function upload(page: Page, file: string): Promise<void> {
  await page.setInputFiles("#file", file);
  await poll(() => page.textContent("#status")).toMatch(/检查完成/);
}

const invalid = (page: Page, path: string) =>
  page.locator(`[data-path="${path}"]`).getAttribute("aria-invalid");

/** Controls and regions without an accessible name (label, aria-label, aria-labelledby or own text). */
const unnamedControls = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      "input, textarea, select, button, a[href], [role=region]",
    )) {
      if (el.closest("[hidden]")) continue;
      const labelled =
        (el as HTMLInputElement).labels?.length ||
        el.getAttribute("aria-label")?.trim() ||
        el
          .getAttribute("aria-labelledby")
          ?.split(" ")
          .every((id) => document.getElementById(id)?.textContent?.trim()) ||
        (el.tagName !== "INPUT" && el.tagName !== "TEXTAREA" && el.textContent?.trim());
      if (!labelled) out.push(el.outerHTML.slice(0, 120));
    }
    return out;
  });

describe("年报工作台 /", () => {
  it("checks an uploaded seed and draws its three tables with a data-path input per number", async () => {
    const page = await workbench();
    await upload(page, SEED);
    for (const id of ["proactive", "requests", "appeals"])
      await expect(page.locator(`#t-${id}`).count()).resolves.toBe(1);
    const paths = await page.$$eval("#tables [data-path]", (els) =>
      els.map((e) => e.getAttribute("data-path")),
    );
    expect(paths).toEqual(cellRefs("2019").map((r) => `/${r.table}/${[...r.row, r.column].join("/")}`));
    const expected = JSON.parse(readFileSync(SEED.replace(/\.txt$/, ".expected.json"), "utf8"));
    const value = (p: string) => page.locator(`[data-path="${p}"]`).inputValue();
    expect(await value("/proactive/normativeDocuments/published")).toBe(
      String(expected.proactive.normativeDocuments.published ?? ""),
    );
    expect(await value("/requests/granted/total")).toBe(String(expected.requests.granted.total ?? ""));
    expect(await page.textContent("#report-title")).toContain(SEED_ORGAN);
    expect(await page.locator("#tables [aria-invalid]").count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, "desktop-seed.png"), fullPage: true });
    await page.context().close();
  });

  it("marks the wrong cell aria-invalid, lists the findings by place, and clears the mark once corrected", async () => {
    const page = await workbench();
    await upload(page, ERROR_REPORT);
    expect(await page.textContent("#status")).toMatch(/3 个错误/);
    expect(await invalid(page, WRONG_CELL)).toBe("true");
    expect(await invalid(page, "/requests/granted/natural")).toBeNull();
    await expect(page.locator(`td:has(> [data-path="${WRONG_CELL}"])`).getAttribute("class")).resolves.toBe(
      "err",
    );
    // The list names tables, rows and columns in words, never a bare JSON Pointer.
    const places = await page.$$eval("#findings .place", (els) => els.map((e) => e.textContent ?? ""));
    expect(places).toContain("表三「（七）总计」行「自然人」栏");
    for (const p of places) expect(p).not.toMatch(/^\//);
    const describedBy = await page.locator(`[data-path="${WRONG_CELL}"]`).getAttribute("aria-describedby");
    expect(await page.textContent(`#${describedBy?.split(" ")[0]}`)).toMatch(/总计/);
    await page.screenshot({ path: join(SHOTS, "desktop-error.png"), fullPage: true });

    // A finding's button takes the keyboard to its cell.
    await page.locator("#findings button", { hasText: "表三「（七）总计」行「自然人」栏" }).first().click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-path"))).toBe(WRONG_CELL);

    // ↓ and ↑ move between the rows of a column.
    await page.keyboard.press("ArrowUp");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-path"))).toBe(
      "/requests/otherHandling/other/natural",
    );
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-path"))).toBe(WRONG_CELL);
    await page.fill(`[data-path="${WRONG_CELL}"]`, "41");
    await page.click("text=重新检查");
    await poll(() => page.textContent("#status")).toMatch(/检查完成：0 个错误/);
    expect(await invalid(page, WRONG_CELL)).toBeNull();
    expect(await page.locator("#tables [aria-invalid]").count()).toBe(0);
    expect(await page.locator(`td:has(> [data-path="${WRONG_CELL}"])`).getAttribute("class")).toContain(
      "edited",
    );
    await page.context().close();
  });

  it("refuses a cell that is not a number without sending it", async () => {
    const page = await workbench();
    await upload(page, SEED);
    await page.fill('[data-path="/requests/granted/natural"]', "十二");
    await page.click("text=重新检查");
    await poll(() => page.textContent("#alert")).toMatch(/不是数字/);
    expect(await invalid(page, "/requests/granted/natural")).toBe("true");
    await page.context().close();
  });

  it("checks pasted text, and a file dropped on the page", async () => {
    const page = await workbench();
    await page.fill("#text", readFileSync(ERROR_REPORT, "utf8"));
    await page.click("button:has-text('检查')");
    await poll(() => page.textContent("#status")).toMatch(/检查完成：3 个错误/);
    expect(await invalid(page, WRONG_CELL)).toBe("true");

    const text = readFileSync(SEED, "utf8");
    await page.evaluate(
      ([name, content]) => {
        const data = new DataTransfer();
        data.items.add(new File([content as string], name as string, { type: "text/plain" }));
        const drop = document.getElementById("drop") as HTMLElement;
        drop.dispatchEvent(
          new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }),
        );
        drop.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      ["seed.txt", text],
    );
    await poll(() => page.textContent("#report-title")).toContain(SEED_ORGAN);
    expect(await page.textContent("#status")).toMatch(/检查完成：0 个错误/);
    await page.context().close();
  });

  it("sends a .docx or .pdf as bytes with its own content type and shows the server's answer in Chinese", async () => {
    const page = await workbench();
    allowed = [/status of 4\d\d/];
    for (const [name, type] of [
      ["report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["report.pdf", "application/pdf"],
    ] as const) {
      const bytes = Buffer.from(
        name.endsWith(".pdf") ? "%PDF-1.4\n%%EOF\n" : "PK\u0003\u0004 not really a zip",
      );
      const sent = page.waitForRequest((r) => r.url().endsWith("/v1/validate") && r.method() === "POST");
      await page.setInputFiles("#file", { name, mimeType: type, buffer: bytes });
      const request = await sent;
      expect(request.headers()["content-type"]).toBe(type);
      expect(request.postDataBuffer()?.equals(bytes)).toBe(true);
      // The reader's own 4xx for these broken bytes (「PDF 已损坏…」, 「文件已损坏…」): a Chinese message and its code.
      await poll(() => page.textContent("#alert")).toMatch(
        /^检查失败：.*[\u4e00-\u9fff].*（[a-z_]+，HTTP 4\d\d）$/,
      );
    }
    await page.context().close();
  });

  it("reads a real report's PDF from the shared corpus once the service reads PDF (415 in words until then)", async (t) => {
    const real = new URL("../../../shared/corpus/real/", import.meta.url);
    const pdf = new URL("hongze-gov-2023.pdf", real).pathname;
    if (!existsSync(pdf)) {
      t.skip(`the shared corpus is absent (${pdf})`);
      return;
    }
    const expected = JSON.parse(readFileSync(new URL("hongze-gov-2023.expected.json", real), "utf8"));
    const page = await workbench();
    allowed = [/status of 415/];
    await page.setInputFiles("#file", pdf);
    await poll(async () => `${await page.textContent("#status")}${await page.textContent("#alert")}`, {
      timeout: 60_000,
    }).toMatch(/检查完成|检查失败/);
    const alert = (await page.isVisible("#alert")) ? await page.textContent("#alert") : "";
    if (alert) expect(alert).toMatch(/不支持的内容类型：application\/pdf.*unsupported_media_type，HTTP 415/);
    else {
      expect(await page.textContent("#report-title")).toContain(expected.organ);
      expect(await page.locator('[data-path="/proactive/licensing/decisions"]').inputValue()).toBe(
        String(expected.proactive.licensing.decisions),
      );
    }
    await page.context().close();
  });

  it("shows where a value came from in the input when its cell or finding is clicked (the parser's sources)", async () => {
    const page = await workbench();
    await upload(page, ERROR_REPORT);
    await page.click(`[data-path="${WRONG_CELL}"]`);
    const shown = (await page.textContent("#source")) ?? "";
    expect(shown).toMatch(/第 46 行/);
    expect(await page.textContent("#source mark")).toBe("42");
    await page.context().close();
  });

  it("previews the PDF before publishing", async () => {
    const page = await workbench();
    await upload(page, SEED);
    const rendered = page.waitForResponse((r) => r.url().includes("/v1/render?format=pdf"));
    await page.click("#preview-button");
    const res = await rendered;
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await poll(() => page.locator('iframe[title="PDF 预览"]').getAttribute("src")).toMatch(/^blob:/);
    expect(await page.textContent("#status")).toMatch(/尚未发布/);
    await page.context().close();
  });

  it("publishes a tagged (accessible) PDF when 「无障碍 PDF」 is ticked", async () => {
    const page = await workbench();
    await upload(page, SEED);
    await page.getByLabel("无障碍 PDF", { exact: false }).check();
    const published = page.waitForResponse((r) => r.url().includes("/v1/reports?tagged=true"));
    await page.click("#publish-button");
    expect((await published).status()).toBeLessThan(300);
    await poll(() => page.textContent("#status")).toMatch(/发布成功|此前已发布/);
    const pdfHref = await page.locator('#links a[href$=".pdf"]').first().getAttribute("href");
    const pdf = (await (await page.request.get(pdfHref as string)).body()).toString("latin1");
    expect(pdf).toContain("/StructTreeRoot");
    expect(pdf).toContain("/MarkInfo");
    await page.context().close();
  });

  it("publishes and follows the PDF link; the organ page lists the year and the fragment embeds", async () => {
    const page = await workbench();
    await upload(page, SEED);

    await page.click("#publish-button");
    await poll(() => page.textContent("#status")).toMatch(/发布成功|此前已发布/);
    const pdfHref = await page.locator('#links a[href$=".pdf"]').first().getAttribute("href");
    const htmlHref = await page.locator('#links a[href$=".html"]').first().getAttribute("href");
    expect(pdfHref).toMatch(/\/v1\/reports\/[0-9a-f]{32}\.pdf$/);
    expect(htmlHref).toMatch(/\/v1\/reports\/[0-9a-f]{32}\.html$/);
    const pdf = await page.request.get(pdfHref as string);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    const portal = await page.$$eval("#links a", (as) => as.map((a) => (a as HTMLAnchorElement).href));
    const organPath = `/r/${encodeURIComponent(SEED_ORGAN)}/`;
    expect(portal).toContain(`${base}${organPath}2020.pdf`);
    expect(portal).toContain(`${base}${organPath}`);
    expect(await page.inputValue("#snippet")).toContain(`<iframe src="${base}${organPath}2020.html"`);
    await page.screenshot({ path: join(SHOTS, "desktop-published.png"), fullPage: true });
    await page.context().close();

    // Readers need no script: the organ page and the portal links work with JavaScript off.
    const reader = await open(organPath, { js: false });
    expect(await reader.textContent("h1")).toContain(SEED_ORGAN);
    const years = await reader.$$eval("table.years tbody th", (ths) => ths.map((t) => t.textContent));
    expect(years).toEqual(["2020 年度"]);
    await reader.click('table.years a[href$="2020.html"]');
    await reader.waitForURL(/\/v1\/reports\/[0-9a-f]{32}\.html$/);
    expect(await reader.textContent("h1")).toContain(SEED_ORGAN);
    await reader.context().close();

    const fragment = await fetch(`${base}${organPath}2020.fragment.html`);
    expect(fragment.status).toBe(200);
    const body = await fragment.text();
    expect(body).toMatch(
      /^<link rel="stylesheet" href="http:\/\/127\.0\.0\.1:\d+\/ui\/report\.css\?v=[0-9a-f]+">/,
    );
    expect(body).toContain('<div class="nianbao-report"');
    expect(body).toContain("<article>");
    expect(body).not.toMatch(/<html|<head|<body|@font-face|<script/);
    const css = await fetch(body.match(/href="([^"]+)"/)?.[1] as string);
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
    // The fragment in a portal page: styled by our stylesheet, the tables drawn with rules.
    const portalPage = await open("/healthz");
    await portalPage.setContent(`<!doctype html><html lang="zh-CN"><body><h1>门户</h1>${body}</body></html>`);
    await portalPage.waitForLoadState("load");
    const border = await portalPage.$eval(".nianbao-report td", (td) => getComputedStyle(td).borderTopStyle);
    expect(border).toBe("solid");
    await portalPage.context().close();
  });

  it("an organ with nothing published gets a page saying so (404), and an unknown fragment a JSON 404", async () => {
    const page = await open(`/r/${encodeURIComponent("无此机关")}/`, { js: false });
    expect(await page.textContent("main")).toContain("尚未发布");
    await page.context().close();
    allowed = [/status of 404/];
    const res = await fetch(`${base}/r/${encodeURIComponent("无此机关")}/2020.fragment.html`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("without JavaScript says what needs it and where published reports are read", async () => {
    const page = await open("/", { js: false });
    expect(await page.textContent("noscript, .notice")).toMatch(
      /需要启用浏览器的 JavaScript.*\/r\/机关名称\//,
    );
    expect(await page.getAttribute("#input-form", "method")).toBe("post");
    await page.context().close();
  });

  it("asks for the token again when it is wrong, with the server's Chinese message", async () => {
    const page = await open("/");
    await page.fill("#token", "wrong-token");
    await page.locator("#token").dispatchEvent("change");
    allowed = [/status of 403/];
    await page.setInputFiles("#file", SEED);
    await poll(() => page.textContent("#alert")).toMatch(/访问令牌无效/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("token");
    await page.context().close();
  });

  it("is usable by keyboard and screen reader: every control named, focus order, live regions, strict CSP", async () => {
    const page = await workbench();
    const res = await page.request.get(`${base}/`);
    const csp = res.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(await res.text()).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+=/i);
    await upload(page, ERROR_REPORT);
    expect(await unnamedControls(page)).toEqual([]);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.locator("h1").count()).toBe(1);
    expect(await page.getAttribute("#status", "aria-live")).toBe("polite");
    expect(await page.getAttribute("#source", "aria-live")).toBe("polite");
    const ids = new Set<string>();
    const dupes = await page.$$eval("[id]", (els) => els.map((e) => e.id));
    for (const id of dupes) {
      expect(ids.has(id), `duplicate id ${id}`).toBe(false);
      ids.add(id);
    }
    // Focus order from the top: skip link, site links, token, file picker, text, 检查.
    await page.goto(`${base}/`);
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press("Tab");
      order.push(
        await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || ""),
      );
    }
    expect(order).toEqual(["跳到正文", "年报工作台", "检查与发布", "接口说明", "token", "file", "text"]);
    await page.context().close();
  });

  it("fits a phone: no page-wide horizontal scroll, the tables scroll in their own regions", async () => {
    const page = await workbench({ width: 390 });
    await upload(page, ERROR_REPORT);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const scrolls = await page.$eval(".table-wrap:has(#t-requests)", (el) => el.scrollWidth > el.clientWidth);
    expect(scrolls).toBe(true);
    await page.screenshot({ path: join(SHOTS, "phone-error.png"), fullPage: true });
    await page.context().close();
  });
});

describe("API explorer /docs", () => {
  it("shows Chinese summaries and sends an uploaded file under the strict CSP", async () => {
    const page = await open("/docs");
    await page.fill("#token", TOKEN);
    const op = page.locator("details", { hasText: "只检查不保存" });
    await op.locator("summary").click();
    await op.locator('input[type="file"]').setInputFiles(SEED);
    await op.locator("button", { hasText: "发送" }).click();
    await poll(() => op.locator("pre").textContent()).toMatch(/^200 /);
    expect(await unnamedControls(page)).toEqual([]);
    expect(await op.locator("pre").textContent()).toContain(SEED_ORGAN);
    const csp = (await page.request.get(`${base}/docs`)).headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self';/);
    await page.screenshot({ path: join(SHOTS, "docs.png") });
    await page.context().close();
  });
});
