package glossary

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"strings"
)

// synthLangs are the ten columns of the synthetic glossary.
var synthLangs = []string{"en", "id", "ms", "th", "vi", "fil", "km", "lo", "my", "zh-Hans"}

// synthWords is English vocabulary of official names, from which the
// English forms are combined, so that they share prefixes with each other
// and with news text as real glossaries do.
var synthWords = strings.Fields(`National Council Asian Development Bank Ministry Foreign Affairs Trade
Organization Economic Forum Regional Comprehensive Partnership Security Defence Health World United
Nations Committee Agency Commission International Monetary Fund Central Federal Reserve Party People's
Republic Democratic Front Alliance Coalition Summit Expo China ASEAN Vietnam Thailand Indonesia Malaysia
Philippines Cambodia Laos Myanmar Singapore Brunei Timor-Leste Belt Road Initiative Maritime Silk Free
Zone Area Agreement Treaty Court Supreme Justice Police Army Navy Air Force Election Office Bureau
Statistics Energy Climate Change Policy Institute University Association Union European African American
Pacific Ocean South North East West Sea River Mekong Delta Port City Province State Government
Parliament Senate House Prime Minister President Secretary General Director Chief Executive Officer
Exchange Stock Market Investment Infrastructure Railway Airport Highway Power Plant Water Food Programme
Project Plan Strategy Vision Action Framework Digital Economy Innovation Technology Science Research
Centre Network Media News Press Television Radio Public Service Social Welfare Labour Education Culture
Tourism Agriculture Fisheries Forestry Mining Industry Transport Communications Finance Treasury Customs
Immigration Border Guard Coast Red Cross Crescent Olympic Games Cup League Festival Museum Library Hospital`)

// synthZh holds common Han characters for the Chinese forms.
const synthZh = "中国东盟博览会一带路倡议经济发展银行部外交人民共和政府议会委员总理主席南北海港城省市大学院研究所心网络" +
	"合作贸易投资区域全面伙伴关系安全国防卫生世界联合组织理事金融货币基金央储备党民主阵线同盟峰会" +
	"法院最高司警察军队空海选举办公局统计能源气候变化政策协会联盟欧洲非洲美洲太平洋东西河湄公三角口州"

// synthSyllable makes one syllable of a script written without spaces:
// consonant, vowel, tone mark and final, as the script orders them.
func synthSyllable(r *rand.Rand, lang string) string {
	pick := func(lo, hi rune) rune { return lo + rune(r.IntN(int(hi-lo+1))) }
	var b strings.Builder
	switch lang {
	case "th":
		if r.IntN(4) == 0 {
			b.WriteRune(pick(0x0E40, 0x0E44)) // leading vowel
		}
		b.WriteRune(pick(0x0E01, 0x0E2E))
		switch r.IntN(3) {
		case 0:
			b.WriteRune(0x0E32)
		case 1:
			b.WriteRune(pick(0x0E34, 0x0E39))
		}
		if r.IntN(3) == 0 {
			b.WriteRune(pick(0x0E48, 0x0E4B))
		}
		if r.IntN(2) == 0 {
			b.WriteRune([]rune("กงดนบมยว")[r.IntN(8)])
		}
	case "lo":
		cons := []rune("ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮ")
		if r.IntN(4) == 0 {
			b.WriteRune(pick(0x0EC0, 0x0EC4))
		}
		b.WriteRune(cons[r.IntN(len(cons))])
		if r.IntN(2) == 0 {
			b.WriteRune([]rune("າິີຶືຸູ")[r.IntN(7)])
		}
		if r.IntN(3) == 0 {
			b.WriteRune(pick(0x0EC8, 0x0ECB))
		}
	case "km":
		b.WriteRune(pick(0x1780, 0x17A2))
		if r.IntN(4) == 0 {
			b.WriteRune(0x17D2)
			b.WriteRune(pick(0x1780, 0x17A2))
		}
		if r.IntN(3) > 0 {
			b.WriteRune(pick(0x17B6, 0x17C5))
		}
	case "my":
		b.WriteRune(pick(0x1000, 0x1020))
		if r.IntN(2) == 0 {
			b.WriteRune(pick(0x102B, 0x1032))
		}
		if r.IntN(4) == 0 {
			b.WriteRune(pick(0x1000, 0x1020))
			b.WriteRune(0x103A)
		}
	default: // zh-Hans
		zh := []rune(synthZh)
		b.WriteRune(zh[r.IntN(len(zh))])
	}
	return b.String()
}

// synthLatin holds syllables of the Latin-script languages.
var synthLatin = map[string][]string{
	"id":  strings.Fields("ba ka ta da ma na sa pa ra la ja wa ha ga bi ki ti di mi ni si pi ri li bu ku tu du mu nu su pu ru lu an in un ang eng"),
	"ms":  strings.Fields("ba ka ta da ma na sa pa ra la ja wa ha ga be ke te de me ne se pe re le bu ku tu du mu nu su pu ru lu an ah"),
	"fil": strings.Fields("ba ka ta da ma na sa pa ra la ya wa ha ga bi ki ti di mi ni si pi ri li bu ku tu pag ng mga ang"),
	"vi":  strings.Fields("hội chợ trung quốc sáng kiến vành đai và con đường bộ ngoại giao kinh tế phát triển ngân hàng nhà nước cộng hòa xã chủ nghĩa việt nam thủ tướng chính phủ quốc hội tổng bí thư ủy ban"),
}

// synthForm makes one pseudo-form in a language.
func synthForm(r *rand.Rand, lang string) string {
	var b strings.Builder
	switch lang {
	case "en":
		for i := range 2 + r.IntN(3) {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(synthWords[r.IntN(len(synthWords))])
		}
	case "th", "km", "lo", "my", "zh-Hans":
		for range 3 + r.IntN(4) {
			b.WriteString(synthSyllable(r, lang))
		}
	case "vi":
		syl := synthLatin[lang]
		for i := range 2 + r.IntN(4) {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(syl[r.IntN(len(syl))])
		}
	default:
		syl := synthLatin[lang]
		for i := range 1 + r.IntN(3) {
			if i > 0 {
				b.WriteByte(' ')
			}
			for range 2 + r.IntN(3) {
				b.WriteString(syl[r.IntN(len(syl))])
			}
		}
	}
	return b.String()
}

// synthGlossaryCSV writes a glossary of n entries in the ten synthLangs as
// CSV: a few forms per cell, some admitted and some forbidden, English
// forms unique.
func synthGlossaryCSV(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 7))
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(synthLangs)
	seen := map[string]bool{}
	row := make([]string, len(synthLangs))
	for len(seen) < n {
		en := synthForm(r, "en")
		if seen[strings.ToLower(en)] {
			continue
		}
		seen[strings.ToLower(en)] = true
		for i, l := range synthLangs {
			f := en
			if i > 0 {
				f = synthForm(r, l)
			}
			switch r.IntN(10) {
			case 0:
				f += "|" + synthForm(r, l)
			case 1:
				f += "|!" + synthForm(r, l)
			}
			row[i] = f
		}
		_ = w.Write(row)
	}
	w.Flush()
	return buf.Bytes()
}
