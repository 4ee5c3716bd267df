// `nianbao convert <files or dirs…> --out <dir> [--format pdf,html,json] [--force]`: renders each report to files.
import { mkdir, readdir, realpath, stat, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve, sep } from "node:path";
import { z } from "zod";
import { analyzeInput } from "../core/analyze.ts";
import { isNianbaoError } from "../core/errors.ts";
import { hasErrors } from "../core/finding.ts";
import { readAndAnalyze } from "../core/input/index.ts";
import type { Edition, Finding } from "../core/model.ts";
import { renderHtml, renderPdf, withGlyphFindings } from "../core/render/index.ts";
import { placeOf } from "../core/rules/describe.ts";
import { DEFAULT_BODY_LIMIT } from "../http/services.ts";
import { cliAssets } from "./assets.ts";
import { type CliIO, type Command, splitArgs, UsageError, usageErrorOf } from "./io.ts";

const FORMATS = ["pdf", "html", "json"] as const;
type Format = (typeof FORMATS)[number];
const INPUT_EXT = new Set([".json", ".txt", ".text", ".html", ".htm", ".docx", ".pdf"]);

const Options = z.object({
  positionals: z.array(z.string()).min(1, "需要至少一个输入文件或目录"),
  flags: z.strictObject({
    out: z.string({ error: "需要 --out <输出目录>" }),
    format: z.string().optional(),
    force: z.literal(true).optional(),
    fonts: z.string().optional(),
    tagged: z.literal(true).optional(),
    help: z.literal(true).optional(),
  }),
});

const USAGE = `用法：nianbao convert <文件或目录…> --out <输出目录> [--format pdf,html,json] [--force] [--fonts 字体目录] [--tagged]

把每份年报（模型 JSON、文本、HTML、Word .docx 或带文字的 PDF；目录中的 .json .txt .html .docx .pdf 文件）转换为标准格式文件：
<名称>.pdf、<名称>.html、<名称>.json（{ "report": 规范化模型, "findings": 问题列表 }）。
  --out      输出目录（不存在时创建）
  --format   要生成的格式，逗号分隔，默认 pdf,html,json
  --force    报告有错误时仍然生成文件（默认不生成，并说明原因）
  --fonts    本单位字体目录：其中 fonts.json 把角色（body 正文、title 标题、heading1 一级标题、
             heading2 二级标题、table 表格）对应到同目录的 .ttf/.otf 文件
  --tagged   生成带结构标签的 PDF（无障碍阅读：标题、段落、表格及表头单元格），文件较大、较慢
退出码：0 全部成功；1 有报告存在错误；2 有输入无法使用或用法错误；3 内部错误`;

/** The CLI's I/O; the runtime may say whether stderr is a terminal (the progress bar is drawn only then). */
type ConvertIO = CliIO & { stderrIsTTY?: boolean };

/** Largest input file read (the HTTP body limit): a bigger one is refused from its size, never read. */
const MAX_INPUT_BYTES = DEFAULT_BODY_LIMIT;

/** A name as printed: control characters (a terminal would obey them) shown as \xNN. */
export const printable = (s: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is escaped
  s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);

/** The real path of `path`, which may not exist yet: its nearest existing ancestor resolved, the rest appended. */
async function realPathOf(path: string): Promise<string> {
  const rest: string[] = [];
  let at = path;
  for (;;) {
    const real = await realpath(at).catch(() => undefined);
    if (real !== undefined) return join(real, ...rest.reverse());
    const parent = dirname(at);
    if (parent === at) return path;
    rest.push(basename(at));
    at = parent;
  }
}

export async function listInputs(paths: readonly string[]): Promise<{
  inputs: string[];
  missing: string[];
  refused: { input: string; note: string }[];
  dirs: string[];
}> {
  const inputs: string[] = [];
  const missing: string[] = [];
  const refused: { input: string; note: string }[] = [];
  const dirs: string[] = [];
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
    else if (s.isDirectory()) {
      dirs.push(await realpath(p));
      await walk(p);
    } else inputs.push(p);
  }
  // FIFOs, devices and sockets would block or never end; a file over the limit is refused from its size.
  const usable: string[] = [];
  for (const input of inputs) {
    const s = await stat(input).catch(() => undefined);
    if (!s) missing.push(input);
    else if (!s.isFile()) refused.push({ input, note: "不是普通文件（管道、设备等），未读取" });
    else if (s.size > MAX_INPUT_BYTES)
      refused.push({ input, note: `文件超过 ${Math.floor(MAX_INPUT_BYTES / 1024 / 1024)} MB，未读取` });
    else usable.push(input);
  }
  return { inputs: usable, missing, refused, dirs };
}

/** Output base names, unique within the run: a.txt and sub/a.json become a and a-2. */
function outputNames(inputs: readonly string[]): string[] {
  const used = new Set<string>();
  return inputs.map((p) => {
    // A name a file system accepts (255 bytes): at most 60 characters of the input's stem.
    const stem = [...(basename(p, extname(p)) || "report")].slice(0, 60).join("");
    let name = stem;
    // a.txt, a.json and a-2.txt: a, a-2, a-2-2 (never two inputs on one output).
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

function progress(io: ConvertIO, done: number, total: number, name: string): void {
  const width = 24;
  const filled = Math.round((done / total) * width);
  const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
  io.stderr(`\r\x1b[2K${bar} ${done}/${total} ${name}`);
}

type Outcome = {
  input: string;
  status: "ok" | "errors" | "unusable" | "forced";
  note?: string;
  /** Lines for the errors and warnings: level, place in the tables (table, row, column) or text, message. */
  findings?: string[];
};

const LEVEL = { error: "错误", warning: "警告" } as const;

/** One line per error and warning (info is left to the JSON): 「  警告  表三「…」行「自然人」栏：…」. */
function listFindings(edition: Edition, findings: readonly Finding[]): string[] {
  return findings.flatMap((f) =>
    f.severity === "info" ? [] : [`  ${LEVEL[f.severity]}  ${placeOf(edition, f.path)}：${f.message}`],
  );
}

export const convertCommand: Command = {
  usage: USAGE,
  async run(args, ioIn) {
    const io = ioIn as ConvertIO;
    const split = splitArgs(args, ["out", "format", "fonts"]);
    if (split.flags.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const parsed = Options.safeParse(split);
    if (!parsed.success) throw usageErrorOf(parsed.error.issues, "需要 --out <输出目录>");
    const { positionals, flags } = parsed.data;
    const formats = (flags.format ?? "pdf,html,json").split(",").map((f) => f.trim().toLowerCase());
    const bad = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
    if (bad.length > 0 || formats.length === 0)
      throw new UsageError(`不支持的格式：${bad.join("、") || "（空）"}（可选 pdf、html、json）`);
    const wanted = new Set(formats as Format[]);

    const { inputs, missing, refused, dirs } = await listInputs(positionals);
    for (const m of missing) io.stderr(`nianbao: 找不到输入 ${printable(m)}\n`);
    if (inputs.length === 0 && refused.length === 0) {
      io.stderr("nianbao: 没有可转换的输入文件（.json、.txt、.html）\n");
      return 2;
    }
    const outDir = resolve(flags.out);
    // --out inside an input folder (or the same folder by a symlink) would convert its own outputs: refused.
    const outReal = await realPathOf(outDir);
    if (dirs.some((d) => outReal === d || outReal.startsWith(`${d}${sep}`)))
      throw new UsageError(`--out 不能在输入目录之内：${printable(flags.out)}`);
    await mkdir(outDir, { recursive: true });
    const inputReals = new Set(await Promise.all(inputs.map((i) => realpath(i).catch(() => resolve(i)))));
    const assets = await cliAssets(process.env, flags.fonts);
    const names = outputNames(inputs);
    const tty = io.stderrIsTTY ?? process.stderr.isTTY === true;
    const outcomes: Outcome[] = refused.map((r) => ({ ...r, status: "unusable" as const }));
    const log: string[] = [];

    for (const [i, input] of inputs.entries()) {
      const name = names[i] as string;
      if (tty) progress(io, i, inputs.length, basename(input));
      try {
        const result = await readAndAnalyze(await io.readFile(input), { filename: input }, (i, h) =>
          withGlyphFindings(analyzeInput(i, h), assets),
        );
        const { findings } = result;
        const targets = [...wanted].map((f) => join(outDir, `${name}.${f}`));
        const targetReals = await Promise.all(targets.map((t) => realpath(t).catch(() => t)));
        if (targetReals.some((t) => inputReals.has(t))) {
          outcomes.push({ input, status: "unusable", note: "输出文件会覆盖输入文件，请换一个 --out 目录" });
          continue;
        }
        const errors = findings.filter((f) => f.severity === "error");
        const notes = listFindings(result.report.edition, findings);
        if (hasErrors(findings) && !flags.force) {
          // A refused report writes nothing: its findings are shown here instead.
          outcomes.push({
            input,
            status: "errors",
            note: `有 ${errors.length} 个错误，未生成任何文件（--force 可强制生成）`,
            findings: notes,
          });
          continue;
        }
        if (wanted.has("json"))
          await writeFile(
            join(outDir, `${name}.json`),
            `${JSON.stringify({ report: result.report, findings }, null, 2)}\n`,
          );
        if (wanted.has("pdf"))
          await writeFile(
            join(outDir, `${name}.pdf`),
            await renderPdf(result.report, assets, { tagged: flags.tagged === true }),
          );
        if (wanted.has("html"))
          await writeFile(join(outDir, `${name}.html`), await renderHtml(result.report, assets));
        const warnings = findings.filter((f) => f.severity === "warning").length;
        outcomes.push({
          input,
          status: errors.length > 0 ? "forced" : "ok",
          ...(errors.length > 0
            ? { note: `有 ${errors.length} 个错误，已按 --force 生成` }
            : warnings > 0
              ? { note: `${warnings} 个警告` }
              : {}),
          findings: notes,
        });
      } catch (e) {
        // A file that cannot be read or written (a name too long, no permission) fails alone, not the batch.
        const fsCode = (e as NodeJS.ErrnoException | undefined)?.code;
        if (!isNianbaoError(e) && !fsCode) throw e;
        outcomes.push({
          input,
          status: "unusable",
          note: isNianbaoError(e) ? e.message : `文件读写失败（${fsCode}）`,
        });
      }
    }
    if (tty) {
      progress(io, inputs.length, inputs.length, "");
      io.stderr("\r\x1b[2K");
    }

    const label = { ok: "完成", forced: "完成", errors: "未生成", unusable: "无法使用" } as const;
    for (const o of outcomes) {
      log.push(`${label[o.status]}  ${printable(o.input)}${o.note ? `：${printable(o.note)}` : ""}`);
      log.push(...(o.findings ?? []));
    }
    const count = (s: Outcome["status"][]) => outcomes.filter((o) => s.includes(o.status)).length;
    log.push(
      `共 ${inputs.length + refused.length} 份：生成 ${count(["ok", "forced"])} 份，因错误未生成 ${count(["errors"])} 份，无法使用 ${count(["unusable"]) + missing.length} 份；输出目录 ${outDir}（${[...wanted].join("、")}）`,
    );
    io.stderr(`${log.join("\n")}\n`);
    if (count(["unusable"]) > 0 || missing.length > 0) return 2;
    if (outcomes.some((o) => o.status === "errors" || o.status === "forced")) return 1;
    return 0;
  },
};
