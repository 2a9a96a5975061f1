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
	// Documented is every error response the catalog's operations
	// document, operation by operation in catalog order, each with how
	// many checked responses fell under it, whatever codes they carried;
	// operations with no route (only an id) are left out, since no request
	// can be matched to them. Empty when the catalog lists no operations.
	Documented []DocumentedResponse
	// Unmatched counts the error responses whose request matched no
	// operation, when the catalog lists operations.
	Unmatched int
}

// A DocumentedResponse is one error response an operation documents, and
// how many checked responses fell under it: the request was for the
// operation, and Operation.Response gave this one for the status.
type DocumentedResponse struct {
	Operation *catalog.Operation
	Response  *catalog.Response
	Count     int
}

// String names the response as coverage reports do:
// "getSecret (GET /v1/secrets/{id}) 404".
func (d DocumentedResponse) String() string { return d.Operation.ResponseName(d.Response) }

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
	for _, op := range c.cat.Operations {
		if op.Path == "" {
			continue // matched to no request
		}
		for _, r := range op.Responses {
			cov.Documented = append(cov.Documented, DocumentedResponse{Operation: op, Response: r, Count: c.documented[r]})
		}
	}
	cov.Unmatched = c.unmatched
	return cov
}

// String is a one-line summary for the test log:
// "conformance: 9 of 73 codes seen in 20 error responses; never seen: a, b;
// only sent wrongly: c". When the catalog lists operations, it goes on
// with their documented error responses: "; 3 of 8 documented error
// responses seen; never produced: getSecret (GET /v1/secrets/{id}) 400,
// ...; 2 error responses matched no operation".
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
	cov.writeDocumented(&b)
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

// writeDocumented writes the coverage of the operations' documented
// error responses, when there are any.
func (cov Coverage) writeDocumented(b *strings.Builder) {
	if len(cov.Documented) == 0 {
		return
	}
	seen := 0
	var never []string
	for _, d := range cov.Documented {
		if d.Count > 0 {
			seen++
		} else {
			never = append(never, d.String())
		}
	}
	noun := "documented error responses"
	if len(cov.Documented) == 1 {
		noun = "documented error response"
	}
	fmt.Fprintf(b, "; %d of %d %s seen", seen, len(cov.Documented), noun)
	if len(never) > 0 {
		b.WriteString("; never produced: " + strings.Join(never, ", "))
	}
	switch {
	case cov.Unmatched == 1:
		b.WriteString("; 1 error response matched no operation")
	case cov.Unmatched > 1:
		fmt.Fprintf(b, "; %d error responses matched no operation", cov.Unmatched)
	}
}
