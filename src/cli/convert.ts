// `nianbao convert <files or dirs…> --out <dir> [--format pdf,html,json] [--force]`: renders each report to files.
import { existsSync } from "node:fs";
import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { z } from "zod";
import { analyzeInput } from "../core/analyze.ts";
import { isNianbaoError } from "../core/errors.ts";
import { hasErrors } from "../core/finding.ts";
import { checkGlyphs, renderHtml, renderPdf } from "../core/render/index.ts";
import { nodeAssets } from "../runtime/assets-node.ts";
import { ConfigError, fallbackFontFrom } from "../runtime/config.ts";
import { type CliIO, type Command, splitArgs, UsageError } from "./io.ts";

const FORMATS = ["pdf", "html", "json"] as const;
type Format = (typeof FORMATS)[number];
const INPUT_EXT = new Set([".json", ".txt", ".text", ".html", ".htm"]);

const Options = z.object({
  positionals: z.array(z.string()).min(1, "需要至少一个输入文件或目录"),
  flags: z.strictObject({
    out: z.string({ error: "需要 --out <输出目录>" }),
    format: z.string().optional(),
    force: z.literal(true).optional(),
    fonts: z.string().optional(),
    help: z.literal(true).optional(),
  }),
});

const USAGE = `用法：nianbao convert <文件或目录…> --out <输出目录> [--format pdf,html,json] [--force] [--fonts 字体目录]

把每份年报（模型 JSON、文本或 HTML；目录中的 .json .txt .html 文件）转换为标准格式文件：
<名称>.pdf、<名称>.html、<名称>.json（{ "report": 规范化模型, "findings": 问题列表 }）。
  --out      输出目录（不存在时创建）
  --format   要生成的格式，逗号分隔，默认 pdf,html,json
  --force    报告有错误时仍然生成文件（默认不生成，并说明原因）
  --fonts    本单位字体目录：其中 fonts.json 把角色（body 正文、title 标题、heading1 一级标题、
             heading2 二级标题、table 表格）对应到同目录的 .ttf/.otf 文件
退出码：0 全部成功；1 有报告存在错误；2 有输入无法使用或用法错误；3 内部错误`;

/** The CLI's I/O; the runtime may say whether stderr is a terminal (the progress bar is drawn only then). */
type ConvertIO = CliIO & { stderrIsTTY?: boolean };

async function listInputs(paths: readonly string[]): Promise<{ inputs: string[]; missing: string[] }> {
  const inputs: string[] = [];
  const missing: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else if (e.isFile() && INPUT_EXT.has(extname(e.name).toLowerCase())) inputs.push(path);
    }
  }
  for (const p of paths) {
    const s = await stat(p).catch(() => undefined);
    if (!s) missing.push(p);
    else if (s.isDirectory()) await walk(p);
    else inputs.push(p);
  }
  return { inputs, missing };
}

/** Output base names, unique within the run: a.txt and sub/a.json become a and a-2. */
function outputNames(inputs: readonly string[]): string[] {
  const used = new Map<string, number>();
  return inputs.map((p) => {
    const stem = basename(p, extname(p)) || "report";
    const n = (used.get(stem) ?? 0) + 1;
    used.set(stem, n);
    return n === 1 ? stem : `${stem}-${n}`;
  });
}

function progress(io: ConvertIO, done: number, total: number, name: string): void {
  const width = 24;
  const filled = Math.round((done / total) * width);
  const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
  io.stderr(`\r\x1b[2K${bar} ${done}/${total} ${name}`);
}

type Outcome = { input: string; status: "ok" | "errors" | "unusable" | "forced"; note?: string };

export const convertCommand: Command = {
  summary: "把年报转换为标准 PDF、HTML 与模型 JSON（可批量处理目录）",
  usage: USAGE,
  async run(args, ioIn) {
    const io = ioIn as ConvertIO;
    const split = splitArgs(args, ["out", "format", "fonts"]);
    if (split.flags.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const parsed = Options.safeParse(split);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      if (issue?.code === "unrecognized_keys") throw new UsageError(`未知选项：--${issue.keys.join("、--")}`);
      throw new UsageError(
        issue?.path[1] === "out" ? "需要 --out <输出目录>" : (issue?.message ?? "参数错误"),
      );
    }
    const { positionals, flags } = parsed.data;
    const formats = (flags.format ?? "pdf,html,json").split(",").map((f) => f.trim().toLowerCase());
    const bad = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
    if (bad.length > 0 || formats.length === 0)
      throw new UsageError(`不支持的格式：${bad.join("、") || "（空）"}（可选 pdf、html、json）`);
    const wanted = new Set(formats as Format[]);

    const { inputs, missing } = await listInputs(positionals);
    for (const m of missing) io.stderr(`nianbao: 找不到输入 ${m}\n`);
    if (inputs.length === 0) {
      io.stderr("nianbao: 没有可转换的输入文件（.json、.txt、.html）\n");
      return 2;
    }
    const outDir = resolve(flags.out);
    await mkdir(outDir, { recursive: true });
    const fallbackFont = fallbackFontFrom(process.env);
    if (fallbackFont && !existsSync(fallbackFont))
      throw new ConfigError(
        `配置无效 (invalid configuration): FALLBACK_FONT: no font file at ${fallbackFont}`,
      );
    const assets = await nodeAssets({
      ...(fallbackFont ? { fallbackFont } : {}),
      ...(flags.fonts ? { officeFontsDir: flags.fonts } : {}),
    });
    const names = outputNames(inputs);
    const tty = io.stderrIsTTY ?? process.stderr.isTTY === true;
    const outcomes: Outcome[] = [];
    const log: string[] = [];

    for (const [i, input] of inputs.entries()) {
      const name = names[i] as string;
      if (tty) progress(io, i, inputs.length, basename(input));
      try {
        const result = analyzeInput(await io.readFile(input), { filename: input });
        const findings = [...result.findings, ...checkGlyphs(result.report, assets)];
        const targets = [...wanted].map((f) => join(outDir, `${name}.${f}`));
        if (targets.some((t) => t === resolve(input))) {
          outcomes.push({ input, status: "unusable", note: "输出文件会覆盖输入文件，请换一个 --out 目录" });
          continue;
        }
        const errors = findings.filter((f) => f.severity === "error");
        if (hasErrors(findings) && !flags.force) {
          const first = errors
            .slice(0, 3)
            .map((f) => `${f.path || "/"} ${f.message}`)
            .join("；");
          outcomes.push({
            input,
            status: "errors",
            note: `有 ${errors.length} 个错误，未生成文件（--force 可强制生成）：${first}${errors.length > 3 ? "……" : ""}`,
          });
          if (wanted.has("json"))
            await writeFile(
              join(outDir, `${name}.json`),
              `${JSON.stringify({ report: result.report, findings }, null, 2)}\n`,
            );
          continue;
        }
        if (wanted.has("json"))
          await writeFile(
            join(outDir, `${name}.json`),
            `${JSON.stringify({ report: result.report, findings }, null, 2)}\n`,
          );
        if (wanted.has("pdf"))
          await writeFile(join(outDir, `${name}.pdf`), await renderPdf(result.report, assets));
        if (wanted.has("html"))
          await writeFile(join(outDir, `${name}.html`), await renderHtml(result.report, assets));
        const warnings = findings.filter((f) => f.severity === "warning").length;
        outcomes.push({
          input,
          status: errors.length > 0 ? "forced" : "ok",
          ...(errors.length > 0
            ? { note: `有 ${errors.length} 个错误，已按 --force 生成` }
            : warnings > 0
              ? { note: `${warnings} 个警告（见 ${name}.json）` }
              : {}),
        });
      } catch (e) {
        if (!isNianbaoError(e)) throw e;
        outcomes.push({ input, status: "unusable", note: e.message });
      }
    }
    if (tty) {
      progress(io, inputs.length, inputs.length, "");
      io.stderr("\r\x1b[2K");
    }

    const label = { ok: "完成", forced: "完成", errors: "未生成", unusable: "无法使用" } as const;
    for (const o of outcomes) log.push(`${label[o.status]}  ${o.input}${o.note ? `：${o.note}` : ""}`);
    const count = (s: Outcome["status"][]) => outcomes.filter((o) => s.includes(o.status)).length;
    log.push(
      `共 ${inputs.length} 份：生成 ${count(["ok", "forced"])} 份，因错误未生成 ${count(["errors"])} 份，无法使用 ${count(["unusable"]) + missing.length} 份；输出目录 ${outDir}（${[...wanted].join("、")}）`,
    );
    io.stderr(`${log.join("\n")}\n`);
    if (count(["unusable"]) > 0 || missing.length > 0) return 2;
    if (outcomes.some((o) => o.status === "errors" || o.status === "forced")) return 1;
    return 0;
  },
};
