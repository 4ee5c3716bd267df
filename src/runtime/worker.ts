// Cloudflare Workers entry: wires the app to R2 and the queue; the only file that knows it is a Worker.
export default {
  async fetch(): Promise<Response> {
    return Response.json({ ok: true });
  },
} satisfies ExportedHandler;
