package conformance

import (
	"slices"

	"github.com/errcodelint/errcodelint/catalog"
)

// checkOperation checks an error response against the operation its
// request is for, when the catalog lists operations: the operation must
// document a response for the status (its own, its class's, or the
// default), and that response must carry each of the body's cataloged
// codes (codes are the body's cataloged codes, as checkBody returns them).
// A request for no operation is left to the other rules.
func (x *run) checkOperation(codes []*catalog.Code) {
	cat, r := x.c.cat, x.r
	if len(cat.Operations) == 0 {
		return // no operations: nothing to check against
	}
	op := cat.OperationFor(r.method, r.path)
	if op == nil {
		x.unmatched = true
		return
	}
	doc := op.Response(r.status)
	if doc == nil {
		x.add(RuleOperation, "", op.Ref(), "status %d is not documented for %s, which documents %s (%s)",
			r.status, op.Name(), op.Statuses(), op.Ref())
		return
	}
	x.documented = doc
	var done []*catalog.Code
	for i, code := range codes {
		if doc.Carries(code) || slices.Contains(done, code) {
			continue
		}
		done = append(done, code)
		x.add(RuleOperation, x.sent[i], op.Ref(), "code %s is not documented for %s, which names %s (%s)",
			quoted(code), op.ResponseName(doc), catalog.QuotedList(doc.Codes), op.Ref())
	}
}
