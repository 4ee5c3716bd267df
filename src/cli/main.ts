// The CLI: subcommand table, --help, and the one place errors become exit codes (2 input/usage, 3 internal).
import { isNianbaoError } from "../core/errors.ts";
import { ConfigError } from "../runtime/config.ts";
import { type CliIO, type Command, UsageError } from "./io.ts";

/**
 * Subcommands: add one line per command. Each is loaded when it runs, so `--help`, a usage error or `validate` never
 * load what only `serve` or `convert` need (the S3 client, the server, the PDF renderer's start-up).
 */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: {
    summary: "检查一份年报，列出问题（--json 输出规范化模型与问题列表）",
    load: async () => (await import("./validate.ts")).validateCommand,
  },
  serve: {
    summary: "启动 HTTP 服务（文件或 S3 兼容存储）",
    load: async () => (await import("./serve.ts")).serveCommand,
  },
  convert: {
    summary: "把年报转换为标准 PDF、HTML 与模型 JSON（可批量处理目录）",
    load: async () => (await import("./convert.ts")).convertCommand,
  },
  export: {
    summary: "把多份年报的表格数据汇总为一个 CSV 表",
    load: async () => (await import("./export.ts")).exportCommand,
  },
};

function usage(): string {
  const names = Object.keys(COMMANDS);
  const w = Math.max(...names.map((n) => n.length));
  const list = names.map((n) => `  ${n.padEnd(w)}  ${COMMANDS[n]?.summary ?? ""}`).join("\n");
  return `用法：nianbao <命令> [参数]\n\n命令：\n${list}\n\n各命令的说明：nianbao <命令> --help\n`;
}

/** Runs the CLI and returns the exit code; never throws, never prints a stack trace. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined) {
      io.stderr(`nianbao: 缺少命令\n${usage()}`);
      return 2;
    }
    if (name === "--help" || name === "-h" || name === "help") {
      io.stdout(usage());
      return 0;
    }
    const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!entry) throw new UsageError(`未知命令：${name}`);
    return await (await entry.load()).run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(
        `nianbao: ${e.message}\n（nianbao ${name && Object.hasOwn(COMMANDS, name) ? `${name} ` : ""}--help 查看用法）\n`,
      );
      return 2;
    }
    if (isNianbaoError(e) || e instanceof ConfigError) {
      io.stderr(`nianbao: ${e.message}\n`);
      return 2;
    }
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    io.stderr(`nianbao: internal error: ${why}\n`);
    return 3;
  }
}
