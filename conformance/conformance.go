package conformance

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/errcodelint/errcodelint/catalog"
)

// DefaultBodyLimit is how much of an error body a Checker reads unless
// BodyLimit says otherwise.
const DefaultBodyLimit = 1 << 20

// A Checker checks error responses against a catalog and keeps what it saw.
// It is safe for concurrent use: one Checker may wrap many handlers and
// transports, in parallel tests.
type Checker struct {
	cat     *catalog.Catalog
	limit   int64
	collect bool

	mu         sync.Mutex
	seen       map[*catalog.Code]int
	responses  int      // error responses looked at
	unchecked  []string // error responses whose body was past the limit
	violations []Violation
}

// An Option configures a Checker.
type Option func(*Checker)

// BodyLimit sets how many bytes of an error body are read and checked; a
// longer body passes through unchecked. n <= 0 means DefaultBodyLimit.
func BodyLimit(n int64) Option {
	return func(c *Checker) {
		if n <= 0 {
			n = DefaultBodyLimit
		}
		c.limit = n
	}
}

// Collect makes the Checker keep violations for Violations instead of
// reporting them with t.Errorf: for tests that assert the exact violations
// of a deliberately wrong server. With Collect, the testing.TB given to
// Handler and Transport may be nil.
func Collect() Option {
	return func(c *Checker) { c.collect = true }
}

// New returns a Checker for the catalog.
func New(cat *catalog.Catalog, opts ...Option) *Checker {
	c := &Checker{cat: cat, limit: DefaultBodyLimit, seen: make(map[*catalog.Code]int)}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Load loads the catalog at path and returns a Checker for it.
func Load(path string, opts ...Option) (*Checker, error) {
	cat, err := catalog.Load(path)
	if err != nil {
		return nil, err
	}
	return New(cat, opts...), nil
}

// Catalog returns the catalog the Checker checks against.
func (c *Checker) Catalog() *catalog.Catalog { return c.cat }

// A Rule names what a Violation breaks.
type Rule string

// The rules a response is checked against.
const (
	RuleBadBody     Rule = "bad-body"    // a body declared in the wire format does not decode
	RuleNoCode      Rule = "no-code"     // a body in the wire format has no code at the wire path
	RuleUncataloged Rule = "uncataloged" // the code is not in the catalog
	RulePrefix      Rule = "prefix"      // the code travels without the wire prefix
	RuleStatus      Rule = "status"      // the status is not one the catalog gives the code
	RuleReported    Rule = "reported"    // a reported-only code is sent as a response
	RuleBodyStatus  Rule = "body-status" // the body's status field disagrees with the HTTP status
	RuleRetryAfter  Rule = "retry-after" // Retry-After is missing or malformed
)

// A Violation is one broken rule in one response.
type Violation struct {
	Rule   Rule
	Method string // request method
	Path   string // request path
	Status int    // the response's HTTP status
	Code   string // the code as sent, "" when the body has none
	Ref    string // the code's catalog line, "errcodes.yaml:31", "" when not cataloged
	Msg    string // what is wrong, naming the code, the status and the catalog line
}

// String renders v as it is reported: "DELETE /v1/secrets/a: 400: code ...".
func (v Violation) String() string {
	return fmt.Sprintf("%s %s: %d: %s", v.Method, v.Path, v.Status, v.Msg)
}

// Violations returns the violations seen so far, in the order they were
// found (with concurrent requests, in the order their responses finished).
func (c *Checker) Violations() []Violation {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Violation(nil), c.violations...)
}

// A response is what the wrappers saw of one exchange.
type response struct {
	method, path string
	status       int
	header       http.Header // as sent with the status
	body         []byte
	unchecked    string // why the body was not read whole ("body longer than 1048576 bytes"), or ""
}

// overLimit is the reason a body past the limit is not checked.
func (c *Checker) overLimit() string {
	return fmt.Sprintf("body longer than %d bytes", c.limit)
}

// check checks r and records the outcome, reporting violations to tb.
func (c *Checker) check(tb testing.TB, r *response) {
	if r.status < 400 && !c.cat.RetryAfter(r.status) {
		return
	}
	var (
		vs        []Violation
		codes     []*catalog.Code
		unchecked string
	)
	add := func(rule Rule, code, ref, format string, args ...any) {
		vs = append(vs, Violation{Rule: rule, Method: r.method, Path: r.path, Status: r.status,
			Code: code, Ref: ref, Msg: fmt.Sprintf(format, args...)})
	}
	if r.status >= 400 {
		switch enc := r.header.Get("Content-Encoding"); {
		case r.unchecked != "":
			unchecked = fmt.Sprintf("%s %s: %d: %s", r.method, r.path, r.status, r.unchecked)
		case enc != "" && !strings.EqualFold(enc, "identity"):
			unchecked = fmt.Sprintf("%s %s: %d: body encoded as %s", r.method, r.path, r.status, enc)
		default:
			codes = c.checkBody(r, add)
		}
	}
	c.checkRetryAfter(r, codes, add)

	c.mu.Lock()
	if r.status >= 400 {
		c.responses++
	}
	for _, code := range codes {
		c.seen[code]++
	}
	if unchecked != "" {
		c.unchecked = append(c.unchecked, unchecked)
	}
	c.violations = append(c.violations, vs...)
	c.mu.Unlock()

	if !c.collect && tb != nil {
		for _, v := range vs {
			tb.Errorf("conformance: %s", v)
		}
	}
}

type addFunc func(rule Rule, code, ref, format string, args ...any)

// checkBody checks the codes of an error body and returns the cataloged ones.
func (c *Checker) checkBody(r *response, add addFunc) []*catalog.Code {
	w := &c.cat.Wire
	doc, err := decode(w, r.header.Get("Content-Type"), r.body)
	if err != nil {
		add(RuleBadBody, "", "", "error body is not valid %s: %v", strings.ToUpper(w.Format), err)
		return nil
	}
	if doc == nil {
		return nil // a bare status: no body in the wire format
	}
	vals := doc.at(w.CodePath)
	if len(vals) == 0 {
		add(RuleNoCode, "", "", "error body has no code at %s", w.Code)
	}
	var out []*catalog.Code
	for _, v := range vals {
		if code := c.checkCode(r, v, add); code != nil {
			out = append(out, code)
		}
	}
	if w.StatusPath != nil {
		for _, v := range doc.at(w.StatusPath) {
			if n, err := strconv.Atoi(v.text); v.kind != kindNumber || err != nil || n != r.status {
				add(RuleBodyStatus, "", "", "body field %s is %s; the HTTP status is %d", w.Status, v, r.status)
			}
		}
	}
	return out
}

// checkCode checks one code value of a body and returns its catalog row.
func (c *Checker) checkCode(r *response, v value, add addFunc) *catalog.Code {
	w := &c.cat.Wire
	switch {
	case v.kind == kindOther:
		add(RuleNoCode, "", "", "error body has %s at %s, not a code", v, w.Code)
		return nil
	case v.text == "":
		add(RuleNoCode, "", "", "error body has an empty code at %s", w.Code)
		return nil
	}
	code, ok := c.cat.Lookup(v.text)
	if !ok {
		msg := fmt.Sprintf("code %s is not in the catalog", v)
		if s := c.cat.Suggest(v.text); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", w.Prefix+s)
		}
		add(RuleUncataloged, v.text, "", "%s", msg)
		return nil
	}
	ref := code.Ref()
	if w.Prefix != "" && !strings.HasPrefix(v.text, w.Prefix) {
		add(RulePrefix, v.text, ref, "code %s is sent without the wire prefix %q (%s)", v, w.Prefix, ref)
	}
	statuses := statusesOf(code)
	switch {
	case code.Reported:
		add(RuleReported, v.text, ref, "code %s is only reported in payloads, never sent as a response, but is sent with status %d (%s)",
			code.Quoted(), r.status, ref)
	case !slices.Contains(statuses, r.status):
		add(RuleStatus, v.text, ref, "code %s is sent with status %d; the catalog says %s (%s)",
			code.Quoted(), r.status, orList(statuses), ref)
	}
	return code
}

// checkRetryAfter checks the Retry-After header of r; codes are the body's
// cataloged codes, named in the message.
func (c *Checker) checkRetryAfter(r *response, codes []*catalog.Code, add addFunc) {
	code, ref, about := "", "", ""
	if len(codes) > 0 {
		code, ref = codes[0].Value, codes[0].Ref()
		about = fmt.Sprintf(" (code %s, %s)", codes[0].Quoted(), ref)
	}
	ra := r.header.Values("Retry-After")
	switch {
	case len(ra) == 0 && c.cat.RetryAfter(r.status):
		add(RuleRetryAfter, code, ref, "status %d is sent without Retry-After%s; rules.retry_after lists it", r.status, about)
	case len(ra) > 0 && !validRetryAfter(ra[0]):
		add(RuleRetryAfter, code, ref, "Retry-After %q is neither delay-seconds nor an HTTP-date%s", ra[0], about)
	}
}

// validRetryAfter reports whether s is delay-seconds (digits) or an HTTP-date.
func validRetryAfter(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if strings.Trim(s, "0123456789") == "" {
		return true
	}
	_, err := http.ParseTime(s)
	return err == nil
}

// statusesOf returns the statuses the catalog gives c; the first is the
// default.
func statusesOf(c *catalog.Code) []int {
	return []int{c.Status}
}

// orList renders statuses as "404", "400 or 404", "400, 404 or 405".
func orList(s []int) string {
	var b strings.Builder
	for i, n := range s {
		switch {
		case i == 0:
		case i == len(s)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(n))
	}
	return b.String()
}
