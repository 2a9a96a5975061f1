package catalog

import (
	"fmt"
	"regexp"
	"strings"
	"sync/atomic"
	"unicode/utf8"
)

// A Pattern is a string whose text is known in parts: literal runs and holes
// that stand for any text. It describes both catalog templates
// ("not_found|{resource}") and partly known Go values ("invalid_chars:" +
// name, fmt.Sprintf("not_found|%s", kind)).
//
// Patterns are immutable and safe for concurrent use. Concat takes time in
// the length of its argument only, so that building a pattern by appending
// one part at a time stays linear; every other method is linear in the
// pattern's length.
type Pattern struct {
	// parts never has two holes in a row; adjacent literals are allowed
	// here (they are merged by Parts and ignored by the rest).
	parts []Part
	// used, shared by the patterns that share parts' backing array, is
	// how many of its elements are in use: the pattern whose parts end
	// there may append in place.
	used *atomic.Int64
}

// A Part is one run of a Pattern: literal text, or a hole.
type Part struct {
	Lit  string
	Hole bool
}

// Literal is the pattern of a fully known string.
func Literal(s string) Pattern {
	if s == "" {
		return Pattern{}
	}
	return Pattern{parts: []Part{{Lit: s}}}
}

// Hole is the pattern of an unknown string.
func Hole() Pattern { return Pattern{parts: []Part{{Hole: true}}} }

// Concat returns p followed by q; two holes that meet are one. It copies
// p only when p's parts cannot be extended in place, so appending to the
// result again and again costs time linear in what is appended.
func (p Pattern) Concat(q Pattern) Pattern {
	qs := q.parts
	n := len(p.parts)
	if len(qs) > 0 && qs[0].Hole && n > 0 && p.parts[n-1].Hole {
		qs = qs[1:]
	}
	switch {
	case len(qs) == 0:
		return p
	case n == 0:
		return Pattern{parts: qs[:len(qs):len(qs)]}
	}
	// Claim the slots after p's parts, if no other pattern did: then the
	// append writes only slots no other pattern reads.
	if p.used != nil && cap(p.parts)-n >= len(qs) && p.used.CompareAndSwap(int64(n), int64(n+len(qs))) {
		return Pattern{parts: append(p.parts, qs...), used: p.used}
	}
	parts := make([]Part, n, 2*(n+len(qs)))
	copy(parts, p.parts)
	parts = append(parts, qs...)
	used := new(atomic.Int64)
	used.Store(int64(len(parts)))
	return Pattern{parts: parts, used: used}
}

// Parts returns p's runs in order: adjacent literals merged, no two holes
// in a row, no empty literal.
func (p Pattern) Parts() []Part {
	var out []Part
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			out = append(out, Part{Lit: lit.String()})
			lit.Reset()
		}
	}
	for _, x := range p.parts {
		if x.Hole {
			flush()
			out = append(out, x)
			continue
		}
		lit.WriteString(x.Lit)
	}
	flush()
	return out
}

// HasHoles reports whether part of p is unknown.
func (p Pattern) HasHoles() bool {
	for _, x := range p.parts {
		if x.Hole {
			return true
		}
	}
	return false
}

// Prefix is the known text before the first hole.
func (p Pattern) Prefix() string {
	var b strings.Builder
	for _, x := range p.parts {
		if x.Hole {
			break
		}
		b.WriteString(x.Lit)
	}
	return b.String()
}

// String renders p with "…" for each hole; a pattern without holes renders
// as its text.
func (p Pattern) String() string { return p.Instance("…") }

// Instance fills each hole of p with fill.
func (p Pattern) Instance(fill string) string {
	var b strings.Builder
	for _, x := range p.parts {
		if x.Hole {
			b.WriteString(fill)
		} else {
			b.WriteString(x.Lit)
		}
	}
	return b.String()
}

// segments splits p at its holes: the literal text before the first hole,
// between holes, and after the last; one segment when p has no hole.
func (p Pattern) segments() []string {
	var out []string
	var lit strings.Builder
	for _, x := range p.parts {
		if x.Hole {
			out = append(out, lit.String())
			lit.Reset()
			continue
		}
		lit.WriteString(x.Lit)
	}
	return append(out, lit.String())
}

// Intersects reports whether some string matches both p and q, a hole
// matching any text, the empty text included. It takes linear time:
//
//   - without holes, the texts must be equal;
//   - with holes in one, the other's text must match it (matchSegments);
//   - with holes in both, a common string exists exactly when the known
//     prefixes agree (one is a prefix of the other) and the known suffixes
//     agree: the longer prefix, then every middle literal of both, then
//     the longer suffix, matches both.
func (p Pattern) Intersects(q Pattern) bool {
	a, b := p.segments(), q.segments()
	switch {
	case len(a) == 1 && len(b) == 1:
		return a[0] == b[0]
	case len(a) == 1:
		return matchSegments(b, a[0], false)
	case len(b) == 1:
		return matchSegments(a, b[0], false)
	}
	agree := func(x, y string, fix func(s, affix string) bool) bool {
		if len(x) < len(y) {
			x, y = y, x
		}
		return fix(x, y)
	}
	return agree(a[0], b[0], strings.HasPrefix) && agree(a[len(a)-1], b[len(b)-1], strings.HasSuffix)
}

// matchSegments reports whether s matches the pattern whose segments are
// segs (at least two: the pattern has holes). Each hole matches any text
// or, when nonEmpty, at least one character. Placing each middle segment
// at its leftmost possible place is never worse than a later one, so one
// pass decides.
func matchSegments(segs []string, s string, nonEmpty bool) bool {
	first, last := segs[0], segs[len(segs)-1]
	if !strings.HasPrefix(s, first) {
		return false
	}
	rest := s[len(first):]
	if !strings.HasSuffix(rest, last) {
		return false
	}
	mid := rest[:len(rest)-len(last)]
	for _, seg := range segs[1 : len(segs)-1] {
		if nonEmpty {
			if mid == "" {
				return false
			}
			_, size := utf8.DecodeRuneInString(mid)
			mid = mid[size:]
		}
		i := strings.Index(mid, seg)
		if i < 0 {
			return false
		}
		mid = mid[i+len(seg):]
	}
	return !nonEmpty || mid != ""
}

// A Template is a catalog code with variable parts: "not_found|{resource}".
type Template struct {
	Vars     []string // the names of the variable parts, in order
	pattern  Pattern
	segments []string // pattern.segments()
	expr     string   // the regular expression Matches implements
}

// Matches reports whether s is an instance of t: each variable part stands
// for one or more characters other than a line break. It takes time
// linear in s and t.
func (t *Template) Matches(s string) bool {
	if strings.IndexByte(s, '\n') >= 0 {
		return false // no literal part holds one, and no variable part
	}
	return matchSegments(t.segments, s, true)
}

// Prefix is the template's text before its first variable part.
func (t *Template) Prefix() string { return t.pattern.Prefix() }

// Pattern is the template as a Pattern: a hole for each variable part.
func (t *Template) Pattern() Pattern { return t.pattern }

// Expr is a regular expression, anchored at both ends, that matches what
// Matches does: (.+) for each variable part.
func (t *Template) Expr() string { return t.expr }

// ParseTemplate parses s if it has {name} parts; it returns nil, nil when s
// is a plain code. It takes time linear in s.
func ParseTemplate(s string) (*Template, error) {
	if !strings.ContainsAny(s, "{}") {
		return nil, nil
	}
	t := &Template{}
	var parts []Part
	var re strings.Builder
	re.WriteString("^")
	lastHole := false
	rest := s
	for rest != "" {
		open := strings.IndexAny(rest, "{}")
		if open < 0 {
			parts = append(parts, Part{Lit: rest})
			re.WriteString(regexp.QuoteMeta(rest))
			break
		}
		if rest[open] == '}' {
			return nil, fmt.Errorf(`malformed template %q: "}" without "{"`, Truncate(s))
		}
		if lit := rest[:open]; lit != "" {
			parts = append(parts, Part{Lit: lit})
			re.WriteString(regexp.QuoteMeta(lit))
			lastHole = false
		}
		rest = rest[open+1:]
		end := strings.IndexAny(rest, "{}")
		if end < 0 || rest[end] == '{' {
			return nil, fmt.Errorf(`malformed template %q: "{" without "}"`, Truncate(s))
		}
		name := rest[:end]
		if !isIdent(name) {
			return nil, fmt.Errorf("malformed template %q: variable name %q is not an identifier", Truncate(s), Truncate(name))
		}
		if lastHole {
			return nil, fmt.Errorf("malformed template %q: variables {%s} and {%s} touch; put text between them", Truncate(s), t.Vars[len(t.Vars)-1], name)
		}
		t.Vars = append(t.Vars, name)
		parts = append(parts, Part{Hole: true})
		re.WriteString("(.+)")
		lastHole = true
		rest = rest[end+1:]
	}
	if len(parts) == 1 {
		return nil, fmt.Errorf("malformed template %q: a template needs fixed text besides its variables", Truncate(s))
	}
	re.WriteString("$")
	t.pattern = Pattern{parts: parts[:len(parts):len(parts)]}
	t.segments = t.pattern.segments()
	t.expr = re.String()
	return t, nil
}

// IsTemplateVar reports whether s may name a template's variable part: an
// identifier, with dots after the first character ("param.name").
func IsTemplateVar(s string) bool { return isIdent(s) }

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
		case i > 0 && ('0' <= r && r <= '9' || r == '.'):
		default:
			return false
		}
	}
	return true
}
