package catalog

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// An Operation is one operation of the API, as its OpenAPI document
// names it, and the error responses it documents: a handler registered for
// it may send those and no others.
//
//	operations:
//	  - id: getSecret
//	    route: GET /v1/secrets/{id}
//	    spec: api.yaml:120
//	    responses:
//	      "404": [secret_not_found]
//	      "400": []
//	      5XX: []
//
// An operation is named by its route, its operationId, or both; routes
// are matched to handlers by the routes the code registers, operationIds
// to the methods of servers generated from the document.
type Operation struct {
	ID     string // operationId; "" when only the route names it
	Method string // upper case; "" when only the ID names it
	Path   string // path template, "/v1/secrets/{id}"; "" when only the ID names it
	// Spec is where the document defines the operation, "api.yaml:120",
	// for messages; "" when the catalog does not say.
	Spec      string
	Responses []*Response
	Pos       Pos // the entry's first key
}

// A Response is an error response an operation documents: one status, a
// class of them (4XX), or the default response, and the codes it says the
// response carries.
type Response struct {
	Status  int  // an error status; 0 for a class or the default
	Class   int  // 4 or 5 for 4XX or 5XX; 0 otherwise
	Default bool // the default response: any status no other response names
	// Codes are the codes the response carries; nil when the document
	// names none for it: then any code the catalog gives the status.
	Codes []*Code
	Pos   Pos // the response's key
}

// Key is the response's key as the document writes it: "404", "4XX",
// "default".
func (r *Response) Key() string {
	switch {
	case r.Default:
		return "default"
	case r.Class != 0:
		return strconv.Itoa(r.Class) + "XX"
	}
	return strconv.Itoa(r.Status)
}

// Name is how messages name the operation: its ID and route, either
// alone when the other is unknown.
func (o *Operation) Name() string {
	switch {
	case o.ID == "":
		return o.Route()
	case o.Path == "":
		return o.ID
	}
	return o.ID + " (" + o.Route() + ")"
}

// Route is the operation's method and path, "GET /v1/secrets/{id}".
func (o *Operation) Route() string {
	if o.Path == "" {
		return ""
	}
	return o.Method + " " + o.Path
}

// Ref is where messages cite the operation: its place in the document
// when the catalog says, else its entry in the catalog.
func (o *Operation) Ref() string {
	if o.Spec != "" {
		return o.Spec
	}
	return o.Pos.Ref()
}

// ResponseName names one of the operation's responses in coverage
// reports: the operation's name and the response's key,
// "getSecret (GET /v1/secrets/{id}) 404".
func (o *Operation) ResponseName(r *Response) string {
	return o.Name() + " " + r.Key()
}

// Response returns the response the operation documents for status: the
// one with that status, else the one of its class, else the default; nil
// when it documents none that covers status.
func (o *Operation) Response(status int) *Response {
	var class, def *Response
	for _, r := range o.Responses {
		switch {
		case r.Status == status:
			return r
		case r.Class != 0 && r.Class == status/100:
			class = r
		case r.Default:
			def = r
		}
	}
	if class != nil {
		return class
	}
	return def
}

// Carries reports whether the response documents code: it names the code,
// or names none.
func (r *Response) Carries(code *Code) bool {
	return r.Codes == nil || slices.Contains(r.Codes, code)
}

// Statuses is the response keys the operation documents, as a message
// says them: "400, 404 or 5XX".
func (o *Operation) Statuses() string {
	keys := make([]string, len(o.Responses))
	for i, r := range o.Responses {
		keys[i] = r.Key()
	}
	return OrList(keys)
}

// QuotedList lists codes as a message says them: "\"a\", \"b\" or \"c\"",
// numeric codes bare.
func QuotedList(codes []*Code) string {
	words := make([]string, len(codes))
	for i, code := range codes {
		words[i] = code.short()
	}
	return OrList(words)
}

// OrList joins words as a message says them: "a", "a or b", "a, b or c".
func OrList(words []string) string { return joinList(words, " or ") }

// AndList joins words as a message says them: "a", "a and b", "a, b and c".
func AndList(words []string) string { return joinList(words, " and ") }

// joinList joins words with commas, and last before the last.
func joinList(words []string, last string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + last + words[len(words)-1]
}

// OperationsAt returns the operations whose route is method and path: a
// path template whose parameters may be named otherwise ("/v1/{id}"
// matches "/v1/{secretId}"). An empty method is a route that takes every
// method: every operation on the path. A route under one of the catalog's
// base paths matches without it: "/v1/secrets/{id}", or
// "/v{version}/secrets/{id}", is "/secrets/{id}" when "/v1" is a base path.
func (c *Catalog) OperationsAt(method, path string) []*Operation {
	for _, p := range c.unbased(path, true) {
		var out []*Operation
		key := PathKey(p)
		for _, o := range c.Operations {
			if o.Path != "" && (method == "" || o.Method == method) && PathKey(o.Path) == key {
				out = append(out, o)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// unbased returns path, then path without each base path it starts with:
// its first segments match the base path's, literally or, when template
// is set (path is a route's template), with a parameter matching a part
// of a base path's segment ("v{version}" matches "v1.57"). A base path
// takes whole segments: "/v1" is not a prefix of "/v10/x".
func (c *Catalog) unbased(path string, template bool) []string {
	out := []string{path}
	if !strings.HasPrefix(path, "/") {
		return out
	}
	segs := strings.Split(path[1:], "/")
	for _, b := range c.BasePaths {
		base := strings.Split(strings.Trim(b, "/"), "/")
		if len(base) >= len(segs) {
			continue
		}
		ok := true
		for i, bs := range base {
			if template && !matchSegment(segs[i], bs) || !template && segs[i] != bs {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, "/"+strings.Join(segs[len(base):], "/"))
		}
	}
	return out
}

// OperationByID returns the operation whose operationId is id, compared
// as generators name their methods: case and punctuation aside
// (getSecret, GetSecret and get_secret are one).
func (c *Catalog) OperationByID(id string) *Operation {
	key := OperationIDKey(id)
	for _, o := range c.Operations {
		if o.ID != "" && OperationIDKey(o.ID) == key {
			return o
		}
	}
	return nil
}

// OperationIDKey is an operationId as generators name its method, the
// form in which the catalog compares them: case and punctuation aside.
func OperationIDKey(id string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(id) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// PathKey is a path template with its parameters' names left out, so that
// two templates of one route compare equal: "/v1/secrets/{}".
func PathKey(path string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(path, '{')
		if i < 0 {
			b.WriteString(path)
			return b.String()
		}
		j := strings.IndexByte(path[i:], '}')
		if j < 0 {
			b.WriteString(path)
			return b.String()
		}
		b.WriteString(path[:i] + "{}")
		path = path[i+j+1:]
	}
}

// httpMethods are the methods a route may name.
var httpMethods = []string{"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "CONNECT"}

// basePaths decodes base_paths: a list of paths, each starting with "/".
func (p *parser) basePaths(n *yaml.Node, c *Catalog) {
	if n.Kind != yaml.SequenceNode {
		p.errorf(p.pos(n), "base_paths must be a list of paths, not %s", describe(n))
		return
	}
	for _, e := range n.Content {
		e = resolveAlias(e)
		var s string
		if !p.str(e, "a base path", &s) {
			continue
		}
		switch {
		case !strings.HasPrefix(s, "/") || strings.ContainsAny(s, " \t\n?#"):
			p.errorf(p.pos(e), "base path %q must start with / and hold no space, query or fragment", Truncate(s))
		case strings.Trim(s, "/") == "":
			p.errorf(p.pos(e), "base path %q is the root; leave it out", Truncate(s))
		case slices.Contains(c.BasePaths, s):
			p.errorf(p.pos(e), "base path %q is listed twice", Truncate(s))
		default:
			c.BasePaths = append(c.BasePaths, s)
		}
	}
}

// operations decodes the operations list, once the codes it names are in.
func (p *parser) operations(n *yaml.Node, c *Catalog) {
	if n.Kind != yaml.SequenceNode {
		p.errorf(p.pos(n), "operations must be a list, not %s", describe(n))
		return
	}
	// Operations already in (the catalog file's, before its document's)
	// are taken too.
	byID := make(map[string]*Operation)
	byRoute := make(map[string]*Operation)
	for _, o := range c.Operations {
		if o.ID != "" {
			byID[OperationIDKey(o.ID)] = o
		}
		if o.Path != "" {
			byRoute[o.Method+" "+PathKey(o.Path)] = o
		}
	}
	for _, item := range n.Content {
		o, ok := p.operation(resolveAlias(item), c)
		if !ok {
			continue
		}
		if o.ID != "" {
			if prev := byID[OperationIDKey(o.ID)]; prev != nil {
				p.errorf(o.Pos, "duplicate operation id %q (first at %s)", Truncate(o.ID), prev.Pos.From(o.Pos))
				continue
			}
			byID[OperationIDKey(o.ID)] = o
		}
		if o.Path != "" {
			key := o.Method + " " + PathKey(o.Path)
			if prev := byRoute[key]; prev != nil {
				p.errorf(o.Pos, "duplicate operation route %q (first at %s)", Truncate(o.Route()), prev.Pos.From(o.Pos))
				continue
			}
			byRoute[key] = o
		}
		c.Operations = append(c.Operations, o)
	}
}

// operation decodes one entry of operations.
func (p *parser) operation(n *yaml.Node, c *Catalog) (*Operation, bool) {
	o := &Operation{Pos: p.pos(n)}
	before := len(p.errs)
	var responses *yaml.Node
	ok := p.mapping(n, "an operation",
		field{key: "id", decode: func(_, v *yaml.Node) {
			if p.str(v, "id", &o.ID) && strings.TrimSpace(o.ID) == "" {
				p.errorf(p.pos(v), "id is empty; leave it out instead")
			}
		}},
		field{key: "route", decode: func(_, v *yaml.Node) {
			var s string
			if p.str(v, "route", &s) {
				p.route(v, s, o)
			}
		}},
		field{key: "spec", decode: func(_, v *yaml.Node) { p.str(v, "spec", &o.Spec) }},
		field{key: "responses", required: true, decode: func(_, v *yaml.Node) { responses = v }},
	)
	if !ok {
		return nil, false
	}
	if len(n.Content) > 0 {
		o.Pos = p.pos(n.Content[0])
	}
	if o.ID == "" && o.Path == "" && len(p.errs) == before {
		p.errorf(o.Pos, "an operation needs an id, a route, or both")
	}
	if responses != nil {
		p.responses(responses, o, c)
	}
	return o, len(p.errs) == before
}

// route decodes an operation's route, "GET /v1/secrets/{id}".
func (p *parser) route(v *yaml.Node, s string, o *Operation) {
	method, path, ok := strings.Cut(s, " ")
	switch {
	case !ok:
		p.errorf(p.pos(v), "route %q must be a method and a path, as in %q", Truncate(s), "GET /v1/secrets/{id}")
	case !slices.Contains(httpMethods, method):
		p.errorf(p.pos(v), "route %q: %q is not an HTTP method in upper case", Truncate(s), Truncate(method))
	case !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " \t\n"):
		p.errorf(p.pos(v), "route %q: the path must start with / and hold no space", Truncate(s))
	case strings.Count(path, "{") != strings.Count(path, "}"):
		p.errorf(p.pos(v), "route %q: the path's braces do not pair", Truncate(s))
	default:
		o.Method, o.Path = method, path
	}
}

// responses decodes an operation's responses: a mapping from a status, a
// class (4XX, 5XX) or default to the list of codes the response carries.
func (p *parser) responses(n *yaml.Node, o *Operation, c *Catalog) {
	if n.Kind != yaml.MappingNode {
		p.errorf(p.pos(n), "responses must be a mapping from a status to its codes, not %s", describe(n))
		return
	}
	if len(n.Content) == 0 {
		p.errorf(p.pos(n), "responses is empty; an operation documents at least one error response")
		return
	}
	seen := make(map[string]*Response)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolveAlias(n.Content[i+1])
		r, ok := p.responseKey(k)
		if !ok {
			continue
		}
		if prev := seen[r.Key()]; prev != nil {
			p.errorf(r.Pos, "duplicate response %s (first at %d:%d)", r.Key(), prev.Pos.Line, prev.Pos.Col)
			continue
		}
		seen[r.Key()] = r
		r.Codes = p.responseCodes(v, r, c)
		o.Responses = append(o.Responses, r)
	}
}

// responseKey decodes a response's key.
func (p *parser) responseKey(k *yaml.Node) (*Response, bool) {
	r := &Response{Pos: p.pos(k)}
	switch strings.ToUpper(k.Value) {
	case "DEFAULT":
		r.Default = true
		return r, true
	case "4XX", "5XX":
		r.Class = int(k.Value[0] - '0')
		return r, true
	}
	st, err := strconv.Atoi(k.Value)
	switch {
	case k.Kind != yaml.ScalarNode || err != nil:
		p.errorf(r.Pos, "response %q is not a status, 4XX, 5XX or default", Truncate(k.Value))
	case st < 100 || st > 599:
		p.errorf(r.Pos, "response %d is not an HTTP status", st)
	case !IsErrorStatus(int64(st)):
		p.errorf(r.Pos, "response %d is not an error status; operations list their 4xx and 5xx responses", st)
	default:
		r.Status = st
		return r, true
	}
	return nil, false
}

// responseCodes decodes the codes a response carries: a list of cataloged
// codes, empty when the document names none.
func (p *parser) responseCodes(v *yaml.Node, r *Response, c *Catalog) []*Code {
	if v.Kind != yaml.SequenceNode {
		p.errorf(p.pos(v), "response %s must list its codes ([] for none named), not %s", r.Key(), describe(v))
		return nil
	}
	if len(v.Content) == 0 {
		return nil
	}
	out := []*Code{}
	for _, e := range v.Content {
		e = resolveAlias(e)
		if e.Kind != yaml.ScalarNode || e.ShortTag() == "!!null" {
			p.errorf(p.pos(e), "response %s lists %s, not a code", r.Key(), describe(e))
			continue
		}
		code, ok := c.entry(e.Value)
		switch {
		case !ok:
			msg := fmt.Sprintf("response %s lists code %q, which is not in the catalog", r.Key(), Truncate(e.Value))
			if s, found := c.entry(c.Suggest(e.Value)); found {
				msg += fmt.Sprintf("; did you mean %s?", s.Quoted())
			}
			p.errorf(p.pos(e), "%s", msg)
		case slices.Contains(out, code):
			p.errorf(p.pos(e), "response %s lists code %s twice", r.Key(), code.short())
		case r.Status != 0 && !code.HasStatus(r.Status):
			p.errorf(p.pos(e), "response %s lists code %s, which the catalog sends with %s (%s)", r.Key(), code.short(), code.StatusText(), code.Ref())
		default:
			out = append(out, code)
		}
	}
	return out
}

// entry returns the code whose entry has value s, a template's own text
// included, or whose name is s.
func (c *Catalog) entry(s string) (*Code, bool) {
	for _, code := range c.Codes {
		if code.Value == s {
			return code, true
		}
	}
	return c.LookupName(s)
}

// OperationFor returns the operation whose route a request with method and
// path is for, or nil when none is: the same method, and a path template
// that matches path segment by segment,
// as OpenAPI's path templating has it. A literal segment matches itself;
// a parameter matches one non-empty segment, or, inside a segment
// ("/files/{name}.json"), a non-empty part of one. There is no leniency
// for a trailing slash: "/v1/secrets/" is not "/v1/secrets".
//
// A path under one of the catalog's base paths matches without it.
//
// path is the request's URL.Path, decoded: an escaped slash ("a%2Fb")
// separates segments there as "/" does, and an escaped character
// matches the literal it stands for.
//
// When several templates match, the one with more literal segments wins
// ("/v1/secrets/count" over "/v1/secrets/{id}"), then the first in the
// catalog. Operations named only by their id have no route and are never
// returned.
//
// A HEAD request that no HEAD operation matches is its GET operation's:
// Go's routers serve HEAD with the GET handler (a ServeMux "GET" pattern
// matches HEAD), which sends what GET documents, without the body.
func (c *Catalog) OperationFor(method, path string) *Operation {
	o := c.operationFor(method, path)
	if o == nil && method == http.MethodHead {
		o = c.operationFor(http.MethodGet, path)
	}
	return o
}

// operationFor is OperationFor for the method alone.
func (c *Catalog) operationFor(method, path string) *Operation {
	if !strings.HasPrefix(path, "/") {
		return nil
	}
	for _, p := range c.unbased(path, false) {
		segs := strings.Split(p[1:], "/")
		var best *Operation
		bestLiterals := -1
		for _, o := range c.Operations {
			if o.Path == "" || o.Method != method {
				continue
			}
			if n, ok := matchTemplate(o.Path, segs); ok && n > bestLiterals {
				best, bestLiterals = o, n
			}
		}
		if best != nil {
			return best
		}
	}
	return nil
}

// matchTemplate reports whether the path template matches the segments
// of a path, and how many of its segments are literal.
func matchTemplate(tmpl string, segs []string) (literals int, ok bool) {
	if !strings.HasPrefix(tmpl, "/") || strings.Count(tmpl, "/") != len(segs) {
		return 0, false
	}
	for i, t := range strings.Split(tmpl[1:], "/") {
		if !matchSegment(t, segs[i]) {
			return 0, false
		}
		if !strings.Contains(t, "{") {
			literals++
		}
	}
	return literals, true
}

// matchSegment reports whether one segment of a path template matches a
// path segment: its literal text matches itself, each {param} one or more
// characters.
func matchSegment(t, s string) bool {
	i := strings.IndexByte(t, '{')
	if i < 0 {
		return t == s
	}
	j := strings.IndexByte(t[i:], '}')
	if j < 0 {
		return t == s // an unclosed brace is literal text
	}
	if !strings.HasPrefix(s, t[:i]) {
		return false
	}
	s, rest := s[i:], t[i+j+1:]
	for k := 1; k <= len(s); k++ {
		if matchSegment(rest, s[k:]) {
			return true
		}
	}
	return false
}
