# Blind-corpus generator helpers: the model from compact numbers, table renderers per layout, noise edits.
import json
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "blind")

APPL = ["natural", "commercial", "research", "nonprofit", "legal", "otherOrg", "total"]
APPEAL = ["upheld", "corrected", "other", "pending", "total"]
GROUPS = ["review", "litigationDirect", "litigationAfterReview"]

RESULT_GROUP = "三、本年度办理结果"


def request_rows(edition):
    """(path, label cells as in the Word table, official leaf label) in document order."""
    rows = [
        (("received",), ["一、本年新收政府信息公开申请数量"]),
        (("carriedOver",), ["二、上年结转政府信息公开申请数量"]),
        (("granted",), [RESULT_GROUP, "（一）予以公开"]),
        (("partiallyGranted",), ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]),
    ]
    withheld = [
        ("stateSecret", "1.属于国家秘密"),
        ("prohibitedByLaw", "2.其他法律行政法规禁止公开"),
        ("threeSecurities", "3.危及“三安全一稳定”"),
        ("thirdParty", "4.保护第三方合法权益"),
        ("internalAffairs", "5.属于三类内部事务信息"),
        ("processInfo", "6.属于四类过程性信息"),
        ("enforcementFiles", "7.属于行政执法案卷"),
        ("queryMatters", "8.属于行政查询事项"),
    ]
    for i, (k, lab) in enumerate(withheld):
        rows.append((("withheld", k), ["", "（三）不予公开" if i == 0 else "", lab]))
    unav = [
        ("notHeld", "1.本机关不掌握相关政府信息"),
        ("needsCreation", "2.没有现成信息需要另行制作"),
        ("unclear", "3.补正后申请内容仍不明确"),
    ]
    for i, (k, lab) in enumerate(unav):
        rows.append((("unavailable", k), ["", "（四）无法提供" if i == 0 else "", lab]))
    np_ = [
        ("petition", "1.信访举报投诉类申请"),
        ("duplicate", "2.重复申请"),
        ("publication", "3.要求提供公开出版物"),
        ("excessive", "4.无正当理由大量反复申请"),
        ("confirmation", "5.要求行政机关确认或重新出具已获取信息"),
    ]
    for i, (k, lab) in enumerate(np_):
        rows.append((("notProcessed", k), ["", "（五）不予处理" if i == 0 else "", lab]))
    if edition == "2019":
        rows.append((("otherHandling",), ["", "（六）其他处理"]))
    else:
        oh = [
            ("noCorrection", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            ("unpaidFee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
            ("other", "3.其他"),
        ]
        for i, (k, lab) in enumerate(oh):
            rows.append((("otherHandling", k), ["", "（六）其他处理" if i == 0 else "", lab]))
    rows.append((("handledTotal",), ["", "（七）总计"]))
    rows.append((("carriedForward",), ["四、结转下年度继续办理"]))
    return rows


def proactive_blocks(edition):
    if edition == "2021":
        return [
            ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], ["issued", "repealed", "inForce"],
             [("regulations", "规章"), ("normativeDocuments", "行政规范性文件")]),
            ("第二十条第（五）项", ["本年处理决定数量"], ["decisions"], [("licensing", "行政许可")]),
            ("第二十条第（六）项", ["本年处理决定数量"], ["decisions"], [("penalties", "行政处罚"), ("coercion", "行政强制")]),
            ("第二十条第（八）项", ["本年收费金额（单位：万元）"], ["amountWan"], [("fees", "行政事业性收费")]),
        ]
    return [
        ("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"], ["made", "published", "inForce"],
         [("regulations", "规章"), ("normativeDocuments", "规范性文件")]),
        ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"], ["lastYear", "change", "decisions"],
         [("licensing", "行政许可"), ("otherServices", "其他对外管理服务事项")]),
        ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"], ["lastYear", "change", "decisions"],
         [("penalties", "行政处罚"), ("coercion", "行政强制")]),
        ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], ["lastYear", "change"], [("fees", "行政事业性收费")]),
        ("第二十条第（九）项", ["采购项目数量", "采购总金额"], ["projects", "amountWan"], [("procurement", "政府集中采购")]),
    ]


def get(tree, path):
    for k in path:
        tree = tree[k]
    return tree


def setp(tree, path, value):
    for k in path[:-1]:
        tree = tree.setdefault(k, {})
    tree[path[-1]] = value


def build_requests(edition, received, carried_over, results, blank_parts=()):
    """received/carried_over: six applicant numbers. results: {path-string: six numbers}.
    Totals by R2, handledTotal by R3, carriedForward by R1. blank_parts: row paths whose six parts are blank (null)."""
    req = {}
    zero = [0] * 6
    handled = [0] * 6
    for path, _ in request_rows(edition):
        key = "/".join(path)
        if path == ("received",):
            six = received
        elif path == ("carriedOver",):
            six = carried_over
        elif path == ("handledTotal",):
            six = handled
        elif path == ("carriedForward",):
            six = [received[i] + carried_over[i] - handled[i] for i in range(6)]
            assert min(six) >= 0, six
        else:
            six = results.get(key, zero)
            handled = [handled[i] + six[i] for i in range(6)]
        row = dict(zip(APPL[:6], six))
        row["total"] = sum(six)
        if key in blank_parts:
            for c in APPL[:6]:
                row[c] = None
        setp(req, list(path), row)
    return req


def build_appeals(groups):
    """groups: {group: [upheld, corrected, other, pending]} (missing → zeros)."""
    out = {}
    for g in GROUPS:
        four = groups.get(g, [0, 0, 0, 0])
        out[g] = dict(zip(APPEAL[:4], four))
        out[g]["total"] = sum(x for x in four if x is not None)
    return out


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, float):
        s = f"{v:.4f}".rstrip("0").rstrip(".")
        return s
    return str(v)


class Doc:
    """The model plus a display override per cell (the text as printed)."""

    def __init__(self, edition, organ, year, issued_on, proactive, requests, appeals):
        self.model = {
            "edition": edition,
            "organ": organ,
            "year": year,
            "issuedOn": issued_on,
            "proactive": proactive,
            "requests": requests,
            "appeals": appeals,
        }
        self.show = {}  # "/requests/received/natural" -> text

    def disp(self, table, path, col):
        ptr = "/" + "/".join([table, *path, col])
        if ptr in self.show:
            return self.show[ptr]
        return fmt(get(self.model[table], list(path))[col])

    # ---- rows as lists of cells ------------------------------------------------
    def proactive_rows(self):
        """[(kind, cells)] kind: article | header | data."""
        out = []
        for art, heads, cols, rows in proactive_blocks(self.model["edition"]):
            out.append(("article", [art]))
            out.append(("header", ["信息内容", *heads]))
            for key, lab in rows:
                out.append(("data", [lab, *[self.disp("proactive", [key], c) for c in cols]]))
        return out

    def request_rows(self):
        out = []
        for path, labels in request_rows(self.model["edition"]):
            out.append((labels, [self.disp("requests", list(path), c) for c in APPL]))
        return out

    def appeal_values(self):
        return [self.disp("appeals", [g], c) for g in GROUPS for c in APPEAL]

    def write(self, name, text, expect, encoding="utf-8", ext=None):
        m = dict(self.model)
        m["expect"] = expect
        base = os.path.join(OUT, name)
        ext = ext or (".html" if text.lstrip().startswith("<") else ".txt")
        if encoding == "gb18030" and ext != ".html":
            ext = ".gb18030.txt"
        with open(base + ext, "wb") as f:
            f.write(text.encode(encoding))
        with open(base + ".expected.json", "w", encoding="utf-8") as f:
            json.dump(m, f, ensure_ascii=False, indent=1)
            f.write("\n")


def noise(text, edits):
    """Hand edits: (old, new[, count]) — each old must occur."""
    for e in edits:
        old, new = e[0], e[1]
        count = e[2] if len(e) > 2 else 1
        assert old in text, f"noise: not found: {old!r}"
        text = text.replace(old, new, count)
    return text


# ---- table renderers -----------------------------------------------------------

REQ_HEAD_CELL = [
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
    ["", "自然人", "法人或其他组织", "总计"],
    ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
]
APPEAL_HEAD = [
    ["行政复议", "行政诉讼"],
    ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
    ["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
]


def cell_lines(rows, pad=""):
    """Word copy of merged cells: every cell on its own line behind a tab, blank line between rows."""
    return "\n\n".join("\n".join("\t" + c + pad for c in r) for r in rows) + "\n\n"


def tab_lines(rows):
    return "\n".join("\t".join(r) for r in rows) + "\n"


def md_lines(rows, width=None):
    width = width or max(len(r) for r in rows)
    out = []
    for i, r in enumerate(rows):
        cells = list(r) + [""] * (width - len(r))
        out.append("| " + " | ".join(cells) + " |")
        if i == 0:
            out.append("|" + "---|" * width)
    return "\n".join(out) + "\n"


def proactive_table(doc, style):
    rows = [c for _, c in doc.proactive_rows()]
    return render(rows, style)


def requests_table(doc, style, with_head=True):
    rows = []
    if with_head:
        rows += [list(r) for r in REQ_HEAD_CELL]
    for labels, vals in doc.request_rows():
        rows.append([*labels, *vals])
    return render(rows, style)


def appeals_table(doc, style):
    rows = [list(r) for r in APPEAL_HEAD] + [doc.appeal_values()]
    return render(rows, style)


def render(rows, style):
    if style == "cell":
        return cell_lines(rows)
    if style == "tab":
        return tab_lines(rows)
    if style == "md":
        return md_lines(rows)
    raise ValueError(style)


# ---- the rules, to compute expect.errors from the model ------------------------------


def _n(v):
    return 0 if v is None else v


def rule_errors(model):
    ed = model["edition"]
    req = model["requests"]
    rows = [p for p, _ in request_rows(ed)]
    results = [p for p in rows if p[0] not in ("received", "carriedOver", "handledTotal", "carriedForward")]
    errs = []
    for c in APPL:
        left = _n(get(req, ["received", c])) + _n(get(req, ["carriedOver", c]))
        right = _n(get(req, ["handledTotal", c])) + _n(get(req, ["carriedForward", c]))
        if left != right:
            errs.append(f"/requests/received/{c}")
    for p in rows:
        r = get(req, list(p))
        if _n(r["total"]) != sum(_n(r[c]) for c in APPL[:6]):
            errs.append("/requests/" + "/".join(p) + "/total")
    for c in APPL:
        s = sum(_n(get(req, [*p, c])) for p in results)
        if s != _n(get(req, ["handledTotal", c])):
            errs.append(f"/requests/handledTotal/{c}")
    for g in GROUPS:
        r = model["appeals"][g]
        if _n(r["total"]) != sum(_n(r[c]) for c in APPEAL[:4]):
            errs.append(f"/appeals/{g}/total")
    return sorted(errs)


# ---- prose ---------------------------------------------------------------------------


def overview(org, year, extra=""):
    return (
        f"{year}年，{org}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》和上级关于政务公开工作的部署要求，"
        f"围绕中心工作，进一步健全制度、规范流程、丰富载体，推动政府信息公开工作取得新成效。{extra}\n"
    )


PROBLEMS = [
    "{year}年，我{short}政府信息公开工作虽然取得了一定成效，但仍存在一些不足：一是信息公开的深度和广度还需进一步拓展，政策解读形式较为单一；二是工作人员业务能力有待提高，依申请公开答复的规范性仍需加强。\n下一步，我{short}将进一步加强对《条例》的学习培训，完善信息发布审核机制，丰富政策解读形式，持续提升政府信息公开工作质量。\n",
    "一是主动公开的及时性有待提高，个别栏目更新不够及时；二是公开内容与群众需求的契合度不够高。\n整改措施：一是建立栏目更新提醒和定期自查制度，确保信息及时更新；二是围绕群众关切加大重点领域信息公开力度，提高图解、视频等多样化解读比例。\n",
    "主要问题：政务公开专兼职人员变动较大，业务培训不够系统；信息公开平台功能有待完善。\n改进情况：{year}年我{short}组织开展专题培训2次，对政府信息公开专栏进行了全面梳理，下一步将继续加强队伍建设，推动平台标准化规范化。\n",
]

OTHER = [
    "本年度未收取信息处理费。\n",
    "根据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。无其他需要报告的事项。\n",
    "无。\n",
    "{year}年度，我{short}未发生因政府信息公开引发的行政复议、行政诉讼案件。本年度未收取信息处理费。\n",
]


def pick(lst, i, **kw):
    return lst[i % len(lst)].format(**kw)


# ---- crawler text: cells run together; check that a careful reader can still split them ---------


def splits(digits, n):
    """Every way to cut a digit string into n numbers without leading zeros."""
    if n == 0:
        if digits == "":
            yield ()
        return
    for i in range(1, len(digits) - n + 2):
        head = digits[:i]
        if len(head) > 1 and head[0] == "0":
            break
        for rest in splits(digits[i:], n - 1):
            yield (int(head), *rest)


def run_row(values):
    return "".join(fmt(v) for v in values)


def unique_r2(values):
    s = run_row(values)
    ok = [t for t in splits(s, 7) if sum(t[:6]) == t[6]]
    return len(ok) == 1, ok


def unique_r4(values):
    s = run_row(values)
    ok = [t for t in splits(s, 15) if all(sum(t[g * 5:g * 5 + 4]) == t[g * 5 + 4] for g in range(3))]
    return len(ok) == 1, ok


# ---- model helpers ----


def expect(doc, notes, errors=None):
    errs = rule_errors(doc.model)
    if errors is not None:
        assert sorted(errors) == errs, (errors, errs)
    return {"errors": errs, "notes": notes}


def p21(reg, nd, lic, pen, coe, fee):
    return {
        "regulations": dict(zip(["issued", "repealed", "inForce"], reg)),
        "normativeDocuments": dict(zip(["issued", "repealed", "inForce"], nd)),
        "licensing": {"decisions": lic},
        "penalties": {"decisions": pen},
        "coercion": {"decisions": coe},
        "fees": {"amountWan": fee},
    }


def p19(reg, nd, lic, oth, pen, coe, fee, proc):
    t3 = ["lastYear", "change", "decisions"]
    return {
        "regulations": dict(zip(["made", "published", "inForce"], reg)),
        "normativeDocuments": dict(zip(["made", "published", "inForce"], nd)),
        "licensing": dict(zip(t3, lic)),
        "otherServices": dict(zip(t3, oth)),
        "penalties": dict(zip(t3, pen)),
        "coercion": dict(zip(t3, coe)),
        "fees": dict(zip(["lastYear", "change"], fee)),
        "procurement": dict(zip(["projects", "amountWan"], proc)),
    }




# ---- HTML tables with the official rowspan/colspan --------------------------------------


def td(text, rs=1, cs=1, word=False):
    attrs = ""
    if rs > 1:
        attrs += f' rowspan="{rs}"' if not word else f" rowspan={rs}"
    if cs > 1:
        attrs += f' colspan="{cs}"' if not word else f" colspan={cs}"
    if word:
        body = text if text else "<o:p>&nbsp;</o:p>"
        if text and not text.startswith("<"):
            # Word splits runs at odd places; digits get lang=EN-US
            if text.isdigit() or text.replace(".", "").isdigit():
                body = f"<span lang=EN-US style='font-size:10.5pt;font-family:\"Times New Roman\",serif'>{text}<o:p></o:p></span>"
            else:
                cut = max(1, len(text) // 2)
                body = (f"<span style='font-size:10.5pt;font-family:宋体;mso-ascii-font-family:\"Times New Roman\"'>{text[:cut]}</span>"
                        f"<span style='font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体'>{text[cut:]}<o:p></o:p></span>")
        return (f"<td{attrs} valign=middle style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>"
                f"<p class=MsoNormal align=center style='text-align:center;mso-line-height-rule:exactly;line-height:15.0pt'>{body}</p></td>")
    return f"<td{attrs}>{text}</td>"


def tr(cells, word=False):
    sep = "\n  " if word else ""
    return "<tr>" + sep + sep.join(cells) + "</tr>\n"


def html_proactive(doc, word=False, table_attrs='border="1" cellspacing="0"'):
    from lib import proactive_blocks
    ed = doc.model["edition"]
    out = f"<table {table_attrs}>\n<tbody>\n"
    for art, heads, cols, rows in proactive_blocks(ed):
        out += tr([td(art, cs=4, word=word)], word)
        if len(heads) == 1:
            out += tr([td("信息内容", word=word), td(heads[0], cs=3, word=word)], word)
        elif len(heads) == 2:
            out += tr([td("信息内容", word=word), td(heads[0], word=word), td(heads[1], cs=2, word=word)], word)
        else:
            out += tr([td("信息内容", word=word)] + [td(h, word=word) for h in heads], word)
        for key, lab in rows:
            vals = [doc.disp("proactive", [key], c) for c in cols]
            if len(vals) == 1:
                out += tr([td(lab, word=word), td(vals[0], cs=3, word=word)], word)
            elif len(vals) == 2:
                out += tr([td(lab, word=word), td(vals[0], word=word), td(vals[1], cs=2, word=word)], word)
            else:
                out += tr([td(lab, word=word)] + [td(v, word=word) for v in vals], word)
    return out + "</tbody>\n</table>\n"


def html_requests(doc, word=False, table_attrs='border="1" cellspacing="0"'):
    ed = doc.model["edition"]
    out = f"<table {table_attrs}>\n<tbody>\n"
    out += tr([td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rs=3, cs=3, word=word),
               td("申请人情况", cs=7, word=word)], word)
    out += tr([td("自然人", rs=2, word=word), td("法人或其他组织", cs=5, word=word), td("总计", rs=2, word=word)], word)
    out += tr([td(x, word=word) for x in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]], word)
    span = {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3 if ed == "2021" else 1}
    results_rows = 2 + 8 + 3 + 5 + (3 if ed == "2021" else 1) + 1
    for labels, vals in doc.request_rows():
        v = [td(x, word=word) for x in vals]
        if len(labels) == 1:
            out += tr([td(labels[0], cs=3, word=word)] + v, word)
            continue
        cells = []
        if labels[0] == RESULT_GROUP:
            cells.append(td(RESULT_GROUP, rs=results_rows, word=word))
        if len(labels) == 2:
            if labels[1] == "（六）其他处理" and ed == "2019":
                cells.append(td(labels[1], cs=2, word=word))
            else:
                cells.append(td(labels[1], cs=2, word=word))
        else:
            if labels[1]:
                cells.append(td(labels[1], rs=span[labels[1]], word=word))
            cells.append(td(labels[2], word=word))
        out += tr(cells + v, word)
    return out + "</tbody>\n</table>\n"


def html_appeals(doc, word=False, table_attrs='border="1" cellspacing="0"'):
    out = f"<table {table_attrs}>\n<tbody>\n"
    out += tr([td("行政复议", cs=5, word=word), td("行政诉讼", cs=10, word=word)], word)
    out += tr([td(x, rs=2, word=word) for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]]
              + [td("未经复议直接起诉", cs=5, word=word), td("复议后起诉", cs=5, word=word)], word)
    out += tr([td(x, word=word) for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2], word)
    out += tr([td(x, word=word) for x in doc.appeal_values()], word)
    return out + "</tbody>\n</table>\n"
