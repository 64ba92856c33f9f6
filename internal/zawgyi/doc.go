// Package zawgyi tells Burmese text in the legacy Zawgyi font encoding
// from Burmese in Unicode.
//
// Zawgyi reuses the code points of the Unicode Myanmar block with a layout
// of its own, so both kinds of text look alike to software until a font
// draws them. Detect reads the text as each encoding would and weighs the
// evidence: sequences that are impossible in Unicode (the vowel sign E or
// medial RA before their consonant, U+1039 followed by anything but a
// consonant, U+103A followed by a vowel) speak for Zawgyi; sequences that
// are impossible in Zawgyi (E or U+103B followed by a vowel, a vowel
// followed by U+103A, the kinzi NGA ASAT VIRAMA) and code points Zawgyi
// never uses (U+103E, U+103F, Myanmar Extended) speak for Unicode.
//
// A text whose characters read the same in both encodings holds no
// evidence: its score is 0.5 and the caller decides. A file that mixes
// both encodings should be judged paragraph by paragraph.
//
// ToUnicode converts Zawgyi to Unicode, syllable by syllable, for text
// Detect has judged to be Zawgyi.
package zawgyi
