package catalog

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// A catalog may point at the API's OpenAPI document (openapi: api.yaml)
// instead of copying it: the codes, the wire, the operations and the base
// paths the document gives are then the catalog's, read as it loads,
// beside any the catalog file lists itself. Both are validated as one
// catalog, with positions in the file each entry came from, so that a
// code listed in both is a duplicate at the second place.

// MaxDocumentSize is the largest OpenAPI document a catalog may point at,
// in bytes (64 MiB): real documents run to several megabytes (a large
// API's, with every schema, is about 6 MiB), far above a catalog's bound.
const MaxDocumentSize = 64 << 20

// documentKey is the catalog key that points at the OpenAPI document.
const documentKey = "openapi"

// Documents returns the absolute paths of the files the catalog file at
// the absolute path abs, holding data, points at: its OpenAPI document,
// when it names one. What a run keys its results on must cover them as it
// covers the catalog. A catalog that does not parse points at nothing.
func Documents(abs string, data []byte) []string {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil
	}
	v := lookup(resolveAlias(doc.Content[0]), documentKey)
	if v == nil || v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" || v.Value == "" {
		return nil
	}
	return []string{documentPath(abs, v.Value)}
}

// documentPath is where the catalog at catalogPath finds the document it
// names as name: relative to the catalog's directory.
func documentPath(catalogPath, name string) string {
	if filepath.IsAbs(name) {
		return filepath.Clean(name)
	}
	return filepath.Join(filepath.Dir(catalogPath), filepath.FromSlash(name))
}

// A docStamp is a document as Load read it, to tell when it changed.
type docStamp struct {
	abs   string
	size  int64
	mtime time.Time
	err   bool // it could not be stat'ed
}

// stampDocument records what the document at abs is now.
func stampDocument(abs string) docStamp {
	st, err := os.Stat(abs)
	if err != nil {
		return docStamp{abs: abs, err: true}
	}
	return docStamp{abs: abs, size: st.Size(), mtime: st.ModTime()}
}

// documentParts is what the catalog file itself gives of what a document
// also may: the parser fills the rest from the document.
type documentParts struct {
	node *yaml.Node // the openapi key's value
	wire bool       // the catalog sets wire
}

// document reads the OpenAPI document the catalog points at, and sets
// what the catalog does not: the api name and the wire. It returns what
// the document read, nil when it could not be read (reported).
func (p *parser) document(d documentParts, c *Catalog) *OpenAPIRead {
	var name string
	if !p.str(d.node, documentKey, &name) {
		return nil
	}
	switch {
	case name == "":
		p.errorf(p.pos(d.node), "openapi is empty; name the API's OpenAPI document, or leave it out")
		return nil
	case strings.Contains(name, "://"):
		p.errorf(p.pos(d.node), "openapi %q is a URL; name a file of the repository, relative to the catalog", Truncate(name))
		return nil
	}
	path := documentPath(p.file, name)
	abs, err := filepath.Abs(path)
	if err != nil {
		p.errorf(p.pos(d.node), "openapi: %v", err)
		return nil
	}
	p.docs = append(p.docs, stampDocument(abs))
	data, err := readDocument(abs)
	if err != nil {
		p.errorf(p.pos(d.node), "openapi: %v", err)
		return nil
	}
	c.doc = &document{path: path, abs: abs, data: data}
	read, err := ReadOpenAPI(path, data, OpenAPIOptions{API: c.API})
	if err != nil {
		p.documentError(d.node, err)
		return nil
	}
	if c.API == "" {
		c.API = read.Draft.API
	}
	if !d.wire {
		w := read.Draft.Wire
		if w.Code != "" {
			c.Wire.Code, c.Wire.CodePath = w.Code, p.documentPath(d.node, w.Code)
		}
		if w.Status != "" {
			c.Wire.Status, c.Wire.StatusPath = w.Status, p.documentPath(d.node, w.Status)
		}
		c.Wire.Prefix = w.Prefix
	}
	for _, u := range read.Unread {
		c.Notes = append(c.Notes, Warning(*u))
	}
	c.Notes = append(c.Notes, read.Notes...)
	return read
}

// documentError adds what made the document unreadable: its own
// positioned errors, or one at the openapi key.
func (p *parser) documentError(at *yaml.Node, err error) {
	switch e := err.(type) {
	case *Error:
		p.errs = append(p.errs, e)
	case ErrorList:
		p.errs = append(p.errs, e...)
	default:
		p.errorf(p.pos(at), "openapi: %v", err)
	}
}

// documentPath parses a wire path the document gave.
func (p *parser) documentPath(at *yaml.Node, s string) []Segment {
	segs, err := ParsePath(s)
	if err != nil {
		p.errorf(p.pos(at), "openapi: wire path %q from the document: %v", Truncate(s), err)
	}
	return segs
}

// documentCodes adds the document's codes to the catalog's, through the
// validation a catalog file's codes get, with positions in the document.
// It reports false when one of them is in error: the document's
// operations, which name them, would only repeat it.
func (p *parser) documentCodes(read *OpenAPIRead, c *Catalog) bool {
	dp := &parser{file: read.path}
	cs := newCodeSet(dp, c)
	if len(c.Codes) > 0 {
		cs.first = c.Codes[0]
	}
	for _, code := range read.Draft.Codes {
		cs.add(codeNode(code))
	}
	cs.finish()
	p.errs = append(p.errs, dp.errs...)
	return len(dp.errs) == 0
}

// documentOperations adds the document's operations and base paths.
func (p *parser) documentOperations(read *OpenAPIRead, c *Catalog) {
	dp := &parser{file: read.path}
	if len(read.Draft.Operations) > 0 {
		list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, o := range read.Draft.Operations {
			list.Content = append(list.Content, operationNode(o))
		}
		dp.operations(list, c)
	}
	for _, b := range read.Draft.BasePaths {
		if !slices.Contains(c.BasePaths, b) {
			c.BasePaths = append(c.BasePaths, b)
		}
	}
	p.errs = append(p.errs, dp.errs...)
}

// codeNode is a code of the document as a catalog entry would be
// written, placed where the document names the code.
func codeNode(c *Code) *yaml.Node {
	value := scalarAt(c.Pos, "!!str", c.Value)
	if c.Numeric {
		value.Tag = "!!int"
	}
	statuses := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: c.Pos.Line, Column: c.Pos.Col}
	for _, s := range c.Statuses {
		statuses.Content = append(statuses.Content, scalarAt(c.Pos, "!!int", strconv.Itoa(s)))
	}
	n := mappingAt(c.Pos, "code", value, "status", statuses)
	if c.Summary != "" {
		n.Content = append(n.Content, scalarAt(c.Pos, "!!str", "summary"), scalarAt(c.Pos, "!!str", c.Summary))
	}
	return n
}

// operationNode is an operation of the document as a catalog entry
// would be written, placed where the document defines it.
func operationNode(o *Operation) *yaml.Node {
	var kv []any
	if o.ID != "" {
		kv = append(kv, "id", scalarAt(o.Pos, "!!str", o.ID))
	}
	if o.Path != "" {
		kv = append(kv, "route", scalarAt(o.Pos, "!!str", o.Route()))
	}
	if o.Spec != "" {
		kv = append(kv, "spec", scalarAt(o.Pos, "!!str", o.Spec))
	}
	responses := mappingAt(o.Pos)
	for _, r := range o.Responses {
		codes := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: r.Pos.Line, Column: r.Pos.Col}
		for _, code := range r.Codes {
			codes.Content = append(codes.Content, scalarAt(r.Pos, "!!str", code.Value))
		}
		responses.Content = append(responses.Content, scalarAt(r.Pos, "!!str", r.Key()), codes)
	}
	kv = append(kv, "responses", responses)
	return mappingAt(o.Pos, kv...)
}

// scalarAt is a scalar node at pos.
func scalarAt(pos Pos, tag, value string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value, Line: pos.Line, Column: pos.Col}
}

// mappingAt is a mapping node at pos of the keys and values kv: a key is
// a string, a value a node.
func mappingAt(pos Pos, kv ...any) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: pos.Line, Column: pos.Col}
	for i := 0; i+1 < len(kv); i += 2 {
		n.Content = append(n.Content, scalarAt(pos, "!!str", kv[i].(string)), kv[i+1].(*yaml.Node))
	}
	return n
}

// readDocument reads the document at abs: the content a driver pinned
// (Pin), else the file, which must be a regular file of at most
// MaxDocumentSize bytes.
func readDocument(abs string) ([]byte, error) {
	if data, ok := loaded.pinnedData(abs); ok {
		return checkDocumentSize(abs, data)
	}
	st, err := statFile(abs)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is %s, not a regular file", abs, fileKind(st.Mode()))
	}
	f, err := os.Open(abs)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := readAtMost(f, MaxDocumentSize+1)
	if err != nil {
		return nil, err
	}
	return checkDocumentSize(abs, data)
}

// checkDocumentSize refuses a document over MaxDocumentSize, read from
// the file or pinned.
func checkDocumentSize(abs string, data []byte) ([]byte, error) {
	if len(data) > MaxDocumentSize {
		return nil, fmt.Errorf("%s is larger than %d MiB", abs, MaxDocumentSize>>20)
	}
	return data, nil
}
