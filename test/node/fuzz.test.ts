// Property tests with broken input: the parser, validate, every HTTP route and the queue consumer never crash, only reject with 4xx codes.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeInput } from "../../src/core/analyze.ts";
import { FINDING_CODES } from "../../src/core/codes.ts";
import { Report } from "../../src/core/model.ts";
import { parseReport } from "../../src/core/parse/index.ts";
import { validateModel } from "../../src/core/validate.ts";
import {
  anyInputArb,
  anyValueArb,
  gbSeedArb,
  htmlArb,
  jsonArb,
  MODELS,
  mutatedSeedArb,
  protoJsonArb,
  prototypeSnapshot,
  randomBytesArb,
  SEED_GB18030,
  SEED_TEXTS,
} from "../support/reliability/inputs.ts";
import { type Outcome, outcomeOf } from "../support/reliability/outcome.ts";
import {
  type FuzzTarget,
  fuzzHttpCase,
  fuzzQueueCase,
  httpCaseArb,
  makeFuzzTarget,
  queueCaseArb,
} from "../support/reliability/targets.ts";

const SEED = 20261122;
const known = new Set<string>(FINDING_CODES.map((c) => c.code));
const protoBefore = prototypeSnapshot();

/** Fails with the input when the call crashed; checks the shape of any result. */
function expectNoCrash(fn: () => ReturnType<typeof analyzeInput>): Outcome {
  let result: ReturnType<typeof analyzeInput> | undefined;
  const o = outcomeOf(() => {
    result = fn();
    return result;
  });
  if (o.crash) throw o.error;
  if (result) {
    // Whatever came in, what comes out is a model report and catalogued findings.
    expect(Report.safeParse(result.report).success).toBe(true);
    for (const f of result.findings) expect(known.has(f.code), f.code).toBe(true);
  }
  return o;
}

describe("analyzeInput never crashes", () => {
  it("keeps the seeds readable (the generators start from working input)", () => {
    for (const t of SEED_TEXTS) expect(outcomeOf(() => analyzeInput(t)).crash).toBe(false);
    const gb = analyzeInput(SEED_GB18030, { contentType: "text/plain; charset=gb18030" });
    expect(gb.report.organ).toMatch(/局|政府/);
  });

  for (const [name, arb, runs] of [
    ["mutated seeds (truncated, shuffled, nasty numbers, invalid UTF-8)", mutatedSeedArb, 120],
    ["GB18030 cut anywhere", gbSeedArb, 30],
    ["random bytes", randomBytesArb, 60],
    ["hostile HTML", htmlArb, 40],
    ["broken JSON and models", jsonArb, 80],
    ["__proto__ / constructor keys", protoJsonArb, 30],
  ] as const) {
    it(name, () => {
      fc.assert(
        fc.property(arb, (input) => {
          expectNoCrash(() =>
            analyzeInput(input.bytes, input.contentType ? { contentType: input.contentType } : {}),
          );
        }),
        { numRuns: runs, seed: SEED },
      );
    });
  }

  it("the raw-text parser alone takes any string", () => {
    fc.assert(
      fc.property(mutatedSeedArb, fc.constantFrom("text" as const, "html" as const), (input, kind) => {
        const text = new TextDecoder().decode(input.bytes);
        const o = outcomeOf(() => parseReport(text, kind));
        if (o.crash) throw o.error;
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});

describe("validateModel never crashes", () => {
  it("on anything: mutated models, wrong types, null prototypes, huge and fractional numbers", () => {
    fc.assert(
      fc.property(anyValueArb, (value) => {
        expectNoCrash(() => validateModel(value));
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it("answers negative, fractional and huge counts with findings or invalid_input, not exceptions", () => {
    for (const bad of [-1, 0.5, 1e308, Number.MAX_SAFE_INTEGER + 2, "12", "-3"]) {
      const model = structuredClone(MODELS[1]) as Record<string, Record<string, Record<string, unknown>>>;
      (model.appeals as Record<string, Record<string, unknown>>).review = {
        upheld: bad,
        corrected: 0,
        other: 0,
        pending: 0,
        total: 0,
      };
      const o = expectNoCrash(() => analyzeInput(JSON.stringify(model)));
      expect(["findings", "valid", "rejected:invalid_input"]).toContain(o.name);
      if (typeof bad === "number" && bad !== 1e308) expect(o.name).not.toBe("valid");
    }
  });

  it("leaves Object.prototype alone after __proto__ and constructor keys", () => {
    fc.assert(
      fc.property(protoJsonArb, (input) => {
        outcomeOf(() => analyzeInput(input.bytes));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 40, seed: SEED },
    );
    const o = outcomeOf(() =>
      analyzeInput('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}}'),
    );
    expect(o.name).toBe("rejected:invalid_input");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeSnapshot()).toEqual(protoBefore);
  });
});

describe("HTTP routes and the queue consumer never crash", () => {
  let target: FuzzTarget;
  beforeAll(async () => {
    target = await makeFuzzTarget();
  });

  it("every route answers below 500, and every 4xx is a JSON error with a known code", async () => {
    await fc.assert(
      fc.asyncProperty(httpCaseArb, async (c) => {
        const o = await fuzzHttpCase(target, c);
        if (o.crash) throw o.error;
      }),
      { numRuns: 250, seed: SEED },
    );
  });

  it("the consumer acks or retries each message exactly once, and never retries what cannot change", async () => {
    await fc.assert(
      fc.asyncProperty(queueCaseArb, async (c) => {
        const o = await fuzzQueueCase(target, c);
        if (o.crash) throw o.error;
      }),
      { numRuns: 120, seed: SEED },
    );
  });

  it("mixed inputs through POST /v1/validate", async () => {
    await fc.assert(
      fc.asyncProperty(anyInputArb, async (input) => {
        const res = await target.app.request("/v1/validate", {
          method: "POST",
          headers: {
            authorization: "Bearer test-token-0123456789",
            "content-type": input.contentType ?? "application/octet-stream",
          },
          body: input.bytes as Uint8Array<ArrayBuffer>,
        });
        expect(res.status, await res.clone().text()).toBeLessThan(500);
        if (res.status >= 400) {
          const body = (await res.json()) as { error: { code: string } };
          expect(body.error.code).toMatch(/^[a-z_]+$/);
        }
      }),
      { numRuns: 80, seed: SEED },
    );
  });
});

describe("findings of the fuzzer, kept as regressions", () => {
  let target: FuzzTarget;
  beforeAll(async () => {
    target = await makeFuzzTarget();
  });
  const event = (key: string, action = "PutObject") => ({
    message: { bucket: "nianbao-reports", action, object: { key } },
  });

  it("an event for an unsafe key is acked, not retried until the dead-letter queue", async () => {
    for (const key of [
      "incoming/../reports/evil.txt",
      "incoming//x.txt",
      "incoming/\u0000.txt",
      `incoming/${"y".repeat(1015)}.txt`,
    ]) {
      const o = await fuzzQueueCase(target, event(key));
      expect(o.name, key).toBe("queue:acked");
    }
  });

  it("a .result.json someone else wrote (not JSON) does not make the upload fail forever", async () => {
    await target.storage.put("incoming/foreign.txt.result.json", "not json at all");
    const o = await fuzzQueueCase(target, {
      ...event("incoming/foreign.txt"),
      upload: { kind: "seed", bytes: new TextEncoder().encode(SEED_TEXTS[2] as string) },
    });
    expect(o.crash).toBe(false);
    expect(o.name).toMatch(/^queue:(published|rejected)$/);
  });

  it("deeply nested HTML is refused with input_limit, not a stack overflow", () => {
    const deep = `${"<div>".repeat(20_000)}${SEED_TEXTS[2]}`;
    expect(outcomeOf(() => analyzeInput(deep, { contentType: "text/html" })).name).toBe(
      "rejected:input_limit",
    );
    const fine = `${"<div>".repeat(50)}<pre>${SEED_TEXTS[2]}</pre>`;
    expect(outcomeOf(() => analyzeInput(fine, { contentType: "text/html" })).crash).toBe(false);
  });

  it("an S3 event key with a malformed escape is answered per record, not with a 500", async () => {
    const res = await target.app.request("/v1/events/s3", {
      method: "POST",
      headers: { authorization: "Bearer test-token-0123456789", "content-type": "application/json" },
      body: JSON.stringify({
        Records: [
          {
            eventName: "ObjectCreated:Put",
            s3: { bucket: { name: "nianbao-fuzz" }, object: { key: "incoming/%zz.txt" } },
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { results: { status: string }[] }).results[0]?.status).toBe("ignored");
  });
});
