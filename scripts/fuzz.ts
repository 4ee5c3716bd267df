// npm run fuzz: thousands of broken inputs into the parser, validate, every HTTP route and the queue consumer; prints counts per outcome.
// Usage: node scripts/fuzz.ts [--runs N] [--seed S] [--only core|validate|hostile|http|queue] [--case i [--repeat k] (replays case i of --only with --seed, k times)]
import { parseArgs } from "node:util";
import fc from "fast-check";
import { analyzeInput } from "../src/core/analyze.ts";
import { validateModel } from "../src/core/validate.ts";
import { hostileArb } from "../test/support/hostile/arbitrary.ts";
import { anyInputArb, anyValueArb, prototypeSnapshot } from "../test/support/reliability/inputs.ts";
import { classifyError, type Outcome, outcomeOf, Tally } from "../test/support/reliability/outcome.ts";
import {
  fuzzHttpCase,
  fuzzQueueCase,
  httpCaseArb,
  makeFuzzTarget,
  queueCaseArb,
} from "../test/support/reliability/targets.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "10000" },
    seed: { type: "string" },
    only: { type: "string" },
    case: { type: "string" },
    repeat: { type: "string", default: "1" },
  },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const only = values.only;
/** One case to replay (its index in the section given by --only, with the run's --seed). */
const replay = values.case === undefined ? undefined : Number(values.case);
/** Runs of each case (with --case: the first run is cold, the next ones show the case's own cost). */
const repeat = Math.max(1, Number(values.repeat) || 1);
if (replay !== undefined && (!only || values.seed === undefined || !Number.isInteger(replay) || replay < 0)) {
  console.error(
    "--case i replays one case: give it with --seed S and --only core|validate|hostile|http|queue",
  );
  process.exit(2);
}
const protoBefore = prototypeSnapshot().join(",");

let peakRss = process.memoryUsage().rss;
const sampleMemory = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

interface Slow {
  index: number;
  /** Wall time (ms): what a client waits, inflated by other processes on a busy machine. */
  ms: number;
  /** CPU time of this process (ms, with the collector's threads): the steadier ranking on a shared machine. */
  cpu: number;
  outcome: string;
  input: string;
}

interface Section {
  key: string;
  name: string;
  tally: Tally;
  /** The slowest cases, slowest first, each replayable with --seed, --only and --case. */
  slowest: Slow[];
  ms: number;
}

function preview(bytes: Uint8Array | string | unknown): string {
  if (bytes instanceof Uint8Array) return JSON.stringify(new TextDecoder().decode(bytes.subarray(0, 400)));
  try {
    return (JSON.stringify(bytes) ?? String(bytes)).slice(0, 400);
  } catch {
    try {
      return String(bytes).slice(0, 400);
    } catch {
      return `(${typeof bytes} with no printable form)`;
    }
  }
}

/** A case's description; describing never fails the run (a null-prototype value has no string form). */
function describeSafely<T>(describe: (value: T) => string, value: T): string {
  try {
    return describe(value);
  } catch {
    return "(not describable)";
  }
}

const KEEP_SLOWEST = 5;

/**
 * Runs `n` cases of `arb` from the run's seed, generated one at a time (a sample of 1,000 hostile bodies of up
 * to 1.9 million characters would not fit in memory). Case i of a seed is the same case in every run: with
 * `--case i` only that one runs (fast-check's replay path), so a slow or crashing case is replayed exactly.
 */
async function section<T>(
  key: string,
  name: string,
  arb: fc.Arbitrary<T>,
  n: number,
  run: (value: T) => Outcome | Promise<Outcome>,
  describe: (value: T) => string,
): Promise<Section> {
  const tally = new Tally();
  const slowest: Slow[] = [];
  const started = performance.now();
  let index = replay ?? 0;
  await fc.assert(
    fc.asyncProperty(arb, async (value) => {
      for (let r = 0; r < repeat; r++) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        let o: Outcome;
        try {
          o = await run(value);
        } catch (e) {
          o = classifyError(e);
          o = { ...o, name: o.crash ? o.name : `CRASH:threw-${o.name}`, crash: true };
        }
        const used = process.cpuUsage(c0);
        const cpu = (used.user + used.system) / 1000;
        const ms = performance.now() - t0;
        tally.add(o, () => `case ${index}: ${describeSafely(describe, value)}`);
        if (slowest.length < KEEP_SLOWEST || cpu > (slowest[slowest.length - 1]?.cpu ?? 0)) {
          slowest.push({
            index,
            ms,
            cpu,
            outcome: o.name,
            input: describeSafely(describe, value).slice(0, 160),
          });
          slowest.sort((a, b) => b.cpu - a.cpu);
          slowest.length = Math.min(slowest.length, KEEP_SLOWEST);
        }
      }
      if (index % 100 === 0) sampleMemory();
      if (index % 500 === 499) process.stderr.write(`  ${key}: ${index + 1}/${n} cases\n`);
      index++;
      return true;
    }),
    replay === undefined
      ? { numRuns: n, seed, endOnFailure: true }
      : { numRuns: 1, seed, path: String(replay), endOnFailure: true },
  );
  sampleMemory();
  return { key, name, tally, slowest, ms: performance.now() - started };
}

const sections: Section[] = [];
const share = (part: number) => Math.max(1, Math.round(runs * part));

if (!only || only === "core") {
  sections.push(
    await section(
      "core",
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
      "validate",
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
      "hostile",
      "hostile runs (issue #16 attacks, long runs of every character class)",
      hostileArb,
      share(0.1),
      (h) => outcomeOf(() => analyzeInput(h.body)),
      (h) => `${h.name} (${h.body.length} chars)`,
    ),
  );
}
if (!only || only === "http") {
  const target = await makeFuzzTarget();
  sections.push(
    await section(
      "http",
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
      "queue",
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
  const wallMax = Math.max(0, ...s.slowest.map((c) => c.ms));
  console.log(
    `${s.name}: ${s.tally.total} cases in ${(s.ms / 1000).toFixed(1)} s, slowest ${(s.slowest[0]?.cpu ?? 0).toFixed(0)} ms CPU (${wallMax.toFixed(0)} ms wall among the 5 slowest by CPU)`,
  );
  for (const line of s.tally.lines()) console.log(`  ${line}`);
  console.log(`  slowest (replay: npm run fuzz -- --seed ${seed} --only ${s.key} --case <i>):`);
  for (const c of s.slowest)
    console.log(
      `    ${c.cpu.toFixed(0).padStart(6)} ms CPU ${c.ms.toFixed(0).padStart(6)} ms wall  case ${c.index}  ${c.outcome}  ${c.input}`,
    );
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
