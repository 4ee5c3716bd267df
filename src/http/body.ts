// Reads a report from a request body: JSON, plain text (declared charset decoded here, else detected by the core), HTML, .docx, PDF, or a multipart file.
import type { Context } from "hono";
import { NianbaoError } from "../core/errors.ts";
import { FILE_TYPES } from "../core/input/index.ts";
import type { InputHint } from "../service/engine.ts";
import type { AppEnv } from "./services.ts";

/** Media types accepted as a report; application/octet-stream lets the core detect the form. */
export const INPUT_TYPES = [
  "application/json",
  "text/plain",
  "text/html",
  FILE_TYPES.docx,
  FILE_TYPES.pdf,
  "application/octet-stream",
] as const;

export interface RequestInput {
  input: Uint8Array | string;
  hint: InputHint;
}

/**
 * The request's report as sent: text in a declared charset decoded, anything else as bytes. A .docx or PDF (told by
 * media type, file name or magic bytes) is read by the service's analyze, which also puts its places into `sources`.
 */
export async function readInput(c: Context<AppEnv>): Promise<RequestInput> {
  const contentType = c.req.header("content-type") ?? "";
  const mime = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (mime === "multipart/form-data") {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch (e) {
      if (e instanceof NianbaoError) throw e;
      throw new NianbaoError("invalid_input", "无法解析 multipart/form-data 请求", {}, { cause: e });
    }
    const file = form.get("file");
    if (file === null || typeof file === "string") {
      throw new NianbaoError("invalid_input", "multipart/form-data 请求需要一个名为 file 的文件字段");
    }
    const hint: InputHint = { filename: file.name };
    if (file.type) hint.contentType = file.type;
    return { input: new Uint8Array(await file.arrayBuffer()), hint };
  }
  if (!(INPUT_TYPES as readonly string[]).includes(mime)) {
    throw new NianbaoError(
      "unsupported_media_type",
      `不支持的内容类型：${mime || "（未指定）"}；请使用 ${INPUT_TYPES.join("、")} 或 multipart/form-data`,
    );
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (mime === FILE_TYPES.docx || mime === FILE_TYPES.pdf) return { input: bytes, hint: { contentType } };
  return { input: decodeByCharset(bytes, contentType), hint: { contentType } };
}

/** Charsets a client may declare for text; without one the core detects UTF-8 or GB18030 itself. */
const CHARSETS: Record<string, string> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  gb18030: "gb18030",
  gbk: "gb18030",
  gb2312: "gb18030",
};

/** Text in a declared charset becomes a string; undeclared bytes are passed on for detection. */
export function decodeByCharset(bytes: Uint8Array, contentType: string): Uint8Array | string {
  const declared = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1]?.toLowerCase();
  if (!declared) return bytes;
  const label = CHARSETS[declared];
  if (!label) {
    throw new NianbaoError(
      "unsupported_media_type",
      `不支持的字符集：${declared}（支持 UTF-8、GB18030/GBK）`,
    );
  }
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch (e) {
    throw new NianbaoError(
      "unreadable_encoding",
      `请求内容不是合法的 ${declared.toUpperCase()} 文本`,
      {},
      { cause: e },
    );
  }
}
