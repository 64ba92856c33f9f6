package numbers

// magnitude is a word that multiplies the number before it by 10^exp.
type magnitude struct {
	word string
	exp  int
	// spaced marks words of scripts written with spaces, which must end
	// at a word boundary ("juta" but not "jutaan").
	spaced bool
}

// magnitudes returns the magnitude words read in a language's texts: the
// language's own, and English, whose words turn up in every language's
// news. The words are those of the CLDR long decimal formats of each
// language (for example lo "0ພັນ", "0ລ້ານ", "0ພັນລ້ານ" and short "0ຕື້";
// my "0 ထောင်" to "0 ကုဋေ"; km "0 ពាន់" to "0 ទ្រីលាន"), plus the
// traditional units of ten and a hundred thousand that CLDR's compact
// forms skip (Thai หมื่น and แสน, Khmer ម៉ឺន and សែន, Lao ໝື່ນ and ແສນ) and
// the English loanwords Burmese news uses (မီလီယံ, ဘီလီယံ).
func magnitudes(code string) []magnitude {
	words := spacedWords(map[string]int{"thousand": 3, "million": 6, "billion": 9, "trillion": 12, "bn": 9})
	switch code {
	case "id", "ms":
		words = append(words, spacedWords(map[string]int{
			"ribu": 3, "juta": 6, "miliar": 9, "milyar": 9, "triliun": 12, "trilyun": 12,
			"bilion": 9, "trilion": 12, // Malay
		})...)
	case "vi":
		words = append(words, spacedWords(map[string]int{
			"nghìn": 3, "ngàn": 3, "vạn": 4, "triệu": 6, "tỷ": 9, "tỉ": 9,
			"trăm nghìn": 5, "trăm ngàn": 5, "trăm triệu": 8, "nghìn tỷ": 12, "ngàn tỷ": 12, "nghìn tỉ": 12, "ngàn tỉ": 12,
		})...)
	case "fil":
		words = append(words, spacedWords(map[string]int{
			"libo": 3, "libong": 3, "milyon": 6, "milyong": 6, "bilyon": 9, "bilyong": 9, "trilyon": 12, "trilyong": 12,
		})...)
	case "pt":
		words = append(words, spacedWords(map[string]int{
			"mil": 3, "milhão": 6, "milhões": 6, "mil milhões": 9, "bilhão": 9, "bilhões": 9, "bilião": 12, "biliões": 12, "trilhão": 12, "trilhões": 12,
		})...)
	case "th":
		words = append(words, unspacedWords(map[string]int{
			"พัน": 3, "หมื่น": 4, "แสน": 5, "ล้าน": 6, "สิบล้าน": 7, "ร้อยล้าน": 8,
			"พันล้าน": 9, "หมื่นล้าน": 10, "แสนล้าน": 11, "ล้านล้าน": 12,
		})...)
	case "lo":
		words = append(words, unspacedWords(map[string]int{
			"ພັນ": 3, "ໝື່ນ": 4, "ຫມື່ນ": 4, "ແສນ": 5, "ລ້ານ": 6, "ພັນລ້ານ": 9, "ຕື້": 9, "ລ້ານລ້ານ": 12,
		})...)
	case "km":
		words = append(words, unspacedWords(map[string]int{
			"ពាន់": 3, "ម៉ឺន": 4, "សែន": 5, "លាន": 6, "ប៊ីលាន": 9, "ទ្រីលាន": 12,
		})...)
	case "my":
		words = append(words, unspacedWords(map[string]int{
			"ထောင်": 3, "သောင်း": 4, "သိန်း": 5, "သန်း": 6, "ကုဋေ": 7, "မီလီယံ": 6, "ဘီလီယံ": 9,
		})...)
	case "zh-Hans", "zh-Hant":
		words = append(words, unspacedWords(map[string]int{
			"千": 3, "万": 4, "萬": 4, "十万": 5, "十萬": 5, "百万": 6, "百萬": 6, "千万": 7, "千萬": 7,
			"亿": 8, "億": 8, "十亿": 9, "十億": 9, "百亿": 10, "百億": 10, "千亿": 11, "千億": 11, "万亿": 12, "萬億": 12,
		})...)
		if code == "zh-Hant" {
			words = append(words, magnitude{"兆", 12, false}) // Taiwan: 兆 is 10^12
		}
	case "ta":
		words = append(words, spacedWords(map[string]int{"ஆயிரம்": 3, "லட்சம்": 5, "கோடி": 7, "மில்லியன்": 6, "பில்லியன்": 9})...)
	}
	return words
}

// spacedWords and unspacedWords turn a table of words and powers of ten
// into magnitudes.
func spacedWords(m map[string]int) []magnitude {
	out := make([]magnitude, 0, len(m))
	for w, e := range m {
		out = append(out, magnitude{w, e, true})
	}
	return out
}

func unspacedWords(m map[string]int) []magnitude {
	out := make([]magnitude, 0, len(m))
	for w, e := range m {
		out = append(out, magnitude{w, e, false})
	}
	return out
}

// percentWords are the words for "per cent" written after a number.
func percentWords() []string {
	return []string{"percent", "per cent", "persen", "peratus", "phần trăm", "porsiyento", "bahagdan", "เปอร์เซ็นต์", "เปอร์เซนต์", "por cento", "ເປີເຊັນ", "ភាគរយ"}
}

// percentPrefixes are the words for "per cent" written before a number.
func percentPrefixes() []string {
	return []string{"ร้อยละ", "百分之"}
}
