// The CLI: subcommand table, --help, and the one place errors become exit codes (2 input/usage, 3 internal).
import { isNianbaoError } from "../core/errors.ts";
import { ConfigError } from "../runtime/config.ts";
import { convertCommand } from "./convert.ts";
import { exportCommand } from "./export.ts";
import { type CliIO, type Command, UsageError } from "./io.ts";
import { serveCommand } from "./serve.ts";
import { validateCommand } from "./validate.ts";

/** Subcommands: add one line per command. */
export const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  serve: serveCommand,
  convert: convertCommand,
  export: exportCommand,
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
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`未知命令：${name}`);
    return await command.run(rest, io);
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
