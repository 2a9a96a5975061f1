package conformance

import (
	"fmt"
	"strings"

	"github.com/errcodelint/errcodelint/catalog"
)

// Coverage says which cataloged codes the checked responses carried. Codes
// the catalog marks reported are never sent as responses and are left out.
// A code counts as seen only when a response sent it rightly: with a status
// the catalog gives it, and with the wire prefix when the catalog has one.
type Coverage struct {
	Seen      []*catalog.Code // codes sent rightly at least once, in catalog order
	Wrong     []*catalog.Code // codes sent, but never rightly, in catalog order
	Unseen    []*catalog.Code // codes never sent, in catalog order
	Responses int             // error responses seen, bare statuses included
	// Unchecked says which error responses were not checked, and why: the
	// first MaxViolationsPerRule of them. UncheckedCount counts them all.
	Unchecked      []string
	UncheckedCount int
}

// Coverage returns what the Checker has seen so far.
func (c *Checker) Coverage() Coverage {
	c.mu.Lock()
	defer c.mu.Unlock()
	cov := Coverage{Responses: c.responses, Unchecked: append([]string(nil), c.unchecked...), UncheckedCount: c.uncheckedN}
	for _, code := range c.cat.Codes {
		switch {
		case code.Reported:
		case c.seen[code] > 0:
			cov.Seen = append(cov.Seen, code)
		case c.wrong[code] > 0:
			cov.Wrong = append(cov.Wrong, code)
		default:
			cov.Unseen = append(cov.Unseen, code)
		}
	}
	return cov
}

// String is a one-line summary for the test log:
// "conformance: 9 of 73 codes seen in 20 error responses; never seen: a, b;
// only sent wrongly: c".
func (cov Coverage) String() string {
	var b strings.Builder
	total := len(cov.Seen) + len(cov.Wrong) + len(cov.Unseen)
	codes, responses := "codes", "error responses"
	if total == 1 {
		codes = "code"
	}
	if cov.Responses == 1 {
		responses = "error response"
	}
	fmt.Fprintf(&b, "conformance: %d of %d %s seen in %d %s",
		len(cov.Seen), total, codes, cov.Responses, responses)
	writeCodes(&b, "; never seen: ", cov.Unseen)
	writeCodes(&b, "; only sent wrongly: ", cov.Wrong)
	if n := max(cov.UncheckedCount, len(cov.Unchecked)); n > 0 {
		fmt.Fprintf(&b, "; %d unchecked", n)
	}
	return b.String()
}

// writeCodes writes the values of codes after head, when there are any.
func writeCodes(b *strings.Builder, head string, codes []*catalog.Code) {
	if len(codes) == 0 {
		return
	}
	b.WriteString(head)
	for i, code := range codes {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(code.Value)
	}
}
