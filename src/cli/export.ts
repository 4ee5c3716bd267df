// `nianbao export <files or dirs…> --out table.csv`: the tables of many reports as one CSV, offline.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { analyzeInput } from "../core/analyze.ts";
import { isNianbaoError } from "../core/errors.ts";
import { type ExportRow, exportCsv } from "../core/export/csv.ts";
import { ValidationResult } from "../core/model.ts";
import { listInputs } from "./convert.ts";
import { type Command, splitArgs, usageErrorOf } from "./io.ts";

const Options = z.object({
  positionals: z.array(z.string()).min(1, "需要至少一个输入文件或目录"),
  flags: z.strictObject({
    out: z.string({ error: "需要 --out <表格文件.csv>" }),
    help: z.literal(true).optional(),
  }),
});

const USAGE = `用法：nianbao export <文件或目录…> --out <表格文件.csv>

把多份年报（模型 JSON、文本、HTML，或 nianbao validate --json / convert 生成的 .json）的表格汇总为一个 CSV：
每份报告一行；机关名称、年度、报告版本、成文日期、错误数、警告数、来源文件，之后是表二、表三、表四的每个单元格，
表头为官方栏目名称。空白单元格留空（不是 0）。文件为带 BOM 的 UTF-8，Excel 可直接打开。
  --out   输出的 CSV 文件
退出码：0 全部读入；2 有输入无法使用（其余照常写入表格）或用法错误；3 内部错误`;

/** A `{ report, findings }` file (validate --json, convert's .json) is taken as it is; anything else is analyzed. */
function readReport(bytes: Uint8Array, path: string): Omit<ExportRow, "source"> {
  if (/\.json$/i.test(path)) {
    try {
      const parsed = ValidationResult.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON of that shape: analyzed below, which names the problem
    }
  }
  const { report, findings } = analyzeInput(bytes, { filename: path });
  return { report, findings };
}

export const exportCommand: Command = {
  usage: USAGE,
  async run(args, io) {
    const split = splitArgs(args, ["out"]);
    if (split.flags.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const parsed = Options.safeParse(split);
    if (!parsed.success) throw usageErrorOf(parsed.error.issues, "需要 --out <表格文件.csv>");
    const { positionals, flags } = parsed.data;
    const { inputs, missing } = await listInputs(positionals);
    for (const m of missing) io.stderr(`nianbao: 找不到输入 ${m}\n`);
    const out = resolve(flags.out);
    const rows: ExportRow[] = [];
    let unusable = missing.length;
    for (const input of inputs) {
      if (resolve(input) === out) continue;
      try {
        rows.push({ ...readReport(await io.readFile(input), input), source: input });
      } catch (e) {
        if (!isNianbaoError(e)) throw e;
        unusable++;
        io.stderr(`nianbao: ${input}: ${e.message}\n`);
      }
    }
    if (rows.length === 0) {
      io.stderr("nianbao: 没有可汇总的报告\n");
      return 2;
    }
    rows.sort((a, b) => a.report.year - b.report.year || (a.report.organ < b.report.organ ? -1 : 1));
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, exportCsv(rows));
    io.stderr(
      `已汇总 ${rows.length} 份报告 → ${flags.out}${unusable ? `；${unusable} 个输入无法使用` : ""}\n`,
    );
    return unusable > 0 ? 2 : 0;
  },
};
