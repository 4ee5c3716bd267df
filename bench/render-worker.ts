// A small Worker for the bench and the bundle-size measurement: renders a posted report model (?tagged: a tagged PDF).
import type { Report } from "../src/core/model.ts";
import { renderHtml, renderPdf } from "../src/core/render/index.ts";
import { workerAssets } from "../src/runtime/assets-worker.ts";

interface Env {
  FONTS?: R2Bucket;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.method !== "POST")
      return new Response("POST a report model to /pdf or /html", { status: 405 });
    const url = new URL(request.url);
    const report = (await request.json()) as Report;
    const runs = Math.max(1, Math.min(200, Number(url.searchParams.get("runs") ?? "1")));
    const assets = await workerAssets(env.FONTS ? { bucket: env.FONTS } : {});
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      // workerd advances the clock only across I/O: measure each render with a timer read after a macrotask.
      const t0 = Date.now();
      if (url.pathname === "/html") bytes = (await renderHtml(report, assets)).length;
      else bytes = (await renderPdf(report, assets, { tagged: url.searchParams.has("tagged") })).length;
      await scheduler.wait(0);
      times.push(Date.now() - t0);
    }
    return Response.json({ times, bytes });
  },
} satisfies ExportedHandler<Env>;
