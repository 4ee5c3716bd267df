import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/core/model.ts";
import { renderHtml } from "../../src/core/render/index.ts";
import { validateModel } from "../../src/core/validate.ts";
import { useBrowser } from "../support/browser.ts";
import { MODELS } from "../support/reliability/inputs.ts";
import { auth, json, makeApp } from "../support/service/app.ts";

/** Each one sets window.__xss, opens a dialog or fetches 127.0.0.1:9 if it ever runs or loads. */
const PAYLOADS = [
  "<script>window.__xss=1</script>",
  '"><img src=x onerror="window.__xss=2">',
  '\'><svg onload="window.__xss=3"></svg>',
  "javascript:window.__xss=4",
  "</style><script>window.__xss=5</script>",
  "</title><script>window.__xss=6</script>",
  '<iframe srcdoc="<script>parent.__xss=7</script>"></iframe>',
  "{{constructor.constructor('window.__xss=8')()}}",
  '<a href="javascript:window.__xss=9">点我</a>',
  "&lt;script&gt;window.__xss=10&lt;/script&gt;",
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=11">',
  '<base href="http://127.0.0.1:9/">',
  "<style>@import 'http://127.0.0.1:9/x.css';</style>",
  '<math><mi xlink:href="javascript:window.__xss=12">x</mi></math>',
  "\u2028\u2029</script><script>alert(13)</script>",
  '<img src="data:image/svg+xml,<svg onload=alert(14)>">',
  "<!--",
  "]]><![CDATA[<script>alert(15)</script>",
  '<body onload="alert(16)">',
  '<object data="javascript:alert(17)"></object><embed src="javascript:alert(18)">',
];

/** The model with every string field (organ, title, headings, block texts, a signature-like date text) set by `f`. */
function withStrings(base: Record<string, unknown>, f: (field: string) => string): unknown {
  const m = structuredClone(base) as Record<string, unknown> & {
    sections: { heading: string; role: string; blocks: { type: string; text: string }[] }[];
  };
  m.organ = f("organ");
  m.title = f("title");
  m.sections = m.sections.map((s, i) => ({
    ...s,
    heading: s.role === "preamble" ? s.heading : `${s.heading}${f(`heading${i}`)}`,
    blocks: [
      ...s.blocks.map((b, j) => ({ ...b, text: f(`block${i}.${j}`) })),
      { type: "heading", text: f(`sub${i}`) },
      { type: "paragraph", text: f(`para${i}`) },
    ],
  }));
  m.sections.push({
    role: "extra",
    heading: f("extraHeading"),
    blocks: [{ type: "paragraph", text: f("extra") }],
  });
  return m;
}

const ctx = useBrowser();

interface PageFacts {
  xss: unknown;
  dialogs: string[];
  requests: string[];
  tags: Record<string, number>;
  handlers: string[];
  jsUrls: string[];
  text: string;
}

/** Loads the page with scripts enabled (so an injected script would run) and reports what happened. */
async function inspect(html: string): Promise<PageFacts> {
  const page = await ctx.browser.newPage({ javaScriptEnabled: true });
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route("**/*", (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.setContent(html, { waitUntil: "load" });
  // Let an injected onload/onerror or a meta refresh have its turn.
  await page.waitForTimeout(50);
  const facts = await page.evaluate(() => {
    const tags: Record<string, number> = {};
    const handlers: string[] = [];
    const jsUrls: string[] = [];
    for (const el of Array.from(document.querySelectorAll("*"))) {
      const t = el.tagName.toLowerCase();
      tags[t] = (tags[t] ?? 0) + 1;
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) handlers.push(`${t}@${a.name}`);
        const urlish =
          /^(href|src|action|formaction|data|xlink:href|srcdoc|poster|background|srcset)$/i.test(a.name) ||
          (t === "meta" && a.name === "content" && el.hasAttribute("http-equiv"));
        if (urlish && /javascript:|^\s*data:text\/html/i.test(a.value)) jsUrls.push(`${t}@${a.name}`);
      }
    }
    return {
      xss: (window as unknown as { __xss?: unknown }).__xss,
      tags,
      handlers,
      jsUrls,
      text: document.documentElement.textContent ?? "",
    };
  });
  await page.close();
  return { ...facts, dialogs, requests };
}

/** `fonts: false` skips subsetting and embedding the fonts (it does not change the markup of the text). */
const render = async (model: unknown, fonts = true): Promise<{ html: string; report: Report }> => {
  const { report } = validateModel(model);
  const { subsetFont: _subset, ...noFonts } = ctx.assets;
  return { html: await renderHtml(report, fonts ? ctx.assets : noFonts), report };
};

describe.each(["2019", "2021"])("edition %s: hostile strings in every field", (edition) => {
  const base = MODELS.find((m) => m.edition === edition) as Record<string, unknown>;
  let baseline: PageFacts;

  let baselineFonts: PageFacts;

  beforeAll(async () => {
    baseline = await inspect(
      (
        await render(
          withStrings(base, (f) => `安全文本${f}`),
          false,
        )
      ).html,
    );
    baselineFonts = await inspect((await render(withStrings(base, (f) => `安全文本${f}`))).html);
    expect(baseline.tags.script ?? 0).toBe(0);
  }, 60_000);

  it("all payloads at once, with the fonts embedded", async () => {
    const all = PAYLOADS.join(" ");
    const { html } = await render(withStrings(base, (f) => `${all}${f}`));
    const facts = await inspect(html);
    expect(facts.xss).toBeUndefined();
    expect(facts.dialogs).toEqual([]);
    expect(facts.requests).toEqual([]);
    expect(facts.handlers).toEqual([]);
    expect(facts.jsUrls).toEqual([]);
    expect(facts.tags).toEqual(baselineFonts.tags);
  });

  it("each payload alone is text, not markup", async () => {
    // Pages are inspected a few at a time: each in a fresh page, so one payload cannot hide another.
    const results: { payload: string; facts: PageFacts; organ: string }[] = [];
    for (let i = 0; i < PAYLOADS.length; i += 5) {
      const batch = PAYLOADS.slice(i, i + 5);
      results.push(
        ...(await Promise.all(
          batch.map(async (payload) => {
            const { html, report } = await render(
              withStrings(base, (f) => `${payload}${f}`),
              false,
            );
            return { payload, facts: await inspect(html), organ: report.organ };
          }),
        )),
      );
    }
    for (const { payload, facts, organ } of results) {
      // The normalizer keeps the strings (otherwise this test would prove nothing).
      expect(organ, payload).toContain(payload.trim().slice(0, 10));
      expect(facts.xss, payload).toBeUndefined();
      expect(facts.dialogs, payload).toEqual([]);
      expect(facts.requests, payload).toEqual([]);
      expect(facts.handlers, payload).toEqual([]);
      expect(facts.jsUrls, payload).toEqual([]);
      // Same elements as the page with harmless strings: nothing injected.
      expect(facts.tags, payload).toEqual(baseline.tags);
      // And the payload is shown as written (escaped once, not twice).
      const shown = payload.replace(/[\u2028\u2029]/g, "");
      expect(facts.text.replace(/[\u2028\u2029]/g, ""), payload).toContain(shown);
    }
  });
});

describe("published HTML through the API", () => {
  it("is served with a CSP that forbids scripts and network, and nosniff", async () => {
    const { app } = await makeApp();
    const model = withStrings(MODELS[1] as Record<string, unknown>, (f) => `${PAYLOADS[1]}${f}`);
    const res = await app.request("/v1/reports?force=true", {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify(model),
    });
    expect(res.status).toBe(201);
    const { links } = await json(res);
    const page = await app.request(links.html);
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toMatch(/script-src/);
    expect(csp).toMatch(/sandbox/);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await page.text();
    expect(html).not.toContain(PAYLOADS[1]);
    const facts = await inspect(html);
    expect(facts.xss).toBeUndefined();
    expect(facts.handlers).toEqual([]);
  });
});
