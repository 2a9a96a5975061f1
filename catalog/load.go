package catalog

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.yaml.in/yaml/v3"
)

// An Error is a problem at a position in a catalog file.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// A Warning is a doubt about a valid catalog: something that loads but is
// likely a mistake.
type Warning struct {
	Pos Pos
	Msg string
}

func (w Warning) String() string { return w.Pos.String() + ": warning: " + w.Msg }

// An ErrorList is every problem found in one catalog, in file order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	const most = 10
	var b strings.Builder
	for i, e := range l {
		if i == most {
			fmt.Fprintf(&b, "\n(and %d more errors)", len(l)-most)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// MaxSize is the largest catalog Load and Parse accept, in bytes (16 MiB):
// a catalog is a table of codes, not a data set, and the bound keeps
// hostile input from costing much. Load stops reading at the bound rather
// than reading the whole file first.
const MaxSize = 16 << 20

// Load reads and validates the catalog in the named file. The file must
// be a regular file (symbolic links are followed): a directory, a FIFO or
// a device is an error, not something to wait on or to read forever.
//
// One process loads a given file once: Load keeps what it read, keyed by
// the path, its absolute form, the file's size and its modification time,
// and hands the same *Catalog (or error) to every caller until the file
// changes. It is safe for concurrent use.
func Load(path string) (*Catalog, error) {
	if e, ok := loaded.pinnedEntry(path); ok {
		return e.cat, e.err
	}
	st, err := statFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading catalog: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, ErrorList{{Pos: Pos{File: path}, Msg: "catalog is " + fileKind(st.Mode()) + ", not a regular file"}}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("reading catalog: %w", err)
	}
	return loaded.load(path, abs, st)
}

// Pin fixes what Load reads from the file at the absolute path abs for
// the rest of the process: data, whatever the file holds later. A driver
// that keyed its cached results on those bytes pins them, so that an edit
// made while it runs cannot reach results stored under the old content.
//
// A catalog that points at an OpenAPI document (Documents) reads the
// document's pinned content, when it has been pinned too.
func Pin(abs string, data []byte) {
	loaded.mu.Lock()
	defer loaded.mu.Unlock()
	if loaded.pinned == nil {
		loaded.pinned = make(map[string]*fileEntry)
		loaded.pinnedDocs = make(map[string][]byte)
	}
	loaded.pinned[abs] = &fileEntry{data: data}
	loaded.pinnedDocs[abs] = data
}

// pinnedData is the content pinned for the file at abs, if any.
func (fc *fileCache) pinnedData(abs string) ([]byte, bool) {
	fc.mu.Lock()
	defer fc.mu.Unlock()
	data, ok := fc.pinnedDocs[abs]
	return data, ok
}

// pinnedEntry is the pinned content of path, if any.
func (fc *fileCache) pinnedEntry(path string) (*fileEntry, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, false
	}
	fc.mu.Lock()
	e, ok := fc.pinned[abs]
	fc.mu.Unlock()
	if ok {
		e.once.Do(func() { e.cat, e.err = Parse(abs, e.data); e.data = nil })
	}
	return e, ok
}

// statFile is os.Stat of path, whose error, when it fails, says it as
// opening does ("open errcodes.yaml: no such file or directory"): there
// is nothing else to hang on.
func statFile(path string) (fs.FileInfo, error) {
	st, err := os.Stat(path)
	if err != nil {
		if f, oerr := os.Open(path); oerr != nil {
			err = oerr
		} else {
			f.Close()
		}
	}
	return st, err
}

// fileKind names what a file that is not regular is, for messages.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// loaded is the process-wide cache of Load.
var loaded = &fileCache{files: make(map[string]*fileEntry)}

// A fileCache holds one entry per path: the catalog read from the file as
// it was when read.
type fileCache struct {
	mu     sync.Mutex
	files  map[string]*fileEntry // by path as given and absolute path
	pinned map[string]*fileEntry // by absolute path (Pin)
	// pinnedDocs is the content pinned, by absolute path, for a catalog
	// that points at the file as its document.
	pinnedDocs map[string][]byte
}

type fileEntry struct {
	data  []byte // pinned, not yet parsed
	size  int64
	mtime time.Time
	once  sync.Once
	cat   *Catalog
	err   error
	docs  []docStamp  // the documents the catalog read, as it read them
	done  atomic.Bool // once has run: cat, err and docs are set
}

// stale reports whether a document the catalog read has changed since.
func (e *fileEntry) stale() bool {
	for _, d := range e.docs {
		if stampDocument(d.abs) != d {
			return true
		}
	}
	return false
}

func (fc *fileCache) load(path, abs string, st fs.FileInfo) (*Catalog, error) {
	key := path + "\x00" + abs
	fc.mu.Lock()
	e, ok := fc.files[key]
	if !ok || e.size != st.Size() || !e.mtime.Equal(st.ModTime()) || e.loaded() && e.stale() {
		e = &fileEntry{size: st.Size(), mtime: st.ModTime()}
		fc.files[key] = e // an older version of the file is dropped
	}
	fc.mu.Unlock()
	e.once.Do(func() {
		e.cat, e.docs, e.err = readFile(path)
		e.done.Store(true)
	})
	return e.cat, e.err
}

// loaded reports whether the entry's catalog has been read.
func (e *fileEntry) loaded() bool { return e.done.Load() }

// readFile reads and parses the file, reading at most MaxSize+1 bytes.
func readFile(path string) (*Catalog, []docStamp, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("reading catalog: %w", err)
	}
	defer f.Close()
	data, err := readAtMost(f, MaxSize+1)
	if err != nil {
		return nil, nil, fmt.Errorf("reading catalog: %w", err)
	}
	return parse(path, data)
}

// readAtMost reads f to its end or to n bytes, in a buffer the size the
// file says it has (io.ReadAll would grow one by doubling).
func readAtMost(f *os.File, n int64) ([]byte, error) {
	size := int64(512)
	if st, err := f.Stat(); err == nil && st.Size() > 0 {
		size = min(st.Size()+1, n) // room to see the end
	}
	buf := make([]byte, 0, size)
	r := io.LimitReader(f, n)
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, 1) // the file grew
		}
		m, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		switch {
		case err == io.EOF:
			return buf, nil
		case err != nil:
			return buf, err
		}
	}
}

// Parse reads and validates a catalog from data; filename is used in
// positions. On failure the error is an ErrorList.
func Parse(filename string, data []byte) (*Catalog, error) {
	c, _, err := parse(filename, data)
	return c, err
}

// parse is Parse, and says which documents the catalog read (docStamp).
func parse(filename string, data []byte) (_ *Catalog, docs []docStamp, _ error) {
	p := &parser{file: filename}
	defer func() { docs = p.docs }()
	if len(data) > MaxSize {
		p.errorf(Pos{File: filename}, "catalog is larger than %d MiB", MaxSize>>20)
		return nil, nil, p.errs
	}
	if isJSONName(filename) && !json.Valid(data) {
		p.jsonError(data)
		return nil, nil, p.errs
	}
	c, ok := (*Catalog)(nil), false
	if len(data) >= splitMin {
		if s, split := splitCodes(data); split {
			c, ok = p.parseSplit(s)
		}
	}
	if !ok {
		*p = parser{file: filename}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			p.syntaxError(data, err)
			return nil, nil, p.errs
		}
		c = p.catalog(&doc)
	}
	if len(p.errs) > 0 {
		// The catalog's own errors first, then those of the document
		// it points at, each file's in order.
		other := func(e *Error) bool { return e.Pos.File != filename }
		slices.SortStableFunc(p.errs, func(a, b *Error) int {
			return cmp.Or(compareBool(other(a), other(b)), strings.Compare(a.Pos.File, b.Pos.File),
				cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
		})
		return nil, nil, p.errs
	}
	return c, nil, nil
}

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

type parser struct {
	file string
	errs ErrorList

	docs []docStamp // the documents the catalog points at, as read

	parts      *split // the codes, when read in parts
	partsRead  bool   // the parts were read in place of the codes
	partFailed bool   // a part is not a plain YAML list: parse the whole file
}

func (p *parser) pos(n *yaml.Node) Pos { return Pos{File: p.file, Line: n.Line, Col: n.Column} }

func (p *parser) errorf(pos Pos, format string, args ...any) {
	p.errs = append(p.errs, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// isJSONName reports whether a catalog file is named as JSON: its text must
// then be JSON, not the YAML that JSON almost is (YAML takes a trailing
// comma, comments, single quotes).
func isJSONName(filename string) bool {
	return strings.EqualFold(filepath.Ext(filename), ".json")
}

// jsonError reports where data, which is not valid JSON, goes wrong.
func (p *parser) jsonError(data []byte) {
	var v any
	err := json.Unmarshal(data, &v)
	pos := Pos{File: p.file, Line: 1, Col: 1}
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		pos = offsetPos(p.file, data, syn.Offset)
	}
	msg := "not valid JSON"
	if err != nil {
		msg = err.Error()
	}
	p.errorf(pos, "syntax error: %s", msg)
}

// offsetPos is the position of the byte before offset (where encoding/json
// stopped), counting columns in bytes from 1.
func offsetPos(file string, data []byte, offset int64) Pos {
	i := int(min(max(offset-1, 0), int64(len(data))))
	before := data[:i]
	line := bytes.Count(before, []byte("\n")) + 1
	col := i - bytes.LastIndexByte(before, '\n')
	return Pos{File: file, Line: line, Col: col}
}

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// syntaxError turns the YAML parser's error on data into a positioned
// one, at the line where the defect is (defectLine).
func (p *parser) syntaxError(data []byte, err error) {
	msg := err.Error()
	pos := Pos{File: p.file, Line: 1, Col: 1}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		if m[1] != "" {
			pos.Line, _ = strconv.Atoi(m[1])
		}
		msg = m[2]
	}
	pos.Line, pos.Col = defectLine(data, err, pos.Line)
	p.errorf(pos, "syntax error: %s", msg)
}

// defectLine finds the line of a YAML syntax error err in data, and the
// column where that line's text starts. The parser's message names the
// line where the construct it was reading began (a list that began 30
// lines above the bad indentation), not the line it failed on: that is
// the shortest prefix of data, in whole lines, that fails with the same
// message. The parser reads its input in order and fails as soon as it
// meets the defect, so every prefix that holds the defect fails the same
// way and none that ends before it does. The search starts from the line
// the parser had read up to when it failed, and steps back, doubling its
// steps, to a prefix that does not fail, then bisects: a few parses, as
// the defect is mostly close to where the parser stopped. from is the
// line of the construct, before which the defect cannot be.
func defectLine(data []byte, err error, from int) (line, col int) {
	var ends []int // ends[i] is the offset just past line i+1
	for i, b := range data {
		if b == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(data) {
		ends = append(ends, len(data))
	}
	fails := func(n int) bool {
		var doc yaml.Node
		e := yaml.Unmarshal(data[:ends[n-1]], &doc)
		return e != nil && e.Error() == err.Error()
	}
	lo := min(max(from, 1), len(ends)) - 1 // a prefix assumed not to fail (0: none)
	hi := len(ends)                        // a prefix that fails
	if n, _ := slices.BinarySearch(ends, readBeforeError(data)); n+1 < hi && fails(n+1) {
		hi = n + 1
	}
	for step := 1; hi-step > lo; step *= 2 {
		if !fails(hi - step) {
			lo = hi - step
			break
		}
		hi -= step
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	start := 0
	if hi > 1 {
		start = ends[hi-2]
	}
	text := data[start:ends[hi-1]]
	return hi, len(text) - len(bytes.TrimLeft(text, " ")) + 1
}

// readBeforeError is how many bytes of data the YAML parser reads before
// it fails on them.
func readBeforeError(data []byte) int {
	r := &countingReader{r: bytes.NewReader(data)}
	var doc yaml.Node
	_ = yaml.NewDecoder(r).Decode(&doc)
	return r.n
}

// A countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += n
	return n, err
}

// A field is one key of a mapping the schema knows.
type field struct {
	key      string
	required bool
	decode   func(key, val *yaml.Node)
}

// mapping decodes a mapping node against the known fields: unknown and
// repeated keys and missing required ones are errors.
func (p *parser) mapping(n *yaml.Node, what string, fields ...field) bool {
	if n.Kind != yaml.MappingNode {
		p.errorf(p.pos(n), "%s must be a mapping, not %s", what, describe(n))
		return false
	}
	seen := make(map[string]*yaml.Node)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.errorf(p.pos(k), "%s has a key that is not a name", what)
			continue
		}
		if first, ok := seen[k.Value]; ok {
			p.errorf(p.pos(k), "duplicate key %q (first at %d:%d)", Truncate(k.Value), first.Line, first.Column)
			continue
		}
		seen[k.Value] = k
		i := slices.IndexFunc(fields, func(f field) bool { return f.key == k.Value })
		if i < 0 {
			var keys []string
			for _, f := range fields {
				keys = append(keys, f.key)
			}
			if s := closest(k.Value, keys); s != "" {
				p.errorf(p.pos(k), "unknown key %q in %s; did you mean %q?", Truncate(k.Value), what, s)
			} else {
				p.errorf(p.pos(k), "unknown key %q in %s", Truncate(k.Value), what)
			}
			continue
		}
		fields[i].decode(k, resolveAlias(v))
	}
	for _, f := range fields {
		if f.required && seen[f.key] == nil {
			p.errorf(p.pos(n), "%s is missing %q", what, f.key)
		}
	}
	return true
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// describe names a node's kind for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "null"
		case "!!str":
			return fmt.Sprintf("string %q", Truncate(n.Value))
		case "!!int":
			return "integer " + Truncate(n.Value)
		case "!!float":
			return "number " + Truncate(n.Value)
		case "!!bool":
			return "boolean " + Truncate(n.Value)
		}
		return fmt.Sprintf("%s %q", n.Tag, Truncate(n.Value))
	}
	return "nothing"
}

func (p *parser) str(n *yaml.Node, what string, dst *string) bool {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		p.errorf(p.pos(n), "%s must be a string, not %s", what, describe(n))
		return false
	}
	*dst = n.Value
	return true
}

func (p *parser) integer(n *yaml.Node, what string) (int64, bool) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!int" {
		v, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
		if err == nil {
			return v, true
		}
		p.errorf(p.pos(n), "%s %s is out of range", what, Truncate(n.Value))
		return 0, false
	}
	p.errorf(p.pos(n), "%s must be an integer, not %s", what, describe(n))
	return 0, false
}

func (p *parser) boolean(n *yaml.Node, what string, dst *bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
		p.errorf(p.pos(n), "%s must be true or false, not %s", what, describe(n))
		return
	}
	*dst = n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
}

// status decodes an HTTP status of an error code.
func (p *parser) status(n *yaml.Node, what string) (int, bool) {
	v, ok := p.integer(n, what)
	if !ok {
		return 0, false
	}
	if v < 100 || v > 599 {
		p.errorf(p.pos(n), "%s %d is not an HTTP status", what, v)
		return 0, false
	}
	if v < 400 {
		p.errorf(p.pos(n), "%s %d is not an error status; error codes take a 4xx or 5xx status", what, v)
		return 0, false
	}
	return int(v), true
}

func (p *parser) catalog(doc *yaml.Node) *Catalog {
	c := &Catalog{Path: p.file, exact: make(map[string]*Code), byName: make(map[string]*Code)}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		p.errorf(Pos{File: p.file, Line: 1, Col: 1}, "catalog is empty; it needs version and codes")
		return c
	}
	root := resolveAlias(doc.Content[0])
	var codes, operations *yaml.Node
	var retryAfter bool
	var openapi documentParts
	ok := p.mapping(root, "the catalog",
		field{key: "version", required: true, decode: func(_, v *yaml.Node) {
			if n, ok := p.integer(v, "version"); ok {
				if n != 1 {
					p.errorf(p.pos(v), "unsupported version %d; this errcodelint reads version 1", n)
				}
				c.Version = int(n)
			}
		}},
		field{key: "api", decode: func(_, v *yaml.Node) { p.str(v, "api", &c.API) }},
		field{key: "wire", decode: func(_, v *yaml.Node) { openapi.wire = true; p.wire(v, &c.Wire) }},
		field{key: "go", decode: func(_, v *yaml.Node) { p.goHints(v, &c.Go) }},
		field{key: "rules", decode: func(_, v *yaml.Node) { retryAfter = p.rules(v, &c.Rules) }},
		field{key: "codes", decode: func(_, v *yaml.Node) { codes = v }},
		field{key: "operations", decode: func(_, v *yaml.Node) { operations = v }},
		field{key: "base_paths", decode: func(_, v *yaml.Node) { p.basePaths(v, c) }},
		field{key: documentKey, decode: func(_, v *yaml.Node) { openapi.node = v }},
	)
	if !ok {
		return c
	}
	if codes == nil && openapi.node == nil {
		p.errorf(p.pos(root), "the catalog is missing %q", "codes")
	}
	var read *OpenAPIRead
	if openapi.node != nil {
		read = p.document(openapi, c)
	}
	if !retryAfter {
		c.Rules.RetryAfter = slices.Clone(DefaultRetryAfter)
	}
	if c.Wire.Code == "" {
		c.Wire.Code = "code"
		c.Wire.CodePath = []Segment{{Name: "code"}}
	}
	if c.Wire.Format == "" {
		c.Wire.Format = "json"
	}
	switch {
	case codes != nil && p.splitCodesNode(codes):
		p.codesInParts(c)
	case codes != nil:
		p.codes(codes, c)
	}
	if read != nil && !p.documentCodes(read, c) {
		read = nil // its operations name the codes in error
	}
	if operations != nil {
		p.operations(operations, c)
	}
	if read != nil {
		p.documentOperations(read, c)
	}
	if codes != nil && codes.Kind == yaml.SequenceNode && len(codes.Content) == 0 && !p.splitCodesNode(codes) &&
		len(c.Codes) == 0 && len(c.Operations) == 0 && (operations == nil || len(p.errs) == 0) {
		// A catalog of operations alone holds their statuses: an API
		// whose document names no code still documents those.
		p.errorf(p.pos(codes), "codes is empty; a catalog needs at least one code, or operations")
	}
	return c
}

func (p *parser) wire(n *yaml.Node, w *Wire) {
	p.mapping(n, "wire",
		field{key: "code", decode: func(_, v *yaml.Node) {
			if p.str(v, "wire.code", &w.Code) {
				w.CodePath = p.path(v, "wire.code")
			}
		}},
		field{key: "status", decode: func(_, v *yaml.Node) {
			if p.str(v, "wire.status", &w.Status) {
				w.StatusPath = p.path(v, "wire.status")
			}
		}},
		field{key: "prefix", decode: func(_, v *yaml.Node) {
			if p.str(v, "wire.prefix", &w.Prefix) && w.Prefix == "" {
				p.errorf(p.pos(v), "wire.prefix is empty; leave it out instead")
			}
		}},
		field{key: "format", decode: func(_, v *yaml.Node) {
			if p.str(v, "wire.format", &w.Format) && w.Format != "json" && w.Format != "xml" {
				p.errorf(p.pos(v), "wire.format %q is neither json nor xml", Truncate(w.Format))
			}
		}},
	)
}

// ParsePath parses a wire path such as "error.code" or "errors[].code".
func ParsePath(s string) ([]Segment, error) {
	if s == "" {
		return nil, errors.New("empty path")
	}
	var out []Segment
	for name := range strings.SplitSeq(s, ".") {
		seg := Segment{Name: name}
		if n, ok := strings.CutSuffix(name, "[]"); ok {
			seg = Segment{Name: n, Array: true}
		}
		if seg.Name == "" || strings.ContainsAny(seg.Name, "[] \t") {
			return nil, fmt.Errorf("malformed path %q: each step is a field name, optionally followed by []", s)
		}
		out = append(out, seg)
	}
	if out[len(out)-1].Array {
		return nil, fmt.Errorf("malformed path %q: it must end at a field, not an array", s)
	}
	return out, nil
}

func (p *parser) path(n *yaml.Node, what string) []Segment {
	segs, err := ParsePath(n.Value)
	if err != nil {
		p.errorf(p.pos(n), "%s: %v", what, err)
	}
	return segs
}

func (p *parser) goHints(n *yaml.Node, g *GoHints) {
	p.mapping(n, "go",
		field{key: "code_type", decode: func(_, v *yaml.Node) {
			if p.str(v, "go.code_type", &g.CodeType) && !isQualified(g.CodeType) {
				p.errorf(p.pos(v), "go.code_type %q must be an import path and a type name, like example.com/api/apierr.Code", Truncate(g.CodeType))
			}
		}},
		field{key: "emitters", decode: func(_, v *yaml.Node) { p.emitters(v, g) }},
		field{key: "error_types", decode: func(_, v *yaml.Node) { p.errorTypes(v, g) }},
	)
}

// isQualified reports whether s reads "import/path.Name".
func isQualified(s string) bool {
	i := strings.LastIndex(s, ".")
	return i > 0 && i < len(s)-1 && isIdent(s[i+1:]) && !strings.ContainsAny(s, " \t")
}

// funcName matches types.Func.FullName: "path.F" or "(path.T).M" or "(*path.T).M".
var funcName = regexp.MustCompile(`^(?:[^\s()*]+\.[A-Za-z_]\w*|\(\*?[^\s()*]+\.[A-Za-z_]\w*\)\.[A-Za-z_]\w*)$`)

func (p *parser) emitters(n *yaml.Node, g *GoHints) {
	if n.Kind != yaml.SequenceNode {
		p.errorf(p.pos(n), "go.emitters must be a list, not %s", describe(n))
		return
	}
	for _, item := range n.Content {
		item = resolveAlias(item)
		e := Emitter{Pos: p.pos(item), Status: Param{Index: -1}, Code: Param{Index: -1}, Error: Param{Index: -1}}
		var fallbackAt Pos
		var codeSet, errorSet bool
		isMap := p.mapping(item, "an emitter",
			field{key: "func", required: true, decode: func(_, v *yaml.Node) {
				switch {
				case !p.str(v, "func", &e.Func):
				case strings.TrimSpace(e.Func) == "":
					p.errorf(p.pos(v), "func is empty; name a function as pkg/path.Func or (*pkg/path.Type).Method")
				case !funcName.MatchString(e.Func):
					p.errorf(p.pos(v), "func %q must name a function as pkg/path.Func or (*pkg/path.Type).Method", Truncate(e.Func))
				}
			}},
			field{key: "status", required: true, decode: func(_, v *yaml.Node) { e.Status = p.param(v, "status") }},
			field{key: "code", decode: func(_, v *yaml.Node) { e.Code, codeSet = p.param(v, "code"), true }},
			field{key: "error", decode: func(_, v *yaml.Node) { e.Error, errorSet = p.param(v, "error"), true }},
			field{key: "fallback", decode: func(_, v *yaml.Node) {
				fallbackAt = p.pos(v)
				if p.str(v, "fallback", &e.Fallback) && strings.TrimSpace(e.Fallback) == "" {
					p.errorf(fallbackAt, "fallback is empty; give the code the function sends for an error of no declared type")
				}
			}},
		)
		switch {
		case !isMap:
		case codeSet && errorSet:
			p.errorf(e.Pos, "an emitter names its code parameter (code) or its error parameter (error), not both")
		case !codeSet && !errorSet:
			p.errorf(e.Pos, "an emitter needs code (the parameter holding the code) or error (the parameter holding an error whose code is sent)")
		case fallbackAt.Line > 0 && !errorSet:
			p.errorf(fallbackAt, "fallback goes with error: it is the code sent for an error of no declared type")
		}
		for _, other := range []Param{e.Code, e.Error} {
			if !e.Status.Unset() && e.Status == other {
				p.errorf(e.Pos, "an emitter's status and code cannot be the same parameter %s", other)
			}
		}
		g.Emitters = append(g.Emitters, e)
	}
}

// maxParams bounds a parameter index: Go functions have far fewer.
const maxParams = 255

func (p *parser) param(n *yaml.Node, what string) Param {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!int" {
		v, ok := p.integer(n, what+" parameter index")
		switch {
		case !ok:
		case v < 0:
			p.errorf(p.pos(n), "%s parameter index %d is negative", what, v)
		case v > maxParams:
			p.errorf(p.pos(n), "%s parameter index %d is out of range; a function has at most %d parameters", what, v, maxParams)
		default:
			return Param{Index: int(v)}
		}
		return Param{Index: -1}
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str" && isIdent(n.Value) && !strings.Contains(n.Value, ".") {
		switch {
		case n.Value == "_":
			p.errorf(p.pos(n), "%s parameter name %q is blank; name the parameter or give its index", what, n.Value)
		case token.IsKeyword(n.Value):
			p.errorf(p.pos(n), "%s parameter name %q is a Go keyword", what, n.Value)
		default:
			return Param{Index: -1, Name: n.Value}
		}
		return Param{Index: -1}
	}
	p.errorf(p.pos(n), "%s must be a parameter index or name, not %s", what, describe(n))
	return Param{Index: -1}
}

func (p *parser) errorTypes(n *yaml.Node, g *GoHints) {
	if n.Kind != yaml.SequenceNode {
		p.errorf(p.pos(n), "go.error_types must be a list, not %s", describe(n))
		return
	}
	for _, item := range n.Content {
		item = resolveAlias(item)
		t := ErrorType{Pos: p.pos(item)}
		fieldName := func(dst *string, what string) func(_, v *yaml.Node) {
			return func(_, v *yaml.Node) {
				if p.str(v, what, dst) && (!isIdent(*dst) || strings.Contains(*dst, ".")) {
					p.errorf(p.pos(v), "%s %q must be a field name", what, Truncate(*dst))
				}
			}
		}
		p.mapping(item, "an error type",
			field{key: "type", required: true, decode: func(_, v *yaml.Node) {
				if p.str(v, "type", &t.Type) && !isQualified(t.Type) {
					p.errorf(p.pos(v), "type %q must be an import path and a type name, like example.com/api/client.APIError", Truncate(t.Type))
				}
			}},
			field{key: "status", decode: fieldName(&t.Status, "status")},
			field{key: "code", decode: fieldName(&t.Code, "code")},
		)
		if t.Status == "" && t.Code == "" {
			p.errorf(t.Pos, "an error type needs a status field, a code field or both")
		}
		g.ErrorTypes = append(g.ErrorTypes, t)
	}
}

// rules decodes the rules mapping and reports whether retry_after was given.
func (p *parser) rules(n *yaml.Node, r *Rules) (retryAfter bool) {
	p.mapping(n, "rules",
		field{key: "retry_after", decode: func(_, v *yaml.Node) {
			retryAfter = true
			r.RetryAfter = []int{}
			if v.Kind != yaml.SequenceNode {
				p.errorf(p.pos(v), "rules.retry_after must be a list of statuses, not %s", describe(v))
				return
			}
			for _, s := range v.Content {
				st, ok := p.status(resolveAlias(s), "rules.retry_after status")
				if !ok {
					continue
				}
				if slices.Contains(r.RetryAfter, st) {
					p.errorf(p.pos(s), "rules.retry_after lists %d twice", st)
					continue
				}
				r.RetryAfter = append(r.RetryAfter, st)
			}
		}},
	)
	return retryAfter
}

func (p *parser) codes(n *yaml.Node, c *Catalog) {
	if n.Kind != yaml.SequenceNode {
		p.errorf(p.pos(n), "codes must be a list, not %s", describe(n))
		return
	}
	if len(n.Content) == 0 {
		return // an error unless operations say what the API sends (catalog)
	}
	cs := newCodeSet(p, c)
	for _, item := range n.Content {
		cs.add(item)
	}
	cs.finish()
}

// A codeSet adds the entries of codes to a catalog one at a time, so that
// they may come in parts (splitCodes).
type codeSet struct {
	p     *parser
	c     *Catalog
	first *Code            // the first code, which fixes string or integer
	seen  map[string]*Code // code values read but not kept (c.exact holds the rest)
}

func newCodeSet(p *parser, c *Catalog) *codeSet {
	return &codeSet{p: p, c: c, seen: make(map[string]*Code)}
}

// add decodes one entry of codes and adds the code when it is valid.
func (cs *codeSet) add(item *yaml.Node) {
	p, c := cs.p, cs.c
	item = resolveAlias(item)
	code, ok := p.code(item, c)
	if code.Value == "" {
		return
	}
	prev, dup := c.exact[code.Value]
	if !dup {
		prev, dup = cs.seen[code.Value]
	}
	if dup {
		p.errorf(code.Pos, "duplicate code %s (first at %s)", code.short(), prev.Pos.From(code.Pos))
		return
	}
	if !ok {
		cs.seen[code.Value] = code
		return
	}
	if !cs.add1(code) {
		cs.seen[code.Value] = code // read, not kept
	}
}

// add1 adds a valid code that is not a duplicate, and reports whether it
// was kept.
func (cs *codeSet) add1(code *Code) bool {
	p, c := cs.p, cs.c
	if cs.first == nil {
		cs.first = code
	} else if code.Numeric != cs.first.Numeric {
		kind := func(numeric bool) string {
			if numeric {
				return "an integer"
			}
			return "a string"
		}
		p.errorf(code.Pos, "code %s is %s but the first code, at %s, is %s; a catalog's codes are all strings or all integers",
			code.short(), kind(code.Numeric), cs.first.Pos.From(code.Pos), kind(cs.first.Numeric))
		return false
	}
	if code.Name != "" {
		if prev, ok := c.byName[code.Name]; ok {
			p.errorf(code.Pos, "duplicate name %q (first at %s)", Truncate(code.Name), prev.Pos.From(code.Pos))
			return false
		}
		c.byName[code.Name] = code
	}
	c.exact[code.Value] = code
	if code.Template != nil {
		c.templates = append(c.templates, code)
	}
	c.Codes = append(c.Codes, code)
	return true
}

// finish completes the catalog's indexes once every code is added.
func (cs *codeSet) finish() {
	c := cs.c
	// A template's own text is not a code: keep only plain codes exact.
	for _, t := range c.templates {
		delete(c.exact, t.Value)
	}
	c.Codes = slices.Clip(c.Codes)
	c.suggest = new(suggestIndex)
	lex := lexiconOf(c.Codes)
	c.lex = &lex
}

// code decodes one entry of codes; ok is false when the entry has errors.
// The code's Value is set whenever it could be read.
func (p *parser) code(n *yaml.Node, c *Catalog) (code *Code, ok bool) {
	code = &Code{}
	before := len(p.errs)
	var hasCode, hasStatus bool
	p.mapping(n, "a code",
		field{key: "code", required: true, decode: func(_, v *yaml.Node) {
			hasCode = true
			code.Pos = p.pos(v)
			p.codeValue(v, code, c)
		}},
		field{key: "status", required: true, decode: func(_, v *yaml.Node) {
			hasStatus = true
			code.StatusPos = p.pos(v)
			code.Statuses = p.codeStatuses(v)
			if len(code.Statuses) > 0 {
				code.Status = code.Statuses[0]
			}
		}},
		field{key: "name", decode: func(_, v *yaml.Node) {
			if p.str(v, "name", &code.Name) && code.Name == "" {
				p.errorf(p.pos(v), "name is empty; leave it out instead")
			}
		}},
		field{key: "group", decode: func(_, v *yaml.Node) { p.str(v, "group", &code.Group) }},
		field{key: "summary", decode: func(_, v *yaml.Node) { p.str(v, "summary", &code.Summary) }},
		field{key: "reported", decode: func(_, v *yaml.Node) { p.boolean(v, "reported", &code.Reported) }},
		field{key: "retryable", decode: func(_, v *yaml.Node) { p.boolean(v, "retryable", &code.Retryable) }},
	)
	return code, len(p.errs) == before && hasCode && hasStatus
}

// codeStatuses decodes a code's status: one status, or a list of them
// whose first is the default. Errors point at the offending element.
func (p *parser) codeStatuses(n *yaml.Node) []int {
	if n.Kind != yaml.SequenceNode {
		if st, ok := p.status(n, "status"); ok {
			return []int{st}
		}
		return nil
	}
	if len(n.Content) == 0 {
		p.errorf(p.pos(n), "status is an empty list; give at least one status")
		return nil
	}
	var out []int
	ok := true
	for _, e := range n.Content {
		e = resolveAlias(e)
		st, good := p.status(e, "status")
		switch {
		case !good:
			ok = false
		case slices.Contains(out, st):
			p.errorf(p.pos(e), "status lists %d twice", st)
			ok = false
		default:
			out = append(out, st)
		}
	}
	if !ok {
		return nil
	}
	return out
}

func (p *parser) codeValue(v *yaml.Node, code *Code, c *Catalog) {
	if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!int" {
		n, ok := p.integer(v, "code")
		if !ok {
			return
		}
		if n < 0 {
			p.errorf(p.pos(v), "code %d is negative", n)
			return
		}
		code.Numeric, code.Int, code.Value = true, n, strconv.FormatInt(n, 10)
		return
	}
	if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!float" {
		if f, err := strconv.ParseFloat(v.Value, 64); err == nil && f == math.Trunc(f) {
			p.errorf(p.pos(v), "code must be a string or an integer, not number %s; quote it if it is text", Truncate(v.Value))
			return
		}
	}
	if !p.str(v, "code", &code.Value) {
		return
	}
	s := code.Value
	switch {
	case strings.TrimSpace(s) == "":
		p.errorf(p.pos(v), "code is empty")
		return
	case strings.TrimSpace(s) != s || strings.ContainsAny(s, "\n\t"):
		p.errorf(p.pos(v), "code %q has surrounding or inner white space", Truncate(s))
		return
	case c.Wire.Prefix != "" && strings.HasPrefix(s, c.Wire.Prefix):
		p.errorf(p.pos(v), "code %q repeats wire.prefix; write %q", Truncate(s), Truncate(strings.TrimPrefix(s, c.Wire.Prefix)))
		return
	}
	t, err := ParseTemplate(s)
	if err != nil {
		p.errorf(p.pos(v), "%v", err)
		return
	}
	code.Template = t
}
