// Reads a report from a request body: JSON, plain text (charset honoured by the core), HTML, or a multipart file.
import type { Context } from "hono";
import { NianbaoError } from "../core/errors.ts";
import type { InputHint } from "../service/engine.ts";
import type { AppEnv } from "./services.ts";

/** Media types accepted as a report; application/octet-stream lets the core detect the form. */
export const INPUT_TYPES = [
  "application/json",
  "text/plain",
  "text/html",
  "application/octet-stream",
] as const;

export interface RequestInput {
  input: Uint8Array;
  hint: InputHint;
}

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
  return { input: new Uint8Array(await c.req.arrayBuffer()), hint: { contentType } };
}
