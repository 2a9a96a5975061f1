package catalog

import (
	"fmt"
	"slices"
	"strings"
)

// A Warning is a doubt about a valid catalog: something that loads but is
// likely a mistake.
type Warning struct {
	Pos Pos
	Msg string
}

func (w Warning) String() string { return w.Pos.String() + ": warning: " + w.Msg }

// Warnings returns the catalog's doubtful spots, in file order:
//
//   - codes that differ only by case or separators ("secret_not_found" and
//     "secretNotFound"): clients will confuse them;
//   - a status whose codes are partly in groups and partly in none: the
//     reference lost a group heading;
//   - codes with status 429 when rules.retry_after leaves 429 out: their
//     responses escape the Retry-After check.
func (c *Catalog) Warnings() []Warning {
	var out []Warning
	out = append(out, c.lookalikeWarnings()...)
	out = append(out, c.groupWarnings()...)
	out = append(out, c.retryAfterWarnings()...)
	slices.SortStableFunc(out, func(a, b Warning) int {
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Col - b.Pos.Col
	})
	return out
}

func (c *Catalog) warnf(pos Pos, format string, args ...any) Warning {
	return Warning{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// lookalikeWarnings reports codes equal to an earlier one once case and
// separators are folded.
func (c *Catalog) lookalikeWarnings() []Warning {
	var out []Warning
	first := make(map[string]*Code)
	for _, code := range c.Codes {
		if code.Numeric {
			continue
		}
		key := normalize(code.Value)
		if prev, ok := first[key]; ok {
			out = append(out, c.warnf(code.Pos, "code %s differs from %s (%d:%d) only by case or separators",
				code.Quoted(), prev.Quoted(), prev.Pos.Line, prev.Pos.Col))
			continue
		}
		first[key] = code
	}
	return out
}

// groupWarnings reports the ungrouped codes of a status whose other codes
// are in groups.
func (c *Catalog) groupWarnings() []Warning {
	var out []Warning
	for _, status := range c.Statuses() {
		var grouped []string
		var loose []*Code
		for _, code := range c.Codes {
			switch {
			case code.Status != status:
			case code.Group == "":
				loose = append(loose, code)
			case !slices.Contains(grouped, code.Group):
				grouped = append(grouped, code.Group)
			}
		}
		if len(grouped) == 0 {
			continue
		}
		for _, code := range loose {
			out = append(out, c.warnf(code.Pos, "code %s has no group, but the other %d codes are in %s",
				code.Quoted(), status, quoteList(grouped, 3)))
		}
	}
	return out
}

// retryAfterWarnings reports the first 429 code when rules.retry_after
// does not list 429.
func (c *Catalog) retryAfterWarnings() []Warning {
	const tooMany = 429
	if c.RetryAfter(tooMany) {
		return nil
	}
	for _, code := range c.Codes {
		if code.Status == tooMany && !code.Reported {
			n := len(c.SentWith(tooMany))
			return []Warning{c.warnf(code.StatusPos, "%s with status 429, but rules.retry_after [%s] leaves 429 out: their responses need not carry Retry-After",
				count(n, "code", "codes"), joinInts(c.Rules.RetryAfter, ", "))}
		}
	}
	return nil
}

// quoteList renders up to most items quoted, and how many more there are.
func quoteList(items []string, most int) string {
	var parts []string
	for i, s := range items {
		if i == most {
			parts = append(parts, fmt.Sprintf("%d more", len(items)-most))
			break
		}
		parts = append(parts, fmt.Sprintf("%q", s))
	}
	return strings.Join(parts, ", ")
}
