// Package numbers finds the numbers in a text and compares them across
// languages, so that a translation or a summary can be checked for numbers
// that were dropped, changed or invented.
//
// A number is read the way its language writes it. Decimal and group
// separators come from the CLDR data in golang.org/x/text ("1.234,5" in
// Indonesian and Vietnamese, "1,234.5" in English and Thai, Indian
// grouping in Tamil), digits may be those of any script (Thai ๐-๙, Lao,
// Khmer, Burmese, full-width, ...), and a following magnitude word scales
// the value: "34.35 billion", "34,35 miliar", "34,35 tỷ", "343.5亿" and
// "3.435 หมื่นล้าน" are all 34,350,000,000. Values are exact rationals
// (math/big), never floating point.
//
// Where the separators allow two readings, both are kept: "1.500" is 1.5
// in English and 1500 in Indonesian, and a text in either language may use
// the other convention, so Number.Alt holds the second reading. A form that
// is invalid under the language's own convention is read with the other
// one ("34.35" in Indonesian cannot be grouping, so it is 34.35).
//
// Around the digits, a few conventions of news text are read too, so that
// faithful translations compare equal: percentages, ordinals ("18th",
// "ke-18", "第18"), English numbers in words ("twenty-four", "two
// million"), times of day ("pukul 10.30" is 10 and 30, "11 pm" also
// reads 23), Chinese months and centuries ("9月", "20 世纪 60 年代" is
// 1960), and Thai Buddhist-era years (2563 is 2020) when comparing.
//
// Compare checks a translation against its source and Unsupported a
// summary against its source; see their documentation for what counts as
// a match. Build a Reader with NewReader to extract from many texts of one
// language: it costs about a tenth of a millisecond.
package numbers
