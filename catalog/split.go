package catalog

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// A large catalog is a long list of codes. Parsed whole, its YAML tree
// costs some twenty times the file (a 15 MB catalog of 280,000 codes took
// 550 MB of heap); read in parts, the tree of one part at a time is alive,
// and the catalog costs what its codes do.
//
// splitCodes cuts the block list under the top-level key codes into parts
// of at most splitItems entries, cutting only where an entry starts at the
// list's indentation, and replaces the list in the rest of the file by an
// empty flow list at the same place, its lines left blank so that every
// position stays. Each part is parsed as a list of its own, its positions
// moved to the file's lines. A file whose layout is not this plain shape
// (a flow list, carriage returns, no entry) is not split, and any YAML
// error in the rest or a part sends the whole file to the ordinary parse,
// so that errors read the same either way; what only YAML across parts
// allows (an alias to an anchor of another part) is such an error.

// splitMin is the size from which Parse reads the codes in parts; a
// variable for tests.
var splitMin = 1 << 20

// splitItems is how many entries of codes a part holds; a variable for
// tests.
var splitItems = 2000

// A codePart is a run of entries of codes, as text, and the file's line
// where it starts.
type codePart struct {
	line int
	text []byte // part of the file's data, not a copy
}

// A split is a catalog file cut for reading in parts.
type split struct {
	rest      []byte // the file, the list replaced by "codes: []"
	codesLine int    // the line of the key codes
	parts     []codePart
}

// A line is one line of a file: its number, and where it starts and ends
// (after its newline) in the data.
type line struct {
	n          int
	start, end int
}

// lines yields the lines of data.
func lines(data []byte) func(func(line) bool) {
	return func(yield func(line) bool) {
		for n, start := 1, 0; start < len(data); n++ {
			end := len(data)
			if i := bytes.IndexByte(data[start:], '\n'); i >= 0 {
				end = start + i + 1
			}
			if !yield(line{n, start, end}) {
				return
			}
			start = end
		}
	}
}

// splitCodes cuts data as described above, or reports false.
func splitCodes(data []byte) (split, bool) {
	if bytes.IndexByte(data, '\r') >= 0 {
		return split{}, false
	}
	var key line
	for l := range lines(data) {
		if isCodesKey(data[l.start:l.end]) {
			key = l
			break
		}
	}
	if key.n == 0 {
		return split{}, false
	}
	end, items := listExtent(data, key.end, key.n)
	if len(items) == 0 {
		return split{}, false
	}
	s := split{codesLine: key.n}
	for k := 0; k < len(items); k += splitItems {
		to := end
		if k+splitItems < len(items) {
			to = items[k+splitItems].start
		}
		s.parts = append(s.parts, codePart{line: items[k].n, text: data[items[k].start:to]})
	}
	// The rest: the list's lines left blank.
	blank := bytes.Count(data[key.end:end], []byte("\n"))
	if end == len(data) && end > key.end && data[end-1] != '\n' {
		blank++
	}
	rest := make([]byte, 0, key.start+len("codes: []\n")+blank+len(data)-end)
	rest = append(rest, data[:key.start]...)
	rest = append(rest, "codes: []\n"...)
	rest = append(rest, bytes.Repeat([]byte("\n"), blank)...)
	s.rest = append(rest, data[end:]...)
	return s, true
}

// isCodesKey reports whether the line is the top-level key codes with its
// value on the lines below: "codes:", perhaps with a comment.
func isCodesKey(l []byte) bool {
	rest, ok := bytes.CutPrefix(l, []byte("codes:"))
	if !ok {
		return false
	}
	rest = bytes.TrimLeft(rest, " ")
	return len(rest) == 0 || rest[0] == '\n' || rest[0] == '#' && len(l)-len(rest) > len("codes:")
}

// listExtent finds the block list that starts at offset from, after line
// above: it returns the offset just after it, and the lines where its
// entries start ("- " at the indentation of the first). No entry means no
// plain block list.
func listExtent(data []byte, from, above int) (end int, items []line) {
	indent := -1
	for l := range lines(data[from:]) {
		l.n, l.start, l.end = l.n+above, l.start+from, l.end+from
		text := data[l.start:l.end]
		trimmed := bytes.TrimLeft(text, " ")
		n := len(text) - len(trimmed)
		blank := len(bytes.TrimSpace(trimmed)) == 0 || trimmed[0] == '#'
		switch {
		case blank:
			continue
		case indent < 0:
			if !isEntry(trimmed) {
				return l.start, nil
			}
			indent = n
		case n < indent || n == 0 && !isEntry(trimmed):
			return l.start, items
		}
		if n == indent && isEntry(trimmed) {
			items = append(items, l)
		}
	}
	return len(data), items
}

// isEntry reports whether a line, its indentation removed, starts a list
// entry.
func isEntry(trimmed []byte) bool {
	return len(trimmed) >= 2 && trimmed[0] == '-' && (trimmed[1] == ' ' || trimmed[1] == '\n')
}

// parseSplit parses a split catalog. It reports false when any part is not
// YAML of the expected shape, or when the rest does not hold the codes
// where the list was: the caller then parses the whole file.
func (p *parser) parseSplit(s split) (*Catalog, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal(s.rest, &doc); err != nil {
		return nil, false
	}
	p.parts = &s
	c := p.catalog(&doc)
	return c, p.partsRead && !p.partFailed
}

// splitCodesNode reports whether n is the empty list that stands for the
// codes read in parts.
func (p *parser) splitCodesNode(n *yaml.Node) bool {
	return p.parts != nil && n.Kind == yaml.SequenceNode && n.Style == yaml.FlowStyle &&
		len(n.Content) == 0 && n.Line == p.parts.codesLine
}

// codesInParts reads the parts of codes into c; on a part that is not a
// plain YAML list it sets partFailed and stops.
func (p *parser) codesInParts(c *Catalog) {
	p.partsRead = true
	cs := newCodeSet(p, c)
	for _, part := range p.parts.parts {
		var doc yaml.Node
		if err := yaml.Unmarshal(part.text, &doc); err != nil ||
			doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.SequenceNode {
			p.partFailed = true
			return
		}
		list := doc.Content[0]
		moveLines(list, part.line-1)
		for _, item := range list.Content {
			cs.add(item)
		}
	}
	cs.finish()
}

// moveLines adds delta to the line of n and of every node under it.
func moveLines(n *yaml.Node, delta int) {
	n.Line += delta
	for _, k := range n.Content {
		moveLines(k, delta)
	}
}
