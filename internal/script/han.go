package script

import "unicode/utf8"

// hanFormOf tells the two written standards of Chinese apart.
type hanFormOf uint8

// The forms of a Han character.
const (
	formBoth hanFormOf = iota // used in both standards, or not listed
	formSimplified
	formTraditional
)

// simplifiedOnly and traditionalOnly list, sorted by code point, common
// characters written in only one standard: each pairs with a character of
// the other list, and neither member of a pair is in ordinary use in the
// other standard (testdata/han-pairs.txt holds the pairs). All are three
// bytes long in UTF-8.
const simplifiedOnly = "万与业东两严个为丽举义乌乐习乡书买乱争亏亚产亲亿仅从仪们价众" +
	"优会伟传伤伦体侨债倾儿关兴养写军农决况净减则刚创剧办务动劳势" +
	"区华单卖卫厂历压县参双发变号吗员响团园国图场坏块坚墙声处备够" +
	"头夺奋妇妈孙学宁宝实宽对寻导将层岁岛币师带帮广庄庆库应废开张" +
	"弹归当录彻忆怀态总恶惊战扑执扩扫扬护报担择挂挤挥损换据携摄敌" +
	"数无旧时显晋术机杀杂权条来杨极构枪标树样档桥梦检楼欢毁毕气汇" +
	"汉汤没沪泪泽洁浅测济浓涛润涨渐湾湿滚满灯灵灾炉点烟烦热爱爷牺" +
	"状犹独狮猎献玛环现电画畅疗疯盐监盖盘矿码砖础确礼离种积称稳穷" +
	"竞笔签简类粮紧纠红纤约级纪纯纳纸线练组细织终绍经结绕给络绝统" +
	"继绩续维综绿缓编缘缩网罗罚罢职联聪肃胆胜脉脑脸腾舰艺节苏荣药" +
	"获营蓝虑虽虾补装见观规视览觉触誉计订认讨让训议讯记讲许论设访" +
	"证评识诉词译试诗诚话询该详语误说请诸读课谁调谈谋谓谢谱贝负贡" +
	"财责败货质购贴贵贸费贺资赏赔赖赛赞赢赶车轨转轮软轻载较辅辆辈" +
	"输辞边达迁过迈运还这进远违连迟选递遗邓邮郑释针钟钢钥钱铁铜银" +
	"链销锁锅锋错键镇长门闪闭问闯间闹闻阅队阳阴阶际陆陈险随隐难雾" +
	"韩页顶项顺须顾顿预领频题颜额风飞饭饮饰饱馆马驱驶驻驾验骑骗鱼" +
	"鲁鲜鸟鸡鸣麦齐龄龙龟"

const traditionalOnly = "亂亞來個們倫偉備傳債傷傾僅僑價儀億優兒兩則剛創劇動務勝勞勢匯" +
	"區參員問單嗎嚴國園圖團執堅報場塊壓壞夠夢奪奮婦媽孫學實寧寫寬" +
	"寶將尋對導層島師帶幣幫庫廠廢廣張彈從徹惡愛態慮慶憶應懷戰掃掛" +
	"揚換揮損撲擇擔據擠擴攜攝敗敵數時晉暢書會東條楊業極榮構槍樂樓" +
	"標樣樹橋機檔檢權歡歲歷歸殺毀氣決沒況淚淨淺減測湯滬滾滿漢漲漸" +
	"潔潤澤濃濕濟濤灣災為烏無煙煩熱燈營爐爭爺牆犧狀猶獅獨獲獵獻現" +
	"瑪環產畢畫當瘋療發監盤眾確碼磚礎礦禮種稱積穩窮競筆節簡簽糧糾" +
	"紀約紅納純紙級細紹終組結絕絡給統經綜綠維網緊線緣編緩練縣縮總" +
	"績織繞繼續纖罰罷羅義習聞聯聰聲職肅脈腦膽臉與興舉舊艦莊華萬蓋" +
	"藍藝藥蘇處號虧蝦術衛補裝見規視親覺覽觀觸訂計訊討訓記訪設許訴" +
	"評詞詢試詩話該詳認語誠誤說誰課調談請論諸謀謂講謝證識譜譯議護" +
	"譽讀變讓貝負財貢貨責貴買費貼貿賀資賞賠賣質賴購賽贊贏趕車軌軍" +
	"軟較載輔輕輛輩輪輸轉辦辭農這連進運過達違遞遠遲遷選遺邁還邊郵" +
	"鄉鄧鄭釋針銀銅銷鋒鋼錄錢錯鍋鍵鎖鎮鏈鐘鐵鑰長門閃閉開間閱闖關" +
	"陰陳陸陽隊階際隨險隱雖雙雜雞離難電霧靈韓響頁頂項順須預頓領頭" +
	"頻題額顏類顧顯風飛飯飲飽飾養館馬駐駕駛騎騙騰驅驗驚體鬧魚魯鮮" +
	"鳥鳴鹽麗麥點齊齡龍龜"

// hanBase and hanSize delimit the CJK Unified Ideographs block.
const (
	hanBase = 0x4E00
	hanSize = 0x9FFF - hanBase + 1
)

// hanBits marks the characters of each list, one bit per character of
// the CJK Unified Ideographs block.
type hanBits struct {
	simplified, traditional [(hanSize + 63) / 64]uint64
}

// hanTable is built once from the two lists and only read afterwards.
var hanTable = newHanBits()

// newHanBits sets the bits of the characters of both lists.
func newHanBits() *hanBits {
	t := &hanBits{}
	for _, r := range simplifiedOnly {
		t.simplified[(r-hanBase)/64] |= 1 << ((r - hanBase) % 64)
	}
	for _, r := range traditionalOnly {
		t.traditional[(r-hanBase)/64] |= 1 << ((r - hanBase) % 64)
	}
	return t
}

// hanForm reports in which standard r is written.
func hanForm(r rune) hanFormOf {
	i := r - hanBase
	if i < 0 || i >= hanSize {
		return formBoth
	}
	switch bit := uint64(1) << (i % 64); {
	case hanTable.simplified[i/64]&bit != 0:
		return formSimplified
	case hanTable.traditional[i/64]&bit != 0:
		return formTraditional
	}
	return formBoth
}

// inSorted reports whether r is in list, a sorted string of three-byte
// characters: the obvious search that hanForm is tested against. UTF-8
// keeps code point order, so the encoded bytes are compared as numbers.
func inSorted(list string, r rune) bool {
	if r < 0x800 || r > 0xFFFF {
		return false
	}
	var buf [3]byte
	utf8.EncodeRune(buf[:], r)
	key := uint32(buf[0])<<16 | uint32(buf[1])<<8 | uint32(buf[2])
	lo, hi := 0, len(list)/3
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		c := uint32(list[3*m])<<16 | uint32(list[3*m+1])<<8 | uint32(list[3*m+2])
		switch {
		case c == key:
			return true
		case c < key:
			lo = m + 1
		default:
			hi = m
		}
	}
	return false
}
