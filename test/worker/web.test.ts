// The web pages through the real Worker in workerd: `/` and its own assets, the organ page and the fragment from R2.
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import valid from "../fixtures/service/valid-2020.json";

const ORIGIN = "https://nianbao.test";
const ORGAN = "永康市商务局";

describe("Worker web pages", () => {
  it("serves 年报工作台 at / with a strict CSP and its one script and stylesheet from itself", async () => {
    const res = await SELF.fetch(`${ORIGIN}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toMatch(/unsafe-inline/);
    const html = await res.text();
    expect(html).toContain("年报工作台");
    const script = /<script src="(\/ui\/workbench\.js\?v=[0-9a-f]+)" defer><\/script>/.exec(html)?.[1];
    const style = /<link rel="stylesheet" href="(\/ui\/workbench\.css\?v=[0-9a-f]+)">/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect(style).toBeDefined();
    const js = await SELF.fetch(`${ORIGIN}${script}`);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(js.headers.get("cache-control")).toContain("immutable");
    expect((await js.text()).length).toBeGreaterThan(1000);
    const again = await SELF.fetch(`${ORIGIN}${script}`, {
      headers: { "if-none-match": js.headers.get("etag") as string },
    });
    expect(again.status).toBe(304);
    const css = await SELF.fetch(`${ORIGIN}${style}`);
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
    await css.arrayBuffer();
    const missing = await SELF.fetch(`${ORIGIN}/ui/nothing.js`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("lists an organ's published year and gives the report's body as a fragment", async () => {
    const published = await SELF.fetch(`${ORIGIN}/v1/reports`, {
      method: "POST",
      body: JSON.stringify(valid),
      headers: { "content-type": "application/json", prefer: "return=minimal" },
    });
    expect([200, 201]).toContain(published.status);
    await published.arrayBuffer();
    const organ = encodeURIComponent(ORGAN);
    const page = await SELF.fetch(`${ORIGIN}/r/${organ}/`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<th scope="row">2020 年度</th>`);
    expect(html).toContain(`href="/r/${organ}/2020.pdf"`);
    expect(html).not.toMatch(/<script/);

    const fragment = await SELF.fetch(`${ORIGIN}/r/${organ}/2020.fragment.html`);
    expect(fragment.status).toBe(200);
    expect(fragment.headers.get("access-control-allow-origin")).toBe("*");
    const body = await fragment.text();
    expect(body).toMatch(
      /^<link rel="stylesheet" href="https:\/\/nianbao\.test\/ui\/report\.css\?v=[0-9a-f]+">/,
    );
    expect(body).toContain(ORGAN);
    expect(body).not.toMatch(/<html|<body|@font-face/);

    // The stable links next to it still redirect.
    const pdf = await SELF.fetch(`${ORIGIN}/r/${organ}/2020.pdf`, { redirect: "manual" });
    expect(pdf.status).toBe(302);
  });
});
