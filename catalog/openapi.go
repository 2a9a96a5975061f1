package catalog

// This file reads an OpenAPI 3 document (3.0 or 3.1, YAML or JSON) into
// the codes and operations of a catalog: for errcodelint catalog import,
// which writes them out, and for a catalog that points at its document
// (openapi: api.yaml), which holds them as it loads.
//
// Codes come from three places, each tied to the responses it is found
// in: an enum (or const) on the code property of an error response's
// schema, the examples of error responses, and the x-error-codes
// extension on a response or a schema. A code's statuses are those of the
// 4xx and 5xx responses it was found in; wire.code is the path of the code
// property within the error schema. The code property is code,
// errorCode or error_code, a problem's type, an OAuth 2.0 error or a
// Security Event Token err; an HTTP status repeated in the body gives
// way to the error's name beside it (see codeProperty).
//
// Each operation with error responses becomes one of the catalog's
// operations, by route and operationId, each response with the codes it
// names (see openapi_operations.go).

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// OpenAPIOptions tune ReadOpenAPI.
type OpenAPIOptions struct {
	API         string // the catalog's api; the document's info.title when empty
	NoSummaries bool   // leave the x-error-codes summaries out
}

// An OpenAPIRead is what ReadOpenAPI read from a document.
type OpenAPIRead struct {
	// Draft holds the codes, wire, operations and base paths read, not
	// yet validated as a catalog (Parse does that): the positions of its
	// codes, operations and responses point into the document.
	Draft *Catalog
	// Responses counts the error responses (4xx, 5xx, 4XX, 5XX, default)
	// of the document's operations.
	Responses int
	// Unread lists what could not be read, at its position in the
	// document: a $ref that does not resolve, a schema with no code
	// property, a code with no status.
	Unread []*Error
	// Notes lists guesses worth reviewing.
	Notes []Warning

	path string // the document's, as given
}

// IsOpenAPI reports whether data is an OpenAPI document: a YAML or JSON
// mapping with a top-level openapi key, or swagger (OpenAPI 2, which
// ReadOpenAPI reports it does not read).
func IsOpenAPI(data []byte) bool {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return false
	}
	root := body(&doc)
	return root != nil && root.Kind == yaml.MappingNode && (lookup(root, "openapi") != nil || lookup(root, "swagger") != nil)
}

// methods are the operation keys of a path item.
var methods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// ReadOpenAPI reads the error responses of the OpenAPI 3 document data,
// read from filename, into a draft catalog. It fails, with a positioned
// error, when data is not an OpenAPI 3 document or names neither a code
// nor an operation with error responses; what it cannot read otherwise
// is in OpenAPIRead.Unread.
func ReadOpenAPI(filename string, data []byte, opts OpenAPIOptions) (*OpenAPIRead, error) {
	r := &reader{file: filename, opts: opts, codes: make(map[string]*found), paths: make(map[string]int),
		statusOf: make(map[string]string), flats: make(map[*yaml.Node]*flat), noCodes: make(map[*yaml.Node]*shared)}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, r.syntaxError(data, err)
	}
	root := body(&doc)
	if err := r.checkVersion(root); err != nil {
		return nil, err
	}
	r.root = root
	r.res.path = filename
	r.read()
	r.reportNoCodes()
	return r.result()
}

// A found code gathers where a code was seen.
type found struct {
	value    string
	numeric  bool
	pos      Pos
	summary  string
	direct   []int // statuses of the responses whose examples or x-error-codes name it
	bySchema []int // statuses of the responses whose schema lists it
	order    int
}

type reader struct {
	file     string
	opts     OpenAPIOptions
	root     *yaml.Node
	codes    map[string]*found
	order    []string
	paths    map[string]int // wire path → error responses using it
	res      OpenAPIRead
	statusOf map[string]string // code path → the status field's path, for problem-details schemas

	steps   int                    // merge calls of the schema being flattened
	stack   map[*yaml.Node]bool    // schemas being merged, outermost first
	flats   map[*yaml.Node]*flat   // schemas flattened, nil when too large
	noCodes map[*yaml.Node]*shared // shared schemas with no code property

	ops        []*operation            // the document's operations, in order
	cur        *response               // the error response being read
	schemaKeys map[*yaml.Node][]string // schema → the response keys it serves
}

func (r *reader) pos(n *yaml.Node) Pos {
	return Pos{File: r.file, Line: n.Line, Col: n.Column}
}

// errorf reports what cannot be read at n, once: a shared response or
// schema is met once per operation that uses it.
func (r *reader) errorf(n *yaml.Node, format string, args ...any) {
	e := &Error{Pos: r.pos(n), Msg: fmt.Sprintf(format, args...)}
	for _, u := range r.res.Unread {
		if u.Pos == e.Pos && u.Msg == e.Msg {
			return
		}
	}
	r.res.Unread = append(r.res.Unread, e)
}

func (r *reader) notef(n *yaml.Node, format string, args ...any) {
	r.res.Notes = append(r.res.Notes, Warning{Pos: r.pos(n), Msg: fmt.Sprintf(format, args...)})
}

// syntaxError positions the YAML parser's error on data at the line of
// the defect, as a catalog's syntax errors are (parser.syntaxError).
func (r *reader) syntaxError(data []byte, err error) error {
	p := &parser{file: r.file}
	p.syntaxError(data, err)
	e := p.errs[0]
	e.Msg = "not YAML or JSON: " + strings.TrimPrefix(e.Msg, "syntax error: ")
	return e
}

// checkVersion requires a mapping with openapi: 3.x.
func (r *reader) checkVersion(root *yaml.Node) error {
	if root == nil || root.Kind != yaml.MappingNode {
		n := root
		if n == nil {
			n = &yaml.Node{Line: 1, Column: 1}
		}
		return &Error{Pos: r.pos(n), Msg: "not an OpenAPI 3 document: the top level is not a mapping"}
	}
	v := lookup(root, "openapi")
	if v == nil {
		if s := lookup(root, "swagger"); s != nil {
			return &Error{Pos: r.pos(s), Msg: fmt.Sprintf("not an OpenAPI 3 document: swagger %q is OpenAPI 2; convert it to OpenAPI 3 first", s.Value)}
		}
		return &Error{Pos: r.pos(root), Msg: "not an OpenAPI 3 document: no top-level openapi key"}
	}
	if v.Kind != yaml.ScalarNode || !strings.HasPrefix(v.Value, "3.") {
		return &Error{Pos: r.pos(v), Msg: fmt.Sprintf("not an OpenAPI 3 document: openapi is %q, want 3.0.x or 3.1.x", v.Value)}
	}
	return nil
}

// read walks every operation's error responses.
func (r *reader) read() {
	paths := lookup(r.root, "paths")
	if paths == nil || paths.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(paths.Content); i += 2 {
		item := r.resolve(paths.Content[i+1], 0)
		if item == nil || item.Kind != yaml.MappingNode {
			continue
		}
		for _, m := range methods {
			op := lookup(item, m)
			if op == nil || op.Kind != yaml.MappingNode {
				continue
			}
			responses := lookup(op, "responses")
			if responses == nil || responses.Kind != yaml.MappingNode {
				continue
			}
			r.startOperation(m, paths.Content[i].Value, keyOf(item, m), op)
			for j := 0; j+1 < len(responses.Content); j += 2 {
				key := responses.Content[j]
				status, isError := errorStatus(key.Value)
				if !isError {
					continue
				}
				r.res.Responses++
				r.startResponse(key, status)
				r.response(key, status, responses.Content[j+1])
			}
			r.cur = nil
		}
	}
}

// errorStatus reads a responses key: an error status (0 for 4XX, 5XX
// and default, which name no one status) and whether it is an error
// response at all.
func errorStatus(key string) (int, bool) {
	switch strings.ToUpper(key) {
	case "4XX", "5XX", "DEFAULT":
		return 0, true
	}
	n, err := strconv.Atoi(key)
	if err != nil || !IsErrorStatus(int64(n)) {
		return 0, false
	}
	return n, true
}

// response reads one error response: its x-error-codes, and for each
// JSON media type, its schema's code property and its examples.
func (r *reader) response(key *yaml.Node, status int, n *yaml.Node) {
	resp := r.resolve(n, 0)
	if resp == nil || resp.Kind != yaml.MappingNode {
		return
	}
	r.extension(lookup(resp, "x-error-codes"), status, true)
	content := lookup(resp, "content")
	if content == nil || content.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(content.Content); i += 2 {
		if !strings.Contains(strings.ToLower(content.Content[i].Value), "json") {
			continue
		}
		media := r.resolve(content.Content[i+1], 0)
		if media == nil || media.Kind != yaml.MappingNode {
			continue
		}
		path := r.schema(key, status, lookup(media, "schema"))
		r.examples(media, path, status)
	}
}

// schema finds the code property of an error response's schema, records
// its path and the codes its enums and x-error-codes list, and returns
// the path ("" when there is none).
func (r *reader) schema(key *yaml.Node, status int, n *yaml.Node) string {
	if n == nil {
		return ""
	}
	s := r.flatten(n, 0)
	if s == nil {
		return ""
	}
	path, along, statusPath := findCodeProperty(s, 0)
	if along == nil {
		for _, ext := range s.exts {
			r.extension(ext, status, false)
		}
		r.noCode(key, n)
		return ""
	}
	for _, f := range along {
		for _, ext := range f.exts {
			r.extension(ext, status, false)
		}
	}
	r.paths[path]++
	if statusPath != "" {
		r.statusOf[path] = statusPath
	}
	r.sawSchema(r.resolve(n, 0))
	code := along[len(along)-1]
	for _, v := range code.values {
		r.add(v, status, false, "")
	}
	return path
}

// A shared schema is one that error responses name by $ref.
type shared struct {
	ref   string     // the last $ref followed to it
	node  *yaml.Node // the schema itself
	uses  int        // error responses whose schema it is
	order int
}

// noCode reports a schema with no code property. A schema that several
// responses name by $ref is reported once, at its definition, with the
// number of error responses that use it: real documents name one error
// schema in hundreds of responses, and a report per use would bury the
// one fix (give that schema a code property). An inline schema is
// reported where it is, naming its response.
func (r *reader) noCode(key, n *yaml.Node) {
	ref, target := r.lastRef(n)
	if ref == "" {
		r.errorf(n, "the schema of error response %s has no code property: %s", key.Value, want)
		return
	}
	sh := r.noCodes[target]
	if sh == nil {
		sh = &shared{ref: ref, node: target, order: len(r.noCodes)}
		r.noCodes[target] = sh
	}
	sh.uses++
}

// want says what a code property looks like, in the reports of schemas
// that have none.
const want = "want code, error.code, errors[].code, errorCode, error_code, an OAuth or SET error, or a problem type"

// lastRef returns the last $ref followed from n and the node it leads
// to; "" when n is not a reference.
func (r *reader) lastRef(n *yaml.Node) (string, *yaml.Node) {
	ref := ""
	for range maxDepth {
		if n != nil && n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		v := lookup(n, "$ref")
		if v == nil {
			return ref, n
		}
		next, _ := r.pointer(v.Value)
		if next == nil {
			return "", nil
		}
		ref, n = v.Value, next
	}
	return "", nil
}

// reportNoCodes reports each shared schema with no code property once.
func (r *reader) reportNoCodes() {
	list := make([]*shared, 0, len(r.noCodes))
	for _, sh := range r.noCodes {
		list = append(list, sh)
	}
	slices.SortFunc(list, func(a, b *shared) int { return a.order - b.order })
	for _, sh := range list {
		r.errorf(sh.node, "schema %s has no code property (%s): %s", sh.ref, plural(sh.uses, "error response uses it", "error responses use it"), want)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// A flat schema is a schema with its $refs followed and its allOf parts
// merged: its properties, its array items, the values its enums and
// consts allow, and its x-error-codes; and, to tell a code from an HTTP
// status, its types, description and examples.
type flat struct {
	props    map[string]*flat
	keys     []string // props in document order
	items    *flat
	values   []*yaml.Node
	exts     []*yaml.Node
	types    []string     // type, or each of a 3.1 type list
	desc     string       // the first description met
	examples []*yaml.Node // example, and each of examples when a list
}

func newFlat() *flat { return &flat{props: make(map[string]*flat)} }

// maxDepth bounds $ref and nesting chains, so that a cycle ends.
const maxDepth = 32

// maxLevel bounds the property nesting flatten reads: findCodeProperty
// looks for the code property at most two objects down (errors[].code
// under a wrapper), so a schema's deeper properties are never needed.
// Without the bound a real error schema that embeds the API's resources
// (Stripe's error carries the failed payment intent, which carries its
// customer, and so on) flattens to the whole document.
const maxLevel = 3

// flatten follows n's $ref and merges its allOf, oneOf and anyOf parts.
// It returns nil, the reason reported, when n's $ref does not resolve.
// A schema named by many responses is flattened once.
func (r *reader) flatten(n *yaml.Node, depth int) *flat {
	top := r.resolve(n, depth)
	if top == nil || top.Kind != yaml.MappingNode {
		return nil
	}
	if c, ok := r.flats[top]; ok {
		return c // nil: too large, reported at its first use
	}
	f := newFlat()
	r.steps, r.stack = 0, make(map[*yaml.Node]bool)
	r.merge(f, top, depth, 0)
	if r.steps > maxSteps {
		r.flats[top] = nil
		r.errorf(n, "schema has more than %d parts once its $refs are followed; not read", maxSteps)
		return nil
	}
	r.flats[top] = f
	return f
}

// maxSteps bounds the parts of one flattened schema, so that references
// that fan out (allOf: [A, A], each A the same again) end quickly.
const maxSteps = 10000

func (r *reader) merge(f *flat, n *yaml.Node, depth, level int) {
	n = r.resolve(n, depth)
	r.steps++
	// A schema that contains itself adds nothing more the second time;
	// past the bounds, flatten reports.
	if n == nil || n.Kind != yaml.MappingNode || depth > maxDepth || r.stack[n] || r.steps > maxSteps {
		return
	}
	r.stack[n] = true
	defer delete(r.stack, n)
	if ext := lookup(n, "x-error-codes"); ext != nil {
		f.exts = append(f.exts, ext)
	}
	if e := lookup(n, "enum"); e != nil && e.Kind == yaml.SequenceNode {
		for _, v := range e.Content {
			if v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
				f.values = append(f.values, v)
			}
		}
	}
	if c := lookup(n, "const"); c != nil && c.Kind == yaml.ScalarNode {
		f.values = append(f.values, c)
	}
	if t := lookup(n, "type"); t != nil {
		switch t.Kind {
		case yaml.ScalarNode:
			f.types = append(f.types, t.Value)
		case yaml.SequenceNode:
			for _, el := range t.Content {
				f.types = append(f.types, el.Value)
			}
		}
	}
	if d := lookup(n, "description"); d != nil && d.Kind == yaml.ScalarNode && f.desc == "" {
		f.desc = d.Value
	}
	if ex := lookup(n, "example"); ex != nil && ex.Kind == yaml.ScalarNode {
		f.examples = append(f.examples, ex)
	}
	if exs := lookup(n, "examples"); exs != nil && exs.Kind == yaml.SequenceNode {
		for _, ex := range exs.Content {
			if ex.Kind == yaml.ScalarNode {
				f.examples = append(f.examples, ex)
			}
		}
	}
	for _, k := range []string{"allOf", "oneOf", "anyOf"} {
		if parts := lookup(n, k); parts != nil && parts.Kind == yaml.SequenceNode {
			for _, p := range parts.Content {
				r.merge(f, p, depth+1, level)
			}
		}
	}
	if level >= maxLevel {
		return
	}
	if props := lookup(n, "properties"); props != nil && props.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(props.Content); i += 2 {
			name := props.Content[i].Value
			sub := f.props[name]
			if sub == nil {
				sub = newFlat()
				f.props[name] = sub
				f.keys = append(f.keys, name)
			}
			r.merge(sub, props.Content[i+1], depth+1, level+1)
		}
	}
	if items := lookup(n, "items"); items != nil {
		if f.items == nil {
			f.items = newFlat()
		}
		r.merge(f.items, items, depth+1, level+1)
	}
}

// findCodeProperty returns the path of the code property within s (see
// codeProperty), at the top, under an object property, or under the
// items of an array property (error.code, errors[].code), with the path
// of a problem-details status field. along holds the schemas from s down
// to the code property, nil when there is none.
func findCodeProperty(s *flat, depth int) (path string, along []*flat, status string) {
	if name, st := codeProperty(s); name != "" {
		return name, []*flat{s, s.props[name]}, st
	}
	if depth >= 2 {
		return "", nil, ""
	}
	for _, k := range s.keys {
		sub := s.props[k]
		step, into := k, sub
		if sub.items != nil {
			step, into = k+"[]", sub.items
		}
		if p, a, st := findCodeProperty(into, depth+1); a != nil {
			return JoinPath(step, p), append([]*flat{s}, a...), joinNonEmpty(step, st)
		}
	}
	return "", nil, ""
}

// codeProperty names the property of the object s that holds the error
// code, and its problem-details status field; "" when s has none. In
// order:
//
//  1. a property named errorCode or error_code (any case): the name
//     says what it holds;
//  2. code (any case);
//  3. the type of a problem-details object (RFC 7807 and 9457: type,
//     status, and title or detail), whose status field repeats the
//     HTTP status;
//  4. beside an HTTP status (below), a string id, reason, error or type,
//     in that order, unless its description calls it human-readable;
//  5. the error of an OAuth 2.0 error object (RFC 6749, 5.2: a string
//     error beside error_description);
//  6. the err of a Security Event Token delivery error (RFC 8935, 2.4,
//     and RFC 8936: a string err beside description);
//  7. a code or errorCode that holds an HTTP status, when nothing else
//     names the error: it is all the document offers.
//
// Many APIs repeat the HTTP status in the body: in code (Ory's errors:
// code 404, "The status code") or in a property named for it
// (status_code, statusCode, http_status). A property holds an HTTP status
// when it is an integer whose description speaks of a status, or whose
// values and examples all lie in 100..599; one named for the status needs
// only be an integer. Such a property is the code only when nothing
// beside it names the error: the string identifier beside it (Ory's
// id, Kubernetes's reason) is what programs branch on, and that holds
// for an OAuth error that carries its status too (Ory Hydra's
// status_code beside error), and for an error whose error is a name in
// prose and whose id lists the codes (Ory Network's). Prose is not a
// code: a property described as human-readable is passed over (Ory's
// reason). The identifier names are read only beside an HTTP status:
// alone, id and type name resources as often as errors, and an error
// response that returns a resource (a flow with its id) would read as
// coded.
func codeProperty(s *flat) (name, status string) {
	var candidates []string
	for _, k := range s.keys {
		if n := strings.ToLower(k); n == "errorcode" || n == "error_code" {
			candidates = append(candidates, k)
		}
	}
	for _, k := range s.keys {
		if strings.EqualFold(k, "code") {
			candidates = append(candidates, k) // AWS-style APIs write Code
		}
	}
	for _, k := range candidates {
		if !isHTTPStatus(s.props[k]) {
			return k, ""
		}
	}
	if s.props["type"] != nil && s.props["status"] != nil && (s.props["title"] != nil || s.props["detail"] != nil) {
		return "type", "status"
	}
	if len(candidates) > 0 || hasStatusProperty(s) {
		for _, k := range []string{"id", "reason", "error", "type"} {
			if p, ok := s.props[k]; ok && isString(p) && !humanReadable.MatchString(p.desc) {
				return k, ""
			}
		}
	}
	if e, ok := s.props["error"]; ok && s.props["error_description"] != nil && isString(e) {
		return "error", ""
	}
	if e, ok := s.props["err"]; ok && s.props["description"] != nil && isString(e) {
		return "err", ""
	}
	if len(candidates) > 0 {
		return candidates[0], ""
	}
	return "", ""
}

// hasStatusProperty reports whether s has an integer property named for
// the HTTP status: status, status_code, statusCode, http_status and the
// like.
func hasStatusProperty(s *flat) bool {
	for _, k := range s.keys {
		n := strings.NewReplacer("_", "", "-", "").Replace(strings.ToLower(k))
		switch n {
		case "status", "statuscode", "httpstatus", "httpstatuscode", "httpcode":
			if isInteger(s.props[k]) {
				return true
			}
		}
	}
	return false
}

// isInteger reports whether the property p holds an integer: typed so,
// or with integer values only.
func isInteger(p *flat) bool {
	vals := append(slices.Clip(p.values), p.examples...)
	for _, v := range vals {
		if v.Tag != "!!int" {
			return false
		}
	}
	return slices.Contains(p.types, "integer") || len(p.types) == 0 && len(vals) > 0
}

var (
	statusWords   = regexp.MustCompile(`(?i)\bstatus\b|\bHTTP\b`)
	humanReadable = regexp.MustCompile(`(?i)\bhuman[- ]readable\b`)
)

// isHTTPStatus reports whether the property p holds an HTTP status: an
// integer described as a status, or whose values and examples are all
// HTTP statuses.
func isHTTPStatus(p *flat) bool {
	integer := slices.Contains(p.types, "integer") || slices.Contains(p.types, "number")
	vals := append(slices.Clip(p.values), p.examples...)
	for _, v := range vals {
		if v.Tag != "!!int" {
			return false
		}
		integer = true
	}
	if !integer {
		return false
	}
	if statusWords.MatchString(p.desc) {
		return true
	}
	for _, v := range vals {
		n, err := strconv.Atoi(v.Value)
		if err != nil || n < 100 || n > 599 {
			return false
		}
	}
	return len(vals) > 0
}

// isString reports whether the property p holds a string: typed so, or
// with string values only.
func isString(p *flat) bool {
	if len(p.props) > 0 || p.items != nil {
		return false
	}
	if slices.Contains(p.types, "string") {
		return true
	}
	if len(p.types) > 0 || len(p.values) == 0 {
		return false
	}
	for _, v := range p.values {
		if v.Tag != "!!str" {
			return false
		}
	}
	return true
}

func joinNonEmpty(a, b string) string {
	if b == "" {
		return ""
	}
	return JoinPath(a, b)
}

// examples reads the codes at path in a media type's example and
// examples; without a path from the schema, at the first of code,
// error.code and errors[].code that an example has.
func (r *reader) examples(media *yaml.Node, path string, status int) {
	var values []*yaml.Node
	if ex := lookup(media, "example"); ex != nil {
		values = append(values, ex)
	}
	if exs := lookup(media, "examples"); exs != nil && exs.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(exs.Content); i += 2 {
			ex := r.resolve(exs.Content[i+1], 0)
			if ex == nil || ex.Kind != yaml.MappingNode {
				continue
			}
			if v := lookup(ex, "value"); v != nil {
				values = append(values, v)
			}
		}
	}
	for _, v := range values {
		candidates := []string{path}
		if path == "" {
			candidates = []string{"code", "error.code", "errors[].code"}
		}
		for _, p := range candidates {
			segs, err := ParsePath(p)
			if err != nil {
				continue
			}
			codes := at(v, segs)
			for _, c := range codes {
				r.add(c, status, true, "")
			}
			if len(codes) > 0 {
				if path == "" {
					r.paths[p]++
				}
				break
			}
		}
	}
}

// at returns the scalars at segs within an example value.
func at(v *yaml.Node, segs []Segment) []*yaml.Node {
	if len(segs) == 0 {
		if v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			return []*yaml.Node{v}
		}
		return nil
	}
	if v.Kind != yaml.MappingNode {
		return nil
	}
	next := lookup(v, segs[0].Name)
	if next == nil {
		return nil
	}
	if !segs[0].Array {
		return at(next, segs[1:])
	}
	if next.Kind != yaml.SequenceNode {
		return nil
	}
	var out []*yaml.Node
	for _, el := range next.Content {
		out = append(out, at(el, segs[1:])...)
	}
	return out
}

// extension reads x-error-codes: a list of codes, or of mappings with a
// code and an optional summary.
func (r *reader) extension(n *yaml.Node, status int, direct bool) {
	if n == nil {
		return
	}
	if n.Kind != yaml.SequenceNode {
		r.errorf(n, "x-error-codes is not a list: want codes, or mappings with code and summary")
		return
	}
	for _, el := range n.Content {
		switch {
		case el.Kind == yaml.ScalarNode && el.Tag == "!!null":
			r.errorf(el, "x-error-codes entry is null, not a code")
		case el.Kind == yaml.ScalarNode:
			r.add(el, status, direct, "")
		case el.Kind == yaml.MappingNode:
			c := lookup(el, "code")
			if c == nil || c.Kind != yaml.ScalarNode || c.Tag == "!!null" {
				r.errorf(el, "x-error-codes entry has no code")
				continue
			}
			summary := ""
			if s := lookup(el, "summary"); s != nil && s.Kind == yaml.ScalarNode {
				summary = s.Value
			}
			r.add(c, status, direct, summary)
		default:
			r.errorf(el, "x-error-codes entry is not a code or a mapping with code and summary")
		}
	}
}

// add records that the code v is sent with status (0: no one status).
func (r *reader) add(v *yaml.Node, status int, direct bool, summary string) {
	if strings.TrimSpace(v.Value) == "" {
		r.errorf(v, "code is empty")
		return
	}
	f := r.codes[v.Value]
	if f == nil {
		f = &found{value: v.Value, numeric: v.Tag == "!!int", pos: r.pos(v), order: len(r.order)}
		r.codes[v.Value] = f
		r.order = append(r.order, v.Value)
	}
	if f.summary == "" {
		f.summary = summary
	}
	r.sawCode(v.Value, direct)
	if status == 0 {
		return
	}
	if direct {
		f.direct = append(f.direct, status)
	} else {
		f.bySchema = append(f.bySchema, status)
	}
}

// resolve follows n's $ref within the document, reporting one that does
// not resolve; it returns nil then.
func (r *reader) resolve(n *yaml.Node, depth int) *yaml.Node {
	for range maxDepth {
		if n != nil && n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		if n == nil || n.Kind != yaml.MappingNode {
			return n
		}
		ref := lookup(n, "$ref")
		if ref == nil {
			return n
		}
		target, msg := r.pointer(ref.Value)
		if target == nil {
			r.errorf(ref, "$ref %q %s", ref.Value, msg)
			return nil
		}
		n = target
	}
	r.errorf(n, "$ref chain is longer than %d steps (a cycle?)", maxDepth)
	return nil
}

// pointer resolves a local JSON pointer ("#/components/schemas/Error").
func (r *reader) pointer(ref string) (*yaml.Node, string) {
	rest, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return nil, "points outside the document; only local references (#/...) are read"
	}
	n := r.root
	if rest == "" {
		return n, ""
	}
	if !strings.HasPrefix(rest, "/") {
		return nil, "is not a JSON pointer"
	}
	for _, tok := range strings.Split(rest[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch n.Kind {
		case yaml.MappingNode:
			n = lookup(n, tok)
		case yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Content) {
				return nil, "does not resolve"
			}
			n = n.Content[i]
		default:
			n = nil
		}
		if n == nil {
			return nil, "does not resolve"
		}
	}
	return n, ""
}

// result builds the
func (r *reader) result() (*OpenAPIRead, error) {
	draft := &Catalog{Version: 1, API: r.opts.API}
	if draft.API == "" {
		if info := lookup(r.root, "info"); info != nil {
			if t := lookup(info, "title"); t != nil && t.Kind == yaml.ScalarNode {
				draft.API = t.Value
			}
		}
	}
	draft.Wire = r.wire()
	numeric := len(r.order) > 0
	for _, v := range r.order {
		numeric = numeric && r.codes[v].numeric
	}
	for _, v := range r.order {
		f := r.codes[v]
		statuses := rank(f.direct)
		if len(statuses) == 0 {
			statuses = rank(f.bySchema)
		}
		if len(statuses) == 0 {
			r.res.Unread = append(r.res.Unread, &Error{Pos: f.pos,
				Msg: fmt.Sprintf("code %q has no status: only default, 4XX or 5XX responses use it", f.value)})
			continue
		}
		value := f.value
		if p := draft.Wire.Prefix; p != "" {
			value = strings.TrimPrefix(value, p)
		}
		code := &Code{Value: value, Numeric: numeric, Status: statuses[0], Statuses: statuses, Pos: f.pos}
		if numeric {
			code.Int, _ = strconv.ParseInt(value, 10, 64)
		}
		if !r.opts.NoSummaries {
			code.Summary = f.summary
		}
		draft.Codes = append(draft.Codes, code)
	}
	slices.SortStableFunc(r.res.Unread, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	res := &r.res
	draft.Operations = r.operations(draft)
	if len(draft.Codes) == 0 && len(draft.Operations) > 0 {
		// A document that names no code still documents each
		// operation's error statuses: the catalog holds those.
		r.notef(r.root, "no error code found in %s: %s; the catalog holds the operations' error statuses only",
			plural(r.res.Responses, "error response", "error responses"), r.noCodesWhere(draft.Wire))
	}
	if len(draft.Codes) == 0 && len(draft.Operations) == 0 {
		return res, &Error{Pos: r.pos(r.root), Msg: fmt.Sprintf("no error code found in %s: %s", plural(r.res.Responses, "error response", "error responses"), r.noCodesWhere(draft.Wire))}
	}
	if len(draft.Operations) > 0 {
		draft.BasePaths = r.basePaths()
	}
	res.Draft = draft
	return res, nil
}

// noCodesWhere says why no code was found: where codes travel, when the
// schemas show it, so that the message tells a document that lists no
// codes from one this reader could not follow.
func (r *reader) noCodesWhere(w Wire) string {
	if w.Code == "" {
		return "want an enum on the code property, examples, or x-error-codes"
	}
	return fmt.Sprintf("codes travel at %s, but no enum or const there, no example and no x-error-codes names one", w.Code)
}

// wire returns the most used code path, with the problem-details status
// field and a common URN prefix when the codes share one.
func (r *reader) wire() Wire {
	var w Wire
	best, n := "", 0
	keys := make([]string, 0, len(r.paths))
	for p := range r.paths {
		keys = append(keys, p)
	}
	slices.Sort(keys)
	for _, p := range keys {
		if r.paths[p] > n {
			best, n = p, r.paths[p]
		}
	}
	if best == "" {
		r.notef(r.root, "no error schema or example shows where codes travel; wire.code is left at its default %q, a top-level field", "code")
		return w
	}
	if len(keys) > 1 {
		var parts []string
		for _, p := range keys {
			parts = append(parts, fmt.Sprintf("%s (%d)", p, r.paths[p]))
		}
		r.notef(r.root, "error responses put the code at different paths: %s; wire.code is %s", strings.Join(parts, ", "), best)
	}
	w.Code = best
	if st := r.statusOf[best]; st != "" {
		w.Status = st
		w.Prefix = r.prefix()
	}
	return w
}

// prefix returns the longest prefix, ending in ":", that every code
// shares, when there are at least two codes.
func (r *reader) prefix() string {
	if len(r.order) < 2 {
		return ""
	}
	p := r.order[0]
	for _, v := range r.order[1:] {
		for !strings.HasPrefix(v, p) {
			p = p[:len(p)-1]
		}
	}
	if i := strings.LastIndex(p, ":"); i >= 0 {
		return p[:i+1]
	}
	return ""
}

// rank orders the statuses a code was seen with: the most frequent first,
// the lowest among equals, each once.
func rank(statuses []int) []int {
	count := make(map[int]int)
	var out []int
	for _, s := range statuses {
		if count[s] == 0 {
			out = append(out, s)
		}
		count[s]++
	}
	slices.SortFunc(out, func(a, b int) int { return cmp.Or(count[b]-count[a], a-b) })
	return out
}

// body returns a document node's content.
func body(doc *yaml.Node) *yaml.Node {
	if doc.Kind == yaml.DocumentNode {
		if len(doc.Content) == 0 {
			return nil
		}
		return doc.Content[0]
	}
	return doc
}

// keyOf returns the node of key in the mapping n, or nil.
func keyOf(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i]
		}
	}
	return nil
}

// lookup returns the value of key in the mapping n, or nil.
func lookup(n *yaml.Node, key string) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			if v := n.Content[i+1]; v.Kind != yaml.AliasNode {
				return v
			}
			return n.Content[i+1].Alias
		}
	}
	return nil
}
