// Workbench bench (node bench/workbench.ts): the page's own script + styles gzipped (≤ 50 KB) and the first render of `/`
// by `nianbao serve` (≤ 100 ms: the first request after start, then the median of 200), plus Chromium's first paint.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { WEB_ASSETS } from "../src/generated/web-assets.ts";
import { launchChromium } from "../test/support/chromium.ts";
import { randomPort, startChild } from "./child-server.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SIZE_LIMIT = 50 * 1024;
const FIRST_RENDER_LIMIT_MS = 100;

let failed = false;
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failed = true;
};

const gz = (name: string) => gzipSync(WEB_ASSETS[name]?.body ?? "", { level: 9 }).length;
const js = gz("workbench.js");
const css = gz("workbench.css");
check(
  js + css <= SIZE_LIMIT,
  `page's own script ${(js / 1024).toFixed(1)} KB + styles ${(css / 1024).toFixed(1)} KB gzip = ${((js + css) / 1024).toFixed(1)} KB (limit 50 KB)`,
);

const data = mkdtempSync(join(tmpdir(), "nianbao-bench-web-"));
const port = randomPort();
const { child, url } = await startChild(
  "nianbao serve",
  ["bin/nianbao.js", "serve", "--port", String(port), "--data", data],
  port,
  {
    cwd: root,
  },
);
try {
  const time = async (path: string) => {
    const t0 = performance.now();
    const res = await fetch(url + path);
    await res.text();
    return performance.now() - t0;
  };
  const first = await time("/");
  const times: number[] = [];
  for (let i = 0; i < 200; i++) times.push(await time("/"));
  times.sort((a, b) => a - b);
  const p50 = times[100] ?? 0;
  const p99 = times[198] ?? 0;
  check(
    first <= FIRST_RENDER_LIMIT_MS,
    `first render of / on the Node server: ${first.toFixed(1)} ms (limit 100 ms)`,
  );
  check(
    p50 <= FIRST_RENDER_LIMIT_MS,
    `GET / over 200 requests: p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms`,
  );

  const browser = await launchChromium().catch((e: unknown) => {
    console.log(`info no Chromium, first paint not measured: ${e}`);
    return undefined;
  });
  if (browser) {
    const paints: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage();
      await page.goto(`${url}/`, { waitUntil: "load" });
      paints.push(
        await page.evaluate(
          () =>
            new Promise<number>((done) => {
              new PerformanceObserver((list) => {
                const fcp = list.getEntriesByName("first-contentful-paint")[0];
                if (fcp) done(fcp.startTime);
              }).observe({ type: "paint", buffered: true });
              setTimeout(() => done(Number.NaN), 5000);
            }),
        ),
      );
      await page.close();
    }
    await browser.close();
    paints.sort((a, b) => a - b);
    console.log(
      `info Chromium first contentful paint of / (5 loads, sorted): ${paints.map((p) => p.toFixed(0)).join(", ")} ms`,
    );
  }
} finally {
  child.kill("SIGTERM");
  rmSync(data, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
