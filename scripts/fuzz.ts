// npm run fuzz: thousands of broken inputs into the parser, validate, every HTTP route and the queue consumer; prints counts per outcome.
// Usage: node scripts/fuzz.ts [--runs N] [--seed S] [--only core|validate|hostile|http|queue]
import { parseArgs } from "node:util";
import fc from "fast-check";
import { analyzeInput } from "../src/core/analyze.ts";
import { validateModel } from "../src/core/validate.ts";
import { hostileArb } from "../test/fixtures/hostile/arbitrary.ts";
import { anyInputArb, anyValueArb, prototypeSnapshot } from "../test/fixtures/reliability/inputs.ts";
import { classifyError, type Outcome, outcomeOf, Tally } from "../test/fixtures/reliability/outcome.ts";
import {
  fuzzHttpCase,
  fuzzQueueCase,
  httpCaseArb,
  makeFuzzTarget,
  queueCaseArb,
} from "../test/fixtures/reliability/targets.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "10000" },
    seed: { type: "string" },
    only: { type: "string" },
  },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const only = values.only;
const protoBefore = prototypeSnapshot().join(",");

let peakRss = process.memoryUsage().rss;
const sampleMemory = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

interface Section {
  name: string;
  tally: Tally;
  slowest: number;
  ms: number;
}

function preview(bytes: Uint8Array | string | unknown): string {
  if (bytes instanceof Uint8Array) return JSON.stringify(new TextDecoder().decode(bytes.subarray(0, 400)));
  try {
    return (JSON.stringify(bytes) ?? String(bytes)).slice(0, 400);
  } catch {
    return String(bytes).slice(0, 400);
  }
}

async function section<T>(
  name: string,
  arb: fc.Arbitrary<T>,
  n: number,
  run: (value: T) => Outcome | Promise<Outcome>,
  describe: (value: T) => string,
): Promise<Section> {
  const tally = new Tally();
  let slowest = 0;
  const started = performance.now();
  const samples = fc.sample(arb, { numRuns: n, seed });
  for (const [i, value] of samples.entries()) {
    const t0 = performance.now();
    let o: Outcome;
    try {
      o = await run(value);
    } catch (e) {
      o = classifyError(e);
      o = { ...o, name: o.crash ? o.name : `CRASH:threw-${o.name}`, crash: true };
    }
    slowest = Math.max(slowest, performance.now() - t0);
    tally.add(o, () => describe(value));
    if (i % 100 === 0) sampleMemory();
  }
  sampleMemory();
  return { name, tally, slowest, ms: performance.now() - started };
}

const sections: Section[] = [];
const share = (part: number) => Math.max(1, Math.round(runs * part));

if (!only || only === "core") {
  sections.push(
    await section(
      "analyzeInput (bytes of every kind)",
      anyInputArb,
      share(0.4),
      (input) =>
        outcomeOf(() =>
          analyzeInput(input.bytes, input.contentType ? { contentType: input.contentType } : {}),
        ),
      (input) => `${input.kind} ${input.contentType ?? ""} ${preview(input.bytes)}`,
    ),
  );
}
if (!only || only === "validate") {
  sections.push(
    await section(
      "validateModel (any value)",
      anyValueArb,
      share(0.2),
      (v) => outcomeOf(() => validateModel(v)),
      preview,
    ),
  );
}
if (!only || only === "hostile") {
  sections.push(
    await section(
      "hostile runs (issue #16 attacks, long runs of every character class)",
      hostileArb,
      only === "hostile" ? runs : share(0.1),
      (h) => outcomeOf(() => analyzeInput(h.body)),
      (h) => `${h.name} (${h.body.length} chars)`,
    ),
  );
}
if (!only || only === "http") {
  const target = await makeFuzzTarget();
  sections.push(
    await section(
      "HTTP routes (app.request)",
      httpCaseArb,
      share(0.3),
      (c) => fuzzHttpCase(target, c),
      (c) => `${c.method} ${c.path} ${c.contentType ?? ""} ${preview(c.body)}`,
    ),
  );
}
if (!only || only === "queue") {
  const target = await makeFuzzTarget();
  sections.push(
    await section(
      "queue consumer (messages and uploads)",
      queueCaseArb,
      share(0.1),
      (c) => fuzzQueueCase(target, c),
      (c) => `${preview(c.message)} ${c.upload ? `${c.upload.kind} ${preview(c.upload.bytes)}` : ""}`,
    ),
  );
}

let crashes = 0;
let total = 0;
console.log(`nianbao fuzz — seed ${seed}, ${runs} runs requested\n`);
for (const s of sections) {
  console.log(
    `${s.name}: ${s.tally.total} cases in ${(s.ms / 1000).toFixed(1)} s, slowest ${s.slowest.toFixed(0)} ms`,
  );
  for (const line of s.tally.lines()) console.log(`  ${line}`);
  for (const c of s.tally.crashes) {
    console.log(`  !! ${c.outcome.name}: ${c.input}`);
    console.log(
      `     ${c.outcome.error instanceof Error ? (c.outcome.error.stack ?? c.outcome.error.message) : String(c.outcome.error)}`
        .split("\n")
        .slice(0, 6)
        .join("\n     "),
    );
  }
  crashes += [...s.tally.counts.entries()]
    .filter(([k]) => k.startsWith("CRASH"))
    .reduce((a, [, v]) => a + v, 0);
  total += s.tally.total;
  console.log("");
}
const polluted = prototypeSnapshot().join(",") !== protoBefore;
console.log(
  `total ${total} cases, ${crashes} crashes, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB${polluted ? ", Object.prototype POLLUTED" : ""}`,
);
process.exitCode = crashes > 0 || polluted ? 1 : 0;
