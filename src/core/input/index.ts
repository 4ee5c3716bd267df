// The async step before analyzeInput: a .docx or PDF becomes HTML the parser reads (with each line's place), text and JSON pass through.
import type { InputHint } from "../analyze.ts";
import { NianbaoError } from "../errors.ts";
import { readDocx } from "./docx.ts";
import { blocksToHtml, type Locate, placeSources } from "./layout.ts";
import { type PdfOptions, readPdf } from "./pdf.ts";
import { type FileFormat, sniffFormat } from "./sniff.ts";

export type { DocBlock, Locate, Place } from "./layout.ts";
export { blocksToHtml, placeSources } from "./layout.ts";
export { type FileFormat, sniffFormat } from "./sniff.ts";

export interface ReadInput {
  /** What to hand to analyzeInput: the bytes or text as given, or the HTML made of a .docx/PDF. */
  input: Uint8Array | string;
  hint: InputHint;
  /** The file's format. */
  format: FileFormat;
  /**
   * For a .docx/PDF: the place (page, paragraph, table, row, cell) of a line (1-based) and column (1-based)
   * of the HTML in `input`, which is where the parser's `sources` point.
   */
  locate?: Locate;
}

export type { PdfOptions };

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The media types of the file formats read here (besides text, HTML and JSON). */
export const FILE_TYPES = { docx: DOCX_TYPE, pdf: "application/pdf" } as const;

/**
 * Reads the file's format from its bytes and turns a .docx or PDF into the HTML the parser reads.
 * Other input is passed on unchanged. Throws NianbaoError (unsupported_file, no_text_layer, encrypted_file,
 * damaged_file, input_limit) for a file that cannot be read.
 */
export async function readInput(
  input: Uint8Array | string,
  hint: InputHint = {},
  options: PdfOptions = {},
): Promise<ReadInput> {
  if (typeof input === "string") return { input, hint, format: "text" };
  const format = sniffFormat(input, hint.filename);
  if (format === "text") return { input, hint, format };
  const blocks = format === "docx" ? readDocx(input) : await readPdf(input, options);
  if (blocks.length === 0)
    throw format === "pdf"
      ? new NianbaoError("no_text_layer")
      : new NianbaoError("empty_input", "Word 文档中没有文字");
  const { html, locate } = blocksToHtml(blocks);
  return { input: html, hint: { ...hint, contentType: "text/html" }, format, locate };
}

/**
 * The one path from a request, upload or file to its analysis: read the file (a .docx/PDF into HTML), analyze what
 * that gave, and fill each cell source's page/paragraph/table/row/cell in. Every entry (HTTP, incoming/ uploads and
 * batches, the CLI) goes through here, so `sources` carry the places wherever a file came in.
 */
export async function readAndAnalyze<R extends object>(
  input: Uint8Array | string,
  hint: InputHint,
  analyze: (input: Uint8Array | string, hint: InputHint) => R | Promise<R>,
): Promise<R> {
  const read = await readInput(input, hint);
  return withPlaces(await analyze(read.input, read.hint), read);
}

/**
 * The result of analyzing what readInput gave, with each cell source's place in the .docx/PDF filled in
 * (page, paragraph, table, row, cell). Unchanged when there is no `sources` or no place to add.
 */
export function withPlaces<R extends object>(result: R, read: Pick<ReadInput, "locate">): R {
  const sources = (result as { sources?: Record<string, { line: number; column: number }> }).sources;
  if (!read.locate || !sources) return result;
  return { ...result, sources: placeSources(sources, read.locate) };
}
