// The properties pdfmake leaves on tables and their cells while laying them out, cleared before a table is laid out again.
/** What pdfmake leaves on table cells and tables while laying them out, read again by a later layout. */
export const LAYOUT_STATE: readonly string[] = [
  "_bottomY",
  "_rowTopPageY",
  "_rowTopPageYPadding",
  "_willBreak",
  "_lastPageNumber",
  "_startingRowSpanY",
  "_startingRowSpanPage",
  "_endingCell",
  "_leftEndingCell",
  "_columnEndingContext",
  "_isUnbreakableContext",
  "_originalXOffset",
  "_bottomByPage",
  "_breaksBySpan",
];
