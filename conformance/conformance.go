package conformance

import (
	"fmt"
	"maps"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/errcodelint/errcodelint/catalog"
)

// DefaultBodyLimit is how much of an error body a Checker reads unless
// BodyLimit says otherwise.
const DefaultBodyLimit = 1 << 20

// DefaultBodyTimeout is how long the transport wrapper waits for an error
// body to end unless BodyTimeout says otherwise.
const DefaultBodyTimeout = 5 * time.Second

// A Checker checks error responses against a catalog and keeps what it saw.
// It is safe for concurrent use: one Checker may wrap many handlers and
// transports, in parallel tests.
type Checker struct {
	cat     *catalog.Catalog
	limit   int64
	timeout time.Duration
	collect bool

	mu         sync.Mutex
	seen       map[*catalog.Code]int     // codes sent rightly, by count
	wrong      map[*catalog.Code]int     // codes sent with a status the catalog does not give them, or without the prefix
	lookups    map[string]*catalog.Code  // Lookup's answers; nil for "not cataloged"
	responses  int                       // error responses looked at
	unchecked  []string                  // error responses not checked, and why: the first MaxViolationsPerRule
	uncheckedN int                       // error responses not checked
	violations []Violation               // at most MaxViolationsPerRule of each rule
	kept       map[Rule]int              // violations kept, by rule
	dropped    map[Rule]int              // violations past MaxViolationsPerRule, counted only
	documented map[*catalog.Response]int // operations' documented responses produced, by count
	unmatched  int                       // error responses whose request matched no operation, when the catalog has some
}

// MaxViolationsPerRule is how many violations of each rule a Checker keeps
// and reports; later ones are only counted (Dropped). A server that breaks
// a rule on every response fails its test with the first ones, and a long
// test does not hold every response's violations in memory.
const MaxViolationsPerRule = 100

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

// BodyTimeout sets how long the transport wrapper waits for an error body
// to end before it returns the response with what arrived so far. d <= 0
// means DefaultBodyTimeout.
func BodyTimeout(d time.Duration) Option {
	return func(c *Checker) {
		if d <= 0 {
			d = DefaultBodyTimeout
		}
		c.timeout = d
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
	c := &Checker{cat: cat, limit: DefaultBodyLimit, timeout: DefaultBodyTimeout, seen: make(map[*catalog.Code]int),
		wrong: make(map[*catalog.Code]int), lookups: make(map[string]*catalog.Code),
		kept: make(map[Rule]int), dropped: make(map[Rule]int), documented: make(map[*catalog.Response]int)}
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
	RuleOperation   Rule = "operation"   // the request's operation documents no response for the status, or not the code
)

// A Violation is one broken rule in one response.
type Violation struct {
	Rule   Rule
	Method string // request method
	Path   string // request path
	Status int    // the response's HTTP status
	// Code is the code as sent, "" when the body has none; a code longer
	// than catalog.MaxQuoted bytes is cut there and ends in "…", as in Msg.
	Code string
	// Ref is the line the message cites: the code's in the catalog,
	// "errcodes.yaml:31", "" when not cataloged; for RuleOperation, the
	// operation's (Operation.Ref: in the API document when the catalog
	// says, "api.yaml:120").
	Ref string
	Msg string // what is wrong, naming the code, the status and the catalog line
}

// String renders v as it is reported: "DELETE /v1/secrets/a: 400: code ...".
func (v Violation) String() string {
	return fmt.Sprintf("%s %s: %d: %s", v.Method, v.Path, v.Status, v.Msg)
}

// Violations returns the violations kept so far, in the order they were
// found (with concurrent requests, in the order their responses finished):
// the first MaxViolationsPerRule of each rule.
func (c *Checker) Violations() []Violation {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]Violation(nil), c.violations...)
}

// Dropped returns how many violations of each rule were found past the
// first MaxViolationsPerRule, counted but neither kept nor reported; nil
// when there were none.
func (c *Checker) Dropped() map[Rule]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.dropped) == 0 {
		return nil
	}
	return maps.Clone(c.dropped)
}

// A response is what the wrappers saw of one exchange.
type response struct {
	method, path string
	status       int
	// The headers the checks read, as sent with the status.
	contentType, contentEncoding string
	retryAfter                   string
	hasRetryAfter                bool
	body                         []byte
	unchecked                    string         // why the body was not read whole ("body longer than 1048576 bytes"), or ""
	site                         *runtime.Frame // the test's line that made the wrapper, or nil
	// partial, when set, says the body is what arrived of a longer one
	// ("body not complete after 5s"): checked when it decodes, else
	// counted unchecked for that reason.
	partial string
}

// readHeader keeps the headers the checks read.
func (r *response) readHeader(h http.Header) {
	r.contentType, _ = headerValue(h, "Content-Type")
	r.contentEncoding, _ = headerValue(h, "Content-Encoding")
	r.retryAfter, r.hasRetryAfter = headerValue(h, "Retry-After")
}

// headerValue returns the first value of the header name as the client
// reads it. A handler may set a header under a key that is not canonical
// (h["retry-after"]): the server sends every key as it is, in sorted
// order, and the client reads them all under the canonical name.
func headerValue(h http.Header, name string) (string, bool) {
	key, found := "", false
	for k, v := range h {
		if len(v) > 0 && catalog.SameHeader(k, name) && (!found || k < key) {
			key, found = k, true
		}
	}
	if !found {
		return "", false
	}
	return h[key][0], true
}

// overLimit is the reason a body past the limit is not checked.
func (c *Checker) overLimit() string {
	return fmt.Sprintf("body longer than %d bytes", c.limit)
}

// A run is the check of one response.
type run struct {
	c     *Checker
	r     *response
	vs    []Violation
	right []*catalog.Code // the body's codes sent rightly
	wrong []*catalog.Code // the body's cataloged codes sent wrongly
	sent  []string        // the body's cataloged codes as sent, in checkBody's order
	// When the catalog has operations: the documented response the
	// response's status fell under (nil when none), or unmatched when the
	// request is for no operation.
	documented *catalog.Response
	unmatched  bool
}

func (x *run) add(rule Rule, code, ref, format string, args ...any) {
	x.vs = append(x.vs, Violation{Rule: rule, Method: x.r.method, Path: x.r.path, Status: x.r.status,
		Code: catalog.Truncate(code), Ref: ref, Msg: fmt.Sprintf(format, args...)})
}

// check checks r and records the outcome, reporting violations to tb.
func (c *Checker) check(tb testing.TB, r *response) {
	if tb != nil {
		tb.Helper()
	}
	if !c.captures(r.status) {
		return
	}
	x := run{c: c, r: r}
	var (
		codes     []*catalog.Code
		unchecked string
	)
	if isError(r.status) {
		switch enc := r.contentEncoding; {
		case r.unchecked != "":
			unchecked = fmt.Sprintf("%s %s: %d: %s", r.method, r.path, r.status, r.unchecked)
		case enc != "" && !strings.EqualFold(enc, "identity"):
			unchecked = fmt.Sprintf("%s %s: %d: body encoded as %s", r.method, r.path, r.status, enc)
		default:
			codes, unchecked = x.checkBody()
		}
		x.checkOperation(codes)
	}
	x.checkRetryAfter(codes)
	msgs := c.record(&x, unchecked)
	if !c.collect && tb != nil && len(msgs) > 0 {
		report(tb, r.site, msgs)
	}
}

// isError reports whether status is that of an error response, one that
// may carry a code: catalog.IsErrorStatus, the passes' definition. A status
// of 600 or more is none: RFC 9110 §15 makes it no HTTP status, the catalog
// gives it to no code, and Go's server sends it (up to 999) all the same.
// Such a response is passed through unchecked and uncounted, as a 2xx is.
func isError(status int) bool { return catalog.IsErrorStatus(int64(status)) }

// record keeps what the run found and returns the messages to report: the
// violations kept, and a note when a rule reaches MaxViolationsPerRule.
func (c *Checker) record(x *run, unchecked string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if isError(x.r.status) {
		c.responses++
	}
	if x.documented != nil {
		c.documented[x.documented]++
	}
	if x.unmatched {
		c.unmatched++
	}
	for _, code := range x.right {
		c.seen[code]++
	}
	for _, code := range x.wrong {
		c.wrong[code]++
	}
	if unchecked != "" {
		c.uncheckedN++
		if len(c.unchecked) < MaxViolationsPerRule {
			c.unchecked = append(c.unchecked, unchecked)
		}
	}
	var report []string
	for _, v := range x.vs {
		if c.kept[v.Rule] == MaxViolationsPerRule {
			if c.dropped[v.Rule] == 0 {
				report = append(report, fmt.Sprintf("more than %d %s violations; the rest are only counted (Checker.Dropped)",
					MaxViolationsPerRule, v.Rule))
			}
			c.dropped[v.Rule]++
			continue
		}
		c.kept[v.Rule]++
		c.violations = append(c.violations, v)
		report = append(report, v.String())
	}
	return report
}

// checkBody checks the codes of an error body and returns the cataloged
// ones, or why the body is not checked.
func (x *run) checkBody() ([]*catalog.Code, string) {
	w, r := &x.c.cat.Wire, x.r
	doc, ok, err := decode(w, r.contentType, r.body)
	switch {
	case r.partial != "" && (err != nil || !ok):
		return nil, fmt.Sprintf("%s %s: %d: %s", r.method, r.path, r.status, r.partial)
	case err != nil:
		x.add(RuleBadBody, "", "", "error body is not valid %s: %v", strings.ToUpper(w.Format), err)
		return nil, ""
	case !ok:
		return nil, "" // a bare status: no body in the wire format
	}
	vals := doc.codes
	if len(vals) == 0 {
		x.add(RuleNoCode, "", "", "error body has no code at %s", w.Code)
	}
	var out []*catalog.Code
	for _, v := range vals {
		if code := x.checkCode(v); code != nil {
			out = append(out, code)
			x.sent = append(x.sent, v.text)
		}
	}
	if w.StatusPath != nil {
		for _, v := range doc.statuses {
			if n, err := strconv.Atoi(v.text); v.kind != kindNumber || err != nil || n != r.status {
				x.add(RuleBodyStatus, "", "", "body field %s is %s; the HTTP status is %d", w.Status, v, r.status)
			}
		}
	}
	return out, ""
}

// checkCode checks one code value of a body and returns its catalog row.
func (x *run) checkCode(v value) *catalog.Code {
	w, cat, status := &x.c.cat.Wire, x.c.cat, x.r.status
	switch {
	case v.kind == kindOther:
		x.add(RuleNoCode, "", "", "error body has %s at %s, not a code", v, w.Code)
		return nil
	case v.text == "":
		x.add(RuleNoCode, "", "", "error body has an empty code at %s", w.Code)
		return nil
	}
	code, ok := x.c.lookup(v.text)
	if !ok {
		msg := fmt.Sprintf("code %s is not in the catalog", v)
		if s := cat.Suggest(v.text); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", w.Prefix+s)
		}
		x.add(RuleUncataloged, v.text, "", "%s", msg)
		return nil
	}
	right := true
	if w.Prefix != "" && !strings.HasPrefix(v.text, w.Prefix) {
		x.add(RulePrefix, v.text, code.Ref(), "code %s is sent without the wire prefix %q (%s)", v, w.Prefix, code.Ref())
		right = false
	}
	statuses := code.AllStatuses()
	switch {
	case code.Reported:
		x.add(RuleReported, v.text, code.Ref(), "code %s is only reported in payloads, never sent as a response, but is sent with status %d (%s)",
			quoted(code), status, code.Ref())
		right = false
	case !slices.Contains(statuses, status):
		x.add(RuleStatus, v.text, code.Ref(), "code %s is sent with status %d; the catalog says %s (%s)",
			quoted(code), status, code.StatusText(), code.Ref())
		right = false
	}
	if right {
		x.right = append(x.right, code)
	} else {
		x.wrong = append(x.wrong, code)
	}
	return code
}

// quoted is the cataloged code as messages quote it, shortened as
// catalog.Truncate does.
func quoted(code *catalog.Code) string {
	if code.Numeric {
		return code.Value
	}
	return strconv.Quote(catalog.Truncate(code.Value))
}

// lookup is Catalog.Lookup, remembered: tests send the same few codes many
// times, and templates are matched by regular expressions.
func (c *Checker) lookup(s string) (*catalog.Code, bool) {
	c.mu.Lock()
	code, ok := c.lookups[s]
	c.mu.Unlock()
	if ok {
		return code, code != nil
	}
	code, found := c.cat.Lookup(s)
	if !found {
		code = nil
	}
	if len(s) > maxLookupLen {
		return code, found // not kept: the cache holds short codes only
	}
	c.mu.Lock()
	if len(c.lookups) < maxLookups {
		c.lookups[s] = code
	}
	c.mu.Unlock()
	return code, found
}

// maxLookups and maxLookupLen bound the lookup cache: a test may send many
// distinct codes, and long ones.
const (
	maxLookups   = 1024
	maxLookupLen = catalog.MaxSuggest
)

// checkRetryAfter checks the Retry-After header of the response; codes are
// the body's cataloged codes, named in the message.
func (x *run) checkRetryAfter(codes []*catalog.Code) {
	r := x.r
	var head, tail string
	switch {
	case !r.hasRetryAfter && x.c.cat.RetryAfter(r.status):
		head = fmt.Sprintf("status %d is sent without Retry-After", r.status)
		tail = "; rules.retry_after lists it"
	case r.hasRetryAfter && !catalog.ValidRetryAfter(r.retryAfter):
		head = fmt.Sprintf("Retry-After %q is neither delay-seconds nor an HTTP-date", r.retryAfter)
	default:
		return
	}
	code, ref, about := "", "", ""
	if len(codes) > 0 {
		code, ref = codes[0].Value, codes[0].Ref()
		about = fmt.Sprintf(" (code %s, %s)", quoted(codes[0]), ref)
	}
	x.add(RuleRetryAfter, code, ref, "%s%s%s", head, about, tail)
}
