// What a CLI command may do to the outside world, passed in by the runtime entry (src/runtime/cli.ts).
import type { z } from "zod";
export interface CliIO {
  /** Reads a file; throws NianbaoError("not_found") with a message naming the file when it cannot. */
  readFile(path: string): Promise<Uint8Array>;
  readStdin(): Promise<Uint8Array>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A wrong command line: the message is printed with the usage hint, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** One subcommand: a one-line summary for --help, its usage text, and the runner returning an exit code. */
export interface Command {
  usage: string;
  run(args: readonly string[], io: CliIO): Promise<number>;
}

/** The first issue of a command line that failed its schema, as the UsageError to print (`outHint` for a missing --out). */
export function usageErrorOf(issues: readonly z.core.$ZodIssue[], outHint: string): UsageError {
  const issue = issues[0];
  if (issue?.code === "unrecognized_keys") return new UsageError(`未知选项：--${issue.keys.join("、--")}`);
  return new UsageError(issue?.path[1] === "out" ? outHint : (issue?.message ?? "参数错误"));
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean>;
}

/**
 * Splits argv into positionals and flags. `valued` names flags that take a value (`--previous x` or `--previous=x`);
 * other flags are booleans. A lone `-` is a positional (stdin); `--` ends the flags.
 */
export function splitArgs(args: readonly string[], valued: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { positionals: [], flags: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--") {
      out.positionals.push(...args.slice(i + 1));
      break;
    }
    if (a === "-h") {
      out.flags.help = true;
      continue;
    }
    if (!a.startsWith("--") || a === "-") {
      if (a.startsWith("-") && a !== "-") throw new UsageError(`未知选项：${a}`);
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if (valued.includes(name)) {
      const value = eq < 0 ? args[++i] : a.slice(eq + 1);
      if (value === undefined || value === "") throw new UsageError(`选项 --${name} 需要一个值`);
      out.flags[name] = value;
    } else {
      if (eq >= 0) throw new UsageError(`选项 --${name} 不带值`);
      out.flags[name] = true;
    }
  }
  return out;
}
