// Hostile input inside workerd: each attack of issue #16, at the size the issue measured and at the largest size the limits let the parser read, gets a clear answer (4xx with a code, or 200), never a 5xx; the time is in `npm run bench` (hostile).
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { MAX_FINDINGS } from "../../src/core/findings-cap.ts";
import seed from "../fixtures/seeds/002_ddbd805a826f66fd.txt?raw";
import valid from "../fixtures/service/valid-2020.json";
import model2021 from "../fixtures/validate/report-2021.json";
import { hostileBodies, largestRead } from "../support/hostile/attack-bodies.ts";

const { ATTACKS } = hostileBodies(seed, model2021 as Record<string, unknown>);

async function post(path: string, body: string, type: string): Promise<{ status: number; code?: string }> {
  const res = await SELF.fetch(`http://nianbao.test${path}`, {
    method: "POST",
    headers: { "content-type": type, "cf-connecting-ip": "192.0.2.160", prefer: "return=minimal" },
    body,
  });
  const text = await res.text();
  if (res.status < 400) return { status: res.status };
  return { status: res.status, code: (JSON.parse(text) as { error: { code: string } }).error.code };
}

describe("the attacks of issue #16 in workerd", () => {
  for (const attack of ATTACKS) {
    it(`${attack.name}: a clear answer at the issue's size and at the largest size read`, async () => {
      const type = attack.make(1).startsWith("{") ? "application/json" : "text/plain";
      const sizes = [attack.measured, largestRead(attack.make, attack.measured)];
      for (const n of sizes) {
        const answer = await post("/v1/validate", attack.make(n), type);
        expect(answer.status, `×${n}`).toBeLessThan(500);
        if (answer.status >= 400)
          expect(answer.code, `×${n}`).toMatch(/^(input_limit|not_a_report|invalid_input)$/);
      }
      // At the size every one of them is over a limit now, answered before the parser reads it.
      expect((await post("/v1/validate", attack.make(attack.measured), type)).code).toBe("input_limit");
    });
  }

  it("「》」 × 99,970 before a title (just under the line limit) is read, the run no part of the title", async () => {
    const body = `${"》".repeat(99_970)}永康市商务局2020年度政府信息公开工作年度报告\n${seed.split("\n").slice(2).join("\n")}`;
    const res = await SELF.fetch("http://nianbao.test/v1/validate", {
      method: "POST",
      headers: { "content-type": "text/plain", "cf-connecting-ip": "192.0.2.160" },
      body,
    });
    expect(res.status).toBe(200);
    const { report } = (await res.json()) as { report: { title: string; organ: string } };
    expect(report).toMatchObject({
      title: "永康市商务局2020年度政府信息公开工作年度报告",
      organ: "永康市商务局",
    });
  });

  it("150,000 unknown JSON keys: 200, findings capped, the keys past the listed ones counted in one", async () => {
    const proactive: Record<string, unknown> = { ...valid.proactive };
    for (let i = 0; i < 150_000; i++) proactive[`k${i}`] = 1;
    const res = await SELF.fetch("http://nianbao.test/v1/validate", {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": "192.0.2.161" },
      body: JSON.stringify({ ...valid, proactive }),
    });
    expect(res.status).toBe(200);
    const { findings } = (await res.json()) as {
      findings: { code: string; message: string; actual?: number }[];
    };
    expect(findings.length).toBeLessThanOrEqual(MAX_FINDINGS);
    const counted = findings.find((f) => f.message.startsWith("另有"));
    expect(counted?.code).toBe("normalize.unknown-field");
    expect(counted?.actual).toBeGreaterThan(149_000);
  });
});
