package catalog

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// A document is the OpenAPI document a catalog points at, as it read it:
// what an edit of it is made against.
type document struct {
	path string // as cited: relative to the catalog's directory when the catalog's path is
	abs  string
	data []byte
}

// A DocumentEdit inserts Text at Offset in the file at Path.
type DocumentEdit struct {
	Path    string // absolute
	Content []byte // the file's content the offset is in
	Offset  int
	Text    string
}

// AddResponses returns the edit that documents the error statuses for
// the operation o in the OpenAPI document the catalog points at: a
// response for each, described by its reason phrase, among o's error
// responses in status order. It reports false when the catalog has no
// document, o is not the document's, or the document does not write o's
// responses as a YAML block mapping, one key a line (a JSON document, a
// flow mapping): an edit there is not mechanical.
func (c *Catalog) AddResponses(o *Operation, statuses []int) (DocumentEdit, bool) {
	d := c.doc
	if d == nil || o.Pos.File != d.path || len(o.Responses) == 0 || len(statuses) == 0 {
		return DocumentEdit{}, false
	}
	lines := bytes.SplitAfter(d.data, []byte("\n"))
	starts := make([]int, len(lines)+1) // starts[i] is the offset of line i+1
	for i, l := range lines {
		starts[i+1] = starts[i] + len(l)
	}
	keys := slices.Clone(o.Responses)
	slices.SortFunc(keys, func(a, b *Response) int { return a.Pos.Line - b.Pos.Line })
	var indent int
	var quote string
	for i, r := range keys {
		ind, q, ok := blockKey(lines, r)
		if !ok || i > 0 && ind != indent {
			return DocumentEdit{}, false
		}
		if i == 0 {
			indent, quote = ind, q
		}
	}
	step := childIndent(lines, keys[0].Pos.Line, indent) - indent

	statuses = slices.Clone(statuses)
	slices.Sort(statuses)
	at := -1
	for _, r := range keys {
		if responseOrder(r) > statuses[0] {
			at = starts[r.Pos.Line-1] // before the first key after the status
			break
		}
	}
	prefix := ""
	if at < 0 {
		end := blockEnd(lines, keys[len(keys)-1].Pos.Line, indent)
		at = starts[end-1]
		if at == len(d.data) && len(d.data) > 0 && d.data[len(d.data)-1] != '\n' {
			prefix = "\n"
		}
	}
	var b strings.Builder
	b.WriteString(prefix)
	pad := strings.Repeat(" ", indent)
	for _, s := range statuses {
		fmt.Fprintf(&b, "%s%s%d%s:\n%s%sdescription: %s\n", pad, quote, s, quote, pad, strings.Repeat(" ", step), http.StatusText(s))
	}
	return DocumentEdit{Path: d.abs, Content: d.data, Offset: at, Text: b.String()}, true
}

// responseOrder places a response among statuses: its own, a class after
// the statuses it holds, default after every status.
func responseOrder(r *Response) int {
	switch {
	case r.Default:
		return 1000
	case r.Class != 0:
		return r.Class*100 + 99
	}
	return r.Status
}

// blockKey reports whether the response's key starts its line, after
// spaces only, as a block mapping's key: its indentation and the quote
// around it ("" for none).
func blockKey(lines [][]byte, r *Response) (indent int, quote string, ok bool) {
	if r.Pos.Line < 1 || r.Pos.Line > len(lines) || r.Pos.Col < 1 {
		return 0, "", false
	}
	line := string(lines[r.Pos.Line-1])
	indent = r.Pos.Col - 1
	if indent > len(line) || strings.TrimLeft(line[:indent], " ") != "" {
		return 0, "", false
	}
	key := line[indent:]
	if key != "" && (key[0] == '"' || key[0] == '\'') {
		quote = key[:1]
		key = key[1:]
	}
	rest, ok := cutFold(key, r.Key())
	if !ok {
		return 0, "", false
	}
	rest = strings.TrimPrefix(rest, quote)
	return indent, quote, strings.HasPrefix(rest, ":")
}

// cutFold is strings.CutPrefix without regard to case (4xx is 4XX).
func cutFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// childIndent is the indentation of the first line below line (1-based)
// that holds text, when it is deeper than indent: the document's step;
// indent+2 otherwise.
func childIndent(lines [][]byte, line, indent int) int {
	for _, l := range lines[line:] {
		t := strings.TrimRight(string(l), "\r\n")
		trimmed := strings.TrimLeft(t, " ")
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if n := len(t) - len(trimmed); n > indent {
			return n
		}
		break
	}
	return indent + 2
}

// blockEnd is the line (1-based) after the block of the key at line:
// the first line below it, with text, indented no deeper than the key;
// one past the last line at the end of the file.
func blockEnd(lines [][]byte, line, indent int) int {
	last := line // the block's last line with text
	for i := line; i < len(lines); i++ {
		t := strings.TrimRight(string(lines[i]), "\r\n")
		trimmed := strings.TrimLeft(t, " ")
		if trimmed == "" {
			continue
		}
		if len(t)-len(trimmed) <= indent {
			return last + 1
		}
		last = i + 1
	}
	return last + 1
}
