package catalog

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// A Pattern is a string whose text is known in parts: literal runs and holes
// that stand for any text. It describes both catalog templates
// ("not_found|{resource}") and partly known Go values ("invalid_chars:" +
// name, fmt.Sprintf("not_found|%s", kind)).
type Pattern struct {
	parts []Part
}

// A Part is one run of a Pattern: literal text, or a hole.
type Part struct {
	Lit  string
	Hole bool
}

// Parts returns p's runs in order; adjacent literals are merged and two
// holes never touch.
func (p Pattern) Parts() []Part { return slices.Clone(p.parts) }

// Literal is the pattern of a fully known string.
func Literal(s string) Pattern {
	if s == "" {
		return Pattern{}
	}
	return Pattern{parts: []Part{{Lit: s}}}
}

// Hole is the pattern of an unknown string.
func Hole() Pattern { return Pattern{parts: []Part{{Hole: true}}} }

// Concat returns p followed by q, merging adjacent literals and holes.
func (p Pattern) Concat(q Pattern) Pattern {
	out := Pattern{parts: append([]Part(nil), p.parts...)}
	for _, x := range q.parts {
		n := len(out.parts)
		switch {
		case n > 0 && !x.Hole && !out.parts[n-1].Hole:
			out.parts[n-1].Lit += x.Lit
		case n > 0 && x.Hole && out.parts[n-1].Hole:
			// two holes are one
		default:
			out.parts = append(out.parts, x)
		}
	}
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
	if len(p.parts) > 0 && !p.parts[0].Hole {
		return p.parts[0].Lit
	}
	return ""
}

// String renders p with "…" for each hole; a pattern without holes renders
// as its text.
func (p Pattern) String() string {
	var b strings.Builder
	for _, x := range p.parts {
		if x.Hole {
			b.WriteString("…")
		} else {
			b.WriteString(x.Lit)
		}
	}
	return b.String()
}

// Intersects reports whether some string matches both p and q.
func (p Pattern) Intersects(q Pattern) bool {
	a, b := p.runes(), q.runes()
	// seen[i][j] marks states already explored; the search is over
	// positions in a and b, where hole (-1) matches any run of runes.
	seen := make(map[[2]int]bool)
	var walk func(i, j int) bool
	walk = func(i, j int) bool {
		key := [2]int{i, j}
		if seen[key] {
			return false
		}
		seen[key] = true
		switch {
		case i == len(a) && j == len(b):
			return true
		case i < len(a) && a[i] == -1:
			// The hole in a matches nothing more, or swallows b's next rune.
			return walk(i+1, j) || (j < len(b) && walk(i, j+1))
		case j < len(b) && b[j] == -1:
			return walk(i, j+1) || (i < len(a) && walk(i+1, j))
		case i < len(a) && j < len(b) && a[i] == b[j]:
			return walk(i+1, j+1)
		}
		return false
	}
	return walk(0, 0)
}

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

// runes flattens p into runes with -1 for a hole.
func (p Pattern) runes() []rune {
	var out []rune
	for _, x := range p.parts {
		if x.Hole {
			out = append(out, -1)
			continue
		}
		out = append(out, []rune(x.Lit)...)
	}
	return out
}

// A Template is a catalog code with variable parts: "not_found|{resource}".
type Template struct {
	Vars    []string // the names of the variable parts, in order
	pattern Pattern
	re      *regexp.Regexp
}

// Matches reports whether s is an instance of t; each variable part stands
// for one or more characters.
func (t *Template) Matches(s string) bool { return t.re.MatchString(s) }

// Prefix is the template's text before its first variable part.
func (t *Template) Prefix() string { return t.pattern.Prefix() }

// Pattern is the template as a Pattern: a hole for each variable part.
func (t *Template) Pattern() Pattern { return t.pattern }

// Expr is the regular expression Matches uses, anchored at both ends.
func (t *Template) Expr() string { return t.re.String() }

// ParseTemplate parses s if it has {name} parts; it returns nil, nil when s
// is a plain code.
func ParseTemplate(s string) (*Template, error) {
	if !strings.ContainsAny(s, "{}") {
		return nil, nil
	}
	t := &Template{}
	var re strings.Builder
	re.WriteString("^")
	rest := s
	for rest != "" {
		open := strings.IndexAny(rest, "{}")
		if open < 0 {
			t.pattern = t.pattern.Concat(Literal(rest))
			re.WriteString(regexp.QuoteMeta(rest))
			break
		}
		if rest[open] == '}' {
			return nil, fmt.Errorf(`malformed template %q: "}" without "{"`, s)
		}
		lit := rest[:open]
		t.pattern = t.pattern.Concat(Literal(lit))
		re.WriteString(regexp.QuoteMeta(lit))
		rest = rest[open+1:]
		end := strings.IndexAny(rest, "{}")
		if end < 0 || rest[end] == '{' {
			return nil, fmt.Errorf(`malformed template %q: "{" without "}"`, s)
		}
		name := rest[:end]
		if !isIdent(name) {
			return nil, fmt.Errorf("malformed template %q: variable name %q is not an identifier", s, name)
		}
		if len(t.pattern.parts) > 0 && t.pattern.parts[len(t.pattern.parts)-1].Hole {
			return nil, fmt.Errorf("malformed template %q: variables {%s} and {%s} touch; put text between them", s, t.Vars[len(t.Vars)-1], name)
		}
		t.Vars = append(t.Vars, name)
		t.pattern = t.pattern.Concat(Hole())
		re.WriteString("(.+)")
		rest = rest[end+1:]
	}
	if len(t.pattern.parts) == 1 {
		return nil, fmt.Errorf("malformed template %q: a template needs fixed text besides its variables", s)
	}
	re.WriteString("$")
	t.re = regexp.MustCompile(re.String())
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
