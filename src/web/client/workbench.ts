// The workbench's one script (served as /ui/workbench.js): check a report, mark its cells, correct, preview, publish.

import { defaultTitle } from "../../core/labels.ts";
import type { Finding, Report } from "../../core/model.ts";
import { halfWidthChar } from "../../core/text/digits.ts";
import { escapeHtml, findingsHtml, type Source, sourceHtml, tablesHtml } from "../tables-html.ts";

interface Checked {
  report: Report;
  findings: Finding[];
  sources?: Record<string, Source>;
}

const TOKEN_KEY = "nianbao.token";
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

const form = $<HTMLFormElement>("input-form");
const fileInput = $<HTMLInputElement>("file");
const textInput = $<HTMLTextAreaElement>("text");
const drop = $<HTMLElement>("drop");
const status = $<HTMLElement>("status");
const alertBox = $<HTMLElement>("alert");
const results = $<HTMLElement>("results");
const tables = $<HTMLFormElement>("tables");
const findingsBox = $<HTMLElement>("findings");
const sourceBox = $<HTMLElement>("source");
const previewBox = $<HTMLElement>("preview");
const linksBox = $<HTMLElement>("links");
const tokenInput = document.getElementById("token") as HTMLInputElement | null;

let current: Checked | null = null;
/** Where each value was read in the input the user first gave; kept across re-checks of corrected JSON. */
let sources: Record<string, Source> = {};
/** Cells the user changed since the input was read: path → the value first read. */
const edited = new Map<string, string>();
let previewUrl: string | null = null;

function say(message: string): void {
  alertBox.hidden = true;
  status.textContent = message;
}

function fail(message: string): void {
  alertBox.hidden = false;
  alertBox.textContent = message;
  status.textContent = "";
}

const authHeaders = (): Record<string, string> => {
  const token = tokenInput?.value.trim();
  return token ? { authorization: `Bearer ${token}` } : {};
};

if (tokenInput) {
  tokenInput.value = sessionStorage.getItem(TOKEN_KEY) ?? "";
  tokenInput.addEventListener("change", () => sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim()));
}

/** The server's Chinese error message, or a plain one when the answer is not our JSON error. */
async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; findings?: Finding[] } };
    if (body.error?.message) {
      if (res.status === 401 || res.status === 403) tokenInput?.focus();
      return `${body.error.message}（${body.error.code}，HTTP ${res.status}）`;
    }
  } catch {
    // not JSON: fall through
  }
  return `服务器返回 HTTP ${res.status}`;
}

async function post(url: string, body: BodyInit, type: string, extra: Record<string, string> = {}) {
  return fetch(url, { method: "POST", body, headers: { "content-type": type, ...authHeaders(), ...extra } });
}

const TYPES: Record<string, string> = {
  json: "application/json",
  txt: "text/plain",
  text: "text/plain",
  md: "text/plain",
  html: "text/html",
  htm: "text/html",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

function typeOf(file: File): string {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
  return TYPES[ext] ?? (file.type || "application/octet-stream");
}

function counts(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  return `${errors} 个错误，${warnings} 个警告${errors + warnings === 0 ? "，没有发现问题" : ""}`;
}

function draw(checked: Checked): void {
  current = checked;
  tables.innerHTML = tablesHtml(checked.report, checked.findings);
  findingsBox.innerHTML = findingsHtml(checked.report, checked.findings);
  for (const [path] of edited) {
    const input = tables.querySelector<HTMLInputElement>(`input[data-path="${CSS.escape(path)}"]`);
    input?.parentElement?.classList.add("edited");
  }
  $("report-title").textContent =
    `${checked.report.organ} ${checked.report.year} 年度（${checked.report.edition} 版表格）`;
  results.hidden = false;
}

async function check(body: BodyInit, type: string, what: string, fresh: boolean): Promise<void> {
  say(`正在检查${what}…`);
  let res: Response;
  try {
    res = await post("/v1/validate", body, type);
  } catch {
    fail("无法连接服务器，请稍后再试。");
    return;
  }
  if (!res.ok) {
    fail(`检查失败：${await errorMessage(res)}`);
    return;
  }
  const checked = (await res.json()) as Checked;
  if (fresh) {
    sources = checked.sources ?? {};
    edited.clear();
    linksBox.innerHTML = "";
    clearPreview();
  }
  draw(checked);
  sourceBox.innerHTML = "";
  say(`检查完成：${counts(checked.findings)}。`);
}

async function checkFile(file: File): Promise<void> {
  const type = typeOf(file);
  await check(await file.arrayBuffer(), type, `「${file.name}」`, true);
}

form.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const file = fileInput.files?.[0];
  const text = textInput.value;
  if (text.trim()) {
    const type = /^\s*[{[]/.test(text) ? "application/json" : "text/plain; charset=utf-8";
    void check(text, type, "粘贴的文本", true);
  } else if (file) void checkFile(file);
  else fail("请选择文件或粘贴报告文本。");
});

fileInput.addEventListener("change", () => {
  const file = fileInput.files?.[0];
  if (file) {
    textInput.value = "";
    void checkFile(file);
  }
});

drop.addEventListener("dragover", (ev) => {
  ev.preventDefault();
  drop.classList.add("over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (ev) => {
  ev.preventDefault();
  drop.classList.remove("over");
  const file = ev.dataTransfer?.files[0];
  if (file) {
    textInput.value = "";
    void checkFile(file);
  }
});

/** Shows where a cell's value came from in the input. */
function showSource(path: string): void {
  const input = tables.querySelector<HTMLInputElement>(`input[data-path="${CSS.escape(path)}"]`);
  const label = input?.getAttribute("aria-label") ?? path;
  const src = sourceHtml(sources[path]);
  const was = edited.get(path);
  const note = was !== undefined ? `（已修改，原值「${escapeHtml(was)}」）` : "";
  sourceBox.innerHTML = src
    ? `<b>${escapeHtml(label)}</b>${note} 来自输入${src}`
    : `<b>${escapeHtml(label)}</b>${note}：${current && Object.keys(sources).length === 0 ? "输入是 JSON 或没有来源信息。" : "此值没有在输入文本中找到对应位置。"}`;
}

tables.addEventListener("focusin", (ev) => {
  const path = (ev.target as HTMLElement).dataset.path;
  if (path) showSource(path);
});
tables.addEventListener("click", (ev) => {
  const path = (ev.target as HTMLElement).dataset.path;
  if (path) showSource(path);
});
tables.addEventListener("change", (ev) => {
  const input = ev.target as HTMLInputElement;
  const path = input.dataset.path;
  if (!path || !current) return;
  if (!edited.has(path)) edited.set(path, input.defaultValue);
  input.parentElement?.classList.add("edited");
  say("已修改，请按「重新检查」。");
});

/** ↑/↓ in a cell move to the cell above or below (nearest by position: the tables have merged cells). */
tables.addEventListener("keydown", (ev) => {
  if ((ev.key !== "ArrowDown" && ev.key !== "ArrowUp") || ev.altKey || ev.ctrlKey || ev.metaKey) return;
  const from = ev.target as HTMLElement;
  if (!from.dataset.path) return;
  const r = from.getBoundingClientRect();
  const x = r.left + r.width / 2;
  const down = ev.key === "ArrowDown";
  let best: HTMLInputElement | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const input of tables.querySelectorAll<HTMLInputElement>("input[data-path]")) {
    const b = input.getBoundingClientRect();
    const dy = down ? b.top - r.bottom : r.top - b.bottom;
    if (dy < -1) continue;
    const score = dy * 1000 + Math.abs(b.left + b.width / 2 - x);
    if (score < bestScore) {
      bestScore = score;
      best = input;
    }
  }
  if (best) {
    ev.preventDefault();
    best.focus();
    best.select();
  }
});

findingsBox.addEventListener("click", (ev) => {
  const button = (ev.target as HTMLElement).closest<HTMLButtonElement>("button[data-goto]");
  const path = button?.dataset.goto;
  if (!path) return;
  const input = tables.querySelector<HTMLInputElement>(`input[data-path="${CSS.escape(path)}"]`);
  if (input) {
    input.focus();
    input.scrollIntoView({ block: "center", inline: "center" });
  } else {
    const src = sourceHtml(sources[path]);
    sourceBox.innerHTML = src ? `来自输入${src}` : "此项没有在输入文本中对应的位置。";
  }
});

/** A number as typed: blank is null (never 0), full-width digits and thousands separators read; else NaN. */
function readNumber(raw: string): number | null {
  const s = raw
    .trim()
    .replace(/[０-９．]/g, halfWidthChar)
    .replace(/[,，]/g, "");
  if (s === "" || s === "/" || s === "—" || s === "-") return null;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

function setPointer(target: unknown, path: string, value: number | null): void {
  const keys = path.split("/").slice(1);
  let node = target as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
}

/** The report as shown, with the cells as corrected; null (and the bad cells marked) when one is not a number. */
function correctedReport(): Report | null {
  if (!current) return null;
  const report = structuredClone(current.report);
  let bad: HTMLInputElement | null = null;
  for (const input of tables.querySelectorAll<HTMLInputElement>("input[data-path]")) {
    const value = readNumber(input.value);
    if (Number.isNaN(value)) {
      input.setAttribute("aria-invalid", "true");
      input.parentElement?.classList.add("err");
      bad ??= input;
      continue;
    }
    setPointer(report, input.dataset.path as string, value);
  }
  if (bad) {
    fail(`「${bad.getAttribute("aria-label")}」不是数字：请填写数字，或留空表示无数据。`);
    bad.focus();
    return null;
  }
  return report;
}

tables.addEventListener("submit", (ev) => {
  ev.preventDefault();
  const report = correctedReport();
  if (report) void check(JSON.stringify(report), "application/json", "修改后的报告", false);
});

/** 「无障碍 PDF」 is ticked: preview and publish ask for a tagged PDF (its own id when published). */
const tagged = (): boolean => $<HTMLInputElement>("tagged").checked;

function clearPreview(): void {
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = null;
  previewBox.innerHTML = "";
}

$("preview-button").addEventListener("click", async () => {
  const report = correctedReport();
  if (!report) return;
  say("正在生成 PDF 预览…");
  const res = await post(
    `/v1/render?format=pdf&force=true${tagged() ? "&tagged=true" : ""}`,
    JSON.stringify(report),
    "application/json",
  );
  if (!res.ok) {
    fail(`预览失败：${await errorMessage(res)}`);
    return;
  }
  clearPreview();
  previewUrl = URL.createObjectURL(new Blob([await res.arrayBuffer()], { type: "application/pdf" }));
  previewBox.innerHTML = `<iframe title="PDF 预览" src="${previewUrl}"></iframe><p><a href="${previewUrl}" download="预览.pdf">下载预览 PDF</a></p>`;
  say("PDF 预览已生成（尚未发布）。");
});

function linkRow(label: string, href: string): string {
  const h = escapeHtml(href);
  let shown = href;
  try {
    shown = decodeURI(href);
  } catch {
    // not decodable: show it as it is
  }
  return `<li><span>${escapeHtml(label)}</span> <a href="${h}">${escapeHtml(shown)}</a> <button type="button" class="copy" data-copy="${h}">复制</button></li>`;
}

$("publish-button").addEventListener("click", async () => {
  const report = correctedReport();
  if (!report) return;
  say("正在发布…");
  const res = await post(
    `/v1/reports${tagged() ? "?tagged=true" : ""}`,
    JSON.stringify(report),
    "application/json",
    {
      prefer: "return=minimal",
    },
  );
  if (res.status === 422) {
    const body = (await res.clone().json()) as { error?: { findings?: Finding[] } };
    if (body.error?.findings) draw({ report, findings: body.error.findings });
  }
  if (!res.ok) {
    fail(`未发布：${await errorMessage(res)}`);
    return;
  }
  const body = (await res.json()) as {
    created: boolean;
    links: { pdf: string; html: string };
    portal: { pdf: string; html: string };
  };
  const organ = encodeURIComponent(report.organ);
  const origin = location.origin;
  const organPage = `${origin}/r/${organ}/`;
  const fragment = `${origin}/r/${organ}/${report.year}.fragment.html`;
  const abs = (u: string) => new URL(u, origin).href;
  linksBox.innerHTML =
    `<h3 id="links-h">${body.created ? "已发布" : "此前已发布（内容相同，未重复写入）"}</h3><ul class="links" aria-labelledby="links-h">` +
    linkRow("本版 PDF", abs(body.links.pdf)) +
    linkRow("本版 HTML", abs(body.links.html)) +
    linkRow("固定链接 PDF（始终指向最新版）", abs(body.portal.pdf)) +
    linkRow("固定链接 HTML", abs(body.portal.html)) +
    linkRow("本机关历年报告页", organPage) +
    linkRow("供门户嵌入的片段", fragment) +
    "</ul>" +
    `<label for="snippet">嵌入门户的代码</label><textarea id="snippet" readonly rows="3">${escapeHtml(
      `<iframe src="${abs(body.portal.html)}" title="${defaultTitle(report.organ, report.year)}" style="width:100%;height:80vh;border:0"></iframe>`,
    )}</textarea>`;
  say(body.created ? "发布成功，链接见下方。" : "此报告此前已发布，链接见下方。");
  linksBox.querySelector("a")?.focus();
});

linksBox.addEventListener("click", (ev) => {
  const button = (ev.target as HTMLElement).closest<HTMLButtonElement>("button[data-copy]");
  if (!button) return;
  navigator.clipboard?.writeText(button.dataset.copy ?? "").then(
    () => say("已复制链接。"),
    () => say("无法自动复制，请选中链接后复制。"),
  );
});
