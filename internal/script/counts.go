package script

// Counts is the script profile of a text: how many letters of each script
// it holds, leaving out what is not prose (see Profile).
type Counts struct {
	// Letters counts letters and combining signs per script, indexed by
	// Script.
	Letters [NumScripts]int
	// Simplified and Traditional count Han characters written in only one
	// of the two forms of Chinese, such as 这 and 這.
	Simplified, Traditional int
	// Vietnamese counts Latin letters carrying a Vietnamese diacritic
	// (precomposed, or a combining accent after a Latin letter).
	Vietnamese int
	// LatinWords counts runs of Latin letters, and LatinLower those of
	// them that start with a lower-case letter and are not a name
	// particle such as "bin" or "van". A text whose Latin words are all
	// capitalized is likely a list of names, acronyms or a byline.
	LatinWords, LatinLower int
	// LatinNames counts the letters of the Latin words that do not count
	// in LatinLower: capitalized words, acronyms and name particles.
	LatinNames int
}

// Total returns the number of letters counted over all scripts.
func (c Counts) Total() int {
	n := 0
	for _, v := range c.Letters {
		n += v
	}
	return n
}

// Of returns the number of letters of script s.
func (c Counts) Of(s Script) int {
	if s >= numScripts {
		return 0
	}
	return c.Letters[s]
}

// Share returns the fraction of letters in script s, or 0 for a text
// without letters.
func (c Counts) Share(s Script) float64 {
	t := c.Total()
	if t == 0 {
		return 0
	}
	return float64(c.Of(s)) / float64(t)
}

// Dominant returns the script with the most letters and their number; a
// text without letters gives (Other, 0). Ties go to the earlier Script.
func (c Counts) Dominant() (Script, int) {
	best, n := Other, 0
	for s, v := range c.Letters {
		if v > n {
			best, n = Script(s), v
		}
	}
	return best, n
}

// weight is what one letter of each script counts for when scripts are
// compared: a Han character stands for about three Latin letters (FLORES-200
// devtest holds 107,020 letters in English and 35,338 Han characters in
// Chinese for the same sentences), a kana or Hangul syllable for about two,
// and a letter of the alphabets and abugidas of South-East Asia for about
// one.
func weight(s Script) int {
	switch s {
	case Han:
		return 3
	case Kana, Hangul:
		return 2
	}
	return 1
}

// Weighted returns the letters of script s times the script's weight, an
// estimate of how much of the text is written in s: one Han character
// weighs three letters, a kana or Hangul syllable two, any other letter
// one.
func (c Counts) Weighted(s Script) int {
	return c.Of(s) * weight(s)
}

// WeightedTotal returns the sum of Weighted over all scripts.
func (c Counts) WeightedTotal() int {
	n := 0
	for s, v := range c.Letters {
		n += v * weight(Script(s))
	}
	return n
}

// NamesOnly reports whether every letter is Latin and no Latin word
// starts in lower case: the text holds at most names, acronyms and
// numbers, such as "Joko Widodo", "COVID-19" or "Photo: Reuters".
func (c Counts) NamesOnly() bool {
	return c.Total() == c.Letters[Latin] && c.LatinLower == 0
}

// add accumulates d into c.
func (c *Counts) add(d Counts) {
	for i, v := range d.Letters {
		c.Letters[i] += v
	}
	c.Simplified += d.Simplified
	c.Traditional += d.Traditional
	c.Vietnamese += d.Vietnamese
	c.LatinWords += d.LatinWords
	c.LatinLower += d.LatinLower
	c.LatinNames += d.LatinNames
}
