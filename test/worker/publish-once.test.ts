// Publishing once in workerd: 50 parallel POSTs of one new report give one 201 and one index entry; R2's conditional put; the cron sweep.
import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/runtime/worker.ts";
import { artifactKey } from "../../src/service/layout.ts";
import { listVersions } from "../../src/service/versions.ts";
import { R2Storage } from "../../src/storage/r2.ts";
import valid from "../fixtures/service/valid-2020.json";

const ORIGIN = "https://nianbao.test";
// biome-ignore lint/suspicious/noExplicitAny: response bodies are examined by assertions
const json = async (res: Response): Promise<any> => res.json();

describe("publishing once in workerd", () => {
  it("50 parallel POSTs: one 201, the others the same links (or shed with 429), one index entry", async () => {
    const organ = "并发测试局";
    const body = JSON.stringify({ ...valid, organ, title: `${organ}2020年度政府信息公开工作年度报告` });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        SELF.fetch(`${ORIGIN}/v1/reports`, {
          method: "POST",
          body,
          headers: { "content-type": "application/json", prefer: "return=minimal" },
        }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    const bodies = await Promise.all(answers.map(json));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 200 || s === 429)).toBe(true);
    const links = new Set(bodies.filter((b) => b.links).map((b) => JSON.stringify(b.links)));
    expect(links.size).toBe(1);
    expect(await listVersions(new R2Storage(env.REPORTS), organ, 2020)).toHaveLength(1);
  }, 120_000);

  it("R2's conditional put: the second writer of a key loses and changes nothing", async () => {
    const store = new R2Storage(env.REPORTS);
    await store.put("once/a", "first", { onlyIfAbsent: true });
    await expect(store.put("once/a", "second", { onlyIfAbsent: true })).rejects.toMatchObject({
      name: "ObjectExists",
    });
    expect(new TextDecoder().decode((await store.get("once/a"))?.body)).toBe("first");
  });

  it("the scheduled sweep removes artifacts that never got their meta.json", async () => {
    const store = new R2Storage(env.REPORTS);
    const orphan = "fedcba9876543210fedcba9876543210";
    await env.REPORTS.put(artifactKey(orphan, "pdf"), "%PDF-half");
    expect((await SELF.fetch(`${ORIGIN}/v1/reports/${orphan}.pdf`)).status).toBe(404);
    // Young artifacts may belong to a publish in progress: the cron leaves them until they are old.
    await worker.scheduled({ cron: "17 * * * *", scheduledTime: Date.now(), noRetry() {} } as never, env, {
      waitUntil() {},
      passThroughOnException() {},
    } as never);
    expect(await store.head(artifactKey(orphan, "pdf"))).not.toBeNull();
    const { sweep } = await import("../../src/service/sweep.ts");
    const result = await sweep(store, { now: Date.now() + 3_600_000 });
    expect(result.removed).toBeGreaterThanOrEqual(1);
    expect(await store.head(artifactKey(orphan, "pdf"))).toBeNull();
  });
});
