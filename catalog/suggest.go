package catalog

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Suggest returns the cataloged code closest to the unknown code s, for a
// "did you mean" hint, or "" when none is close. Codes that differ from s
// only in case or separators come first; then the nearest by edit distance,
// within a third of the code's length.
func (c *Catalog) Suggest(s string) string {
	if rest, ok := strings.CutPrefix(s, c.Wire.Prefix); ok && c.Wire.Prefix != "" {
		s = rest
	}
	var names []string
	for _, code := range c.Codes {
		names = append(names, code.Value)
	}
	return closest(s, names)
}

// Closest returns the candidate nearest to s for a "did you mean" hint, or
// "" when none is near: one equal to s once case and separators are folded
// comes first, then the nearest by edit distance.
func Closest(s string, candidates []string) string { return closest(s, candidates) }

// closest returns the candidate nearest to s, or "" when none is near.
func closest(s string, candidates []string) string {
	fold := normalize(s)
	for _, c := range candidates {
		if c != s && normalize(c) == fold {
			return c
		}
	}
	best, bestDist := "", -1
	for _, c := range candidates {
		d := distance(s, c)
		if d == 0 {
			continue
		}
		limit := max(1, min(len(s), len(c))/3)
		if d <= limit && (bestDist < 0 || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// Fold folds case and drops separators, so that look-alike codes compare
// equal: "Secret-Not_Found" and "secretNotFound" both read "secretnotfound".
func Fold(s string) string { return normalize(s) }

// normalize folds case and drops separators: "Secret-Not_Found" and
// "secretNotFound" both read "secretnotfound".
func normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '_' || r == '-' || r == ' ' || r == '.' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// distance is the Damerau–Levenshtein (optimal string alignment) distance
// between a and b, counted in runes.
func distance(a, b string) int {
	x, y := []rune(a), []rune(b)
	// Three rows suffice for transpositions.
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}

// MaxQuoted is how many bytes of a value Truncate keeps.
const MaxQuoted = 80

// Truncate shortens a value for quoting in a message: values longer than
// MaxQuoted bytes keep their first bytes, cut at a rune boundary, and end
// in "…". Analyzers quote code values through it, so that a 100 KB
// constant does not make a 100 KB diagnostic.
func Truncate(s string) string {
	if len(s) <= MaxQuoted {
		return s
	}
	cut := MaxQuoted - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
