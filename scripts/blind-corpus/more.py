# Blind-corpus generator, second part: fixtures 004 and on (crawler, PDF, HTML, GB18030, rule errors).
from lib import (
    APPL, Doc, OTHER, PROBLEMS, appeals_table, build_appeals, build_requests, cell_lines, expect, html_appeals,
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
