// Year over year through the service: last year's report found in storage, cross-year findings, `previous`, re-check.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { auth, json, makeApp } from "../support/service/app.ts";

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/validate/${name}`, import.meta.url), "utf8")) as Record<
    string,
    unknown
  >;
const ORGAN = "示例县市场监督管理局";
/** 2020 (2019 form): 结转下年度继续办理 1 (自然人 1). */
const Y2020 = load("report-2019.json");
/** The same organ's 2021 report (2021 form): 上年结转 3 (自然人 2, 商业企业 1), not last year's 1. */
const Y2021 = {
  ...load("report-2021.json"),
  organ: ORGAN,
  year: 2021,
  title: `${ORGAN}2021年度政府信息公开工作年度报告`,
};

type App = Awaited<ReturnType<typeof makeApp>>;
const post = (t: App, path: string, body: unknown) =>
  t.app.request(path, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { ...auth, "content-type": "application/json" },
  });
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe("year over year", () => {
  it("publishing 2020 then 2021: the 2021 answer names its previous report and carries the cross-year findings", async () => {
    const t = await makeApp();
    const first = await json(post(t, "/v1/reports", Y2020));
    expect(first.previous).toBeNull();
    expect(codes(first.findings)).not.toContain("cross-year.carried-over");

    const res = await post(t, "/v1/reports", Y2021);
    expect(res.status).toBe(201);
    const second = await json(res);
    expect(second.previous).toEqual({ id: first.id, year: 2020 });
    const cross = second.findings.filter((f: { code: string }) => f.code === "cross-year.carried-over");
    expect(cross.length).toBeGreaterThan(0);
    expect(cross).toContainEqual(
      expect.objectContaining({ path: "/requests/carriedOver/total", expected: 1, actual: 3 }),
    );
    // Stored too, and the 图解 compares with 2020.
    const meta = await json(t.app.request(`/v1/reports/${second.id}`));
    expect(meta.previous).toEqual({ id: first.id, year: 2020 });
    expect(codes(meta.findings)).toContain("cross-year.carried-over");
    const tujie = await t.app.request(second.links.tujie);
    expect(tujie.status).toBe(200);
    expect(tujie.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await tujie.text()).toContain("与2020年度对比");
    const pdf = await t.app.request(second.links.tujiePdf);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    // The portal link to the 图解 goes to the latest version.
    const portal = await t.app.request(second.portal.tujie);
    expect(portal.status).toBe(302);
    expect(portal.headers.get("location")).toBe(second.links.tujie);

    // POST /v1/validate looks last year up as well, storing nothing.
    const validated = await json(post(t, "/v1/validate", Y2021));
    expect(validated.previous).toEqual({ id: first.id, year: 2020 });
    expect(codes(validated.findings)).toContain("cross-year.carried-over");
  });

  it("publishing last year's report later re-checks this year's stored findings; its artifacts stay the same", async () => {
    const t = await makeApp();
    const later = await json(post(t, "/v1/reports", Y2021));
    expect(later.previous).toBeNull();
    expect(codes(later.findings)).not.toContain("cross-year.carried-over");
    const before = await t.storage.head(`reports/${later.id}/report.pdf`);
    const tujieBefore = await t.storage.head(`reports/${later.id}/tujie.html`);

    const earlier = await json(post(t, "/v1/reports", Y2020));
    const meta = await json(t.app.request(`/v1/reports/${later.id}`));
    expect(meta.previous).toEqual({ id: earlier.id, year: 2020 });
    expect(codes(meta.findings)).toContain("cross-year.carried-over");
    expect((await t.storage.head(`reports/${later.id}/report.pdf`))?.etag).toBe(before?.etag);
    expect((await t.storage.head(`reports/${later.id}/tujie.html`))?.etag).toBe(tujieBefore?.etag);

    // Publishing 2021 again (same id): nothing written, but the answer names its previous and the findings.
    const again = await json(post(t, "/v1/reports", Y2021));
    expect(again.created).toBe(false);
    expect(again.previous).toEqual({ id: earlier.id, year: 2020 });
    expect(codes(again.findings)).toContain("cross-year.carried-over");
  });

  it("makes the 图解 of a report stored without one on its first request", async () => {
    const t = await makeApp();
    const pub = await json(post(t, "/v1/reports", Y2020));
    await t.storage.delete(`reports/${pub.id}/tujie.html`);
    await t.storage.delete(`reports/${pub.id}/tujie.pdf`);
    const res = await t.app.request(pub.links.tujie);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('role="img"');
    expect(await t.storage.head(`reports/${pub.id}/tujie.pdf`)).not.toBeNull();
    const missing = await t.app.request(`/v1/reports/${"0".repeat(32)}.tujie.html`);
    expect(missing.status).toBe(404);
    expect((await json(missing)).error.code).toBe("not_found");
  });
});
