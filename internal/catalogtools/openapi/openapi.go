// Package openapi reads the error responses of an OpenAPI 3 document (3.0
// or 3.1, YAML or JSON) and writes a catalog of their codes.
//
// Codes come from three places, each tied to the responses it is found
// in: an enum (or const) on the code property of an error response's
// schema, the examples of error responses, and the x-error-codes
// extension on a response or a schema. A code's statuses are those of the
// 4xx and 5xx responses it was found in; wire.code is the path of the code
// property within the error schema.
package openapi

import (
	"cmp"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogtools/format"
)

// Options tune Import.
type Options struct {
	API         string // written as the catalog's api; the document's info.title when empty
	NoSummaries bool   // leave the x-error-codes summaries out
}

// A Result is what Import read from a document.
type Result struct {
	// Catalog holds the codes read, validated by catalog.Parse; its
	// positions point into the YAML that format.Format(Catalog) writes.
	Catalog *catalog.Catalog
	// Responses counts the error responses (4xx, 5xx, 4XX, 5XX, default)
	// of the document's operations.
	Responses int
	// Unread lists what could not be read, at its position in the
	// document: a $ref that does not resolve, a schema with no code
	// property, a code with no status.
	Unread []*catalog.Error
	// Notes lists guesses worth reviewing.
	Notes []catalog.Warning
}

// Is reports whether data is an OpenAPI document: a YAML or JSON mapping
// with a top-level openapi key, or swagger (OpenAPI 2, which Import
// reports it does not read).
func Is(data []byte) bool {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return false
	}
	root := body(&doc)
	return root != nil && root.Kind == yaml.MappingNode && (lookup(root, "openapi") != nil || lookup(root, "swagger") != nil)
}

// methods are the operation keys of a path item.
var methods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// Import reads the error responses of the OpenAPI 3 document data, read
// from filename, and returns their codes as a catalog. It fails, with a
// positioned error, when data is not an OpenAPI 3 document or no code can
// be read; what it cannot read otherwise is in Result.Unread.
func Import(filename string, data []byte, opts Options) (res *Result, err error) {
	r := &reader{file: filename, opts: opts, codes: make(map[string]*found), paths: make(map[string]int),
		statusOf: make(map[string]string)}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, r.syntaxError(err)
	}
	root := body(&doc)
	if err := r.checkVersion(root); err != nil {
		return nil, err
	}
	r.root = root
	r.read()
	return r.result()
}

// A found code gathers where a code was seen.
type found struct {
	value    string
	numeric  bool
	pos      catalog.Pos
	summary  string
	direct   []int // statuses of the responses whose examples or x-error-codes name it
	bySchema []int // statuses of the responses whose schema lists it
	order    int
}

type reader struct {
	file     string
	opts     Options
	root     *yaml.Node
	codes    map[string]*found
	order    []string
	paths    map[string]int // wire path → error responses using it
	res      Result
	statusOf map[string]string // code path → the status field's path, for problem-details schemas

	steps int                 // merge calls of the schema being flattened
	stack map[*yaml.Node]bool // schemas being merged, outermost first
}

func (r *reader) pos(n *yaml.Node) catalog.Pos {
	return catalog.Pos{File: r.file, Line: n.Line, Col: n.Column}
}

// errorf reports what cannot be read at n, once: a shared response or
// schema is met once per operation that uses it.
func (r *reader) errorf(n *yaml.Node, format string, args ...any) {
	e := &catalog.Error{Pos: r.pos(n), Msg: fmt.Sprintf(format, args...)}
	for _, u := range r.res.Unread {
		if u.Pos == e.Pos && u.Msg == e.Msg {
			return
		}
	}
	r.res.Unread = append(r.res.Unread, e)
}

func (r *reader) notef(n *yaml.Node, format string, args ...any) {
	r.res.Notes = append(r.res.Notes, catalog.Warning{Pos: r.pos(n), Msg: fmt.Sprintf(format, args...)})
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError positions a YAML parser error at its line.
func (r *reader) syntaxError(err error) error {
	line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	return &catalog.Error{Pos: catalog.Pos{File: r.file, Line: line, Col: 1}, Msg: "not YAML or JSON: " + msg}
}

// checkVersion requires a mapping with openapi: 3.x.
func (r *reader) checkVersion(root *yaml.Node) error {
	if root == nil || root.Kind != yaml.MappingNode {
		n := root
		if n == nil {
			n = &yaml.Node{Line: 1, Column: 1}
		}
		return &catalog.Error{Pos: r.pos(n), Msg: "not an OpenAPI 3 document: the top level is not a mapping"}
	}
	v := lookup(root, "openapi")
	if v == nil {
		if s := lookup(root, "swagger"); s != nil {
			return &catalog.Error{Pos: r.pos(s), Msg: fmt.Sprintf("not an OpenAPI 3 document: swagger %q is OpenAPI 2; convert it to OpenAPI 3 first", s.Value)}
		}
		return &catalog.Error{Pos: r.pos(root), Msg: "not an OpenAPI 3 document: no top-level openapi key"}
	}
	if v.Kind != yaml.ScalarNode || !strings.HasPrefix(v.Value, "3.") {
		return &catalog.Error{Pos: r.pos(v), Msg: fmt.Sprintf("not an OpenAPI 3 document: openapi is %q, want 3.0.x or 3.1.x", v.Value)}
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
			for j := 0; j+1 < len(responses.Content); j += 2 {
				key := responses.Content[j]
				status, isError := errorStatus(key.Value)
				if !isError {
					continue
				}
				r.res.Responses++
				r.response(key, status, responses.Content[j+1])
			}
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
	if err != nil || !catalog.IsErrorStatus(int64(n)) {
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
		r.errorf(n, "the schema of error response %s has no code property: want code, error.code, errors[].code or a problem type", key.Value)
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
	code := along[len(along)-1]
	for _, v := range code.values {
		r.add(v, status, false, "")
	}
	return path
}

// A flat schema is a schema with its $refs followed and its allOf parts
// merged: its properties, its array items, the values its enums and
// consts allow, and its x-error-codes.
type flat struct {
	props  map[string]*flat
	keys   []string // props in document order
	items  *flat
	values []*yaml.Node
	exts   []*yaml.Node
}

// maxDepth bounds $ref and nesting chains, so that a cycle ends.
const maxDepth = 32

// flatten follows n's $ref and merges its allOf, oneOf and anyOf parts.
// It returns nil, the reason reported, when n's $ref does not resolve.
func (r *reader) flatten(n *yaml.Node, depth int) *flat {
	top := r.resolve(n, depth)
	if top == nil || top.Kind != yaml.MappingNode {
		return nil
	}
	f := &flat{props: make(map[string]*flat)}
	r.steps, r.stack = 0, make(map[*yaml.Node]bool)
	r.merge(f, top, depth)
	if r.steps > maxSteps {
		r.errorf(n, "schema has more than %d parts once its $refs are followed; not read", maxSteps)
		return nil
	}
	return f
}

// maxSteps bounds the parts of one flattened schema, so that references
// that fan out (allOf: [A, A], each A the same again) end quickly.
const maxSteps = 10000

func (r *reader) merge(f *flat, n *yaml.Node, depth int) {
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
	for _, k := range []string{"allOf", "oneOf", "anyOf"} {
		if parts := lookup(n, k); parts != nil && parts.Kind == yaml.SequenceNode {
			for _, p := range parts.Content {
				r.merge(f, p, depth+1)
			}
		}
	}
	if props := lookup(n, "properties"); props != nil && props.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(props.Content); i += 2 {
			name := props.Content[i].Value
			sub := f.props[name]
			if sub == nil {
				sub = &flat{props: make(map[string]*flat)}
				f.props[name] = sub
				f.keys = append(f.keys, name)
			}
			r.merge(sub, props.Content[i+1], depth+1)
		}
	}
	if items := lookup(n, "items"); items != nil {
		if f.items == nil {
			f.items = &flat{props: make(map[string]*flat)}
		}
		r.merge(f.items, items, depth+1)
	}
}

// findCodeProperty returns the path of the code property within s: a
// property named code at the top; the type of a problem-details object
// (RFC 7807: type, status, and title or detail), with the path of its
// status field; or either of them under an object property, or under the
// items of an array property (error.code, errors[].code). along holds the
// schemas from s down to the code property, nil when there is none.
func findCodeProperty(s *flat, depth int) (path string, along []*flat, status string) {
	if c, ok := s.props["code"]; ok {
		return "code", []*flat{s, c}, ""
	}
	if t, ok := s.props["type"]; ok && s.props["status"] != nil && (s.props["title"] != nil || s.props["detail"] != nil) {
		return "type", []*flat{s, t}, "status"
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
			return catalog.JoinPath(step, p), append([]*flat{s}, a...), joinNonEmpty(step, st)
		}
	}
	return "", nil, ""
}

func joinNonEmpty(a, b string) string {
	if b == "" {
		return ""
	}
	return catalog.JoinPath(a, b)
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
			segs, err := catalog.ParsePath(p)
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
func at(v *yaml.Node, segs []catalog.Segment) []*yaml.Node {
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

// result builds the catalog.
func (r *reader) result() (*Result, error) {
	draft := &catalog.Catalog{Version: 1, API: r.opts.API}
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
			r.res.Unread = append(r.res.Unread, &catalog.Error{Pos: f.pos,
				Msg: fmt.Sprintf("code %q has no status: only default, 4XX or 5XX responses use it", f.value)})
			continue
		}
		value := f.value
		if p := draft.Wire.Prefix; p != "" {
			value = strings.TrimPrefix(value, p)
		}
		code := &catalog.Code{Value: value, Numeric: numeric, Status: statuses[0], Statuses: statuses}
		if numeric {
			code.Int, _ = strconv.ParseInt(value, 10, 64)
		}
		if !r.opts.NoSummaries {
			code.Summary = f.summary
		}
		draft.Codes = append(draft.Codes, code)
	}
	slices.SortStableFunc(r.res.Unread, func(a, b *catalog.Error) int {
		return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
	})
	res := &r.res
	if len(draft.Codes) == 0 {
		return res, &catalog.Error{Pos: r.pos(r.root), Msg: fmt.Sprintf("no error code found in %d error responses: want an enum on the code property, examples, or x-error-codes", r.res.Responses)}
	}
	c, err := catalog.Parse(filepath.Join(filepath.Dir(r.file), "errcodes.yaml"), format.Format(draft))
	if err != nil {
		return res, fmt.Errorf("the imported catalog does not load: %w", err)
	}
	res.Catalog = c
	return res, nil
}

// wire returns the most used code path, with the problem-details status
// field and a common URN prefix when the codes share one.
func (r *reader) wire() catalog.Wire {
	var w catalog.Wire
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
