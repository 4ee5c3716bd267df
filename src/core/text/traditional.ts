// Reads a report copied in traditional characters (a converted mirror of the portal page) as simplified, character for character.

/**
 * Traditional characters and, at the same index, their simplified forms: the characters of the reports, headings
 * and table labels whose traditional form differs (generated once with OpenCC's t→cn, tw→cn and hk→cn tables, which
 * agree on each pair; no traditional character here is written in a simplified report of the corpus).
 */
const TRADITIONAL =
  "並乾亂佈佔併來侷係俬個們倖側備傢傳債傾僅價億儘償優儲兌內兩冊別刪則剋剛創劃劑動務勝勞勢勵匯區協卻卽厤參叄員唸問啓啟單嘗噁噹嚐嚮嚴囌國圍園圓圖團埰執堅報場塊塗墰壇" +
  "壓壜壞夠夢奬奮嬰學宮寀實寧審寫寬將專尋對導屆層屬島峽崗嵐巖師帶幫幷幹幾庫廚廠廢廣廳張強彆彈彔彙後徑從復徵徹惡愛態慮憂憲應懲懸戰戶捲掃掛採換揮損搶摺撈撐撥擇擊擔據" +
  "擬擴擺擾攝攤攬敎敗數斷於旂旣昇時晉暢暫曆曉曏書會朮東査條棄業極榘榦構樂樑樓標樣樹橋機橫檔檢檯檻櫃欄權歡歷歸殘氣氾汎汙決沒況泝洩淺減測湧準溝溫滅滙滯滾滿漁漢漲漸潑" +
  "潔潛潯澤濃濟瀏灘灣災為烏無煉煙熱營爭爲牴牽狀狹獎獨獲現環產産畫畵當痠療發盃盡監盤眞眾睏確碼礎礙礦祕稅種稱積穩穫竈竪競筆箇節範築篩簡簽籌籤糞糧糰糾紀約紅納紓紙級紛" +
  "紮細紹終組結絕絡給統絲絶綁經綜綫維綱網綴綽緊線編緩練緻縉縣縮縱總績織繞繩繫繳繼續纍纔罈罎罰羅羣義習聞聯聲職聽肅脩脫腳膽臨臺與興舉舊舘莊華菸萬葯蒐蓆蓋蓮蔘薦藥蘆蘇" +
  "處虛號衆術衕衛裏補裝裡製複襬襲覈見規視親覺覽觀訂計訊討訓託記訟訪設許訴診註証詐評詞詢試話該詳誌認語誤說説誰課調談請論諝諮諸諾講謠謡謹證識譜譟議護讀變讓讚豎豐豬負" +
  "財貧貨貫責貳買貸費貼貿賃資賓賣賦質賬購賽贊趨踐踰蹤車軌軍軟較載輕輪輯輸輿轄轉辦農迴逕這連週進遊運過達違遞遠遡適遲遶遷選遺邁還邊邏郵鄉醜醣醫釋針釦鈎鈡鉤銜銷錄錨錯" +
  "録錶鍊鍵鍼鍾鎭鎮鏈鏡鐘鐵鑑鑒長門閉開閑閒間閤閩閱閲闆關闡闢陞陣陸陽隊階際隨險隱隻雖雙雜離難雲電靈靚鞏鞦韆響頁頂項順須預領頭頸頻題額類顧顯風颱飲養餘館餬饋駁駐駕騙" +
  "驗驛驥體髮鬆鬚鬥鬨鮮麗麪麫麵麼麽點黨鼕齊齡齣龍龐";
const SIMPLIFIED =
  "并干乱布占并来局系私个们幸侧备家传债倾仅价亿尽偿优储兑内两册别删则克刚创划剂动务胜劳势励汇区协却即历参叁员念问启启单尝恶当尝向严苏国围园圆图团采执坚报场块涂坛坛" +
  "压坛坏够梦奖奋婴学宫采实宁审写宽将专寻对导届层属岛峡岗岚岩师带帮并干几库厨厂废广厅张强别弹录汇后径从复征彻恶爱态虑忧宪应惩悬战户卷扫挂采换挥损抢折捞撑拨择击担据" +
  "拟扩摆扰摄摊揽教败数断于旗既升时晋畅暂历晓向书会术东查条弃业极矩干构乐梁楼标样树桥机横档检台槛柜栏权欢历归残气泛泛污决没况溯泄浅减测涌准沟温灭汇滞滚满渔汉涨渐泼" +
  "洁潜浔泽浓济浏滩湾灾为乌无炼烟热营争为抵牵状狭奖独获现环产产画画当酸疗发杯尽监盘真众困确码础碍矿秘税种称积稳获灶竖竞笔个节范筑筛简签筹签粪粮团纠纪约红纳纾纸级纷" +
  "扎细绍终组结绝络给统丝绝绑经综线维纲网缀绰紧线编缓练致缙县缩纵总绩织绕绳系缴继续累才坛坛罚罗群义习闻联声职听肃修脱脚胆临台与兴举旧馆庄华烟万药搜席盖莲参荐药芦苏" +
  "处虚号众术同卫里补装里制复摆袭核见规视亲觉览观订计讯讨训托记讼访设许诉诊注证诈评词询试话该详志认语误说说谁课调谈请论谞咨诸诺讲谣谣谨证识谱噪议护读变让赞竖丰猪负" +
  "财贫货贯责贰买贷费贴贸赁资宾卖赋质账购赛赞趋践逾踪车轨军软较载轻轮辑输舆辖转办农回径这连周进游运过达违递远溯适迟绕迁选遗迈还边逻邮乡丑糖医释针扣钩钟钩衔销录锚错" +
  "录表炼键针钟镇镇链镜钟铁鉴鉴长门闭开闲闲间合闽阅阅板关阐辟升阵陆阳队阶际随险隐只虽双杂离难云电灵靓巩秋千响页顶项顺须预领头颈频题额类顾显风台饮养余馆糊馈驳驻驾骗" +
  "验驿骥体发松须斗哄鲜丽面面面么么点党冬齐龄出龙庞";

/**
 * Characters of place and organ names (「撫遠市」, 「福祿鎮」, 「瀋陽」), same pairs, so an organ read from a converted copy
 * is written in simplified characters like the rest of the text.
 */
const NAMES_TRADITIONAL =
  "撫祿瀋遼貴蘭寶鄭嶺慶滬贛粵隴魯瓊陝陰濱廈蕪揚鹽潁銅饒婁嶽鄖塢鶴雞綏崑鄲滄濰棗萊榮鄒楊瀘鄰錦壽懷靜湯鳳黃灤潤岡峯嶼灃閬閘韓倉漣滎溈湞鄆鄴盧龔蔣劉趙陳孫馬鄧謝葉賀錢顏賴鄔聶譚閆喬賈鬱淩藍瀾濤棲淶嶗甌廬鷹贑荊禪畢銀錫奧騰綿涼漵訥遜";
const NAMES_SIMPLIFIED =
  "抚禄沈辽贵兰宝郑岭庆沪赣粤陇鲁琼陕阴滨厦芜扬盐颍铜饶娄岳郧坞鹤鸡绥昆郸沧潍枣莱荣邹杨泸邻锦寿怀静汤凤黄滦润冈峰屿沣阆闸韩仓涟荥沩浈郓邺卢龚蒋刘赵陈孙马邓谢叶贺钱颜赖邬聂谭闫乔贾郁凌蓝澜涛栖涞崂瓯庐鹰赣荆禅毕银锡奥腾绵凉溆讷逊";

const BASE = 0x4e00;
const FOLD = new Uint16Array(0xa000 - BASE);
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  [TRADITIONAL, SIMPLIFIED],
  [NAMES_TRADITIONAL, NAMES_SIMPLIFIED],
];
for (const [from, to] of PAIRS)
  for (let i = 0; i < from.length; i++) FOLD[from.charCodeAt(i) - BASE] = to.charCodeAt(i);

/** Share of the Han characters that must be traditional-only before a text is folded (a stray 「乾」 in a name is not). */
const MIN_SHARE = 0.05;
const MIN_COUNT = 8;

/** Word changes of Taiwan-style converters, same length either way: 「规范性档案」 is 规范性文件, 「资讯」 is 信息, 「反覆」 反复. */
const PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/性档案/g, "性文件"],
  [/公开档案/g, "公开文件"],
  [/资讯/g, "信息"],
  [/反覆/g, "反复"],
];

const isHan = (c: number) => c >= BASE && c < 0xa000;

/** Han characters looked at to tell the script (a converted copy is converted throughout). */
const SAMPLE = 1000;

/** Among the first SAMPLE Han characters: how many have a simplified form here, and how many were looked at. */
function countTraditional(text: string): { traditional: number; han: number } {
  let traditional = 0;
  let han = 0;
  for (let i = 0; i < text.length && han < SAMPLE; i++) {
    const c = text.charCodeAt(i);
    if (!isHan(c)) continue;
    han++;
    if (FOLD[c - BASE] !== 0) traditional++;
  }
  return { traditional, han };
}

/** True when the text is written in traditional characters (not a simplified text with a stray one). */
export function isTraditional(text: string): boolean {
  const { traditional, han } = countTraditional(text);
  return traditional >= MIN_COUNT && traditional >= MIN_SHARE * han;
}

/**
 * The text with each traditional character replaced by its simplified form. Same length and same positions
 * (every pair is one UTF-16 unit each way), so line and column sources found in the folded text hold for the input.
 */
export function foldTraditional(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes[i] = (isHan(c) && FOLD[c - BASE]) || c;
  }
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += CHUNK)
    parts.push(String.fromCharCode(...codes.subarray(i, i + CHUNK)));
  let out = parts.join("");
  for (const [re, to] of PHRASES) out = out.replace(re, to);
  return blankPinyin(out);
}

/**
 * Pinyin a converting mirror writes after characters (「規(guī)章」, 「鎮(zhèn)」: a syllable with a tone mark in brackets
 * right after a Han character) becomes spaces of the same length, so labels read as written and positions hold.
 */
const PINYIN = /(?<=[\u4e00-\u9fff])[(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}[)）]/g;
function blankPinyin(text: string): string {
  return text.replace(PINYIN, (m) => " ".repeat(m.length));
}

/** Characters turned back into a string at a time (an argument list must stay short). */
const CHUNK = 8192;
