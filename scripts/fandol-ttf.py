# FandolFang (CID-keyed CFF OpenType) → TrueType for the body face; run by scripts/fonts.mjs (needs fontTools).
#
# Why: a PDF embeds a TrueType subset faster (pdfkit copies glyf records) and smaller than Fandol's unsubroutinised
# CFF charstrings. The conversion, in order, per glyph:
#   1. simplify (EPS font units of the source's 1000-unit em): a cubic whose two control points lie within EPS of its
#      chord becomes a line; a point between two lines within EPS of the line joining its neighbours is dropped;
#   2. scale to UPEM units per em (coordinates rounded to 1/UPEM em: 1/256 em is 0.06 pt at 16 pt);
#   3. cubic → quadratic (fontTools cu2qu) within TOL source units;
#   4. no hinting (Fandol's CFF hints are not carried over), post format 3 (no glyph names), no BASE table.
# Usage: python3 scripts/fandol-ttf.py SRC.otf OUT.ttf [TOL=4] [UPEM=256] [EPS=2]
import math
import sys

from fontTools.pens.basePen import AbstractPen
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable


def _dist(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    return abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / length


def _within(p, a, b):
    """p projects onto the segment ab (not beyond its ends)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    l2 = dx * dx + dy * dy
    if l2 == 0:
        return False
    t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2
    return 0 <= t <= 1


class SimplifyPen(AbstractPen):
    """Near-straight cubics become lines; a point between two nearly collinear lines is dropped (both within eps)."""

    def __init__(self, out, eps):
        self.out, self.eps, self.segs, self.start = out, eps, [], None
        # Points already dropped from the last line: each stays within eps of the line that replaces them.
        self.dropped = []

    def _near(self, p, a, b):
        return _dist(p, a, b) <= self.eps and _within(p, a, b)

    def _cur(self):
        return self.segs[-1][1][-1] if self.segs else self.start

    def moveTo(self, p):
        self.start, self.segs, self.dropped = p, [], []

    def lineTo(self, p):
        if self.segs and self.segs[-1][0] == "lineTo":
            prev = self.segs[-2][1][-1] if len(self.segs) >= 2 else self.start
            run = [*self.dropped, self.segs[-1][1][0]]
            if all(self._near(q, prev, p) for q in run):
                self.segs[-1], self.dropped = ("lineTo", (p,)), run
                return
        self.segs.append(("lineTo", (p,)))
        self.dropped = []

    def curveTo(self, *pts):
        start = self._cur()
        c1, c2, end = pts
        if self._near(c1, start, end) and self._near(c2, start, end):
            self.lineTo(end)
        else:
            self.segs.append(("curveTo", pts))
            self.dropped = []

    def qCurveTo(self, *pts):
        self.segs.append(("qCurveTo", pts))
        self.dropped = []

    def _flush(self):
        self.out.moveTo(self.start)
        for op, args in self.segs:
            getattr(self.out, op)(*args)
        self.segs = []

    def closePath(self):
        self._flush()
        self.out.closePath()

    def endPath(self):
        self._flush()
        self.out.endPath()

    def addComponent(self, glyph, transform):
        self.out.addComponent(glyph, transform)


SCALED = {
    "head": ("xMin", "yMin", "xMax", "yMax"),
    "hhea": ("ascent", "descent", "lineGap", "advanceWidthMax", "minLeftSideBearing", "minRightSideBearing",
             "xMaxExtent"),
    "OS/2": ("xAvgCharWidth", "ySubscriptXSize", "ySubscriptYSize", "ySubscriptXOffset", "ySubscriptYOffset",
             "ySuperscriptXSize", "ySuperscriptYSize", "ySuperscriptXOffset", "ySuperscriptYOffset",
             "yStrikeoutSize", "yStrikeoutPosition", "sTypoAscender", "sTypoDescender", "sTypoLineGap",
             "usWinAscent", "usWinDescent", "sxHeight", "sCapHeight"),
    "post": ("underlinePosition", "underlineThickness"),
}


def convert(src, dst, tol=4.0, upem=256, eps=2.0):
    font = TTFont(src)
    s = upem / font["head"].unitsPerEm
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        quad = Cu2QuPen(pen, tol * s, reverse_direction=True)
        glyphs[name].draw(SimplifyPen(TransformPen(quad, (s, 0, 0, s, 0, 0)), eps))
        glyf[name] = pen.glyph()
    del font["CFF "]
    if "BASE" in font:
        del font["BASE"]
    font["glyf"], font["loca"] = glyf, newTable("loca")
    font.sfntVersion = "\x00\x01\x00\x00"
    for tag, fields in SCALED.items():
        table = font[tag]
        for f in fields:
            if hasattr(table, f):
                setattr(table, f, int(round(getattr(table, f) * s)))
    hmtx = font["hmtx"]
    hmtx.metrics = {g: (int(round(a * s)), int(round(lsb * s))) for g, (a, lsb) in hmtx.metrics.items()}
    head = font["head"]
    head.unitsPerEm, head.glyphDataFormat = upem, 0
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 3.0, [], {}
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for f in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements",
              "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, f, 0)
    maxp.maxZones = 1
    font.save(dst)  # recomputes loca, maxp point counts, bounding boxes and hmtx side bearings


if __name__ == "__main__":
    a = sys.argv[1:]
    if len(a) < 2:
        sys.exit("usage: fandol-ttf.py SRC.otf OUT.ttf [TOL=4] [UPEM=256] [EPS=2]")
    convert(a[0], a[1], *(float(x) for x in a[2:3]), *(int(x) for x in a[3:4]), *(float(x) for x in a[4:5]))
