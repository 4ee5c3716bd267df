// The closed list of error codes, their HTTP status and retry flag, and the one place zod issues become errors.
import { z } from "zod";
import type { Finding } from "./model.ts";
import { pointer } from "./pointer.ts";

// zod's own messages in Chinese wherever a schema has no message of its own (every zod issue reaches users through
// fromZodError below); set once, when the error catalogue loads, before anything is parsed.
z.config(z.locales.zhCN());

export const ERROR_CODES = {
  invalid_json: { status: 400, retry: false, message: "请求内容不是合法的 JSON" },
  invalid_input: { status: 400, retry: false, message: "输入不符合要求" },
  empty_input: { status: 400, retry: false, message: "输入为空" },
  unreadable_encoding: {
    status: 400,
    retry: false,
    message: "无法识别文本编码（支持 UTF-8 与 GB18030/GBK）",
  },
  not_a_report: { status: 422, retry: false, message: "未能从输入中识别出政府信息公开工作年度报告" },
  invalid_report: { status: 422, retry: false, message: "报告数据存在错误" },
  unsupported_media_type: { status: 415, retry: false, message: "不支持的内容类型" },
  unsupported_file: {
    status: 415,
    retry: false,
    message: "不支持的文件格式（支持 .docx、带文字的 PDF、文本、HTML 与模型 JSON）",
  },
  no_text_layer: { status: 415, retry: false, message: "这是扫描版 PDF，没有可提取的文字" },
  encrypted_file: { status: 415, retry: false, message: "文件已加密，请去掉密码后再提交" },
  payload_too_large: { status: 413, retry: false, message: "请求内容超过大小限制" },
  input_limit: { status: 413, retry: false, message: "输入超过处理限制" },
  damaged_file: { status: 422, retry: false, message: "文件已损坏，无法读取" },
  unauthorized: { status: 401, retry: false, message: "需要有效的访问令牌" },
  forbidden: { status: 403, retry: false, message: "无权执行此操作" },
  not_found: { status: 404, retry: false, message: "未找到" },
  method_not_allowed: { status: 405, retry: false, message: "不支持的请求方法" },
  rate_limited: { status: 429, retry: true, message: "请求过于频繁，请稍后再试" },
  render_timeout: { status: 503, retry: true, message: "生成文件超时，请稍后再试" },
  storage_unavailable: { status: 503, retry: true, message: "存储暂时不可用，请稍后再试" },
  internal: { status: 500, retry: true, message: "服务内部错误" },
} as const satisfies Record<string, { status: number; retry: boolean; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorDetails {
  /** zod issues or other structured problems, safe to show. */
  issues?: { path: string; message: string }[];
  findings?: Finding[];
}

/** An error the user can act on. `message` is safe to show; `cause` is for logs only. */
export class NianbaoError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message?: string, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(message ?? ERROR_CODES[code].message, options);
    this.name = "NianbaoError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get retryable(): boolean {
    return ERROR_CODES[this.code].retry;
  }
}

export function isNianbaoError(e: unknown): e is NianbaoError {
  return e instanceof NianbaoError;
}

/** zod issues → one NianbaoError with JSON Pointer paths. The only place this conversion happens. */
export function fromZodError(error: z.ZodError, code: ErrorCode = "invalid_input"): NianbaoError {
  const issues = error.issues.map((issue) => ({
    path: pointer(...issue.path.map(String)),
    message: issue.message,
  }));
  const first = issues[0];
  const summary = first ? `${ERROR_CODES[code].message}：${first.path || "/"} ${first.message}` : undefined;
  return new NianbaoError(code, summary, { issues });
}
