// Node entry of the CLI: file and stdin I/O, then the exit code; bundled to dist/cli.mjs by scripts/build-cli.mjs.
import { readFile } from "node:fs/promises";
import { main } from "../cli/main.ts";
import { NianbaoError } from "../core/errors.ts";

async function readFileBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    const why =
      code === "ENOENT"
        ? "文件不存在"
        : code === "EISDIR"
          ? "这是一个目录"
          : code === "EACCES"
            ? "没有读取权限"
            : "无法读取";
    throw new NianbaoError("not_found", `无法读取文件 ${path}：${why}`, {}, { cause: e });
  }
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Uint8Array);
  return new Uint8Array(Buffer.concat(chunks));
}

process.exitCode = await main(process.argv.slice(2), {
  readFile: readFileBytes,
  readStdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
