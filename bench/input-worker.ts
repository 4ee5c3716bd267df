// A small Worker for the input bench: reads a posted .docx or PDF (pdf.js in workerd, no worker thread) and parses it, `runs` times.
import { analyzeInput } from "../src/core/analyze.ts";
import { readInput } from "../src/core/input/index.ts";

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const bytes = new Uint8Array(await request.arrayBuffer());
    const runs = Math.max(1, Math.min(50, Number(url.searchParams.get("runs") ?? "1")));
    let cells = 0;
    for (let i = 0; i < runs; i++) {
      const read = await readInput(bytes, { filename: url.searchParams.get("name") ?? "" });
      const { report } = analyzeInput(read.input, read.hint);
      cells = JSON.stringify(report.requests).length;
    }
    return Response.json({ cells });
  },
} satisfies ExportedHandler;
