// `nianbao validate <file|-> [--json] [--previous <file>]`: findings as a table, or { report, findings, sources } as JSON.
import { z } from "zod";
import { analyzeInput } from "../core/analyze.ts";
import { hasErrors } from "../core/finding.ts";
import { readAndAnalyze, readInput } from "../core/input/index.ts";
import type { Finding, ValidationResult } from "../core/model.ts";
import { withGlyphFindings } from "../core/render/index.ts";
import { cliAssets } from "./assets.ts";
import { type CliIO, type Command, splitArgs, UsageError } from "./io.ts";

const Options = z.object({
  positionals: z.array(z.string()).length(1, "需要且只需要一个输入文件（用 - 表示标准输入）"),
  flags: z.strictObject({
    json: z.literal(true).optional(),
    previous: z.string().optional(),
    help: z.literal(true).optional(),
  }),
});

const USAGE = `用法：nianbao validate <文件|-> [--json] [--previous <上年报告文件>]

读取一份年报（模型 JSON、文本、HTML、Word .docx 或带文字的 PDF；- 为标准输入），检查勾稽关系等规则。
  --json        在标准输出打印 { "report": 规范化后的模型, "findings": [...], "sources": {单元格: 原文位置} }
  --previous    上年度报告，用于核对「上年结转」
退出码：0 无错误；1 有错误；2 输入无法使用或用法错误；3 内部错误`;

const SEVERITY_TEXT = { error: "错误", warning: "警告", info: "提示" } as const;

/** Display width: CJK and full-width characters count two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));

/** A readable table of findings with a summary line. */
export function formatFindings(result: ValidationResult): string {
  const { report, findings } = result;
  const lines = [`${report.title}（${report.year}年度，${report.edition}版格式）`];
  const count = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  if (findings.length > 0) {
    const rows = findings.map((f) => [SEVERITY_TEXT[f.severity], f.code, f.path || "/", f.message]);
    const head = ["级别", "代码", "位置", "说明"];
    const widths = [0, 1, 2].map((i) =>
      Math.max(width(head[i] as string), ...rows.map((r) => width(r[i] as string))),
    );
    const fmt = (r: string[]) =>
      `${[0, 1, 2].map((i) => pad(r[i] as string, widths[i] as number)).join("  ")}  ${r[3]}`;
    lines.push("", fmt(head), ...rows.map(fmt));
  }
  lines.push(
    "",
    `共 ${findings.length} 条：错误 ${count("error")}，警告 ${count("warning")}，提示 ${count("info")}`,
  );
  return `${lines.join("\n")}\n`;
}

async function read(path: string, io: CliIO): Promise<Uint8Array> {
  return path === "-" ? io.readStdin() : io.readFile(path);
}

export const validateCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const parsed = Options.safeParse(splitArgs(args, ["previous"]));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const unknown =
        issue?.code === "unrecognized_keys" ? `未知选项：--${issue.keys.join("、--")}` : undefined;
      if (
        !(
          parsed.error.issues.length === 1 &&
          issue?.path[0] === "positionals" &&
          args.some((a) => a === "--help" || a === "-h")
        )
      ) {
        throw new UsageError(unknown ?? issue?.message ?? "参数错误");
      }
    }
    const { positionals, flags } = parsed.success ? parsed.data : { positionals: [], flags: { help: true } };
    if (flags.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const file = positionals[0] as string;
    if (flags.previous === "-" && file === "-") throw new UsageError("输入与 --previous 不能都读取标准输入");
    const input = await read(file, io);
    const previous = flags.previous === undefined ? undefined : await read(flags.previous, io);
    const last =
      previous === undefined
        ? undefined
        : (await readInput(previous, flags.previous === "-" ? {} : { filename: flags.previous })).input;
    const assets = await cliAssets();
    const result = await readAndAnalyze(input, file === "-" ? {} : { filename: file }, (i, h) =>
      withGlyphFindings(analyzeInput(i, h, last === undefined ? {} : { previous: last }), assets),
    );
    io.stdout(
      flags.json
        ? `${JSON.stringify({ report: result.report, findings: result.findings, sources: result.sources }, null, 2)}\n`
        : formatFindings(result),
    );
    return hasErrors(result.findings) ? 1 : 0;
  },
};
