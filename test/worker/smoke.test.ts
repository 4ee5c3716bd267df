// Smoke test inside workerd: the Worker answers.
import { SELF } from "cloudflare:test";
import { expect, it } from "vitest";

it("answers inside workerd", async () => {
  const res = await SELF.fetch("https://nianbao.test/healthz");
  expect(res.status).toBe(200);
  expect(navigator.userAgent).toBe("Cloudflare-Workers");
});
