# Blind-corpus generator, second part: fixtures 004 and on (crawler, PDF, HTML, GB18030, rule errors).
from lib import (
    APPL, APPEAL_HEAD, Doc, OTHER, PROBLEMS, md_lines, appeals_table, build_appeals, build_requests, cell_lines, expect, html_appeals,
    html_proactive, html_requests, noise, overview, p19, p21, pick, proactive_table, requests_table, run_row,
    tab_lines, unique_r2, unique_r4, REQ_HEAD_CELL,
)

FIXTURES_MORE = {}


def fixture(fn):
    FIXTURES_MORE[fn.__name__.lstrip("f")] = fn
    return fn


def crawler_tables(d, joined_groups=False):
    """Cells run together with no separator; each table row on its own line (or a group label joined to its first row)."""
    ed = d.model["edition"]
    out2 = ["二、主动公开政府信息情况"]
    for kind, cells in d.proactive_rows():
        if kind == "data":
            out2.append(cells[0] + "".join(cells[1:]))
        else:
            out2.append("".join(cells))
    out3 = ["三、收到和处理政府信息公开申请情况",
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"]
    for labels, vals in d.request_rows():
        ok, alts = unique_r2([int(v) for v in vals])
        assert ok, (labels, alts)
        out3.append("".join(x for x in labels if x) + run_row(vals))
    av = d.appeal_values()
    ok, alts = unique_r4([int(v) for v in av])
    assert ok, alts
    out4 = ["四、政府信息公开行政复议、行政诉讼情况",
            "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计",
            run_row(av)]
    return "\n".join(out2) + "\n", "\n".join(out3) + "\n", "\n".join(out4) + "\n"


# ---------------------------------------------------------------------------------------------
@fixture
def f004():
    org = "漳州市卫生健康委员会"
    req = build_requests(
        "2021", [64, 0, 0, 2, 0, 4], [3, 0, 0, 0, 0, 0],
        {
            "granted": [29, 0, 0, 1, 0, 1],
            "partiallyGranted": [5, 0, 0, 1, 0, 0],
            "withheld/thirdParty": [2, 0, 0, 0, 0, 0],
            "withheld/processInfo": [1, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [19, 0, 0, 0, 0, 2],
            "unavailable/needsCreation": [2, 0, 0, 0, 0, 0],
            "notProcessed/petition": [4, 0, 0, 0, 0, 0],
            "otherHandling/noCorrection": [1, 0, 0, 0, 0, 0],
            "otherHandling/other": [1, 0, 0, 0, 0, 1],
        },
    )
    d = Doc("2021", org, 2022, "2023-01-18", p21([0, 0, 0], [3, 1, 8], 2293, 186, 0, 0),
            req, build_appeals({"review": [1, 0, 2, 0], "litigationDirect": [12, 0, 0, 0]}))
    t2, t3, t4 = crawler_tables(d)
    text = (
        "首页 > 信息公开 > 政府信息公开年报\n"
        f"{org}2022年政府信息公开工作年度报告\n"
        "发布时间：2023-01-18 来源：市卫健委 浏览次数： 字号：[ 大 中 小 ]\n"
        "本报告依据《中华人民共和国政府信息公开条例》编制，所列数据统计期限自2022年1月1日至2022年12月31日。\n"
        "一、总体情况\n" + overview(org, 2022, "围绕疫情防控、医疗服务、公共卫生等群众关注的重点领域，全年主动公开政府信息2156条。") +
        "（一）主动公开。及时发布疫情防控政策、核酸检测机构名单、医疗机构执业登记等信息。\n"
        f"（二）依申请公开。全年新收政府信息公开申请{req['received']['total']}件，上年结转{req['carriedOver']['total']}件，结转下年度继续办理{req['carriedForward']['total']}件。\n"
        + t2 + t3 + t4 +
        "五、存在的主要问题及改进情况\n" + pick(PROBLEMS, 0, year=2022, short="委") +
        "六、其他需要报告的事项\n" + pick(OTHER, 1) +
        f"{org}\n2023年1月18日\n"
        "【打印本页】【关闭窗口】\n"
    )
    d.write("004_zhangzhou-weijian-2022-crawler", text, expect(d, "Crawler text: every table row runs its cells together with no separator (「行政许可2293」, 「一、本年新收政府信息公开申请数量640020470」 = 64/0/0/2/0/4/70, appeals 「10203120001200000」 = 1/0/2/0/3 · 12/0/0/0/12 · 0×5); each split is the only one that satisfies R2 (rows) or R4 (groups); 「行政规范性文件318」 has three digits for three cells. Portal chrome (breadcrumb, 发布时间 line, 【打印本页】) around the report."))


# ---------------------------------------------------------------------------------------------
@fixture
def f005():
    org = "宜宾市自然资源和规划局"
    req = build_requests(
        "2021", [97, 21, 0, 0, 4, 3], [6, 1, 0, 0, 0, 0],
        {
            "granted": [38, 9, 0, 0, 2, 1],
            "partiallyGranted": [12, 3, 0, 0, 1, 0],
            "withheld/thirdParty": [3, 1, 0, 0, 0, 0],
            "withheld/internalAffairs": [1, 0, 0, 0, 0, 0],
            "withheld/processInfo": [4, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [26, 5, 0, 0, 1, 2],
            "unavailable/needsCreation": [5, 1, 0, 0, 0, 0],
            "unavailable/unclear": [2, 0, 0, 0, 0, 0],
            "notProcessed/petition": [3, 0, 0, 0, 0, 0],
            "notProcessed/duplicate": [2, 1, 0, 0, 0, 0],
            "notProcessed/confirmation": [1, 0, 0, 0, 0, 0],
            "otherHandling/noCorrection": [1, 0, 0, 0, 0, 0],
        },
    )
    d = Doc("2021", org, 2023, "2024-01-22", p21([0, 0, 0], [5, 2, 31], 3416, 58, 4, 126.35),
            req, build_appeals({"review": [4, 1, 0, 2], "litigationDirect": [3, 0, 1, 2], "litigationAfterReview": [1, 0, 0, 1]}))
    run = f"{org}2023年政府信息公开工作年度报告"
    lines = []
    # pdf.js text: one text item per line, no tabs, merged cells at their vertical middle
    for kind, cells in d.proactive_rows():
        lines += cells
    t2 = "\n".join(lines) + "\n"
    t3 = ["（本列数据的勾稽关系为：第一项加第二项",
          "之和，等于第三项加第四项之和）",
          "申请人情况", "自然人", "法人或其他组织", "总计", "商业", "企业", "科研", "机构", "社会公", "益组织", "法律服", "务机构", "其他"]
    for labels, vals in d.request_rows():
        lab = labels[-1]
        if lab.startswith("2.申请人逾期"):
            t3 += ["2.申请人逾期未按收费通知要求缴纳", "费用、行政机关不再处理其政府信", "息公开申请"]
        elif lab.startswith("1.申请人无正当"):
            t3 += ["（六）其他处理", "1.申请人无正当理由逾期不补正、行", "政机关不再处理其政府信息公开申请"]
        elif lab.startswith("5.要求行政机关"):
            t3 += ["5.要求行政机关确认或重新出具", "已获取信息"]
        elif lab.startswith("（二）部分公开"):
            t3 += ["（二）部分公开（区分处理的，只计", "这一情形，不计其他情形）"]
        elif lab == "4.保护第三方合法权益":
            t3 += ["（三）不予公开", lab]
        elif lab == "2.没有现成信息需要另行制作":
            t3 += ["（四）无法提供", lab]
        elif lab == "3.要求提供公开出版物":
            t3 += ["三、本年度办", "理结果", "（五）不予处理", lab]
        elif lab == "一、本年新收政府信息公开申请数量":
            t3 += ["一、本年新收政府信息公开申请数", "量"]
        else:
            t3.append(lab)
        t3 += vals
        if lab == "7.属于行政执法案卷":
            t3 += ["- 3 -", run]
    t4 = ["行政复议", "行政诉讼", "结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总计",
          "未经复议直接起诉", "复议后起诉"] + ["结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总计"] * 2 + d.appeal_values()
    text = (
        f"{org}\n2023年政府信息公开工作年度报告\n"
        "根据《中华人民共和国政府信息公开条例》规定，现公布宜宾市自然资源和规划局2023年政府信息公开工作年度报告。"
        "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n"
        "一、总体情况\n" + overview(org, 2023, "全年在市政府门户网站自然资源领域专栏公开土地征收、\n规划批前公示、不动产登记等信息1862条。").replace("推动政府信", "推动政府信\n") +
        "（一）主动公开。重点做好国土空间规划、征地信息、\n矿业权出让等领域信息公开。\n"
        "- 1 -\n" + run + "\n"
        "（二）依申请公开。严格按照法定程序办理，全年未发生超期答复。\n"
        "二、主动公开政府信息情况\n" + t2 +
        "三、收到和处理政府信息公开申请情况\n" + "\n".join(t3) + "\n"
        "四、政府信息公开行政复议、行政诉讼情况\n" + "\n".join(t4) + "\n"
        "五、存在的主要问题及改进情况\n" + pick(PROBLEMS, 1) +
        "- 4 -\n" + run + "\n"
        "六、其他需要报告的事项\n" + pick(OTHER, 0) +
        f"{org}\n2024年1月22日\n- 5 -\n"
    )
    text = noise(text, [
        ("本年制发件数\n本年废止件数\n现行有效件数", "本年制发\n件数\n本年废止\n件数\n现行有效\n件数"),
        ("本年收费金额（单位：万元）", "本年收费金额（单位：\n万元）"),
        ("行政规范性文件\n", "行政规范性\n文件\n"),
        ("行政许可\n3416\n", "行政许可\n3416\n- 2 -\n" + run + "\n"),
    ])
    d.write("005_yibin-ziranziyuan-2023-pdf", text, expect(d, "PDF text (pdf.js order): one item per line, no tabs, no blank lines; page marks 「- 2 -」… with the running header repeated (one page break inside table 二 right after 行政许可's value, one inside table 三 after row （三）7); header cells and labels wrapped mid-word (「本年制发\\n件数」, 「行政规范性\\n文件」, 「一、本年新收政府信息公开申请数\\n量」, 「5.要求行政机关确认或重新出具\\n已获取信息」); the merged group labels （三）（四）（五）（六） and 「三、本年度办\\n理结果」 sit at their vertical middle, between rows. Fee 126.35 万元."))


# ---------------------------------------------------------------------------------------------
@fixture
def f006():
    org = "杭州市上城区小营街道办事处"
    req = build_requests(
        "2021", [5, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0],
        {"granted": [3, 0, 0, 0, 0, 0], "unavailable/notHeld": [1, 0, 0, 0, 0, 0]},
    )
    d = Doc("2021", org, 2021, "2022-01-14", p21([0, 0, 0], [0, 0, 0], 0, 23, 0, 0),
            req, build_appeals({}))
    p = lambda s: f'<p style="text-indent:2em;">{s}</p>\n'
    body = (
        f'<div class="title"><h1>{org}2021年政府信息公开工作年度报告</h1></div>\n'
        '<div class="info"><span>发布日期：2022-01-14</span><span>信息来源：小营街道</span><span>浏览次数：<script>document.write(hits)</script></span></div>\n'
        '<div class="TRS_Editor">\n'
        + p("本报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。")
        + '<p style="text-indent:2em;"><strong>一、总体情况</strong></p>\n'
        + p(overview("小营街道", 2021, "全年通过区政府门户网站街道专栏主动公开信息214条。").strip())
        + p("（一）主动公开。重点公开街道办事机构、社区服务、民生保障、老旧小区改造等信息。")
        + p(f"（二）依申请公开。全年共收到政府信息公开申请{req['received']['total']}件，已办结{req['handledTotal']['total']}件，结转下年度{req['carriedForward']['total']}件。")
        + '<p style="text-indent:2em;"><strong>二、主动公开政府信息情况</strong></p>\n'
        + html_proactive(d, table_attrs='class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" width="100%"')
        + '<p style="text-indent:2em;"><strong>三、收到和处理政府信息公开申请情况</strong></p>\n'
        + html_requests(d, table_attrs='border="1" cellspacing="0" cellpadding="0" width="100%"')
        + '<p style="text-indent:2em;"><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>\n'
        + html_appeals(d, table_attrs='border="1" cellspacing="0" cellpadding="0"')
        + '<p style="text-indent:2em;"><strong>五、存在的主要问题及改进情况</strong></p>\n'
        + p(pick(PROBLEMS, 2, year=2021, short="街道").replace("\n", "</p>\n<p style=\"text-indent:2em;\">").rstrip('<p style="text-indent:2em;">'))
        + '<p style="text-indent:2em;"><strong>六、其他需要报告的事项</strong></p>\n'
        + p("本年度无收取信息处理费情况，无其他需要报告的事项。")
        + f'<p style="text-align:right;">{org}</p>\n<p style="text-align:right;">2022年1月14日</p>\n'
        '</div>\n'
    )
    html = (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{org}2021年政府信息公开工作年度报告_政府信息公开年报_杭州市上城区人民政府</title>\n"
        '<link rel="stylesheet" href="/css/common.css">\n<script src="/js/jquery.min.js"></script>\n</head>\n<body>\n'
        '<div class="top"><a href="/">首页</a> | <a href="/col/col1.html">无障碍</a> | <a href="#">长者模式</a></div>\n'
        '<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjsc/">走进上城</a></li></ul></div>\n'
        '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>\n'
        '<div class="main">\n' + body + '<div class="share">分享到：<a>微信</a><a>微博</a></div>\n<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>\n</div>\n'
        '<div class="footer"><p>主办单位：杭州市上城区人民政府办公室 承办单位：杭州市上城区数据资源管理局</p><p>网站标识码：3301020001 浙ICP备05003567号-1 浙公网安备 33010202000151号</p><p>地址：杭州市上城区江城路1号 联系电话：0571-87878787</p></div>\n'
        '</body>\n</html>\n'
    )
    d.write("006_xiaoying-jiedao-2021-portal", html, expect(d, "HTML portal page: top bar, menu, breadcrumb, info line, share/print tools and footer around the report; tables with the official rowspan/colspan (三、本年度办理结果 rowspan 22, （三）不予公开 rowspan 8, single-column rows of table 二 colspan 3). Mostly zeros; 5 received, 4 handled, 1 carried forward."))


# ---------------------------------------------------------------------------------------------
@fixture
def f007():
    org = "嘉善县市场监督管理局"
    req = build_requests(
        "2021", [23, 9, 0, 0, 2, 1], [2, 1, 0, 0, 0, 0],
        {
            "granted": [9, 4, 0, 0, 1, 0],
            "partiallyGranted": [2, 1, 0, 0, 0, 0],
            "withheld/thirdParty": [1, 1, 0, 0, 0, 0],
            "withheld/enforcementFiles": [2, 0, 0, 0, 1, 0],
            "unavailable/notHeld": [5, 2, 0, 0, 0, 1],
            "notProcessed/petition": [3, 0, 0, 0, 0, 0],
            "notProcessed/excessive": [1, 0, 0, 0, 0, 0],
            "otherHandling/unpaidFee": [0, 1, 0, 0, 0, 0],
        },
    )
    d = Doc("2021", org, 2024, "2025-01-15", p21([0, 0, 0], [1, 0, 4], 6832, 412, 57, 13.84),
            req, build_appeals({"review": [1, 0, 1, 0], "litigationAfterReview": [0, 0, 0, 1]}))
    d.show["/proactive/fees/amountWan"] = "13.84万元"
    d.show["/requests/received/legal"] = "2\u3000"
    d.show["/requests/granted/natural"] = "\xa09"
    text = (
        f"{org}\n2024年政府信息公开工作年度报告\n\n"
        "一、总体情况\n\n" + overview(org, 2024, "全年主动公开信息417条，其中行政处罚信息298条、“双随机、一公开”抽查结果56条。") +
        "（一）主动公开\n\n依法公开市场主体登记、食品药品安全监管、产品质量监督抽查等信息。\n\n"
        f"（二）依申请公开\n\n2024年，本局共受理政府信息公开申请{req['received']['total']}件，上年结转{req['carriedOver']['total']}件，结转至2025年度继续办理{req['carriedForward']['total']}件。\n\n"
        "二、主动公开政府信息情况\n\n" + proactive_table(d, "tab") +
        "\n三、收到和处理政府信息公开申请情况\n\n" + requests_table(d, "cell") +
        "四、政府信息公开行政复议、行政诉讼情况\n\n" + appeals_table(d, "tab") +
        "\n五、存在的主要问题及改进情况\n\n" + pick(PROBLEMS, 0, year=2024, short="局") +
        "\n六、其他需要报告的事项\n\n" + pick(OTHER, 1) + f"\n\n{org}\n二〇二五年一月十五日\n"
    )
    d.write("007_jiashan-shichang-2024", text, expect(d, "GB18030-encoded text. Table 二 and 四 as tab rows, table 三 one cell per line (Word merged-cell copy); fee 「13.84万元」; cells padded with \\u3000 and \\xa0; signature date 二〇二五年一月十五日."), encoding="gb18030")


# ---------------------------------------------------------------------------------------------
@fixture
def f008():
    org = "泉州市人力资源和社会保障局"
    req = build_requests(
        "2021", [41, 3, 0, 0, 1, 0], [2, 0, 0, 0, 0, 0],
        {
            "granted": [15, 1, 0, 0, 0, 0],
            "partiallyGranted": [4, 1, 0, 0, 1, 0],
            "withheld/thirdParty": [2, 0, 0, 0, 0, 0],
            "withheld/processInfo": [1, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [11, 1, 0, 0, 0, 0],
            "unavailable/needsCreation": [3, 0, 0, 0, 0, 0],
            "notProcessed/petition": [2, 0, 0, 0, 0, 0],
            "notProcessed/duplicate": [1, 0, 0, 0, 0, 0],
            "otherHandling/other": [2, 0, 0, 0, 0, 0],
        },
    )
    # the agency's own slip: （七）总计 natural typed 42 instead of 41, its row total left at 46
    req["handledTotal"]["natural"] = 42
    d = Doc("2021", org, 2022, "2023-01-30", p21([0, 0, 0], [6, 2, 23], 1537, 12, 0, 25.1),
            req, build_appeals({"review": [2, 0, 0, 1], "litigationDirect": [1, 0, 0, 0]}))
    d.show["/proactive/fees/amountWan"] = "251000元"
    text = (
        f"{org}2022年政府信息公开工作年度报告\n"
        "一、总体情况\n" + overview(org, 2022, "全年主动公开社保、就业、人才、劳动关系等领域政府信息1035条，发布政策解读28篇。") +
        "二、主动公开政府信息情况\n" + proactive_table(d, "tab") +
        "三、收到和处理政府信息公开申请情况\n" + requests_table(d, "tab") +
        "四、政府信息公开行政复议、行政诉讼情况\n" + appeals_table(d, "tab") +
        "五、存在的主要问题及整改措施\n" + pick(PROBLEMS, 1) +
        "六、其他需要报告的事项\n" + pick(OTHER, 3, year=2022, short="局") + f"{org}\n2023年1月30日\n"
    )
    text = noise(text, [
        ("一、本年新收政府信息公开申请数量\t41\t3\t0\t0\t1\t0\t45", "一、本年新收政府信息公开申请数量\t41\t3\t0\t0\t1\t0\t45\t"),
        ("1.属于国家秘密", "1．属于国家秘密"),
        ("2.其他法律行政法规禁止公开", "2．其他法律行政法规禁止公开"),
    ])
    d.write("008_quanzhou-renshe-2022-error", text, expect(
        d, "Genuine 勾稽 error in the source: （七）总计 自然人 reads 42 but the result rows add up to 41 (R3), the row total 46 is the sum with 41 (R2 on the （七） row), and 41+2 ≠ 42+2 (R1, reported at received/natural). Fee written 「251000元」 in a 万元 column → 25.1 万元 (conversion reported). One extra empty trailing tab cell on row 一; 「1．」 full-width dots; heading 「存在的主要问题及整改措施」.",
        ["/requests/handledTotal/natural", "/requests/handledTotal/total", "/requests/received/natural"]))


# ---------------------------------------------------------------------------------------------
WORD_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<title>{title}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>Administrator</o:Author>
  <o:LastAuthor>DELL</o:LastAuthor>
  <o:Revision>3</o:Revision>
  <o:Pages>6</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;
	mso-font-charset:134;}}
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-unhide:no;
	margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	font-size:10.5pt;
	font-family:"Calibri",sans-serif;}}
@page WordSection1
	{{size:595.3pt 841.9pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;}}
div.WordSection1
	{{page:WordSection1;}}
-->
</style>
<!--[if gte mso 10]>
<style>
 table.MsoNormalTable
	{{mso-style-name:普通表格;
	mso-tstyle-rowband-size:0;}}
</style>
<![endif]-->
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>
"""


def wp(text, heading=False):
    if heading:
        return (f"<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'>"
                f"<b><span style='font-size:16.0pt;font-family:黑体;mso-hansi-font-family:\"Times New Roman\"'>{text}</span></b>"
                f"<span lang=EN-US style='font-size:16.0pt;font-family:黑体'><o:p></o:p></span></p>\n\n")
    return (f"<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'>"
            f"<span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:\"Times New Roman\"'>{text}</span>"
            f"<span lang=EN-US style='font-size:16.0pt;font-family:仿宋_GB2312'><o:p></o:p></span></p>\n\n")


@fixture
def f009():
    org = "湖州市生态环境局"
    req = build_requests(
        "2021", [31, 14, 0, 2, 3, 0], [1, 2, 0, 0, 0, 0],
        {
            "granted": [12, 7, 0, 1, 1, 0],
            "partiallyGranted": [3, 2, 0, 0, 1, 0],
            "withheld/thirdParty": [1, 2, 0, 0, 0, 0],
            "withheld/processInfo": [1, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [9, 3, 0, 1, 1, 0],
            "unavailable/unclear": [1, 0, 0, 0, 0, 0],
            "notProcessed/petition": [2, 0, 0, 0, 0, 0],
            "otherHandling/noCorrection": [1, 1, 0, 0, 0, 0],
        },
    )
    d = Doc("2021", org, 2024, "2025-01-24", p21([0, 0, 0], [2, 1, 9], 642, 187, 9, 0),
            req, build_appeals({"review": [2, 0, 1, 0], "litigationDirect": [1, 0, 0, 1], "litigationAfterReview": [0, 0, 0, 1]}))
    d.show["/proactive/fees/amountWan"] = ""
    d.model["proactive"]["fees"]["amountWan"] = None
    title = f"{org}2024年政府信息公开工作年度报告"
    tbl = "class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=568 style='width:426.1pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'"
    body = (
        "<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt;mso-line-height-rule:exactly'>"
        "<span style='font-size:22.0pt;font-family:方正小标宋简体'>湖州市生态环境局</span>"
        "<span lang=EN-US style='font-size:22.0pt;font-family:方正小标宋简体'>2024</span>"
        "<span style='font-size:22.0pt;font-family:方正小标宋简体'>年政府信息公开工作年度报告<span lang=EN-US><o:p></o:p></span></span></p>\n\n"
        "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n\n"
        + wp("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》要求编制。本报告中所列数据的统计期限自<span lang=EN-US>2024</span>年<span lang=EN-US>1</span>月<span lang=EN-US>1</span>日起至<span lang=EN-US>2024</span>年<span lang=EN-US>12</span>月<span lang=EN-US>31</span>日止。")
        + wp("一、总体情况", True)
        + wp(overview(org, 2024, "全年主动公开环境影响评价审批、排污许可、环境行政处罚等信息<span lang=EN-US>1137</span>条。").strip())
        + wp("（一）主动公开。")
        + wp("围绕生态环境质量、建设项目环评审批、重点排污单位名录等群众关注的重点领域，依法依规做好信息公开。")
        + wp("二、主动公开政府信息情况", True)
        + html_proactive(d, word=True, table_attrs=tbl)
        + "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n\n"
        + wp("三、收到和处理政府信息公开申请情况", True)
        + html_requests(d, word=True, table_attrs=tbl)
        + wp("四、政府信息公开行政复议、行政诉讼情况", True)
        + html_appeals(d, word=True, table_attrs=tbl)
        + wp("五、存在的主要问题及改进情况", True)
        + "".join(wp(x) for x in pick(PROBLEMS, 0, year=2024, short="局").strip().split("\n"))
        + wp("六、其他需要报告的事项", True)
        + wp(pick(OTHER, 1).strip())
        + "<p class=MsoNormal align=right style='text-align:right'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>湖州市生态环境局<span lang=EN-US><o:p></o:p></span></span></p>\n\n"
        + "<p class=MsoNormal align=right style='text-align:right'><span lang=EN-US style='font-size:16.0pt;font-family:仿宋_GB2312'>2025</span><span style='font-size:16.0pt;font-family:仿宋_GB2312'>年</span><span lang=EN-US style='font-size:16.0pt'>1</span><span style='font-size:16.0pt;font-family:仿宋_GB2312'>月</span><span lang=EN-US style='font-size:16.0pt'>24</span><span style='font-size:16.0pt;font-family:仿宋_GB2312'>日<span lang=EN-US><o:p></o:p></span></span></p>\n\n"
    )
    html = WORD_HEAD.format(title=title) + body + "</div>\n\n</body>\n\n</html>\n"
    d.write("009_huzhou-shengtai-2024-wordhtml", html, expect(d, "Word 「save as HTML」 in GB2312 (meta charset=gb2312, bytes GB18030-compatible): mso styles and conditional comments, every cell a <p class=MsoNormal> with nested <span>s, labels split between two spans, empty cells <o:p>&nbsp;</o:p> (fee cell blank → null), title and date split into spans (lang=EN-US digits). Official rowspan/colspan."), encoding="gb18030", ext=".html")


# ---------------------------------------------------------------------------------------------
@fixture
def f010():
    org = "安吉县农业农村局"
    req = build_requests(
        "2021", [8, 2, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0],
        {
            "granted": [3, 1, 0, 0, 0, 1],
            "partiallyGranted": [1, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [2, 1, 0, 0, 0, 0],
            "notProcessed/petition": [1, 0, 0, 0, 0, 0],
        },
    )
    d = Doc("2021", org, 2021, "2022-01-12", p21([0, 0, 0], [1, 0, 3], 416, 38, 2, 0),
            req, build_appeals({}))
    for p in ["/proactive/regulations/issued", "/proactive/regulations/repealed", "/proactive/regulations/inForce"]:
        d.show[p] = "　　0"
    rows = []
    grp = ""
    sub = ""
    for labels, vals in d.request_rows():
        if len(labels) >= 2:
            grp = labels[0] or grp
        if len(labels) == 3:
            sub = labels[1] or sub
            rows.append([grp, sub, labels[2], *vals])
        elif len(labels) == 2:
            rows.append([grp, labels[1], labels[1], *vals])
        else:
            rows.append([labels[0], labels[0], labels[0], *vals])
    t3 = (
        "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 | 申请人情况 |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "| | | | 自然人 | 法人或其他组织 | 法人或其他组织 | 法人或其他组织 | 法人或其他组织 | 法人或其他组织 | 总计 |\n"
        "| | | | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
        + "".join("| " + " | ".join(r) + " |\n" for r in rows)
    )
    t2 = md_rows_2(d)
    av = d.appeal_values()
    t4 = (
        "| 行政复议 | 行政复议 | 行政复议 | 行政复议 | 行政复议 | 行政诉讼 | 行政诉讼 | 行政诉讼 | 行政诉讼 | 行政诉讼 | 行政诉讼 | 行政诉讼 | 行政诉讼 | 行政诉讼 | 行政诉讼 |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 未经复议直接起诉 | 未经复议直接起诉 | 未经复议直接起诉 | 未经复议直接起诉 | 复议后起诉 | 复议后起诉 | 复议后起诉 | 复议后起诉 | 复议后起诉 |\n"
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
        "| " + " | ".join(av) + " |\n"
    )
    text = (
        "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现将安吉县农业农村局2021年度政府信息公开工作情况报告如下。"
        "本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n\n"
        "## 一、总体情况\n\n" + overview("我局", 2021, "全年在县政府门户网站公开信息276条。") +
        "\n**(一)主动公开**\n\n重点公开强农惠农政策、农业补贴发放、动物防疫等信息。\n\n"
        "**(二)依申请公开**\n\n" + f"全年收到依申请公开{req['received']['total']}件，均按期答复。\n\n"
        "## 二、主动公开政府信息情况\n\n" + t2 +
        "\n## 三、收到和处理政府信息公开申请情况\n\n" + t3 +
        "\n## 四、政府信息公开行政复议、行政诉讼情况\n\n" + t4 +
        "\n## 五、存在的主要问题及改进情况\n\n" + pick(PROBLEMS, 2, year=2021, short="局") +
        "\n## 六、其他需要报告的事项\n\n" + pick(OTHER, 2) +
        f"\n{org}\n\n2022年1月12日\n"
    )
    text = noise(text, [
        ("| 行政规范性文件 |", "| 规范性文件 |"),
        ("（一）予以公开", "(一)予以公开", 3),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "(二)部分公开(区分处理的，只计这一情形，不计其他情形)", 3),
        ("| 1.本机关不掌握相关政府信息 |", "| 1．本机关不掌握相关政府信息 |"),
        ("| 2.重复申请 |", "| 2．重复申请 |"),
        ("本年制发件数", "本年制发件敉"),
    ])
    d.write("010_anji-nongye-2021-notitle", text, expect(d, "No title: the text starts with a preamble naming 「安吉县农业农村局2021年度」; organ also in the signature. Markdown converted from HTML: merged cells repeated in every spanned cell (the group label and the leaf label repeated across the three label columns, header rows repeated). 「规范性文件」 for 「行政规范性文件」 in a 2021 report (edition-mix warning only), half-width (一)/(二), full-width 「1．」, OCR typo 「本年制发件敉」. 「　　0」 cells."))


def md_rows_2(d):
    out = []
    for kind, cells in d.proactive_rows():
        c = list(cells) + [""] * (4 - len(cells))
        if kind == "article":
            c = [cells[0]] * 4
        elif len(cells) == 2:
            c = [cells[0], cells[1], cells[1], cells[1]]
        out.append(c)
    s = "| " + " | ".join(out[0]) + " |\n| --- | --- | --- | --- |\n"
    return s + "".join("| " + " | ".join(r) + " |\n" for r in out[1:])


# ---------------------------------------------------------------------------------------------
@fixture
def f011():
    org = "龙泉市交通运输局"
    req = build_requests(
        "2019", [17, 5, 0, 0, 1, 0], [1, 0, 0, 0, 0, 0],
        {
            "granted": [7, 2, 0, 0, 1, 0],
            "partiallyGranted": [2, 1, 0, 0, 0, 0],
            "withheld/thirdParty": [1, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [4, 1, 0, 0, 0, 0],
            "unavailable/needsCreation": [1, 0, 0, 0, 0, 0],
            "notProcessed/duplicate": [1, 0, 0, 0, 0, 0],
            "otherHandling": [1, 0, 0, 0, 0, 0],
        },
    )
    d = Doc("2019", org, 2020, "2021-01-28",
            p19([0, 0, 0], [4, 4, 27], [38, 3, 1268], [12, -2, 341], [9, -1, 215], [4, 0, 6], [2, -2], [7, 25.1]),
            req, build_appeals({"review": [1, 0, 0, 0]}))
    d.show["/proactive/licensing/change"] = "增3"
    d.show["/proactive/otherServices/change"] = "-2"
    d.show["/proactive/penalties/change"] = "减1"
    d.show["/proactive/fees/change"] = "－2"
    d.show["/proactive/licensing/decisions"] = "1,268"
    d.show["/proactive/procurement/amountWan"] = "251000元"
    text = (
        f"{org}2020年度政府信息公开工作年度报告\n\n"
        "本年度报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由龙泉市交通运输局编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分。\n"
        "一、总体情况\n" + overview(org, 2020, "全年在市政府门户网站主动公开政府信息285条，其中道路运输许可信息112条、行政处罚信息96条。") +
        "二、主动公开政府信息情况\n" + proactive_table(d, "tab") +
        "\n三、收到和处理政府信息公开申请情况\n" + requests_table(d, "tab") +
        "\n四、政府信息公开行政复议、行政诉讼情况\n" + appeals_table(d, "tab") +
        "\n五、存在的主要问题及改进情况\n" + pick(PROBLEMS, 0, year=2020, short="局") +
        "六、其他需要报告的事项\n" + pick(OTHER, 2) + f"\n{org}\n2021年1月28日\n"
    )
    text = noise(text, [
        ("信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量", "信息内容\t本年新\n制作数量\t本年新\n公开数量\t对外公开总数量"),
        ("第二十条第（五）项", "第二十条第(五)项"),
        ("2.其他法律行政法规禁止公开", "2.其他法律法规禁止公开"),
    ])
    d.write("011_longquan-jiaotong-2020", text, expect(d, "2019 form, tab rows. Table 二: 「增3」 → 3, 「-2」, 「减1」 → -1, full-width 「－2」 → -2, 「1,268」 with a thousands comma → 1268, procurement 「251000元」 → 25.1 万元; header cells split over lines inside the tab row (「本年新\\n制作数量」); 「第二十条第(五)项」 half-width; label 「其他法律法规禁止公开」. Nonzero 结转 1 (自然人)."))


# ---------------------------------------------------------------------------------------------
@fixture
def f012():
    org = "德清县新市镇人民政府"
    req = build_requests(
        "2019", [3, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0],
        {"granted": [2, 0, 0, 0, 0, 0], "unavailable/notHeld": [1, 0, 0, 0, 0, 0]},
        blank_parts=("carriedOver", "partiallyGranted", "withheld/stateSecret", "withheld/prohibitedByLaw",
                     "withheld/threeSecurities", "withheld/thirdParty", "withheld/internalAffairs", "withheld/processInfo",
                     "withheld/enforcementFiles", "withheld/queryMatters", "unavailable/needsCreation", "unavailable/unclear",
                     "notProcessed/petition", "notProcessed/duplicate", "notProcessed/publication", "notProcessed/excessive",
                     "notProcessed/confirmation", "otherHandling"),
    )
    pro = p19([None, None, None], [0, 0, 0], [0, 0, 0], [0, 0, 0], [14, 3, 27], [0, 0, 0], [0, 0], [3, 46.82])
    d = Doc("2019", org, 2019, "2020-03-20", pro, req, build_appeals({}))
    d.show["/proactive/procurement/amountWan"] = "46.82万元"
    for k in ["lastYear", "change", "decisions"]:
        d.show[f"/proactive/coercion/{k}"] = "0\xa0"
    text = (
        f"{org}\n2019年度政府信息公开工作\n年度报告\n\n"
        "一、总体情况\n" + overview("新市镇", 2019, "全年通过县政府门户网站乡镇专栏公开信息158条。") +
        "\n1.主动公开情况。重点公开财政预决算、民生保障、村级事务等信息。\n"
        "2.依申请公开情况。全年共受理政府信息公开申请3件，均已按时答复。\n"
        "二、主动公开政府信息情况\n" + proactive_table(d, "cell") +
        "三、收到和处理政府信息公开申请情况\n" + requests_table(d, "cell") +
        "四、政府信息公开行政复议、行政诉讼情况\n" + appeals_table(d, "cell") +
        "五、存在的主要问题及改进情况\n" + pick(PROBLEMS, 1) +
        "六、其他需要报告的事项\n" + pick(OTHER, 2) +
        f"\n\n{org}\n二〇二〇年三月二十日\n"
    )
    d.write("012_xinshi-zhen-2019", text, expect(d, "2019 form, one cell per line for all tables (Word merged-cell copy). 规章 row left blank (a town makes no 规章) → null ×3; rows of table 三 that are zero give only the 总计 column (applicant cells blank → null, not 0). Title over three lines; procurement 「46.82万元」; signature 二〇二〇年三月二十日."))


# ---------------------------------------------------------------------------------------------
@fixture
def f013():
    org = "丽水市水利局"
    req = build_requests(
        "2019", [26, 3, 0, 0, 0, 1], [2, 0, 0, 0, 0, 0],
        {
            "granted": [12, 2, 0, 0, 0, 0],
            "partiallyGranted": [3, 0, 0, 0, 0, 0],
            "withheld/thirdParty": [1, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [8, 1, 0, 0, 0, 1],
            "notProcessed/petition": [2, 0, 0, 0, 0, 0],
            "otherHandling": [1, 0, 0, 0, 0, 0],
        },
    )
    d = Doc("2019", org, 2020, "2021-01-22",
            p19([0, 0, 0], [2, 4, 6], [5, 0, 8], [0, 0, 0], [3, 0, 2], [0, 0, 0], [0, 0], [0, 0]),
            req, build_appeals({"review": [1, 0, 0, 1]}))
    # table 二 on one line; table 三 group rows run together, sub-row labels glued to the digits before them
    t2 = "二、主动公开政府信息情况 " + "".join(
        (cells[0] + "".join(cells[1:])) if kind == "data" else "".join(cells) for kind, cells in d.proactive_rows()) + "\n"
    parts = []
    from lib import unique_r2, unique_r4
    for labels, vals in d.request_rows():
        ok, alts = unique_r2([int(v) for v in vals])
        assert ok, (labels, alts)
        parts.append(("".join(x for x in labels if x), run_row(vals)))
    lines3 = ["三、收到和处理政府信息公开申请情况",
              "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"]
    cur = ""
    for lab, digits in parts:
        starts_group = lab.startswith(("一、", "二、", "三、", "（", "四、"))
        if starts_group and cur:
            lines3.append(cur)
            cur = ""
        cur += lab + digits
    lines3.append(cur)
    av = d.appeal_values()
    ok, alts = unique_r4([int(v) for v in av])
    assert ok, alts
    t4 = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
          + run_row(av) + "\n")
    text = (
        f"{org}2020年度政府信息公开工作年度报告\n"
        "信息来源：丽水市水利局 发布日期：2021-01-22 阅读次数：\n"
        "一、总体情况\n" + overview(org, 2020, "全年主动公开水利工程建设、水资源管理、防汛防台等信息512条。") +
        f"二是依申请公开。全年共收到政府信息公开申请{req['received']['total']}件，上年结转{req['carriedOver']['total']}件，结转{req['carriedForward']['total']}件。\n"
        + t2 + "\n".join(lines3) + "\n" + t4 +
        "五、存在的主要问题及改进情况\n" + pick(PROBLEMS, 2, year=2020, short="局") +
        "六、其他需要报告的事项\n" + pick(OTHER, 0) + f"丽水市水利局\n2021年1月22日\n"
        "扫一扫在手机打开当前页\n"
    )
    d.write("013_lishui-shuili-2020-crawler", text, expect(d, "2019 form, crawler text with no separators: the whole of table 二 on one line (「规范性文件246」 = 2/4/6, 「行政许可508」 = 5/0/8, 「政府集中采购00」); in table 三 each group is one line and the numbered sub-row labels are glued to the digits of the row before (「1.属于国家秘密00000002.其他法律行政法规禁止公开0000000…」); each row's split is the only one satisfying R2. Appeals run on after the header text: 1/0/0/1/2 · 0×10."))


# ---------------------------------------------------------------------------------------------
def layout_row(label, vals, width=30, gap=5):
    pad = " " * max(2, width * 2 - len(label) * 2)  # CJK are double width in pdftotext -layout
    return "  " + label + pad + "".join(v.rjust(gap) for v in vals)


@fixture
def f014():
    org = "浙江省财政厅"
    req = build_requests(
        "2019", [152, 23, 2, 0, 5, 1], [7, 1, 0, 0, 0, 0],
        {
            "granted": [71, 12, 1, 0, 2, 1],
            "partiallyGranted": [21, 3, 0, 0, 1, 0],
            "withheld/stateSecret": [2, 0, 0, 0, 0, 0],
            "withheld/thirdParty": [4, 1, 0, 0, 0, 0],
            "withheld/internalAffairs": [3, 0, 0, 0, 0, 0],
            "withheld/processInfo": [6, 1, 0, 0, 0, 0],
            "unavailable/notHeld": [29, 4, 1, 0, 2, 0],
            "unavailable/needsCreation": [6, 1, 0, 0, 0, 0],
            "unavailable/unclear": [2, 0, 0, 0, 0, 0],
            "notProcessed/petition": [5, 0, 0, 0, 0, 0],
            "notProcessed/duplicate": [3, 1, 0, 0, 0, 0],
            "notProcessed/excessive": [1, 0, 0, 0, 0, 0],
            "otherHandling": [2, 0, 0, 0, 0, 0],
        },
    )
    d = Doc("2019", org, 2020, "2021-01-29",
            p19([0, 0, 0], [9, 9, 143], [6, 0, 418], [3, 1, 27], [2, 0, 5], [0, 0, 0], [14, -3], [56, 31872.6]),
            req, build_appeals({"review": [3, 1, 0, 1], "litigationDirect": [2, 0, 0, 1], "litigationAfterReview": [1, 0, 0, 0]}))
    run = "浙江省财政厅2020年度政府信息公开工作年度报告"
    pro = ["                                   第二十条第（一）项",
           "       信息内容              本年新          本年新          对外公开",
           "                           制作数量        公开数量          总数量"]
    for kind, cells in d.proactive_rows()[2:]:
        if kind == "article":
            pro.append("                                   " + cells[0])
        elif kind == "header":
            pro.append("       信息内容        " + "    ".join(cells[1:]))
        else:
            pro.append(layout_row(cells[0], cells[1:], width=16, gap=12))
    req_lines = [
        "                                                                      申请人情况",
        "                                                                       法人或其他组织",
        "          （本列数据的勾稽关系为：第一项加第二项之和，                                               总计",
        "            等于第三项加第四项之和）                   自然人  商业   科研   社会公  法律服   其他",
        "                                                               企业   机构   益组织  务机构",
    ]
    for labels, vals in d.request_rows():
        lab = labels[-1]
        if lab.startswith("（二）部分公开"):
            req_lines.append(layout_row("    （二）部分公开（区分处理的，只计这一", vals))
            req_lines.append("         情形，不计其他情形）")
        elif lab.startswith("5.要求行政机关"):
            req_lines.append(layout_row("            5.要求行政机关确认或重新", vals))
            req_lines.append("            出具已获取信息")
        elif lab == "1.本机关不掌握相关政府信息":
            req_lines.append(layout_row("三、本年度  （四）无法提供  1.本机关不掌握相关政府", vals))
            req_lines.append("办理结果                      信息")
        elif lab == "4.保护第三方合法权益":
            req_lines.append(layout_row("       （三）不予公开  4.保护第三方合法权益", vals))
        elif lab.startswith(("1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.")):
            req_lines.append(layout_row("                     " + lab, vals))
        else:
            req_lines.append(layout_row(lab, vals))
        if lab == "8.属于行政查询事项":
            req_lines += ["", "                                       — 3 —", "\f" + run, ""]
    app = [
        "                  行政复议                                          行政诉讼",
        "  结果    结果    其他    尚未              未经复议直接起诉                      复议后起诉",
        "  维持    纠正    结果    审结    总计   结果  结果  其他  尚未  总计    结果  结果  其他  尚未  总计",
        "                                        维持  纠正  结果  审结          维持  纠正  结果  审结",
        "   " + "     ".join(d.appeal_values()),
    ]
    text = (
        "浙江省财政厅\n2020年度政府信息公开\n工作年度报告\n\n"
        "    本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信\n息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。\n"
        "    一、总体情况\n    " + overview(org, 2020, "全年主动公开预决算、政府采购、财政资金分配等信息2374条。").replace("贯彻落实", "贯彻落\n实") +
        "\n                                       — 1 —\n\f" + run + "\n"
        "    （一）主动公开情况。坚持以公开为常态、不公开为例外，全面公开省级部门预决算和“三公”经费。\n"
        "    （二）依申请公开情况。" + f"全年新收申请{req['received']['total']}件，办结{req['handledTotal']['total']}件。\n"
        "    二、主动公开政府信息情况\n" + "\n".join(pro) + "\n"
        "\n                                       — 2 —\n\f" + run + "\n"
        "    三、收到和处理政府信息公开申请情况\n" + "\n".join(req_lines) + "\n"
        "    四、政府信息公开行政复议、行政诉讼情况\n" + "\n".join(app) + "\n"
        "    五、存在的主要问题及改进情况\n    " + pick(PROBLEMS, 0, year=2020, short="厅") +
        "    六、其他需要报告的事项\n    " + pick(OTHER, 1) +
        "\n                                                  浙江省财政厅\n                                                2021年1月29日\n"
        "\n                                       — 4 —\n"
    )
    d.show["/proactive/procurement/amountWan"] = "31872.6"
    d.write("014_zhejiang-caizheng-2020-pdf", text, expect(d, "2019 form, text from `pdftotext -layout`: rows laid out with runs of spaces, header cells split over two or three lines (「本年新 / 制作数量」, 「商业 / 企业」, 「结果 / 维持」), long labels wrapped with the continuation on the next line after the numbers (「（二）部分公开（区分处理的，只计这一 … / 情形，不计其他情形）」), the group label 「三、本年度 / 办理结果」 sharing lines with 「（四）无法提供 1.本机关不掌握相关政府 … / 信息」; page marks 「— 3 —」 with form feed and the running header inside table 三. Title over three lines. Fee change -3; procurement 31872.6 万元 (56 projects)."))


# ---------------------------------------------------------------------------------------------
@fixture
def f015():
    org = "湖州市南浔区住房和城乡建设局"
    req = build_requests(
        "2019", [14, 6, 0, 0, 2, 0], [0, 0, 0, 0, 0, 0],
        {
            "granted": [5, 3, 0, 0, 1, 0],
            "partiallyGranted": [1, 1, 0, 0, 0, 0],
            "withheld/processInfo": [1, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [4, 1, 0, 0, 1, 0],
            "unavailable/needsCreation": [1, 0, 0, 0, 0, 0],
            "notProcessed/petition": [1, 0, 0, 0, 0, 0],
        },
    )
    d = Doc("2019", org, 2019, "2020-01-21",
            p19([0, 0, 0], [3, 3, 19], [21, 2, 387], [6, 0, 52], [5, 1, 33], [0, 0, 0], [1, 0], [11, 1386.27]),
            req, build_appeals({"litigationDirect": [1, 0, 0, 0]}))
    d.show["/proactive/licensing/change"] = "+2"
    d.show["/proactive/penalties/change"] = "增1"
    d.show["/proactive/procurement/amountWan"] = "1386.27万元"
    p = lambda s: f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{s}</p>\n"
    tables = (
        html_proactive(d, table_attrs='width="600" border="1" align="center" cellpadding="0" cellspacing="0"')
        + p("<strong>三、收到和处理政府信息公开申请情况</strong>")
        + html_requests(d, table_attrs='width="600" border="1" align="center" cellpadding="0" cellspacing="0"')
        + p("<strong>四、政府信息公开行政复议、行政诉讼情况</strong>")
        + html_appeals(d, table_attrs='width="600" border="1" align="center" cellpadding="0" cellspacing="0"')
    )
    tables = noise(tables, [
        ("<td>本年新制作数量</td>", "<th>本年新<br>制作数量</th>"),
        ("<td>本年新公开数量</td>", "<th>本年新<br/>公开数量</th>"),
        ("<td>对外公开总数量</td>", "<th>对外公开<br>总数量</th>"),
        ("<td>0</td>", "<td><span style=\"font-family:宋体\">&nbsp;0</span></td>", 5),
        ("<td>1.属于国家秘密</td>", "<td><p>1.属于国家</p><p>秘密</p></td>"),
        ('<td rowspan="8">（三）不予公开</td>', '<td rowspan="8">（三）<br>不予<br>公开</td>'),
    ])
    html = (
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
        "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\" />\n"
        f"<title>{org}2019年度政府信息公开工作年度报告</title>\n<meta name=\"ArticleTitle\" content=\"{org}2019年度政府信息公开工作年度报告\">\n"
        "<meta name=\"PubDate\" content=\"2020-01-21 09:12\">\n<style>.bt{font-size:22px}</style>\n</head>\n<body>\n"
        "<table width=\"1000\" align=\"center\"><tr><td><a href=\"/\">南浔区人民政府</a></td><td><a href=\"/col/col1229\">首页</a> <a href=\"/col/xxgk\">信息公开</a> <a href=\"/col/zwfw\">政务服务</a> <a href=\"/col/hdjl\">互动交流</a></td></tr></table>\n"
        "<table width=\"1000\" align=\"center\"><tr><td>索引号：</td><td>11330503002567185J/2020-00012</td><td>分类：</td><td>政府信息公开年报</td></tr>"
        "<tr><td>发布机构：</td><td>区住建局</td><td>发文日期：</td><td>2020-01-21</td></tr></table>\n"
        "<div id=\"zoom\">\n"
        f"<p align=\"center\" class=\"bt\"><strong>{org}2019年度政府信息公开工作年度报告</strong></p>\n"
        + p("<strong>一、总体情况</strong>")
        + p(overview(org, 2019, "全年主动公开建设工程招投标、商品房预售许可、住房保障等信息604条。").strip())
        + p("（一）主动公开政府信息情况。按照“谁制作、谁公开”的原则，及时公开建筑市场监管、房地产市场管理等信息。")
        + p("（二）依申请公开情况。" + f"全年共受理依申请公开{req['received']['total']}件，全部在法定时限内答复。")
        + p("<strong>二、主动公开政府信息情况</strong>")
        + tables
        + p("<strong>五、存在的主要问题及改进情况</strong>")
        + "".join(p(x) for x in pick(PROBLEMS, 2, year=2019, short="局").strip().split("\n"))
        + p("<strong>六、其他需要报告的事项</strong>")
        + p("无。")
        + f"<p align=\"right\">{org}</p>\n<p align=\"right\">2020年1月21日</p>\n"
        "</div>\n"
        "<table width=\"1000\" align=\"center\"><tr><td>【<a href=\"javascript:window.print()\">打印</a>】【<a href=\"javascript:window.close()\">关闭</a>】</td></tr></table>\n"
        "<div class=\"foot\">版权所有：湖州市南浔区人民政府办公室 | 浙ICP备12345678号 | 技术支持：浙江政务服务网</div>\n"
        "</body>\n</html>\n"
    )
    d.write("015_nanxun-zhujian-2019-portal", html, expect(d, "2019 form in a portal page laid out with tables (nav table and metadata table before the report, print/close table after). Table 二 header cells are <th> with <br> inside (「本年新<br>制作数量」); some cells wrap the number in <span> with &nbsp;; 「1.属于国家</p><p>秘密」 split into two <p>; 「（三）<br>不予<br>公开」; 「+2」 and 「增1」 changes; 「1386.27万元」."))


# ---------------------------------------------------------------------------------------------
@fixture
def f016():
    org = "宁波市海曙区南门街道办事处"
    req = build_requests(
        "2019", [9, 1, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0],
        {
            "granted": [6, 1, 0, 0, 0, 0],
            "unavailable/notHeld": [2, 0, 0, 0, 0, 0],
            "notProcessed/petition": [1, 0, 0, 0, 0, 0],
        },
    )
    # the agency's slips: （一）予以公开 总计 typed 6 (parts add to 7), so （七）总计's 总计 (summed from the row totals, 9)
    # disagrees with its own row (10); 行政复议 总计 typed 1 for 1 + 0 + 0 + 1
    req["granted"]["total"] = 6
    req["handledTotal"]["total"] = 9
    req["carriedForward"]["total"] = 1
    ap = build_appeals({"review": [1, 0, 0, 1]})
    ap["review"]["total"] = 1
    d = Doc("2019", org, 2020, "2021-01-26",
            p19([0, 0, 0], [0, 0, 0], [0, 0, 0], [3, 0, 41], [0, 0, 0], [0, 0, 0], [0, 0], [0, 0]),
            req, ap)
    rows3 = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况", "", "", "", "", "", ""],
             ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
             ["", "", "", "", "商业<br>企业", "科研<br>机构", "社会公益<br>组织", "法律服务<br>机构", "其他", ""]]
    for labels, vals in d.request_rows():
        lab = labels + [""] * (3 - len(labels))
        rows3.append([*lab, *vals])
    t3 = md_lines(rows3)
    text = (
        "# 宁波市海曙区南门街道办事处\n# 2020年度政府信息公开工作年度报告\n\n"
        "## 一、总体情况\n\n" + overview("南门街道", 2020, "全年在区政府门户网站街道专栏主动公开信息163条。") +
        "\n## 二、主动公开政府信息情况\n\n" + md_lines([c for _, c in d.proactive_rows()]) +
        "\n## 三、收到和处理政府信息公开申请情况\n\n" + t3 +
        "\n## 四、政府信息公开行政复议、行政诉讼情况\n\n" + md_lines([list(r) for r in APPEAL_HEAD] + [d.appeal_values()]) +
        "\n## 五、存在的主要问题及改进情况\n\n" + pick(PROBLEMS, 1) +
        "\n## 六、其他需要报告的事项\n\n" + pick(OTHER, 2) + f"\n宁波市海曙区南门街道办事处\n2021年1月26日\n"
    )
    text = noise(text, [
        ("| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |", "| 信息内容 | 本年新<br>制作数量 | 本年新<br>公开数量 | 对外公开<br>总数量 |"),
    ])
    d.write("016_nanmen-jiedao-2020-error", text, expect(
        d, "Genuine 勾稽 errors in the source: row （一）予以公开 reads 6/1/0/0/0/0 with 总计 6 (R2 at granted/total); （七）总计 reads 9/1/0/0/0/0 with 总计 9, the sum of the row totals as written, so R2 fails on that row too and R1 fails on the 总计 column (10 + 1 ≠ 9 + 1, reported at received/total) while R3 on the 总计 column holds (6 + 2 + 1 = 9); 行政复议 1/0/0/1 with 总计 1 (R4). Markdown with the title as two # headings, header cells with <br> inside.",
    ))


# ---------------------------------------------------------------------------------------------
@fixture
def f017():
    org = "绍兴市越城区民政局"
    req = build_requests(
        "2019", [19, 0, 0, 3, 1, 0], [0, 0, 0, 1, 0, 0],
        {
            "granted": [8, 0, 0, 2, 1, 0],
            "partiallyGranted": [2, 0, 0, 0, 0, 0],
            "withheld/thirdParty": [3, 0, 0, 1, 0, 0],
            "unavailable/notHeld": [4, 0, 0, 0, 0, 0],
            "notProcessed/petition": [1, 0, 0, 0, 0, 0],
        },
    )
    d = Doc("2019", org, 2020, "2021-01-20",
            p19([0, 0, 0], [2, 2, 9], [7, 0, 136], [11, -1, 2874], [2, 0, 4], [0, 0, 0], [0, 0], [3, 12.6]),
            req, build_appeals({}))
    d.show["/proactive/otherServices/change"] = "减1"
    t2 = proactive_table(d, "tab")
    t3 = requests_table(d, "cell")
    t4 = "".join("| " + " | ".join(r) + " |\n" + ("|" + "---|" * 15 + "\n" if i == 0 else "")
                 for i, r in enumerate([["行政复议", "", "", "", "", "行政诉讼"] + [""] * 9,
                                        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
                                        ["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
                                        d.appeal_values()]))
    # one cell lost in the Word copy (row 3.要求提供公开出版物 has six cells; R3 forces the lost one to 0),
    # and one row with an extra empty cell at its end
    t3 = noise(t3, [
        ("\t3.要求提供公开出版物\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n", "\t3.要求提供公开出版物\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n"),
        ("\t（六）其他处理\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n", "\t（六）其他处理\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t\n"),
    ])
    text = (
        "绍兴市越城区民政局\n2020年度政府信息公开\n工作年度报告\n\n"
        "根据《中华人民共和国政府信息公开条例》规定，特向社会公布2020年度本机关政府信息公开工作年度报告。\n"
        "一、总体情况\n" + overview(org, 2020, "全年主动公开社会救助、养老服务、婚姻登记、社会组织管理等信息391条。") +
        "二、主动公开政府信息情况\n" + t2 +
        "\n三、收到和处理政府信息公开申请情况\n" + t3 +
        "四、政府信息公开行政复议、行政诉讼情况\n" + t4 +
        "\n五、政务公开平台建设情况\n依托区政府门户网站民政专栏和“越城民政”微信公众号，全年发布信息620条。\n"
        "六、存在的主要问题及改进情况\n" + pick(PROBLEMS, 2, year=2020, short="局") +
        "七、其他需要报告的事项\n" + pick(OTHER, 3, year=2020, short="局") +
        f"\n{org}\n二〇二一年一月二十日\n"
    )
    d.write("017_yuecheng-minzheng-2020-mixed", text, expect(d, "2019 form, three layouts in one file: table 二 tab rows, table 三 one cell per line, table 四 markdown pipes. Row （五）3.要求提供公开出版物 lost one cell in the copy (six 0s for seven columns); every column's R3 forces the lost cell to 0, so the row is all 0 (reported as inferred). Row （六）其他处理 has an extra empty cell at its end. Extra section 五、政务公开平台建设情况 → problems is 六, other is 七. Title over three lines, 「减1」, signature 二〇二一年一月二十日."))


# ---------------------------------------------------------------------------------------------
@fixture
def f018():
    org = "成都市武侯区人民政府"
    req = build_requests(
        "2021", [312, 47, 3, 1, 18, 6], [21, 4, 0, 0, 1, 0],
        {
            "granted": [97, 16, 1, 1, 6, 2],
            "partiallyGranted": [38, 7, 1, 0, 3, 1],
            "withheld/stateSecret": [1, 0, 0, 0, 0, 0],
            "withheld/prohibitedByLaw": [2, 0, 0, 0, 0, 0],
            "withheld/threeSecurities": [1, 0, 0, 0, 0, 0],
            "withheld/thirdParty": [9, 2, 0, 0, 1, 0],
            "withheld/internalAffairs": [4, 0, 0, 0, 0, 0],
            "withheld/processInfo": [11, 1, 0, 0, 0, 0],
            "withheld/enforcementFiles": [3, 1, 0, 0, 1, 0],
            "withheld/queryMatters": [5, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [88, 12, 1, 0, 5, 2],
            "unavailable/needsCreation": [14, 3, 0, 0, 1, 0],
            "unavailable/unclear": [6, 1, 0, 0, 0, 0],
            "notProcessed/petition": [12, 2, 0, 0, 0, 1],
            "notProcessed/duplicate": [9, 1, 0, 0, 1, 0],
            "notProcessed/publication": [1, 0, 0, 0, 0, 0],
            "notProcessed/excessive": [3, 0, 0, 0, 0, 0],
            "notProcessed/confirmation": [2, 0, 0, 0, 0, 0],
            "otherHandling/noCorrection": [5, 1, 0, 0, 0, 0],
            "otherHandling/other": [3, 0, 0, 0, 0, 0],
        },
    )
    d = Doc("2021", org, 2021, "2022-03-15", p21([0, 0, 0], [11, 4, 62], 18346, 2671, 108, 1893.42),
            req, build_appeals({"review": [6, 2, 1, 3], "litigationDirect": [4, 1, 0, 2], "litigationAfterReview": [2, 0, 0, 1]}))
    # OCR'd markdown for 三: the three label columns collapsed into one, the two header rows flattened, a wrong first header
    rows3 = []
    for labels, vals in d.request_rows():
        lab = "".join(x for x in labels if x and x != "三、本年度办理结果")
        rows3.append([lab, *vals])
    t3 = ("| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
          "| :-- | --: | --: | --: | --: | --: | --: | --: |\n"
          "| 三、本年度办理结果 | | | | | | | |\n"
          + "".join("| " + " | ".join(r) + " |\n" for r in rows3))
    t3 = noise(t3, [
        ("| 三、本年度办理结果 | | | | | | | |\n| 一、", "| 一、"),
    ])
    # fix the order: the group heading row belongs before （一）
    t3 = t3.replace("| （一）予以公开 |", "| 三、本年度办理结果 | | | | | | | |\n| （一）予以公开 |")
    text = (
        f"{org}\n2021年政府信息公开工作\n年度报告\n\n"
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。"
        "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。"
        "本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n\n"
        "一、总体情况\n" + overview("武侯区", 2021, "全年全区各级各部门主动公开政府信息3.6万余条，其中区政府门户网站发布1.2万条。") +
        "（一）主动公开\n围绕重大决策部署、财政资金、重大建设项目、公共资源配置等重点领域，深化决策、执行、管理、服务、结果公开。\n"
        f"（二）依申请公开\n全年共收到政府信息公开申请{req['received']['total']}件，上年结转{req['carriedOver']['total']}件，办结{req['handledTotal']['total']}件，结转下年度继续办理{req['carriedForward']['total']}件。\n"
        "（三）政府信息管理\n严格执行政府信息公开保密审查制度。\n"
        "（四）政府信息公开平台建设\n优化区政府门户网站政府信息公开专栏。\n"
        "（五）监督保障\n将政务公开工作纳入区级部门年度目标绩效考核。\n"
        "二、主动公开政府信息情况\n" + proactive_table(d, "tab") +
        "三、收到和处理政府信息公开申请情况\n" + t3 +
        "\n四、政府信息公开行政复议、行政诉讼情况\n" + appeals_table(d, "cell") +
        "五、政务公开平台建设\n区政府门户网站全年发布信息1.2万条，政务新媒体“武侯发布”发布信息4300余条。\n"
        "六、政务公开工作创新\n打造“政务公开+基层治理”试点社区12个。\n"
        "七、存在的主要问题及整改措施\n" + pick(PROBLEMS, 1) +
        "八、其他需要报告的事项\n" + pick(OTHER, 1) +
        f"\n\n\n{org}\n2022年3月15日\n"
    )
    text = noise(text, [
        ("信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "信息内容\t本年制\n发件数\t本年废\n止件数\t现行有\n效件数"),
        ("18346", "18,346"),
        ("1893.42", "1893.42 "),
    ])
    d.write("018_wuhou-qu-2021-combo", text, expect(d, "2021 form, combined layouts: table 二 tab rows with header cells split over lines and 「18,346」; table 三 OCR'd markdown with the label columns collapsed into one cell (「（三）不予公开1.属于国家秘密」, 「（六）其他处理1.申请人无正当理由…」), the two header rows flattened into one, a stray group row 「三、本年度办理结果」 with empty cells; table 四 one cell per line. Extra sections 五、六 → 「七、存在的主要问题及整改措施」, 八 other. Title over three lines; large nonzero numbers; fee 1893.42 万元."))


# ---------------------------------------------------------------------------------------------
@fixture
def f019():
    org = "江西省教育厅"
    req = build_requests(
        "2021", [204, 11, 2, 3, 6, 4], [9, 0, 0, 0, 0, 0],
        {
            "granted": [83, 4, 1, 1, 2, 1],
            "partiallyGranted": [17, 1, 0, 0, 1, 0],
            "withheld/thirdParty": [6, 0, 0, 0, 0, 0],
            "withheld/internalAffairs": [2, 0, 0, 0, 0, 0],
            "withheld/processInfo": [5, 1, 0, 0, 0, 0],
            "withheld/queryMatters": [9, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [51, 3, 1, 1, 2, 2],
            "unavailable/needsCreation": [7, 0, 0, 0, 0, 0],
            "unavailable/unclear": [4, 1, 0, 0, 0, 0],
            "notProcessed/petition": [11, 0, 0, 1, 0, 0],
            "notProcessed/duplicate": [6, 1, 0, 0, 0, 0],
            "otherHandling/noCorrection": [3, 0, 0, 0, 1, 0],
            "otherHandling/unpaidFee": [1, 0, 0, 0, 0, 0],
            "otherHandling/other": [2, 0, 0, 0, 0, 1],
        },
    )
    d = Doc("2021", org, 2022, "2023-01-19", p21([0, 0, 0], [8, 3, 57], 1524, 3, 0, 0),
            req, build_appeals({"review": [2, 1, 0, 1], "litigationDirect": [1, 0, 0, 2]}))
    run = "2022年度江西省教育厅政府信息公开工作年度报告"
    lr = layout_row
    pro = ["                               第二十条第（一）项",
           "         信息内容          本年制发件数    本年废止件数    现行有效件数"]
    for kind, cells in d.proactive_rows()[2:]:
        if kind == "article":
            pro.append("                               " + cells[0])
        elif kind == "header":
            pro.append("         信息内容                       " + cells[1])
        else:
            pro.append(lr(cells[0], cells[1:], width=14, gap=14))
    lines = [
        "                                                              申请人情况",
        "                                                                法人或其他组织",
        "     （本列数据的勾稽关系为：第一项加第二                                                  总计",
        "      项之和，等于第三项加第四项之和）       自然人   商业    科研   社会公   法律服    其他",
        "                                                      企业    机构   益组织   务机构",
    ]
    for labels, vals in d.request_rows():
        lab = labels[-1]
        if lab.startswith("1.申请人无正当"):
            lines += ["              1.申请人无正当理由逾期不补",
                      lr("（六）其他     正、行政机关不再处理其政府", vals),
                      "   处理        信息公开申请"]
        elif lab.startswith("2.申请人逾期"):
            lines += ["              2.申请人逾期未按收费通知要",
                      lr("              求缴纳费用、行政机关不再处", vals),
                      "              理其政府信息公开申请"]
        elif lab == "3.其他":
            lines.append(lr("              3.其他", vals))
        elif lab.startswith("（二）部分公开"):
            lines += ["            （二）部分公开（区分处理的，",
                      lr("            只计这一情形，不计其他情形）", vals)]
        elif lab == "5.属于三类内部事务信息":
            lines.append(lr("三、本年度     5.属于三类内部事务信息", vals))
        elif lab == "6.属于四类过程性信息":
            lines.append(lr("  办理结果     6.属于四类过程性信息", vals))
        elif lab == "1.属于国家秘密":
            lines.append(lr("              1.属于国家秘密", vals))
        elif lab == "2.其他法律行政法规禁止公开":
            lines.append(lr("            （三）2.其他法律行政法规禁止公开", vals))
        elif lab == "3.危及“三安全一稳定”":
            lines.append(lr("            不予  3.危及“三安全一稳定”", vals))
        elif lab == "4.保护第三方合法权益":
            lines.append(lr("            公开  4.保护第三方合法权益", vals))
        elif lab == "2.没有现成信息需要另行制作":
            lines.append(lr("            （四）无法提供 2.没有现成信息需要另行制作", vals))
        elif lab == "3.要求提供公开出版物":
            lines.append(lr("            （五）不予处理 3.要求提供公开出版物", vals))
        elif lab.startswith("5.要求行政机关"):
            lines += [lr("              5.要求行政机关确认或重新出具已", vals), "              获取信息"]
        else:
            lines.append(lr(("              " if lab[0].isdigit() else "") + lab, vals))
        if lab == "3.补正后申请内容仍不明确":
            lines += ["", "                                 第 3 页 共 6 页", "\f" + run, ""]
    app = [
        "                     行政复议                                         行政诉讼",
        "                                                   未经复议直接起诉                复议后起诉",
        "   结果维持  结果纠正  其他结果  尚未审结  总计   结果  结果  其他  尚未   总计  结果  结果  其他  尚未   总计",
        "                                                   维持  纠正  结果  审结         维持  纠正  结果  审结",
        "       " + "         ".join(d.appeal_values()[:5]) + "     " + "     ".join(d.appeal_values()[5:]),
    ]
    text = (
        run + "\n\n"
        "    本报告依据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》\n（国办公开办函〔2021〕30号）编制。\n"
        "    一、总体情况\n    " + overview(org, 2022, "全年通过厅门户网站主动公开政府信息1932条，发布政策解读46篇。") +
        "    （一）主动公开。重点公开招生考试、学生资助、教师资格等信息。\n"
        "\n                                 第 1 页 共 6 页\n\f" + run + "\n"
        "    二、主动公开政府信息情况\n" + "\n".join(pro) + "\n"
        "    三、收到和处理政府信息公开申请情况\n" + "\n".join(lines) + "\n"
        "    四、政府信息公开行政复议、行政诉讼情况\n" + "\n".join(app) + "\n"
        "\n                                 第 4 页 共 6 页\n\f" + run + "\n"
        "    五、存在的主要问题及改进情况\n    " + pick(PROBLEMS, 0, year=2022, short="厅") +
        "    六、其他需要报告的事项\n    " + pick(OTHER, 1) +
        "\n                                                        江西省教育厅\n                                                     2023 年 1 月 19 日\n"
        "\n                                 第 5 页 共 6 页\n"
    )
    d.write("019_jiangxi-jiaoyu-2022-pdf", text, expect(d, "2021 form, `pdftotext -layout` with the year before the organ in the title (「2022年度江西省教育厅政府信息公开工作年度报告」, also the running header on every page); page footers 「第 3 页 共 6 页」 with form feeds; merged group labels spread over lines beside other rows (「（三）/不予/公开」, 「三、本年度/办理结果」, 「（六）其他/处理」); the （六）1 and 2 labels wrap over three lines with the numbers on the middle line; 「5.要求行政机关确认或重新出具已 / 获取信息」 with the numbers on the first line; signature date written 「2023 年 1 月 19 日」 with spaces."))


# ---------------------------------------------------------------------------------------------
@fixture
def f020():
    org = "台州市椒江区司法局"
    req = build_requests(
        "2021", [7, 1, 0, 0, 3, 0], [1, 0, 0, 0, 0, 0],
        {
            "granted": [3, 1, 0, 0, 1, 0],
            "partiallyGranted": [1, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [2, 0, 0, 0, 1, 0],
            "notProcessed/petition": [1, 0, 0, 0, 0, 0],
            "otherHandling/other": [0, 0, 0, 0, 1, 0],
        },
    )
    d = Doc("2021", org, 2023, None, p21([0, 0, 0], [0, 0, 0], 1, 0, 0, 0),
            req, build_appeals({"review": [1, 0, 0, 0]}))
    t2, t3, t4 = crawler_tables(d)
    # the crawler kept no line breaks inside the tables at all
    t2 = t2.replace("\n", "", t2.count("\n") - 1).replace("二、主动公开政府信息情况", "二、主动公开政府信息情况\n")
    t3 = t3.replace("\n", "", t3.count("\n") - 1).replace("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请情况\n")
    t4 = t4.replace("\n", "", t4.count("\n") - 1).replace("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议、行政诉讼情况\n")
    text = (
        f"{org}2023年政府信息公开工作年度报告\n"
        "来源： 椒江区司法局 发布时间： 2024-01-29 10:32 浏览次数：\n"
        "一、总体情况\n" + overview(org, 2023, "全年主动公开普法宣传、公共法律服务、行政执法监督等信息203条。") +
        t2 + t3 + t4 +
        "五、存在的主要问题及改进情况\n" + pick(PROBLEMS, 2, year=2023, short="局") +
        "六、其他需要报告的事项\n" + pick(OTHER, 0) +
        "相关附件：\n椒江区司法局2023年政府信息公开工作年度报告.pdf\n上一篇：椒江区司法局2022年政府信息公开工作年度报告\n下一篇：关于公布2023年度行政执法统计数据的公告\n"
    )
    d.write("020_jiaojiang-sifa-2023-crawler", text, expect(d, "2021 form, crawler text where each table is a single line: labels, header texts and digits all run together (「…规章000行政规范性文件000第二十条第（五）项信息内容本年处理决定数量行政许可1第二十条…」, 「…（三）不予公开1.属于国家秘密00000002.其他法律…」); every row split is unique under R2/R4. No signature (publication date only in the crawler's 发布时间 line) → issuedOn null. Trailing 上一篇/下一篇 links mention the 2022 report."))


# ---------------------------------------------------------------------------------------------
@fixture
def f021():
    org = "衢州市柯城区人民政府"
    req = build_requests(
        "2019", [58, 9, 0, 1, 4, 2], [3, 1, 0, 0, 0, 0],
        {
            "granted": [21, 4, 0, 1, 2, 1],
            "partiallyGranted": [6, 1, 0, 0, 0, 0],
            "withheld/prohibitedByLaw": [1, 0, 0, 0, 0, 0],
            "withheld/thirdParty": [3, 1, 0, 0, 0, 0],
            "withheld/processInfo": [2, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [17, 2, 0, 0, 1, 1],
            "unavailable/needsCreation": [3, 0, 0, 0, 0, 0],
            "notProcessed/petition": [4, 0, 0, 0, 0, 0],
            "notProcessed/duplicate": [2, 1, 0, 0, 0, 0],
            "otherHandling": [2, 0, 0, 0, 1, 0],
        },
    )
    d = Doc("2019", org, 2019, "2020-03-26",
            p19([0, 0, 0], [7, 7, 48], [312, 3, 9683], [96, -4, 15427], [41, 2, 1135], [12, 0, 38], [6, -1], [23, 4270.55]),
            req, build_appeals({"review": [2, 0, 1, 0], "litigationDirect": [1, 1, 0, 0]}))
    d.show["/proactive/licensing/change"] = "增加3"
    d.show["/proactive/otherServices/change"] = "减少4"
    d.show["/proactive/penalties/change"] = "增2"
    d.show["/proactive/fees/change"] = "减1"
    d.show["/proactive/procurement/amountWan"] = "4270.55"
    title = f"{org}2019年政府信息公开工作年度报告"
    tbl = "class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-table-layout-alt:fixed;border:none;mso-border-alt:solid windowtext .5pt'"
    body = (
        "<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:18.0pt;font-family:宋体'>衢州市柯城区人民政府</span></b></p>\n"
        "<p class=MsoNormal align=center style='text-align:center'><b><span lang=EN-US style='font-size:18.0pt'>2019</span></b><b><span style='font-size:18.0pt;font-family:宋体'>年政府信息公开工作年度报告</span></b></p>\n"
        + wp("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布柯城区人民政府<span lang=EN-US>2019</span>年政府信息公开工作年度报告。")
        + wp("一、总体情况", True)
        + wp(overview("柯城区", 2019, "全区累计主动公开政府信息<span lang=EN-US>8526</span>条。").strip())
        + wp("二、主动公开政府信息情况", True)
        + html_proactive(d, word=True, table_attrs=tbl)
        + wp("三、收到和处理政府信息公开申请情况", True)
        + html_requests(d, word=True, table_attrs=tbl)
        + wp("四、政府信息公开行政复议、行政诉讼情况", True)
        + html_appeals(d, word=True, table_attrs=tbl)
        + wp("五、存在的主要问题及改进情况", True)
        + "".join(wp(x) for x in pick(PROBLEMS, 1).strip().split("\n"))
        + wp("六、其他需要报告的事项", True)
        + wp("无。")
        + "<p class=MsoNormal align=right style='text-align:right'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>衢州市柯城区人民政府办公室</span></p>\n"
        + "<p class=MsoNormal align=right style='text-align:right'><span lang=EN-US style='font-size:16.0pt'>2020</span><span style='font-size:16.0pt;font-family:仿宋_GB2312'>年<span lang=EN-US>3</span>月<span lang=EN-US>26</span>日</span></p>\n"
    )
    body = noise(body, [
        # 增加3 written with the digit in its own EN-US run, as Word does
        ("<span style='font-size:10.5pt;font-family:宋体;mso-ascii-font-family:\"Times New Roman\"'>增</span><span style='font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体'>加3<o:p></o:p></span>",
         "<span style='font-size:10.5pt;font-family:宋体'>增加</span><span lang=EN-US style='font-size:10.5pt'>3<o:p></o:p></span>"),
    ])
    html = WORD_HEAD.format(title=title).replace("charset=gb2312", "charset=utf-8") + body + "</div>\n\n</body>\n\n</html>\n"
    d.write("021_kecheng-qu-2019-wordhtml", html, expect(d, "2019 form, Word 「save as HTML」 (utf-8): title over two <p>, every cell a MsoNormal paragraph with split spans; changes 「增加3」 (digit in its own lang=EN-US run), 「减少4」, 「增2」, 「减1」; large counts (15427, 9683); procurement 4270.55 万元. Signature by 「衢州市柯城区人民政府办公室」 (the office, not the organ of the title) with a date split into spans."))


# ---------------------------------------------------------------------------------------------
@fixture
def f022():
    org = "舟山市定海区审计局"
    req = build_requests(
        "2019", [4, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0],
        {"granted": [2, 1, 0, 0, 0, 0], "withheld/internalAffairs": [1, 0, 0, 0, 0, 0]},
    )
    d = Doc("2019", org, 2020, "2021-01-15",
            p19([0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0], [2, 8.64]),
            req, build_appeals({}))
    rows3 = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况", "", "", "", "", "", ""],
             ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
             ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]
    for labels, vals in d.request_rows():
        lab = labels + [""] * (3 - len(labels))
        rows3.append([*lab, *vals])
    t3 = md_lines(rows3)
    t3 = noise(t3, [
        ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"),
        ("申请人情况", "申谞人情况"),
        ("1.属于国家秘密", "1.属于国家秘蜜"),
        ("3.危及“三安全一稳定”", "3.危及\"三安全一稳定\""),
        ("4.无正当理由大量反复申请", "4.无正当理由大量反复申清"),
        ("|  | （五）不予处理 | 1.信访举报投诉类申请 |", "\n- 3 -\n\n|  | （五）不予处理 | 1.信访举报投诉类申请 |"),
    ])
    text = (
        "**舟山市定海区审计局2020年度政府信息公开工作年度报告**\n\n"
        "**一、总体情况**\n\n" + overview(org, 2020, "全年主动公开审计结果公告、部门预决算等信息58条。") +
        "\n**二、主动公开政府信息情况**\n\n" + md_lines([c for _, c in d.proactive_rows()]) +
        "\n**三、收到和处理政府信息公开申请情况**\n\n" + t3 +
        "\n**四、政府信息公开行政复议、行政诉讼情况**\n\n" + md_lines([list(r) for r in APPEAL_HEAD] + [d.appeal_values()]) +
        "\n**五、存在的主要问题及改进情况**\n\n" + pick(PROBLEMS, 0, year=2020, short="局") +
        "\n**六、其他需要报告的事项**\n\n" + pick(OTHER, 2) + "\n舟山市定海区审计局\n2021年1月15日\n"
    )
    text = noise(text, [
        ("| 政府集中采购 | 2 | 8.64 |", "| 政府集中采购 | 2 | 8.64万元 |"),
        ("| 第二十条第（九）项 |", "| 第二十条第(九)项 |"),
    ])
    d.write("022_dinghai-shenji-2020-ocr", text, expect(d, "2019 form, OCR'd markdown of a scanned PDF: headings in **bold**, half-width punctuation in the 勾稽 note, OCR typos in labels (「申谞人情况」, 「1.属于国家秘蜜」, 「4.无正当理由大量反复申清」), straight quotes around 三安全一稳定, a page mark 「- 3 -」 between two rows of table 三, 「第二十条第(九)项」, procurement 「8.64万元」."))


# ---------------------------------------------------------------------------------------------
@fixture
def f023():
    org = "丽水市莲都区财政局"
    req = build_requests(
        "2021", [11, 4, 0, 0, 1, 0], [2, 0, 0, 0, 0, 0],
        {
            "granted": [5, 2, 0, 0, 1, 0],
            "partiallyGranted": [2, 0, 0, 0, 0, 0],
            "withheld/internalAffairs": [1, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [3, 1, 0, 0, 0, 0],
            "otherHandling/noCorrection": [1, 0, 0, 0, 0, 0],
        },
    )
    d = Doc("2021", org, 2022, "2023-01-16", p21([0, 0, 0], [2, 0, 5], 0, 3, 0, 0),
            req, build_appeals({"review": [0, 0, 0, 1]}))

    def plain_cells(rows):
        # WPS copy: one cell per line, no tabs, a blank line between rows, empty cells as empty lines
        return "\n\n".join("\n".join(r) for r in rows) + "\n\n"

    t2 = plain_cells([c for _, c in d.proactive_rows()])
    t3 = plain_cells([list(r) for r in __import__("lib").REQ_HEAD_CELL] + [[*l, *v] for l, v in d.request_rows()])
    t4 = plain_cells([list(r) for r in APPEAL_HEAD] + [d.appeal_values()])
    text = (
        "\ufeff" + org + "政府信息公开工作年度报告\n（2022年度）\n\n"
        "一、总体情况\n" + overview(org, 2022, "全年主动公开预决算、政府采购、惠企政策等信息341条。") +
        "二、主动公开政府信息情况\n" + t2 +
        "三、收到和处理政府信息公开申请情况\n" + t3 +
        "四、政府信息公开行政复议、行政诉讼情况\n" + t4 +
        "五、存在的主要问题及改进情况\n" + pick(PROBLEMS, 2, year=2022, short="局") +
        "六、其他需要报告的事项\n" + pick(OTHER, 1) +
        f"\n{org}\n2023年1月16日\n"
    )
    text = text.replace("\n", "\r\n")
    d.write("023_liandu-caizheng-2022-wps", text, expect(d, "2021 form; UTF-8 with BOM and CRLF line ends; the year only after the organ, in parentheses on the second title line (「…政府信息公开工作年度报告\\n（2022年度）」); WPS copy: one cell per line with NO leading tab, empty cells as empty lines, a blank line between rows (so an empty label cell and a row break look alike — rows are recovered from the labels)."))


# ---------------------------------------------------------------------------------------------
@fixture
def f024():
    org = "金华市婺城区城市管理局"
    req = build_requests(
        "2021", [36, 5, 0, 0, 2, 1], [0, 1, 0, 0, 0, 0],
        {
            "granted": [14, 2, 0, 0, 1, 0],
            "partiallyGranted": [3, 1, 0, 0, 0, 0],
            "withheld/enforcementFiles": [2, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [10, 2, 0, 0, 1, 1],
            "unavailable/needsCreation": [2, 0, 0, 0, 0, 0],
            "notProcessed/petition": [3, 0, 0, 0, 0, 0],
            "otherHandling/other": [1, 0, 0, 0, 0, 0],
        },
    )
    d = Doc("2021", org, 2022, "2023-01-28", p21([0, 0, 0], [1, 1, 6], 2716, 1893, 46, 0),
            req, build_appeals({"review": [1, 0, 0, 0], "litigationDirect": [0, 1, 0, 0]}))
    att = 'border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%"'
    pro = html_proactive(d, table_attrs=att)
    # the portal editor split table 二 into one table per 第二十条 block
    pro = pro.replace("<tr><td colspan=\"4\">第二十条第（五）项", "</tbody>\n</table>\n<p>&nbsp;</p>\n<table " + att + ">\n<tbody>\n<tr><td colspan=\"4\">第二十条第（五）项")
    pro = pro.replace("<tr><td colspan=\"4\">第二十条第（六）项", "</tbody>\n</table>\n<table " + att + ">\n<tbody>\n<tr><td colspan=\"4\">第二十条第（六）项")
    pro = pro.replace("<tr><td colspan=\"4\">第二十条第（八）项", "</tbody>\n</table>\n<table " + att + ">\n<tbody>\n<tr><td colspan=\"4\">第二十条第（八）项")
    req_html = html_requests(d, table_attrs=att)
    # a PDF-to-HTML converter broke table 三 in two at the page end, repeating nothing
    cut = req_html.index("<tr><td>4.保护第三方合法权益</td>")
    req_html = (req_html[:cut] + "</tbody>\n</table>\n<p style=\"text-align:center\">- 3 -</p>\n<table " + att + ">\n<tbody>\n"
                + req_html[cut:])
    body = (
        f"<h2 style=\"text-align:center\">{org}2022年政府信息公开工作年度报告</h2>\n"
        "<div class=\"article-info\">发布时间：2023-01-28 16:05　来源：区城管局　【字体：大 中 小】</div>\n"
        "<div class=\"article-content\">\n"
        "<p>一、总体情况</p>\n<p>" + overview(org, 2022, "全年主动公开城市管理执法、市容环境卫生等信息756条。").strip() + "</p>\n"
        "<p>二、主动公开政府信息情况</p>\n" + pro +
        "<p>三、收到和处理政府信息公开申请情况</p>\n" + req_html +
        "<p>四、政府信息公开行政复议、行政诉讼情况</p>\n" + html_appeals(d, table_attrs=att) +
        "<p>五、存在的主要问题及改进情况</p>\n<p>" + pick(PROBLEMS, 0, year=2022, short="局").replace("\n", "</p>\n<p>") + "</p>\n"
        "<p>六、其他需要报告的事项</p>\n<p>" + pick(OTHER, 1).strip() + "</p>\n"
        f"<p style=\"text-align:right\">{org}</p>\n<p style=\"text-align:right\">2023年1月28日</p>\n"
        "</div>\n"
    )
    html = (
        "<!doctype html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + org + "2022年政府信息公开工作年度报告</title>\n</head>\n<body>\n"
        "<header><nav><a href=\"/\">婺城区人民政府</a> <a href=\"/zwgk\">政务公开</a> <a href=\"/bsfw\">办事服务</a></nav>"
        "<div class=\"search\"><input placeholder=\"请输入关键字\"><button>搜索</button></div></header>\n"
        "<div class=\"location\">您的位置：<a href=\"/\">首页</a> » <a href=\"/zwgk\">政务公开</a> » <a href=\"/zwgk/ndbg\">年度报告</a></div>\n"
        "<aside><ul><li>机构概况</li><li>政策文件</li><li>政府信息公开指南</li><li>政府信息公开制度</li><li>政府信息公开年报</li></ul></aside>\n"
        "<main>\n" + body + "</main>\n"
        "<footer><p>网站主办：金华市婺城区人民政府办公室</p><p>政府网站标识码：3307020001</p></footer>\n</body>\n</html>\n"
    )
    d.write("024_wucheng-chengguan-2022-splittables", html, expect(d, "2021 form, portal HTML (nav, search box, side menu, footer) where table 二 is split into four tables (one per 第二十条 block) and table 三 is broken into two tables at a PDF page end (the second part starts with row （三）4 and has no header, its （三）不予公开 rowspan cell left in the first part; 「- 3 -」 between them)."))


# ---------------------------------------------------------------------------------------------
@fixture
def f025():
    org = "温州市鹿城区卫生健康局"
    req = build_requests(
        "2019", [27, 2, 0, 1, 3, 0], [1, 0, 0, 0, 1, 0],
        {
            "granted": [10, 1, 0, 1, 1, 0],
            "partiallyGranted": [4, 0, 0, 0, 1, 0],
            "withheld/thirdParty": [2, 0, 0, 0, 0, 0],
            "withheld/processInfo": [1, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [6, 1, 0, 0, 1, 0],
            "unavailable/unclear": [1, 0, 0, 0, 0, 0],
            "notProcessed/petition": [2, 0, 0, 0, 0, 0],
            "notProcessed/confirmation": [1, 0, 0, 0, 0, 0],
        },
    )
    d = Doc("2019", org, 2020, "2021-01-27",
            p19([0, 0, 0], [1, 1, 7], [186, 14, 2451], [9, 0, 318], [22, 3, 647], [3, 0, 12], [4, 0], [9, 327.4]),
            req, build_appeals({"review": [0, 1, 0, 0]}))
    d.show["/proactive/licensing/change"] = "增14"
    d.show["/proactive/penalties/change"] = "增3"
    run = f"{org}2020年度政府信息公开工作年度报告"
    head3 = ["（本列数据的勾稽关系为：第一项加第二项之", "和，等于第三项加第四项之和）", "申请人情况", "自然人", "法人或其他组织", "总计",
             "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    lines = list(head3)
    for labels, vals in d.request_rows():
        lines += [x for x in labels if x]
        lines += vals
        if labels[-1] == "4.保护第三方合法权益":
            # page break; Word repeats the header rows of the table on the new page
            lines += ["— 3 —", run] + head3
    pro = []
    for kind, cells in d.proactive_rows():
        pro += cells
    text = (
        run + "\n"
        "一、总体情况\n" + overview(org, 2020, "全年主动公开医疗机构执业许可、\n传染病防控等信息423条。") +
        "二、主动公开政府信息情况\n" + "\n".join(pro) + "\n— 2 —\n" + run + "\n"
        "三、收到和处理政府信息公开申请情况\n" + "\n".join(lines) + "\n"
        "四、政府信息公开行政复议、行政诉讼情况\n" + "\n".join(
            ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"]
            + ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2 + d.appeal_values()) + "\n"
        "五、存在的主要问题及改进情况\n" + pick(PROBLEMS, 0, year=2020, short="局") +
        "六、其他需要报告的事项\n" + pick(OTHER, 2) +
        f"{org}\n2021年1月27日\n— 4 —\n"
    )
    d.write("025_lucheng-weijian-2020-pdf", text, expect(d, "2019 form, pdf.js text (one item per line, no tabs): a page break inside table 三 after row （三）4 with 「— 3 —」, the running header, and the header rows of table 三 repeated on the new page (Word 「repeat header rows」); 「增14」, 「增3」; procurement 327.4."))


# ---------------------------------------------------------------------------------------------
@fixture
def f026():
    org = "义乌市综合行政执法局"
    req = build_requests(
        "2021", [45, 6, 0, 0, 3, 2], [2, 0, 0, 0, 0, 0],
        {
            "granted": [17, 3, 0, 0, 2, 0],
            "partiallyGranted": [5, 0, 0, 0, 0, 0],
            "withheld/enforcementFiles": [4, 1, 0, 0, 1, 0],
            "unavailable/notHeld": [13, 2, 0, 0, 0, 1],
            "notProcessed/petition": [4, 0, 0, 0, 0, 0],
            "otherHandling/noCorrection": [2, 0, 0, 0, 0, 0],
        },
    )
    d = Doc("2021", org, 2021, "2022-01-25", p21([0, 0, 0], [2, 0, 4], 3528, 12640, 381, 0),
            req, build_appeals({"review": [3, 0, 1, 1], "litigationDirect": [2, 1, 0, 0]}))
    t2, t3, t4 = crawler_tables(d)
    text = (
        org + "政府信息公开工作年度报告\n"
        "发布日期：2022-01-25 信息来源：市综合执法局\n"
        "本报告根据《中华人民共和国政府信息公开条例》要求，由义乌市综合行政执法局编制。本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n"
        "一、总体情况\n" + overview(org, 2021, "") +
        "（一）主动公开。全年办理行政许可3528件、作出行政处罚决定12640件、实施行政强制381件，均依法在网站公开。\n"
        f"（二）依申请公开。全年新收申请{req['received']['total']}件，办结{req['handledTotal']['total']}件。\n"
        + t2 + t3 + t4 +
        "五、存在的主要问题及改进情况\n" + pick(PROBLEMS, 1) +
        "六、其他需要报告的事项\n" + pick(OTHER, 1) + f"{org}\n2022年1月25日\n"
    )
    d.write("026_yiwu-zhifa-2021-crawler", text, expect(d, "2021 form, crawler text with cells run together; the title has no year (「义乌市综合行政执法局政府信息公开工作年度报告」) — the year comes from the statistics period in the preamble (2021), not from the 发布日期 2022; the overview prose repeats table-二 labels followed by numbers (「全年办理行政许可3528件、作出行政处罚决定12640件」) before the table."))


# ---------------------------------------------------------------------------------------------
@fixture
def f027():
    org = "嵊州市人力资源和社会保障局"
    req = build_requests(
        "2019", [12, 3, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0],
        {
            "granted": [6, 2, 0, 0, 0, 0],
            "unavailable/notHeld": [3, 1, 0, 0, 0, 0],
            "unavailable/needsCreation": [1, 0, 0, 0, 0, 0],
            "otherHandling": [1, 0, 0, 0, 0, 0],
        },
    )
    d = Doc("2019", org, 2019, "2020-01-17",
            p19([0, 0, 0], [3, 3, 21], [17, 0, 1206], [25, 2, 4318], [6, 0, 14], [0, 0, 0], [2, 0], [4, 61.25]),
            req, build_appeals({"review": [1, 0, 0, 0]}))
    fw = str.maketrans("0123456789.", "０１２３４５６７８９．")
    for p in ["/proactive/licensing/decisions", "/proactive/otherServices/decisions", "/proactive/procurement/amountWan"]:
        table, *path, col = p.strip("/").split("/")
        d.show[p] = d.disp(table, path, col).translate(fw)
    d.show["/proactive/otherServices/change"] = "增２"
    d.show["/requests/received/natural"] = "１２"
    text = (
        f"{org}2019年政府信息公开工作年度报告\n\n"
        "一、总体情况\n" + overview(org, 2019, "全年主动公开社保、就业、人事考试等信息612条。") +
        "二、主动公开政府信息情况\n" + proactive_table(d, "tab") +
        "三、收到和处理政府信息公开申请情况\n" + requests_table(d, "tab") +
        "四、政府信息公开行政复议、行政诉讼情况\n" + appeals_table(d, "tab") +
        "五、存在的主要问题及改进情况\n" + pick(PROBLEMS, 2, year=2019, short="局") +
        "六、其他需要报告的事项\n" + pick(OTHER, 0) + f"{org}\n2020年1月17日\n"
    )
    # the 15 values of table 四 wrapped by Word onto two lines (a long row in a narrow page)
    av = "\t".join(d.appeal_values())
    text = noise(text, [(av, "\t".join(d.appeal_values()[:10]) + "\n" + "\t".join(d.appeal_values()[10:]))])
    d.write("027_shengzhou-renshe-2019-fullwidth", text, expect(d, "2019 form, tab rows with full-width digits typed by an IME in some cells (「１２０６」, 「４３１８」, 「增２」, 「６１．２５」, 「１２」); the 15 values of table 四 broken over two lines (10 + 5) by the copy."))


# ---------------------------------------------------------------------------------------------
@fixture
def f028():
    org = "诸暨市发展和改革局"
    req = build_requests(
        "2021", [21, 8, 1, 0, 2, 1], [1, 1, 0, 0, 0, 0],
        {
            "granted": [9, 4, 1, 0, 1, 0],
            "partiallyGranted": [2, 1, 0, 0, 0, 0],
            "withheld/processInfo": [2, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [5, 3, 0, 0, 1, 1],
            "notProcessed/duplicate": [1, 0, 0, 0, 0, 0],
            "otherHandling/noCorrection": [1, 0, 0, 0, 0, 0],
            "otherHandling/unpaidFee": [0, 1, 0, 0, 0, 0],
        },
    )
    d = Doc("2021", org, 2023, "2024-01-19", p21([0, 0, 0], [3, 2, 17], 967, 4, 0, 0),
            req, build_appeals({"litigationDirect": [0, 0, 1, 0]}))

    def spaced(rows):
        return "\n".join(" ".join(x for x in r if x != "" or True).strip() for r in rows) + "\n"

    rows3 = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
             ["自然人", "法人或其他组织", "总计"],
             ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]]
    for labels, vals in d.request_rows():
        lab = [x for x in labels if x]
        if lab[-1].startswith("1.申请人无正当"):
            lab[-1] = "1.申请人无正当理由逾期不补正"
        if lab[-1].startswith("2.申请人逾期"):
            lab[-1] = "2.申请人逾期未按收费通知要求缴纳费用"
        rows3.append([*lab, *vals])
    text = (
        f"{org}2023年政府信息公开工作年度报告\n\n"
        "一、总体情况\n" + overview(org, 2023, "全年主动公开重大项目批准和实施、价格收费等信息358条。") +
        "二、主动公开政府信息情况\n" + spaced([c for _, c in d.proactive_rows()]) +
        "三、收到和处理政府信息公开申请情况\n" + spaced(rows3) +
        "四、政府信息公开行政复议、行政诉讼情况\n" + spaced([[x for x in r if x] for r in APPEAL_HEAD] + [d.appeal_values()]) +
        "五、存在的主要问题及改进情况\n" + pick(PROBLEMS, 0, year=2023, short="局") +
        "六、其他需要报告的事项\n" + pick(OTHER, 1) + f"{org}\n2024年1月19日\n"
    )
    d.write("028_zhuji-fagai-2023-spaces", text, expect(d, "2021 form, browser 「reader mode」 copy: each table row on one line with single spaces between cells (「一、本年新收政府信息公开申请数量 21 8 1 0 2 1 33」), empty label cells dropped; the （六） sub-row labels shortened by the agency (「1.申请人无正当理由逾期不补正」, 「2.申请人逾期未按收费通知要求缴纳费用」)."))


# ---------------------------------------------------------------------------------------------
@fixture
def f029():
    org = "上虞区自然资源和规划分局"
    req = build_requests(
        "2019", [31, 6, 0, 0, 2, 0], [2, 0, 0, 0, 0, 0],
        {
            "granted": [13, 3, 0, 0, 2, 0],
            "partiallyGranted": [4, 1, 0, 0, 0, 0],
            "withheld/processInfo": [2, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [9, 2, 0, 0, 0, 0],
            "notProcessed/petition": [3, 0, 0, 0, 0, 0],
            "otherHandling": [1, 0, 0, 0, 0, 0],
        },
    )
    # the agency's slip: 结转 自然人 typed 2 (the true balance is 1) and its row total follows it (2), so every row
    # still adds up (R2) but R1 fails in the 自然人 and 总计 columns
    req["carriedForward"]["natural"] = 2
    req["carriedForward"]["total"] = 2
    d = Doc("2019", org, 2020, "2021-01-25",
            p19([0, 0, 0], [1, 1, 4], [6, 5, 8], [0, 0, 0], [8, 2, 9], [1, 0, 3], [0, 0], [0, 0]),
            req, build_appeals({"review": [1, 0, 0, 0]}))
    t2, t3, t4 = crawler_tables(d)
    text = (
        "绍兴市自然资源和规划局上虞分局2020年度政府信息公开工作年度报告\n"
        "一、总体情况\n" + overview("我局", 2020, "全年主动公开土地供应、规划许可、不动产登记等信息428条。") +
        t2 + t3 + t4 +
        "五、存在的主要问题及改进情况\n" + pick(PROBLEMS, 2, year=2020, short="局") +
        "六、其他需要报告的事项\n" + pick(OTHER, 2) + "绍兴市自然资源和规划局上虞分局\n2021年1月25日\n"
    )
    d.model["organ"] = "绍兴市自然资源和规划局上虞分局"
    d.write("029_shangyu-ziran-2020-crawler-error", text, expect(
        d, "2019 form, crawler text (cells run together, each table-三 row uniquely split by R2; table-二 rows have one digit per cell) with a genuine 勾稽 error: 四、结转下年度继续办理 reads 2/0/0/0/0/0/2 (row consistent) while 一 + 二 − （七） gives 1 for 自然人, so R1 fails in the 自然人 and 总计 columns (reported at received/natural and received/total). The split must not be bent to hide it.",
        ["/requests/received/natural", "/requests/received/total"]))


# ---------------------------------------------------------------------------------------------
@fixture
def f030():
    org = "龙岩市新罗区教育局"
    req = build_requests(
        "2021", [18, 0, 0, 0, 0, 3], [1, 0, 0, 0, 0, 0],
        {
            "granted": [8, 0, 0, 0, 0, 2],
            "partiallyGranted": [2, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [6, 0, 0, 0, 0, 1],
            "notProcessed/petition": [1, 0, 0, 0, 0, 0],
        },
    )
    d = Doc("2021", org, 2021, "2022-01-21", p21([0, 0, 0], [2, 0, 7], 86, 3, 0, 0),
            req, build_appeals({"review": [1, 0, 0, 0]}))
    t2, t3, t4 = crawler_tables(d)
    text = (
        f"{org}2021年政府信息公开工作年度报告" + "发布时间：2022-01-21 来源：区教育局"
        + "一、总体情况" + overview(org, 2021, "全年主动公开招生入学、教育收费、教师招聘等信息318条。").strip()
        + t2 + t3 + t4
        + "五、存在的主要问题及改进情况" + pick(PROBLEMS, 0, year=2021, short="局").strip()
        + "六、其他需要报告的事项" + pick(OTHER, 0).strip() + f"{org}2022年1月21日"
    ).replace("\n", "")
    d.write("030_xinluo-jiaoyu-2021-oneline", text, expect(d, "2021 form, crawler text with NO line breaks at all: title, 发布时间, headings, prose, all three tables and the signature run together on one line; every table row is recoverable from the labels and the R2/R4 splits (「行政许可86」, 「一、本年新收政府信息公开申请数量180000321」 = 18/0/0/0/0/3/21). The signature 「龙岩市新罗区教育局2022年1月21日」 ends the text → issuedOn 2022-01-21."))


# ---------------------------------------------------------------------------------------------
@fixture
def f031():
    org = "缙云县科学技术局"
    req = build_requests(
        "2019", [2, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0],
        {"granted": [1, 1, 0, 0, 0, 0], "unavailable/notHeld": [1, 0, 0, 0, 0, 0]},
    )
    d = Doc("2019", org, 2019, "2020-01-20",
            p19([0, 0, 0], [1, 1, 3], [0, 0, 0], [6, 1, 27], [0, 0, 0], [0, 0, 0], [0, 0], [1, 4.8]),
            req, build_appeals({}))
    d.show["/proactive/otherServices/change"] = "增1"
    text = (
        "缙云县人民政府门户网站\n首页 | 政务公开 | 政务服务 | 互动交流 | 走进缙云\n当前位置：首页 > 政务公开 > 政府信息公开年报 > 部门年报\n"
        f"{org}2019年政府信息公开工作年度报告\n"
        "发布日期：2020-01-20 15:31 信息来源：县科技局 字体：【大 中 小】\n"
        "一、总体情况\n" + overview(org, 2019, "全年主动公开科技项目立项、科技奖励、高新技术企业认定等信息126条。") +
        "二、主动公开政府信息情况\n" + proactive_table(d, "tab") +
        "三、收到和处理政府信息公开申请情况\n" + requests_table(d, "tab") +
        "四、政府信息公开行政复议、行政诉讼情况\n" + appeals_table(d, "tab") +
        "五、存在的主要问题及改进情况\n" + pick(PROBLEMS, 1) +
        "六、其他需要报告的事项\n" + pick(OTHER, 2) +
        f"{org} 2020年1月20日 【打印本页】 【关闭窗口】\n"
        "主办：缙云县人民政府办公室 承办：缙云县大数据发展中心 网站标识码：3311220001\n"
    )
    d.write("031_jinyun-keji-2019-portaltext", text, expect(d, "2019 form, text copied from a portal page (site name, menu, breadcrumb, 发布日期 line before; footer after); tab rows; the signature, its date and the page tools run together on one line: 「缙云县科学技术局 2020年1月20日 【打印本页】 【关闭窗口】」 → issuedOn 2020-01-20; 「增1」."))


@fixture
def f032():
    org = "平湖市退役军人事务局"
    req = build_requests(
        "2019", [6, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0],
        {"granted": [3, 0, 0, 0, 0, 0], "unavailable/notHeld": [2, 0, 0, 0, 0, 0], "notProcessed/petition": [1, 0, 0, 0, 0, 0]},
    )
    d = Doc("2019", org, 2020, "2021-01-12",
            p19([0, 0, 0], [0, 0, 2], [0, 0, 0], [4, 0, 1392], [0, 0, 0], [0, 0, 0], [0, 0], [0, 0]),
            req, build_appeals({}))
    text = (
        f"{org}\n2020年政府信息公开工作年度报告\n\n"
        "一、总体情况\n" + overview(org, 2020, "全年主动公开优抚安置、褒扬纪念、退役军人就业创业等信息142条。") +
        "二、主动公开政府信息情况\n" + proactive_table(d, "cell") +
        "三、收到和处理政府信息公开申请情况\n" + requests_table(d, "cell") +
        "四、政府信息公开行政复议、行政诉讼情况\n" + appeals_table(d, "cell") +
        "五、存在的主要问题及改进情况\n" + pick(PROBLEMS, 0, year=2020, short="局") +
        "六、其他需要报告的事项\n" + pick(OTHER, 1) + f"\n{org}\n2021年1月12日\n"
    ).replace("\n", "\r\n")
    import json
    import os
    from lib import OUT
    base = os.path.join(OUT, "032_pinghu-tuiyijunren-2020-utf16")
    with open(base + ".txt", "wb") as f:
        f.write(b"\xff\xfe" + text.encode("utf-16-le"))
    m = dict(d.model)
    m["expect"] = expect(d, "2019 form saved by Word as 「Unicode text」: UTF-16LE with a BOM and CRLF line ends; one cell per line (merged-cell copy); title over two lines.")
    with open(base + ".expected.json", "w", encoding="utf-8") as f:
        json.dump(m, f, ensure_ascii=False, indent=1)
        f.write("\n")
