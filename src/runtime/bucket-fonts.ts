// The fonts a Worker loads from its bucket (under fonts/): the display faces and an optional full fallback font.

/** Object keys (below the prefix) by role; `npm run fonts:upload` puts the display faces from fonts/ there. */
export const BUCKET_FONTS = {
  title: "NotoSerifSC-Black.ttf",
  heading: "NotoSansSC-Regular.ttf",
  subheading: "NianbaoKai-Regular.ttf",
  /** A full font (e.g. NotoSerifSC_400Regular.ttf from the npm package) for characters outside GB2312. */
  fallback: "fallback.ttf",
} as const;

/** Key prefix of the fonts in the bucket. */
export const FONT_PREFIX = "fonts/";
