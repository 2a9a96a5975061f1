package conformance

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/errcodelint/errcodelint/catalog"
)

type valueKind int

const (
	kindString valueKind = iota
	kindNumber
	kindOther // null, a boolean, an object, an array, an XML element with children
)

// A value is a leaf found at a wire path.
type value struct {
	kind valueKind
	text string // the string's contents, the number's digits, or the raw text
}

// String renders v for messages: strings quoted, numbers bare, anything else
// as its source text, each shortened as catalog.Truncate does (as the
// static passes quote codes).
func (v value) String() string {
	switch v.kind {
	case kindString:
		return strconv.Quote(catalog.Truncate(v.text))
	case kindNumber:
		return catalog.Truncate(v.text)
	}
	if len(v.text) > 40 {
		return v.text[:40] + "…"
	}
	return v.text
}

// A decoded body: the values at the wire's code and status paths.
type decoded struct {
	codes, statuses []value
}

// decode decodes body if it is in the wire's format. It reports false for a
// body that is not a code emission: empty, or of another content type. A
// body whose content type declares the wire format but that does not decode
// is an error; an undeclared body that only looks like the format (no
// content type, or text/plain) is decoded if it can be and ignored if not.
func decode(w *catalog.Wire, contentType string, body []byte) (decoded, bool, error) {
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) == 0 {
		return decoded{}, false, nil
	}
	isXML := w.Format == "xml"
	mt := mediaType(contentType)
	declared := isXML && xmlMediaType(mt) || !isXML && jsonMediaType(mt)
	if !declared {
		if mt != "" && mt != "text/plain" {
			return decoded{}, false, nil
		}
		if isXML && trimmed[0] != '<' || !isXML && trimmed[0] != '{' {
			return decoded{}, false, nil
		}
	}
	var (
		d   decoded
		err error
	)
	if isXML {
		d, err = decodeXML(w, body)
	} else {
		d, err = decodeJSON(w, body)
	}
	if err != nil {
		if declared {
			return decoded{}, false, err
		}
		return decoded{}, false, nil
	}
	return d, true, nil
}

// mediaType is the lowercased media type of a Content-Type value, without
// parameters.
func mediaType(ct string) string {
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.ToLower(strings.TrimSpace(ct))
}

func jsonMediaType(mt string) bool {
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}

func xmlMediaType(mt string) bool {
	return mt == "application/xml" || mt == "text/xml" || strings.HasSuffix(mt, "+xml")
}

// decodeJSON finds the values at the wire's paths in a JSON body, in one
// pass that also validates it: error bodies are read on every response, and
// most of each is skipped.
func decodeJSON(w *catalog.Wire, body []byte) (decoded, error) {
	var d decoded
	var ok bool
	if d.codes, ok = jsonAt(body, w.CodePath); !ok {
		// Decode again only to say what is wrong.
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			return decoded{}, err
		}
		return decoded{}, errors.New("invalid JSON")
	}
	if w.StatusPath != nil {
		d.statuses, _ = jsonAt(body, w.StatusPath)
	}
	return d, nil
}

// jsonAt returns the values at path in the JSON text data, and whether data
// is valid JSON (as json.Valid says).
func jsonAt(data []byte, path []catalog.Segment) ([]value, bool) {
	s := scanner{d: data}
	var buf [4][]byte
	raws := s.value(path, true, buf[:0], 0)
	s.ws()
	if s.bad || s.pos != len(s.d) {
		return nil, false
	}
	if len(raws) == 0 {
		return nil, true
	}
	out := make([]value, 0, len(raws))
	for _, raw := range raws {
		out = append(out, jsonValue(raw))
	}
	return out, true
}

// jsonValue interprets the raw JSON text of a leaf.
func jsonValue(raw []byte) value {
	switch {
	case len(raw) == 0:
		return value{kind: kindOther}
	case raw[0] == '"':
		if bytes.IndexByte(raw, '\\') < 0 && len(raw) >= 2 && utf8.Valid(raw) {
			return value{kind: kindString, text: string(raw[1 : len(raw)-1])}
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return value{kind: kindOther, text: string(raw)}
		}
		return value{kind: kindString, text: s}
	case raw[0] == '-' || '0' <= raw[0] && raw[0] <= '9':
		return value{kind: kindNumber, text: string(raw)}
	}
	return value{kind: kindOther, text: string(raw)}
}

// maxDepth is encoding/json's bound on nesting.
const maxDepth = 10000

// A scanner validates a JSON text and collects the values at a path as it
// goes. It never indexes past the end, and stops at the first error.
type scanner struct {
	d   []byte
	pos int
	bad bool
}

func (s *scanner) peek() byte {
	if s.pos < len(s.d) {
		return s.d[s.pos]
	}
	return 0
}

func (s *scanner) fail() {
	s.bad = true
	s.pos = len(s.d)
}

func (s *scanner) ws() {
	for s.pos < len(s.d) {
		switch s.d[s.pos] {
		case ' ', '\t', '\r', '\n':
			s.pos++
		default:
			return
		}
	}
}

// value moves past the value at s.pos, validating it. When want is set, it
// appends the raw values at path within it to out. Of duplicate keys (keys
// that match the same step) the last counts, as when encoding/json decodes
// the body.
func (s *scanner) value(path []catalog.Segment, want bool, out [][]byte, depth int) [][]byte {
	s.ws()
	if want && len(path) == 0 {
		start := s.pos
		s.value(nil, false, nil, depth)
		if s.bad {
			return out
		}
		return append(out, s.d[start:s.pos])
	}
	switch c := s.peek(); {
	case c == '{':
		return s.object(path, want, out, depth+1)
	case c == '[':
		s.array(nil, false, nil, depth+1)
	case c == '"':
		s.str()
	case c == '-' || '0' <= c && c <= '9':
		s.number()
	case c == 't':
		s.literal("true")
	case c == 'f':
		s.literal("false")
	case c == 'n':
		s.literal("null")
	default:
		s.fail()
	}
	return out
}

func (s *scanner) object(path []catalog.Segment, want bool, out [][]byte, depth int) [][]byte {
	if depth > maxDepth {
		s.fail()
		return out
	}
	s.pos++ // {
	s.ws()
	if s.peek() == '}' {
		s.pos++
		return out
	}
	mark := len(out)
	for !s.bad {
		s.ws()
		if s.peek() != '"' {
			s.fail()
			return out
		}
		key := s.str()
		s.ws()
		if s.peek() != ':' {
			s.fail()
			return out
		}
		s.pos++
		switch {
		case !want || s.bad || !keyIs(key, path[0].Name):
			s.value(nil, false, nil, depth)
		case path[0].Array:
			out = s.array(path[1:], true, out[:mark], depth+1)
		default:
			out = s.value(path[1:], true, out[:mark], depth)
		}
		s.ws()
		switch s.peek() {
		case ',':
			s.pos++
		case '}':
			s.pos++
			return out
		default:
			s.fail()
		}
	}
	return out
}

// array moves past the value at s.pos, which must be an array when want is
// set; each element's values at path are appended to out.
func (s *scanner) array(path []catalog.Segment, want bool, out [][]byte, depth int) [][]byte {
	s.ws()
	if s.peek() != '[' {
		s.value(nil, false, nil, depth-1) // not an array: nothing at the path
		return out
	}
	if depth > maxDepth {
		s.fail()
		return out
	}
	s.pos++
	s.ws()
	if s.peek() == ']' {
		s.pos++
		return out
	}
	for !s.bad {
		if want {
			out = s.value(path, true, out, depth)
		} else {
			s.value(nil, false, nil, depth)
		}
		s.ws()
		switch s.peek() {
		case ',':
			s.pos++
		case ']':
			s.pos++
			return out
		default:
			s.fail()
		}
	}
	return out
}

// str moves past the string at s.pos and returns its raw text, quotes
// included.
func (s *scanner) str() []byte {
	start := s.pos
	for i := s.pos + 1; i < len(s.d); i++ {
		switch c := s.d[i]; {
		case c == '"':
			s.pos = i + 1
			return s.d[start:s.pos]
		case c < 0x20:
			s.fail()
			return nil
		case c == '\\':
			i++
			if i >= len(s.d) {
				break
			}
			switch s.d[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(s.d) || !isHex(s.d[i+1]) || !isHex(s.d[i+2]) || !isHex(s.d[i+3]) || !isHex(s.d[i+4]) {
					s.fail()
					return nil
				}
				i += 4
			default:
				s.fail()
				return nil
			}
		}
	}
	s.fail()
	return nil
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// number moves past the number at s.pos: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *scanner) number() {
	if s.peek() == '-' {
		s.pos++
	}
	switch c := s.peek(); {
	case c == '0':
		s.pos++
	case '1' <= c && c <= '9':
		s.digits()
	default:
		s.fail()
		return
	}
	if s.peek() == '.' {
		s.pos++
		if !s.digits() {
			s.fail()
			return
		}
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.pos++
		if c := s.peek(); c == '+' || c == '-' {
			s.pos++
		}
		if !s.digits() {
			s.fail()
		}
	}
}

// digits moves past a run of digits and reports whether there was one.
func (s *scanner) digits() bool {
	start := s.pos
	for s.pos < len(s.d) && '0' <= s.d[s.pos] && s.d[s.pos] <= '9' {
		s.pos++
	}
	return s.pos > start
}

func (s *scanner) literal(lit string) {
	if !bytes.HasPrefix(s.d[s.pos:], []byte(lit)) {
		s.fail()
		return
	}
	s.pos += len(lit)
}

// keyIs reports whether the raw JSON string key is name, as a client
// decoding the body matches keys (catalog.KeyMatches).
func keyIs(key []byte, name string) bool {
	if len(key) < 2 {
		return false
	}
	if bytes.IndexByte(key, '\\') < 0 && utf8.Valid(key) {
		return catalog.KeyMatches("json", string(key[1:len(key)-1]), name)
	}
	var k string
	return json.Unmarshal(key, &k) == nil && catalog.KeyMatches("json", k, name)
}

// decodeXML finds the values at the wire's paths in an XML body, as the
// elements stream by: it keeps no tree, only the open elements' match
// states and the text of a matched element, and stops past maxDepth
// nested elements, as encoding/json does for JSON.
func decodeXML(w *catalog.Wire, body []byte) (decoded, error) {
	paths := []*xmlPath{{path: w.CodePath}}
	if w.StatusPath != nil {
		paths = append(paths, &xmlPath{path: w.StatusPath})
	}
	if err := scanXML(body, paths); err != nil {
		return decoded{}, err
	}
	d := decoded{codes: paths[0].out}
	if w.StatusPath != nil {
		d.statuses = paths[1].out
	}
	return d, nil
}

// scanXML reads the elements of an XML body, checking that it has one root
// element, and feeds them to the paths.
func scanXML(body []byte, paths []*xmlPath) error {
	dec := xml.NewDecoder(bytes.NewReader(body))
	depth, roots := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				if roots++; roots > 1 {
					return errors.New("more than one root element")
				}
			}
			if depth++; depth > maxDepth {
				return fmt.Errorf("exceeded max depth of %d nested elements", maxDepth)
			}
			for _, p := range paths {
				p.start(t.Name.Local, depth)
			}
		case xml.EndElement:
			for _, p := range paths {
				p.end()
			}
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(t)) > 0 {
				return errors.New("text outside the root element")
			}
			for _, p := range paths {
				p.text(t, depth)
			}
		}
	}
	if roots == 0 {
		return errors.New("no root element")
	}
	return nil
}

// An xmlPath collects the values at a wire path from the elements of an
// XML body, in document order. The path starts at the root element when
// the root has its first step's name (Error.Code in
// <Error><Code>…</Code></Error>), else below the root. Repeated elements
// are all followed, whether or not the step is marked [].
type xmlPath struct {
	path  []catalog.Segment
	steps []int // for each open element, the steps of path it matched; -1 when off the path
	leaf  *xmlLeaf
	out   []value
}

// An xmlLeaf is the open element at the end of the path.
type xmlLeaf struct {
	name  string
	depth int
	text  []byte // its own text, not its children's
	kids  bool
}

// start opens an element at depth (the root is at 1).
func (p *xmlPath) start(name string, depth int) {
	step := -1
	switch {
	case depth == 1 && catalog.KeyMatches("xml", name, p.path[0].Name):
		step = 1
	case depth == 1:
		step = 0 // the path starts below the root
	default:
		switch parent := p.steps[len(p.steps)-1]; {
		case parent == len(p.path):
			p.leaf.kids = true
		case parent >= 0 && catalog.KeyMatches("xml", name, p.path[parent].Name):
			step = parent + 1
		}
	}
	p.steps = append(p.steps, step)
	if step == len(p.path) {
		p.leaf = &xmlLeaf{name: name, depth: depth}
	}
}

// text adds character data found at depth.
func (p *xmlPath) text(t []byte, depth int) {
	if p.leaf != nil && p.leaf.depth == depth {
		p.leaf.text = append(p.leaf.text, t...)
	}
}

// end closes the innermost open element.
func (p *xmlPath) end() {
	if len(p.steps) == 0 {
		return
	}
	step := p.steps[len(p.steps)-1]
	p.steps = p.steps[:len(p.steps)-1]
	if step == len(p.path) {
		p.out = append(p.out, p.leaf.value())
		p.leaf = nil
	}
}

// value is what the element holds.
func (l *xmlLeaf) value() value {
	text := strings.TrimSpace(string(l.text))
	switch {
	case l.kids:
		return value{kind: kindOther, text: "<" + l.name + ">…"}
	case text != "" && strings.Trim(text, "0123456789") == "" || strings.HasPrefix(text, "-") && len(text) > 1 && strings.Trim(text[1:], "0123456789") == "":
		return value{kind: kindNumber, text: text}
	}
	return value{kind: kindString, text: text}
}
