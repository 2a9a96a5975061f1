// Package warnings finds what loads in a catalog but is likely a mistake.
package warnings

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogtools/internal/text"
)

// List returns the catalog's doubtful spots, in file order:
//
//   - codes that differ only by case or separators ("secret_not_found" and
//     "secretNotFound"): clients will confuse them;
//   - a status whose codes are partly in groups and partly in none: the
//     reference lost a group heading;
//   - codes with status 429 when rules.retry_after leaves 429 out: their
//     responses escape the Retry-After check;
//   - what the OpenAPI document the catalog points at gave with a doubt or
//     could not give (catalog.Catalog.Notes), after the catalog's own.
func List(c *catalog.Catalog) []catalog.Warning {
	var out []catalog.Warning
	out = append(out, lookalikes(c)...)
	out = append(out, groups(c)...)
	out = append(out, retryAfter(c)...)
	slices.SortStableFunc(out, func(a, b catalog.Warning) int {
		return cmp.Or(strings.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	return append(out, c.Notes...)
}

func warnf(pos catalog.Pos, format string, args ...any) catalog.Warning {
	return catalog.Warning{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// lookalikes reports codes equal to an earlier one once case and
// separators are folded.
func lookalikes(c *catalog.Catalog) []catalog.Warning {
	var out []catalog.Warning
	first := make(map[string]*catalog.Code)
	for _, code := range c.Codes {
		if code.Numeric {
			continue
		}
		key := catalog.Fold(code.Value)
		if prev, ok := first[key]; ok {
			out = append(out, warnf(code.Pos, "code %s differs from %s (%d:%d) only by case or separators",
				code.Quoted(), prev.Quoted(), prev.Pos.Line, prev.Pos.Col))
			continue
		}
		first[key] = code
	}
	return out
}

// groups reports the ungrouped codes of a status whose other codes are in
// groups.
func groups(c *catalog.Catalog) []catalog.Warning {
	var out []catalog.Warning
	warned := make(map[*catalog.Code]bool) // a code of several statuses is reported once
	for _, status := range c.Statuses() {
		var grouped []string
		var loose []*catalog.Code
		for _, code := range c.Codes {
			switch {
			case !code.HasStatus(status):
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
			if warned[code] {
				continue
			}
			warned[code] = true
			out = append(out, warnf(code.Pos, "code %s has no group, but the other %d codes are in %s",
				code.Quoted(), status, text.QuoteList(grouped, 3)))
		}
	}
	return out
}

// retryAfter reports the first 429 code when rules.retry_after does not
// list 429.
func retryAfter(c *catalog.Catalog) []catalog.Warning {
	const tooMany = 429
	if c.RetryAfter(tooMany) {
		return nil
	}
	for _, code := range c.Codes {
		if code.HasStatus(tooMany) && !code.Reported {
			n := len(c.SentWith(tooMany))
			return []catalog.Warning{warnf(code.StatusPos, "%s with status 429, but rules.retry_after [%s] leaves 429 out: their responses need not carry Retry-After",
				text.Count(n, "code", "codes"), text.JoinInts(c.Rules.RetryAfter, ", "))}
		}
	}
	return nil
}
