# Blind-corpus generator: each fixture's truth (the model) and its text, with the noise edited in by hand.
import sys

from lib import (
    Doc, appeals_table, build_appeals, build_requests, md_lines, noise, overview, pick, OTHER, PROBLEMS,
    proactive_table, requests_table, rule_errors, tab_lines, cell_lines, APPEAL_HEAD, REQ_HEAD_CELL, expect, p19, p21,
)
from more import FIXTURES_MORE

FIXTURES = {}


def fixture(fn):
    FIXTURES[fn.__name__.lstrip("f")] = fn
    return fn


# ---------------------------------------------------------------------------------------------
@fixture
def f001():
    org = "平阳县教育局"
    req = build_requests(
        "2021", [12, 1, 0, 0, 0, 2], [1, 0, 0, 0, 0, 0],
        {
            "granted": [6, 1, 0, 0, 0, 1],
            "partiallyGranted": [1, 0, 0, 0, 0, 0],
            "withheld/thirdParty": [1, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [2, 0, 0, 0, 0, 1],
            "notProcessed/duplicate": [1, 0, 0, 0, 0, 0],
            "otherHandling/noCorrection": [1, 0, 0, 0, 0, 0],
        },
    )
    d = Doc("2021", org, 2021, "2022-01-20", p21([0, 0, 0], [3, 1, 14], 1268, 7, 0, 0),
            req, build_appeals({"review": [1, 0, 0, 0]}))
    for p in ["/proactive/regulations/issued", "/proactive/regulations/repealed", "/proactive/regulations/inForce",
              "/proactive/coercion/decisions"]:
        d.show[p] = "　　0"
    d.show["/proactive/fees/amountWan"] = "0\xa0"
    text = (
        f"{org}2021年政府信息公开\n工作年度报告\n\n"
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。"
        "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。如对本报告有疑问，请与平阳县教育局办公室联系（电话：0577-63721508）。\n\n"
        "一、总体情况\n" + overview(org, 2021, "全年共主动公开政府信息326条，其中教育动态189条、通知公告97条、政策文件及解读40条。")
        + "（一）主动公开\n围绕招生入学、教育收费、教师招聘等群众关注事项，及时发布2021年义务教育招生政策、民办学校收费标准等信息，全年发布政策解读12篇。\n"
        "（二）依申请公开\n全年共收到政府信息公开申请15件，上年结转1件，均在法定期限内答复，结转下年度办理1件。\n"
        "（三）政府信息管理\n严格落实信息发布“三审三校”制度，对拟公开信息进行保密审查，全年未发生泄密事件。\n"
        "（四）平台建设\n持续优化县政府门户网站教育局专栏，推动“平阳教育”微信公众号与政府网站信息同步发布。\n"
        "（五）监督保障\n将政务公开工作纳入局属各单位年度考核，开展政务公开专题培训1次。\n"
        "二、主动公开政府信息情况\n" + proactive_table(d, "tab")
        + "\n三、收到和处理政府信息公开申请情况\n" + requests_table(d, "tab")
        + "\n四、政府信息公开行政复议、行政诉讼情况\n" + appeals_table(d, "tab")
        + "\n五、存在的主要问题及改进情况\n" + pick(PROBLEMS, 0, year=2021, short="局")
        + "六、其他需要报告的事项\n" + pick(OTHER, 1)
        + f"\n\n{org}\n2022年1月20日\n"
    )
    # header cells split over two lines inside the tab row, as Word copies them
    text = noise(text, [
        ("信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "信息内容\t本年制\n发件数\t本年废\n止件数\t现行有\n效件数"),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开（区分处理的，只计这一情形，不计其他情\n形）"),
    ])
    d.write("001_pingyang-jiaoyu-2021", text, expect(d, "Tab rows throughout; title over two lines; header cells of table 二 and the 部分公开 label split over lines inside the tab row; 「　　0」 cells; signature date 2022年1月20日. 结转 1 (natural)."))


# ---------------------------------------------------------------------------------------------
@fixture
def f002():
    org = "福州市晋安区人民政府"
    req = build_requests(
        "2021", [86, 12, 1, 0, 3, 2], [4, 1, 0, 0, 0, 0],
        {
            "granted": [41, 6, 1, 0, 1, 1],
            "partiallyGranted": [9, 2, 0, 0, 1, 0],
            "withheld/prohibitedByLaw": [1, 0, 0, 0, 0, 0],
            "withheld/thirdParty": [2, 1, 0, 0, 0, 0],
            "withheld/processInfo": [3, 0, 0, 0, 0, 0],
            "unavailable/notHeld": [17, 2, 0, 0, 1, 1],
            "unavailable/needsCreation": [2, 0, 0, 0, 0, 0],
            "unavailable/unclear": [1, 0, 0, 0, 0, 0],
            "notProcessed/petition": [4, 0, 0, 0, 0, 0],
            "notProcessed/duplicate": [3, 1, 0, 0, 0, 0],
            "otherHandling/noCorrection": [2, 0, 0, 0, 0, 0],
            "otherHandling/other": [1, 0, 0, 0, 0, 0],
        },
    )
    d = Doc("2021", org, 2022, "2023-03-28", p21([0, 0, 0], [14, 6, 87], 25318, 1162, 37, 412.6),
            req, build_appeals({"review": [3, 1, 0, 2], "litigationDirect": [2, 0, 1, 1], "litigationAfterReview": [1, 0, 0, 0]}))
    d.show["/proactive/licensing/decisions"] = "25318\xa0"
    text = (
        f"{org}\n2022年政府信息公开工作年度报告\n\n"
        "本报告由晋安区人民政府办公室根据《中华人民共和国政府信息公开条例》要求编制，内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。"
        "本报告电子版可在晋安区人民政府门户网站下载。\n"
        "一、总体情况\n\n" + overview("晋安区", 2022, "全区各单位累计主动公开政府信息1.2万余条，办理依申请公开108件。") +
        "\n（一）主动公开\n围绕“六稳”“六保”、乡村振兴、营商环境等重点领域，做好政策文件及解读、财政预决算、重大建设项目等信息公开。\n\n"
        f"（二）依申请公开\n进一步规范依申请公开受理、交办、审核、答复流程，全年新收申请{req['received']['total']}件，办结{req['handledTotal']['total']}件，结转下年度继续办理{req['carriedForward']['total']}件。\n\n"
        "（三）政府信息管理\n开展行政规范性文件清理，废止6件，现行有效87件，统一在区政府门户网站集中公开。\n\n"
        "二、主动公开政府信息情况\n" + proactive_table(d, "cell")
        + "\n三、收到和处理政府信息公开申请情况\n" + requests_table(d, "cell")
        + "\n四、政府信息公开行政复议、行政诉讼情况\n\n" + appeals_table(d, "cell")
        + "\n五、平台建设方面\n\n区政府门户网站全年发布信息8600余条，“晋安发布”政务新媒体发布信息2100余条。\n"
        "六、监督保障方面\n\n将政务公开纳入全区绩效考评，开展第三方网站检查4次。\n\n"
        "七、存在的主要问题及改进情况\n" + pick(PROBLEMS, 1)
        + "八、其他需要报告的事项\n" + pick(OTHER, 3, year=2022, short="区")
        + "\n福州市晋安区人民政府\n二〇二三年三月二十八日\n"
    )
    # row-label cells of the results group in the style of seed 000: 「三、本年度办理结果」 cell, empty group cells
    d.write("002_jinan-qu-2022", text, expect(d, "One cell per line with blank lines between rows (Word merged-cell copy) for all three tables; title over two lines; extra sections 五、平台建设方面 and 六、监督保障方面 so problems is 七 and other is 八; signature date in Chinese numerals 二〇二三年三月二十八日."))


# ---------------------------------------------------------------------------------------------
@fixture
def f003():
    org = "六安市公安局"
    req = build_requests(
        "2021", [53, 4, 0, 0, 6, 0], [2, 0, 0, 0, 0, 0],
        {
            "granted": [18, 1, 0, 0, 2, 0],
            "partiallyGranted": [3, 0, 0, 0, 1, 0],
            "withheld/stateSecret": [1, 0, 0, 0, 0, 0],
            "withheld/enforcementFiles": [5, 0, 0, 0, 1, 0],
            "withheld/queryMatters": [6, 1, 0, 0, 0, 0],
            "unavailable/notHeld": [12, 2, 0, 0, 1, 0],
            "notProcessed/petition": [3, 0, 0, 0, 0, 0],
            "notProcessed/confirmation": [1, 0, 0, 0, 0, 0],
            "otherHandling/other": [2, 0, 0, 0, 1, 0],
        },
    )
    d = Doc("2021", org, 2023, "2024-01-26", p21([0, 0, 0], [2, 3, 11], 48762, 9315, 1207, None),
            req, build_appeals({"review": [2, 1, 0, 1], "litigationDirect": [1, 0, 0, 1]}))
    # OCR'd markdown: header of table 三 wrong (columns shifted), sub-rows missing the leading group cell
    rows3 = []
    for labels, vals in d.request_rows():
        lab = [x for x in labels if x]
        rows3.append([*lab, *vals])
    t3 = (
        "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | 申请人情况 | | | | | | | |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n"
        "| | | 自然人 | 法人或其他组织 | | | | | 总计 |\n"
        "| | | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |\n"
        + "".join("| " + " | ".join(r) + " |\n" for r in rows3)
    )
    t2 = (
        "| 第二十条第（一）项 | | | |\n|---|---|---|---|\n"
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件教 |\n"
        f"| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 2 | 3 | 11 |\n"
        "| 第二十条第（五）项 | | | |\n| 信息内容 | 本年处理决定数量 | | |\n| 行政许可 | 48762 | | |\n"
        "| 第二十条第（六）项 | | | |\n| 信息内容 | 本年处理决定数量 | | |\n| 行政处罚 | 9315 | | |\n| 行政强制 | 1207 | | |\n"
        "| 第二十条第（八）项 | | | |\n| 信息内容 | 本年收费金额（单位：万元） | | |\n| 行政事业性收费 | | | |\n"
    )
    av = d.appeal_values()
    t4 = (
        "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |\n"
        "| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
        "| " + " | ".join(av) + " |\n"
    )
    text = (
        f"# {org}2023年政府信息公开工作年度报告\n\n"
        "## 一、总体情况\n\n" + overview(org, 2023, "全年通过市政府门户网站公开信息1480条，召开新闻发布会6场。") +
        "\n### （一）主动公开\n\n重点公开户政、出入境、交通管理等办事指南和行政处罚结果信息，行政处罚决定书依法在七个工作日内公开。\n\n"
        f"### （二）依申请公开\n\n全年新收申请{req['received']['total']}件，上年结转{req['carriedOver']['total']}件，办结{req['handledTotal']['total']}件，结转{req['carriedForward']['total']}件。\n\n"
        "## 二、主动公开政府信息情况\n\n" + t2 +
        "\n## 三、收到和处理政府信息公开申请情况\n\n" + t3 +
        "\n## 四、政府信息公开行政复议、行政诉讼情况\n\n" + t4 +
        "\n## 五、存在的主要问题及改进情况\n\n" + pick(PROBLEMS, 2, year=2023, short="局") +
        "\n## 六、其他需要报告的事项\n\n" + pick(OTHER, 0) + f"\n{org}\n\n2024年1月26日\n"
    )
    text = noise(text, [
        # OCR: an extra empty cell in one row, a missing trailing pipe cell in another
        ("| 1.属于国家秘密 | 1 |", "| 1.属于国家秘密 | | 1 |"),
        ("| （七）总计 |", "| (七)总计 |"),
        ("| 2.其他法律行政法规禁止公开 |", "| 2.其他法律法规禁止公开 |"),
        ("| 3.其他 | 2 | 0 | 0 | 0 | 1 | 0 | 3 |", "| 3.其他 | 2 | 0 | 0 | 0 | 1 | 0 | 3"),
    ])
    d.write("003_luan-gongan-2023", text, expect(d, "OCR'd markdown: garbled header rows of table 三 (columns shifted), typo 「现行有效件教」, sub-rows without the empty group cell, one row with an extra empty cell after the label (「1.属于国家秘密 | | 1 |」 — the empty cell is OCR noise, 7 values follow), one row without its closing pipe, 「其他法律法规禁止公开」 label variant, 「(七)」 half-width. Fee cell blank → null."))


FIXTURES.update(FIXTURES_MORE)

if __name__ == "__main__":
    only = sys.argv[1:]
    for name, fn in FIXTURES.items():
        if not only or name in only:
            fn()
            print("wrote", name)
