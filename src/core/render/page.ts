// Page geometry of the official PDF (GB/T 9704 on A4): the one place its numbers are written.

/** Points in a millimetre. */
export const PT_PER_MM = 72 / 25.4;

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/**
 * The report page: margins 37 mm top, 28 mm left (binding side), 26 mm right, 35 mm bottom, leaving the
 * 156 × 225 mm text block that holds 22 lines of 28 characters of 16 pt body text.
 */
export const PAGE = {
  size: "A4",
  /** pdfmake order: left, top, right, bottom. */
  margins: [79.37, 104.88, 73.7, 99.21] as [number, number, number, number],
  /** 156 mm: the text block's width. */
  textWidth: 442.2,
  /** Line pitch: 22 lines in the 225 mm text block. */
  linePitch: (225 / 22) * PT_PER_MM,
  bodyFontSize: 16,
  charsPerLine: 28,
} as const;
