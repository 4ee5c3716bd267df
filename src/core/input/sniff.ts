// What a file is, from its first bytes (and its name when the bytes cannot tell): docx, PDF, text, or a clear 415.
import { NianbaoError } from "../errors.ts";
import { listZip } from "./zip.ts";

export type FileFormat = "docx" | "pdf" | "text";

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const SAVE_AS_DOCX = "请在 Word/WPS 中另存为 .docx（或导出带文字的 PDF）后再提交";

const unsupported = (what: string, todo = SAVE_AS_DOCX) =>
  new NianbaoError("unsupported_file", `这是${what}，无法直接读取；${todo}`);

/** Image signatures: a photo or scan of a report has no text to read. */
const IMAGES: readonly [string, readonly number[]][] = [
  ["PNG 图片", [0x89, 0x50, 0x4e, 0x47]],
  ["JPEG 图片", [0xff, 0xd8, 0xff]],
  ["GIF 图片", ascii("GIF8")],
  ["TIFF 图片", [0x49, 0x49, 0x2a, 0x00]],
  ["TIFF 图片", [0x4d, 0x4d, 0x00, 0x2a]],
  ["BMP 图片", ascii("BM")],
];

/**
 * The format of `bytes`. Text (JSON, plain text, HTML) is anything that is not a known binary form;
 * a known binary form we cannot read throws unsupported_file (415) naming it and what to do.
 */
export function sniffFormat(bytes: Uint8Array, filename = ""): FileFormat {
  const name = filename.toLowerCase();
  if (findPdfHeader(bytes)) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const names = new Set(listZip(bytes).map((e) => e.name));
    if (names.has("word/document.xml")) return "docx";
    if (names.has("OFD.xml"))
      return fail(
        unsupported("OFD 版式文件", "请在数科/福昕 OFD 阅读器中导出带文字的 PDF，或提交 Word 原稿（.docx）"),
      );
    if (names.has("xl/workbook.xml"))
      return fail(unsupported("Excel 表格（.xlsx）", "请提交年报的 Word 原稿（.docx）或 PDF"));
    if (names.has("ppt/presentation.xml"))
      return fail(unsupported("PowerPoint 演示文稿", "请提交年报的 Word 原稿（.docx）或 PDF"));
    if (names.has("content.xml")) return fail(unsupported("OpenDocument 文件（.odt）"));
    return fail(unsupported("ZIP 压缩包", "请解压后逐个提交年报文件（.docx、PDF、文本或 HTML）"));
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const what = name.endsWith(".wps")
      ? "WPS 文字旧格式（.wps）"
      : name.endsWith(".xls") || name.endsWith(".et")
        ? "旧版表格文件"
        : "旧版 Word 文档（.doc）";
    return fail(unsupported(what));
  }
  if (startsWith(bytes, ascii("{\\rtf"))) return fail(unsupported("RTF 文档"));
  for (const [what, sig] of IMAGES)
    if (startsWith(bytes, sig))
      return fail(unsupported(what, "图片中没有可提取的文字，请提交年报的 Word 原稿（.docx）或带文字的 PDF"));
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8))
    return fail(
      unsupported("WebP 图片", "图片中没有可提取的文字，请提交年报的 Word 原稿（.docx）或带文字的 PDF"),
    );
  if (name.endsWith(".ofd"))
    return fail(unsupported("OFD 版式文件", "请导出带文字的 PDF，或提交 Word 原稿（.docx）"));
  return "text";
}

/** Some generators put a few bytes of junk before the header; the PDF rule allows it within the first 1024 bytes. */
function findPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i < end; i++)
    if (
      bytes[i] === 0x25 &&
      bytes[i + 1] === 0x50 &&
      bytes[i + 2] === 0x44 &&
      bytes[i + 3] === 0x46 &&
      bytes[i + 4] === 0x2d
    )
      return true;
  return false;
}

function fail(e: NianbaoError): never {
  throw e;
}
