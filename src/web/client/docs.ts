// The API explorer's script (served as /ui/docs.js): reads /openapi.json, Chinese summaries, try each operation, send a file.

interface Param {
  in: string;
  name: string;
  required?: boolean;
  description?: string;
  schema?: { description?: string };
}
interface Operation {
  summary?: string;
  description?: string;
  parameters?: Param[];
  requestBody?: { content: Record<string, unknown> };
  responses?: Record<string, { description?: string }>;
}

/** Chinese summaries by "METHOD path"; an operation not listed shows its English summary. */
const ZH: Record<string, string> = {
  "post /v1/reports": "检查、生成并发布报告（PDF、网页、JSON），得到稳定链接",
  "get /v1/reports": "列出某机关已发布的各版本（最新在前）",
  "post /v1/validate": "只检查不保存：解析报告并给出勾稽等问题",
  "post /v1/render": "只生成不保存：返回 PDF 或网页",
  "get /v1/reports/{ref}": "某一版本的信息，或它的 PDF、网页、JSON 文件",
  "get /r/{organ}/{file}": "固定链接：跳转到某机关某年度的最新版本",
  "post /v1/events/s3": "对象存储上传通知：转换 incoming/ 下的新文件",
  "get /healthz": "服务状态",
};

const esc = (s: unknown) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const EXT_TYPES: Record<string, string> = {
  json: "application/json",
  txt: "text/plain",
  html: "text/html",
  htm: "text/html",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

let uid = 0;

function operationHtml(method: string, path: string, op: Operation): string {
  const params = op.parameters ?? [];
  const types = op.requestBody
    ? Object.keys(op.requestBody.content).filter((t) => t !== "multipart/form-data")
    : [];
  const zh = ZH[`${method} ${path}`];
  const id = `op${uid++}`;
  const fields = params
    .map(
      (p, i) =>
        `<p><label for="${id}p${i}">${esc(p.in === "path" ? "路径" : p.in === "query" ? "查询" : p.in)}参数 <b>${esc(p.name)}</b>${p.required ? "（必填）" : ""}</label> ` +
        `<input type="text" id="${id}p${i}" name="${esc(`${p.in}:${p.name}`)}"> <span class="help">${esc(p.schema?.description ?? p.description ?? "")}</span></p>`,
    )
    .join("");
  const body = types.length
    ? `<p><label for="${id}ct">内容类型</label> <select id="${id}ct" name="ct">${types.map((t) => `<option>${esc(t)}</option>`).join("")}</select></p>` +
      `<p><label for="${id}file">上传文件（按扩展名设置内容类型）</label> <input type="file" id="${id}file" name="file" accept=".txt,.html,.htm,.json,.docx,.pdf"></p>` +
      `<p><label for="${id}body">或填写请求内容</label></p><textarea id="${id}body" name="body" rows="6"></textarea>`
    : "";
  const responses = Object.entries(op.responses ?? {})
    .map(([s, r]) => `<b>${esc(s)}</b> ${esc(r.description ?? "")}`)
    .join(" · ");
  return (
    `<summary><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code> — ${esc(zh ?? op.summary ?? "")}</summary>` +
    (zh && op.summary ? `<p class="help">${esc(op.summary)}</p>` : "") +
    (op.description ? `<p>${esc(op.description)}</p>` : "") +
    `<form>${fields}${body}<p><button type="submit">发送</button></p><pre hidden aria-live="polite"></pre></form>` +
    `<p class="help">响应：${responses}</p>`
  );
}

async function send(ev: SubmitEvent, method: string, path: string, op: Operation): Promise<void> {
  ev.preventDefault();
  const form = ev.target as HTMLFormElement;
  const data = new FormData(form);
  let url = path;
  const query = new URLSearchParams();
  for (const p of op.parameters ?? []) {
    const v = data.get(`${p.in}:${p.name}`);
    if (typeof v !== "string" || !v) continue;
    if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(v));
    else if (p.in === "query") query.set(p.name, v);
  }
  const headers: Record<string, string> = {};
  const token = (document.getElementById("token") as HTMLInputElement).value.trim();
  if (token) headers.authorization = `Bearer ${token}`;
  const init: RequestInit = { method: method.toUpperCase(), headers };
  if (op.requestBody) {
    const file = data.get("file");
    if (file instanceof File && file.size > 0) {
      const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
      headers["content-type"] = EXT_TYPES[ext] ?? (file.type || "application/octet-stream");
      init.body = await file.arrayBuffer();
    } else {
      const ct = String(data.get("ct"));
      headers["content-type"] = ct + (ct.startsWith("text/") ? "; charset=utf-8" : "");
      init.body = String(data.get("body") ?? "");
    }
  }
  const out = form.querySelector("pre") as HTMLPreElement;
  out.hidden = false;
  out.textContent = "…";
  try {
    const res = await fetch(url + (query.size ? `?${query}` : ""), init);
    const type = res.headers.get("content-type") ?? "";
    const text = type.includes("json")
      ? JSON.stringify(await res.json(), null, 2)
      : type.startsWith("text/")
        ? await res.text()
        : `（${type}，${(await res.arrayBuffer()).byteLength} 字节）`;
    out.textContent = `${res.status} ${res.statusText}\n${text}`;
  } catch (e) {
    out.textContent = `请求失败：${e}`;
  }
}

async function main(): Promise<void> {
  const spec = (await (await fetch("/openapi.json")).json()) as {
    paths: Record<string, Record<string, Operation>>;
  };
  const ops = document.getElementById("ops") as HTMLElement;
  ops.textContent = "";
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const d = document.createElement("details");
      d.innerHTML = operationHtml(method, path, op);
      d.querySelector("form")?.addEventListener("submit", (ev) => void send(ev, method, path, op));
      ops.appendChild(d);
    }
  }
}

main().catch((e) => {
  (document.getElementById("ops") as HTMLElement).textContent = `无法读取 openapi.json：${e}`;
});
