// `nianbao serve [--port 8787] [--host 127.0.0.1] [--data ./data]`: the HTTP API on Node until Ctrl-C.
import { z } from "zod";
import { startServer, untilSignal } from "../runtime/node.ts";
import { type CliIO, type Command, splitArgs, UsageError } from "./io.ts";

const Options = z.object({
  positionals: z.array(z.string()).length(0, "serve 不接受位置参数"),
  flags: z.strictObject({
    port: z.coerce.number().int().min(0).max(65535).optional(),
    host: z.string().optional(),
    data: z.string().optional(),
    fonts: z.string().optional(),
    tagged: z.literal(true).optional(),
    help: z.literal(true).optional(),
  }),
});

const USAGE = `用法：nianbao serve [--port 8787] [--host 127.0.0.1] [--data ./data] [--fonts 字体目录] [--tagged]

启动 HTTP 服务（POST /v1/reports 等，接口文档见 /docs）。
  --port   端口，默认 8787（0 表示任选空闲端口）
  --host   监听地址，默认 127.0.0.1
  --data   文件存储目录，默认 ./data；设置 S3_BUCKET 等环境变量时改用 S3 兼容存储
  --fonts  本单位字体目录（含 fonts.json：body、title、heading1、heading2、table → .ttf/.otf），
           也可用环境变量 FONTS_DIR
  --tagged 默认生成带结构标签的 PDF（无障碍阅读；上传转换及未指定 tagged 的请求），也可用 TAGGED_PDF=true；
           单个请求可用 ?tagged=true|false 指定
环境变量：FONTS_DIR、TAGGED_PDF、API_TOKENS、BODY_LIMIT_BYTES、PUBLIC_BASE_URL、S3_BUCKET、S3_REGION、S3_ENDPOINT、
S3_ACCESS_KEY_ID、S3_SECRET_ACCESS_KEY、S3_FORCE_PATH_STYLE、S3_KEY_PREFIX（见 docs/deploy.md）`;

export const serveCommand: Command = {
  usage: USAGE,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const parsed = Options.safeParse(splitArgs(args, ["port", "host", "data", "fonts"]));
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("；"));
    const { flags } = parsed.data;
    if (flags.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    // Listen for Ctrl-C / SIGTERM from the start, so a stop during start-up still closes cleanly.
    const stopped = untilSignal();
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer({
        ...(flags.port !== undefined ? { port: flags.port } : {}),
        ...(flags.host ? { host: flags.host } : {}),
        ...(flags.data ? { dataDir: flags.data } : {}),
        ...(flags.fonts ? { fontsDir: flags.fonts } : {}),
        ...(flags.tagged ? { taggedPdf: true } : {}),
      });
    } catch (e) {
      if (e instanceof Error && e.name === "ConfigError") {
        io.stderr(`nianbao: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    io.stdout(
      `nianbao listening on ${server.url} (storage: ${server.storage.kind}; docs: ${server.url}/docs)\n`,
    );
    await stopped;
    await server.close();
    return 0;
  },
};
