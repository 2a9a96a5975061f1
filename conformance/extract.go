package conformance

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/errcodelint/errcodelint/catalog"
)

// A document is a decoded error body.
type document interface {
	// at returns the values at a wire path: one per element of each
	// array step, none when the path is absent.
	at(path []catalog.Segment) []value
}

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
// as its (shortened) source text.
func (v value) String() string {
	switch v.kind {
	case kindString:
		return strconv.Quote(v.text)
	case kindNumber:
		return v.text
	}
	if len(v.text) > 40 {
		return v.text[:40] + "…"
	}
	return v.text
}

// decode decodes body if it is in the wire's format. It returns nil, nil for
// a body that is not a code emission: empty, or of another content type. A
// body whose content type declares the wire format but that does not decode
// is an error; an undeclared body that only looks like the format (no
// content type, or text/plain) is decoded if it can be and ignored if not.
func decode(w *catalog.Wire, contentType string, body []byte) (document, error) {
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, nil
	}
	isXML := w.Format == "xml"
	mt := mediaType(contentType)
	declared := isXML && xmlMediaType(mt) || !isXML && jsonMediaType(mt)
	if !declared {
		if mt != "" && mt != "text/plain" {
			return nil, nil
		}
		if isXML && trimmed[0] != '<' || !isXML && trimmed[0] != '{' {
			return nil, nil
		}
	}
	var (
		doc document
		err error
	)
	if isXML {
		doc, err = parseXML(body)
	} else {
		doc, err = parseJSON(body)
	}
	if err != nil {
		if declared {
			return nil, err
		}
		return nil, nil
	}
	return doc, nil
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

// A jsonDoc is a valid JSON text, scanned on demand without building a tree:
// error bodies are read on every response and most of each is skipped.
type jsonDoc []byte

func parseJSON(body []byte) (jsonDoc, error) {
	if json.Valid(body) {
		return jsonDoc(body), nil
	}
	// Decode again only to say what is wrong.
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return nil, err
	}
	return nil, errors.New("invalid JSON")
}

func (d jsonDoc) at(path []catalog.Segment) []value {
	s := &scanner{d: d}
	var raws [][]byte
	raws = s.values(path, raws)
	out := make([]value, 0, len(raws))
	for _, raw := range raws {
		out = append(out, jsonValue(raw))
	}
	return out
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

// A scanner walks a JSON text. It assumes the text is valid (json.Valid),
// but never indexes past the end or loops without progress on any input.
type scanner struct {
	d   []byte
	pos int
}

func (s *scanner) peek() byte {
	if s.pos < len(s.d) {
		return s.d[s.pos]
	}
	return 0
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

// values appends the raw values at path within the value at s.pos, and
// moves past that value. Of duplicate keys the last counts, as when
// encoding/json decodes the body.
func (s *scanner) values(path []catalog.Segment, out [][]byte) [][]byte {
	s.ws()
	if len(path) == 0 {
		start := s.pos
		s.skip()
		return append(out, s.d[start:s.pos])
	}
	if s.peek() != '{' {
		s.skip()
		return out
	}
	s.pos++
	mark := len(out)
	for {
		s.ws()
		if s.peek() != '"' {
			s.pos++ // '}', or malformed input: give up on this object
			return out
		}
		key, ok := s.str()
		if !ok {
			return out
		}
		s.ws()
		if s.peek() != ':' {
			s.pos = len(s.d)
			return out
		}
		s.pos++
		if keyIs(key, path[0].Name) {
			out = out[:mark]
			if path[0].Array {
				out = s.elements(path[1:], out)
			} else {
				out = s.values(path[1:], out)
			}
		} else {
			s.skip()
		}
		s.ws()
		if s.peek() == ',' {
			s.pos++
		}
	}
}

// elements appends the values at path within each element of the array at
// s.pos; a value that is not an array holds nothing.
func (s *scanner) elements(path []catalog.Segment, out [][]byte) [][]byte {
	s.ws()
	if s.peek() != '[' {
		s.skip()
		return out
	}
	s.pos++
	for {
		s.ws()
		switch s.peek() {
		case ']':
			s.pos++
			return out
		case 0:
			return out
		}
		before := s.pos
		out = s.values(path, out)
		if s.pos == before {
			s.pos = len(s.d)
			return out
		}
		s.ws()
		if s.peek() == ',' {
			s.pos++
		}
	}
}

// str moves past the string at s.pos and returns its raw text, quotes
// included.
func (s *scanner) str() ([]byte, bool) {
	start := s.pos
	for i := s.pos + 1; i < len(s.d); i++ {
		switch s.d[i] {
		case '\\':
			i++
		case '"':
			s.pos = i + 1
			return s.d[start:s.pos], true
		}
	}
	s.pos = len(s.d)
	return nil, false
}

// skip moves past the value at s.pos.
func (s *scanner) skip() {
	s.ws()
	switch s.peek() {
	case '"':
		s.str()
	case '{', '[':
		depth := 0
		for s.pos < len(s.d) {
			switch s.d[s.pos] {
			case '"':
				s.str()
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			s.pos++
			if depth == 0 {
				return
			}
		}
	default:
		for s.pos < len(s.d) {
			switch s.d[s.pos] {
			case ',', '}', ']', ' ', '\t', '\r', '\n':
				return
			}
			s.pos++
		}
	}
}

// keyIs reports whether the raw JSON string key is name.
func keyIs(key []byte, name string) bool {
	if len(key) < 2 {
		return false
	}
	if bytes.IndexByte(key, '\\') < 0 && utf8.Valid(key) {
		return string(key[1:len(key)-1]) == name
	}
	var k string
	return json.Unmarshal(key, &k) == nil && k == name
}

// An xmlNode is an element of an XML error body.
type xmlNode struct {
	name string
	text strings.Builder
	kids []*xmlNode
}

// An xmlDoc is a decoded XML error body: its root element.
type xmlDoc struct{ root *xmlNode }

func parseXML(body []byte) (*xmlDoc, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	var root *xmlNode
	var stack []*xmlNode
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &xmlNode{name: t.Name.Local}
			switch {
			case len(stack) > 0:
				top := stack[len(stack)-1]
				top.kids = append(top.kids, n)
			case root != nil:
				return nil, errors.New("more than one root element")
			default:
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			} else if len(bytes.TrimSpace(t)) > 0 {
				return nil, errors.New("text outside the root element")
			}
		}
	}
	if root == nil {
		return nil, errors.New("no root element")
	}
	return &xmlDoc{root: root}, nil
}

// at walks path from the root element, whose name is the path's first step
// (Error.Code in <Error><Code>…</Code></Error>); when the root has another
// name, the path is taken to start below it. Repeated elements are all
// followed, whether or not the step is marked [].
func (d *xmlDoc) at(path []catalog.Segment) []value {
	nodes := []*xmlNode{d.root}
	if len(path) > 0 && path[0].Name == d.root.name {
		path = path[1:]
	} else {
		nodes = d.root.kids
	}
	for _, seg := range path {
		var next []*xmlNode
		for _, n := range nodes {
			for _, k := range n.kids {
				if k.name == seg.Name {
					next = append(next, k)
				}
			}
		}
		nodes = next
	}
	out := make([]value, 0, len(nodes))
	for _, n := range nodes {
		text := strings.TrimSpace(n.text.String())
		switch {
		case len(n.kids) > 0:
			out = append(out, value{kind: kindOther, text: "<" + n.name + ">…"})
		case text != "" && strings.Trim(text, "0123456789") == "" || strings.HasPrefix(text, "-") && len(text) > 1 && strings.Trim(text[1:], "0123456789") == "":
			out = append(out, value{kind: kindNumber, text: text})
		default:
			out = append(out, value{kind: kindString, text: text})
		}
	}
	return out
}
