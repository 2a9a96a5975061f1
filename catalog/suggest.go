package catalog

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// MaxSuggest is the longest value, in bytes, that gets a "did you mean"
// suggestion: longer values are not misspelt codes, and comparing them
// would cost time for nothing.
const MaxSuggest = 256

// Suggest returns the cataloged code closest to the unknown code s, for a
// "did you mean" hint, or "" when none is close. Codes that differ from s
// only in case or separators come first; then the nearest by edit distance,
// within a third of the code's length. Values longer than MaxSuggest bytes
// get no suggestion; the cost is bounded by the number of codes times
// MaxSuggest squared, and codes whose length is too far from s's cost
// nothing.
func (c *Catalog) Suggest(s string) string {
	s = c.unprefixed(s)
	if len(s) > MaxSuggest {
		return ""
	}
	if c.suggest == nil { // a Catalog built by hand
		var names []string
		for _, code := range c.Codes {
			names = append(names, code.Value)
		}
		return closest(s, names)
	}
	ix := c.suggest.get(c.Codes)
	for _, v := range ix.folded[normalize(s)] {
		if v != s {
			return v
		}
	}
	return nearest(s, ix.names)
}

// A suggestIndex prepares Suggest for a loaded catalog: the code values, and
// the codes under their folded form. It is built on the first Suggest, not
// at load: most runs never suggest, and a large catalog would hold the
// index for nothing.
type suggestIndex struct {
	once   sync.Once
	names  []string
	folded map[string][]string
}

// get returns the index of codes, building it once.
func (ix *suggestIndex) get(codes []*Code) *suggestIndex {
	ix.once.Do(func() {
		ix.folded = make(map[string][]string)
		ix.names = make([]string, 0, len(codes))
		for _, code := range codes {
			ix.names = append(ix.names, code.Value)
			if len(code.Value) <= MaxSuggest {
				key := normalize(code.Value)
				ix.folded[key] = append(ix.folded[key], code.Value)
			}
		}
	})
	return ix
}

// Closest returns the candidate nearest to s for a "did you mean" hint, or
// "" when none is near: one equal to s once case and separators are folded
// comes first, then the nearest by edit distance. Like Suggest, it gives
// nothing for values longer than MaxSuggest bytes.
func Closest(s string, candidates []string) string { return closest(s, candidates) }

// closest returns the candidate nearest to s, or "" when none is near.
func closest(s string, candidates []string) string {
	if len(s) > MaxSuggest {
		return ""
	}
	fold := normalize(s)
	for _, c := range candidates {
		if c != s && len(c) <= MaxSuggest && normalize(c) == fold {
			return c
		}
	}
	return nearest(s, candidates)
}

// Nearest returns the candidate nearest to s by edit distance, as Closest
// does after its look-alike check, or "".
func Nearest(s string, candidates []string) string {
	if len(s) > MaxSuggest {
		return ""
	}
	return nearest(s, candidates)
}

// nearest returns the candidate nearest to s by edit distance, within a
// third of the shorter one's length (at least 1), the first of equals.
// Candidates whose length in runes differs from s's by more than that are
// skipped, and the distance is computed in a band that stops as soon as it
// exceeds the bound.
func nearest(s string, candidates []string) string {
	x := []rune(s)
	best, bestDist := "", -1
	for _, c := range candidates {
		if c == s || len(c) > MaxSuggest {
			continue
		}
		limit := max(1, min(len(s), len(c))/3)
		if bestDist >= 0 {
			limit = min(limit, bestDist-1) // only a nearer one replaces the best
		}
		if limit < 1 || abs(utf8.RuneCountInString(c)-len(x)) > limit {
			continue
		}
		if d, ok := distanceWithin(x, []rune(c), limit); ok && d > 0 {
			best, bestDist = c, d
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
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
	d, _ := distanceWithin(x, y, max(len(x), len(y)))
	return d
}

// distanceWithin computes the optimal string alignment distance between x
// and y when it is at most k, and reports whether it is. Only the cells
// within k of the diagonal are computed, and the computation stops at the
// first row whose cells all exceed k: O(len(x)·k) time.
func distanceWithin(x, y []rune, k int) (int, bool) {
	if abs(len(x)-len(y)) > k {
		return 0, false
	}
	inf := k + 1
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = min(j, inf)
	}
	for i := 1; i <= len(x); i++ {
		lo, hi := max(1, i-k), min(len(y), i+k)
		cur[0] = min(i, inf)
		if lo > 1 {
			cur[lo-1] = inf
		}
		rowMin := cur[0]
		for j := lo; j <= hi; j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			v = min(v, inf)
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if hi < len(y) {
			cur[hi+1] = inf
		}
		if rowMin > k {
			return 0, false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	d := prev[len(y)]
	return d, d <= k
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

// unprefixed is s without the catalog's wire prefix, when it carries it.
func (c *Catalog) unprefixed(s string) string {
	if rest, ok := strings.CutPrefix(s, c.Wire.Prefix); ok && c.Wire.Prefix != "" {
		return rest
	}
	return s
}
