package catalog

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// An operation is one operation of the document and its error responses,
// as read: the catalog's operations are built from them once the codes
// are known.
type operation struct {
	id, method, path string
	node             *yaml.Node // the operation's key (get, post, ...), for its line
	responses        []*response
}

// A response is an error response of an operation: the codes its own
// examples and x-error-codes name, and those its schema lists.
type response struct {
	key         string // as the document writes it: "404", "4XX", "default"
	pos         Pos    // of the key
	status      int    // 0 for 4XX, 5XX and default
	direct      []string
	schemas     []*yaml.Node // the schemas whose enums and x-error-codes gave schemaCodes
	schemaCodes []string
}

// startOperation begins reading the error responses of the operation op,
// written under key, at method and path.
func (r *reader) startOperation(method, path string, key, op *yaml.Node) {
	o := &operation{method: strings.ToUpper(method), path: path, node: key}
	if id := lookup(op, "operationId"); id != nil && id.Kind == yaml.ScalarNode {
		o.id = id.Value
	}
	r.ops = append(r.ops, o)
}

// startResponse begins reading the error response key of the current
// operation: the codes add records go to it until the next.
func (r *reader) startResponse(key *yaml.Node, status int) {
	o := r.ops[len(r.ops)-1]
	r.cur = &response{key: strings.ToUpper(key.Value), pos: r.pos(key), status: status}
	if r.cur.key == "DEFAULT" {
		r.cur.key = "default"
	}
	o.responses = append(o.responses, r.cur)
}

// sawSchema records that the current response's codes come, in part,
// from the schema top, and which responses that schema serves.
func (r *reader) sawSchema(top *yaml.Node) {
	if r.cur == nil {
		return
	}
	r.cur.schemas = append(r.cur.schemas, top)
	if r.schemaKeys == nil {
		r.schemaKeys = make(map[*yaml.Node][]string)
	}
	if !slices.Contains(r.schemaKeys[top], r.cur.key) {
		r.schemaKeys[top] = append(r.schemaKeys[top], r.cur.key)
	}
}

// sawCode records a code the current response carries.
func (r *reader) sawCode(value string, direct bool) {
	if r.cur == nil {
		return
	}
	if direct {
		r.cur.direct = append(r.cur.direct, value)
	} else {
		r.cur.schemaCodes = append(r.cur.schemaCodes, value)
	}
}

// operations builds the catalog's operations from those read, naming the
// codes of draft, whose wire prefix is trimmed. A response lists the codes
// its own examples and x-error-codes name, and those of its schema when
// that schema serves responses of this key only: an error schema shared
// by every response lists every code, which says nothing of this one.
// Operations with no error response are left out, and so is a second
// operation on a route or with an operationId already taken (reported as
// a note).
func (r *reader) operations(draft *Catalog) []*Operation {
	byValue := make(map[string]*Code)
	for _, c := range draft.Codes {
		byValue[c.Value] = c
	}
	ids := make(map[string]bool)
	routes := make(map[string]bool)
	var out []*Operation
	for _, o := range r.ops {
		if len(o.responses) == 0 {
			continue
		}
		op := &Operation{Method: o.method, Path: o.path, Spec: fmt.Sprintf("%s:%d", filepath.Base(r.file), o.node.Line), Pos: r.pos(o.node)}
		route := o.method + " " + PathKey(o.path)
		if routes[route] {
			r.notef(o.node, "operation %s %s has the route of an earlier one (parameters' names aside); left out", o.method, o.path)
			continue
		}
		routes[route] = true
		if o.id != "" {
			key := OperationIDKey(o.id)
			if ids[key] {
				r.notef(o.node, "operationId %q is an earlier operation's, as generators name methods; the operation is imported by its route only", o.id)
			} else {
				ids[key] = true
				op.ID = o.id
			}
		}
		for _, resp := range o.responses {
			op.Responses = append(op.Responses, r.catalogResponse(resp, byValue, draft.Wire.Prefix))
		}
		out = append(out, op)
	}
	return out
}

// catalogResponse builds the catalog's form of an error response.
func (r *reader) catalogResponse(resp *response, byValue map[string]*Code, prefix string) *Response {
	out := &Response{Status: resp.status, Pos: resp.pos}
	switch resp.key {
	case "default":
		out.Default = true
	case "4XX", "5XX":
		out.Class, _ = strconv.Atoi(resp.key[:1])
	}
	values := slices.Clone(resp.direct)
	for _, s := range resp.schemas {
		if len(r.schemaKeys[s]) == 1 {
			values = append(values, resp.schemaCodes...)
			break
		}
	}
	for _, v := range values {
		code := byValue[strings.TrimPrefix(v, prefix)]
		if code == nil || slices.Contains(out.Codes, code) || (out.Status != 0 && !code.HasStatus(out.Status)) {
			continue // a code with no status (only default, 4XX or 5XX name it), or one the catalog gives other statuses
		}
		out.Codes = append(out.Codes, code)
	}
	return out
}

// basePaths returns the paths of the document's servers, the prefixes its
// paths are served under: "https://api.example.com/v1" gives "/v1", a
// relative "/v1.57" itself, a server variable its default
// ("/{version}" with default v2 gives "/v2"). The root gives none.
func (r *reader) basePaths() []string {
	servers := lookup(r.root, "servers")
	if servers == nil || servers.Kind != yaml.SequenceNode {
		return nil
	}
	var out []string
	for _, sv := range servers.Content {
		u := lookup(sv, "url")
		if u == nil || u.Kind != yaml.ScalarNode {
			continue
		}
		url := u.Value
		if vars := lookup(sv, "variables"); vars != nil && vars.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(vars.Content); i += 2 {
				if d := lookup(vars.Content[i+1], "default"); d != nil && d.Kind == yaml.ScalarNode {
					url = strings.ReplaceAll(url, "{"+vars.Content[i].Value+"}", d.Value)
				}
			}
		}
		if _, rest, ok := strings.Cut(url, "://"); ok {
			url = "/"
			if i := strings.IndexByte(rest, '/'); i >= 0 {
				url = rest[i:]
			}
		}
		url, _, _ = strings.Cut(url, "?")
		url = "/" + strings.Trim(url, "/")
		if url == "/" || strings.ContainsAny(url, "{} \t#") || slices.Contains(out, url) {
			continue // the root, a variable with no default, or one already listed
		}
		out = append(out, url)
	}
	return out
}
