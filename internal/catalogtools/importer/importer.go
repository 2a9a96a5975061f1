// Package importer reads an API's error reference, as Markdown or as text
// flattened from HTML, and writes a catalog of its codes.
package importer

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/errcodelint/errcodelint/catalog"

	"github.com/errcodelint/errcodelint/internal/catalogtools/format"
	"github.com/errcodelint/errcodelint/internal/catalogtools/internal/text"
)

// Options tune Import.
type Options struct {
	API         string // written as the catalog's api when set
	NoSummaries bool   // leave the reference's descriptions out
}

// An Imported catalog is what Import read from a reference page.
type Imported struct {
	// Catalog holds the rows read, validated by Parse; its positions point
	// into the YAML that Format(Catalog) writes.
	Catalog *catalog.Catalog
	// Lines holds, for each of Catalog.Codes, the line of the reference
	// its row starts on.
	Lines []int
	// Rows counts the table rows found, whether read or not.
	Rows int
	// Unread lists the rows that could not be read, at their lines: they
	// are not in Catalog.
	Unread []*catalog.Error
	// Notes lists rows read with a guess worth reviewing.
	Notes []catalog.Warning
}

// Import reads an API's error reference, given as Markdown or as text
// flattened from HTML, and returns its codes as a catalog.
//
// It reads tables whose header row names an HTTP status column ("HTTP",
// "Status", "HTTP status", "HTTP Code"; "(reported)" marks reported
// statuses) and a code column ("Code", "Error code", "Type"), with
// optional name and description columns. Cells are separated by pipes or
// tabs; a row may run over several lines. Rows run together without
// separators ("51010403InvalidCsrSignature...") are read under a header
// such as "Error CodeHTTP CodeName": the last three digits are the
// status. The line before a table, when short, names its rows' group.
//
// Codes become templates where the reference marks a variable part:
// <name> and {name} become {name}, a "|variable" or ":variable" part
// becomes {variable}, and a code that ends in ":" or "|" gets a {param}
// part (noted). A status cell may list several statuses ("400, 404"), the
// first the default, each with its reason phrase or not ("404 Not
// Found"). An example JSON error body, when the page has one showing a
// code placeholder or a code of the tables, gives wire.code, wire.status
// and wire.prefix; without one, a note says wire.code keeps its default.
//
// Every table row is either in the catalog or in Unread with its line;
// none is dropped silently. Import fails only when the page has no table.
func Import(filename string, data []byte, opts Options) (*Imported, error) {
	r := &reader{file: filename, lines: splitLines(string(data)), opts: opts, seen: make(map[string]int)}
	r.read()
	if r.tables == 0 {
		return nil, &catalog.Error{Pos: catalog.Pos{File: filename, Line: 1, Col: 1},
			Msg: "no error-code table found; want a header row with an HTTP status column and a code column"}
	}
	return r.result()
}

// splitLines splits text into lines, dropping "\r" line ends.
func splitLines(s string) []string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	if n := len(lines); n > 0 && lines[n-1] == "" {
		lines = lines[:n-1]
	}
	return lines
}

// An importedRow is one row read from a table.
type importedRow struct {
	line     int
	code     string
	numeric  bool
	n        int64
	statuses []int // the first is the default
	name     string
	group    string
	summary  string
	reported bool
}

type reader struct {
	file   string
	lines  []string
	opts   Options
	tables int
	rows   []importedRow
	total  int
	unread []*catalog.Error
	notes  []catalog.Warning
	seen   map[string]int // code → line of the row that has it
	names  map[string]int // name → line
}

func (r *reader) errorf(line int, format string, args ...any) {
	r.unread = append(r.unread, &catalog.Error{Pos: catalog.Pos{File: r.file, Line: line, Col: 1}, Msg: fmt.Sprintf(format, args...)})
}

func (r *reader) notef(line int, format string, args ...any) {
	r.notes = append(r.notes, catalog.Warning{Pos: catalog.Pos{File: r.file, Line: line, Col: 1}, Msg: fmt.Sprintf(format, args...)})
}

// read walks the page: tables are read where a header row starts one;
// other lines may be headings for the next table.
func (r *reader) read() {
	heading := ""
	for i := 0; i < len(r.lines); {
		line := strings.TrimSpace(r.lines[i])
		if h, ok := parseHeader(line); ok {
			r.tables++
			i = r.readTable(i, h, groupName(heading))
			heading = ""
			continue
		}
		if h, ok := parseRunHeader(line); ok && r.runRowFollows(i) {
			r.tables++
			i = r.readRunTable(i, h, groupName(heading))
			heading = ""
			continue
		}
		if line != "" {
			heading = line
		}
		i++
	}
}

// groupName turns the line before a table into a group name: a short
// line, without Markdown heading marks, anchors ("Not found#") or a
// parenthesized range ("(Error Codes 10-19)"). Long lines are prose.
func groupName(line string) string {
	line = strings.TrimSpace(strings.TrimLeft(line, "#"))
	line = strings.TrimSpace(strings.TrimRight(line, "#:"))
	if i := strings.LastIndex(line, " ("); i > 0 && strings.HasSuffix(line, ")") {
		line = strings.TrimSpace(line[:i])
	}
	if line == "" || utf8.RuneCountInString(line) > 60 || strings.HasSuffix(line, ".") || strings.ContainsAny(line, "{}|") {
		return ""
	}
	return line
}

// A header says which columns of a table hold what.
type header struct {
	ncols                      int
	status, code, name, detail int // column indexes; -1 when absent
	reported                   bool
	tabs                       bool // cells are separated by tabs, not pipes
}

// parseHeader recognizes a table's header row: cells separated by pipes
// or tabs, one naming the HTTP status and one the code.
func parseHeader(line string) (header, bool) {
	var cells []string
	h := header{status: -1, code: -1, name: -1, detail: -1}
	switch {
	case strings.Contains(line, "|"):
		cells, _ = splitCells(line)
	case strings.Contains(line, "\t"):
		cells, h.tabs = strings.Split(line, "\t"), true
	default:
		return h, false
	}
	if len(cells) < 2 {
		return h, false
	}
	h.ncols = len(cells)
	for i, cell := range cells {
		switch k := strings.ToLower(cleanCell(cell)); {
		case h.status < 0 && isStatusHeading(k):
			h.status = i
			h.reported = strings.Contains(k, "reported")
		case h.code < 0 && (strings.Contains(k, "code") || k == "type" || k == "error" || strings.HasSuffix(k, " type")):
			h.code = i
		case h.name < 0 && k == "name":
			h.name = i
		case h.detail < 0 && isDetailHeading(k):
			h.detail = i
		}
	}
	return h, h.status >= 0 && h.code >= 0
}

func isStatusHeading(k string) bool {
	return strings.Contains(k, "http") || k == "status" || k == "status code"
}

func isDetailHeading(k string) bool {
	switch k {
	case "description", "meaning", "cause", "details", "detail", "message", "explanation", "summary":
		return true
	}
	return false
}

// splitCells splits a pipe table line into cells. A pipe separates cells
// when it starts or ends the line or has white space beside it, so codes
// such as "not_found|order" stay whole. closed reports whether the line
// ends with a pipe; a line that does not may go on on the next line.
func splitCells(line string) (cells []string, closed bool) {
	line = strings.TrimSpace(line)
	if rest, ok := strings.CutSuffix(line, "|"); ok {
		line, closed = rest, true
	}
	line = strings.TrimPrefix(line, "|")
	start := 0
	for i := 0; i < len(line); i++ {
		if line[i] != '|' {
			continue
		}
		spaceBefore := i > 0 && isSpaceByte(line[i-1])
		spaceAfter := i+1 < len(line) && isSpaceByte(line[i+1])
		if spaceBefore || spaceAfter || i == 0 || i == len(line)-1 {
			cells = append(cells, strings.TrimSpace(line[start:i]))
			start = i + 1
		}
	}
	cells = append(cells, strings.TrimSpace(line[start:]))
	return cells, closed
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' }

// cleanCell strips Markdown emphasis, code marks and anchors from a cell.
func cleanCell(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, "#")
	for _, mark := range []string{"**", "__", "`"} {
		if strings.HasPrefix(s, mark) && strings.HasSuffix(s, mark) && len(s) >= 2*len(mark) {
			s = s[len(mark) : len(s)-len(mark)]
		}
	}
	return strings.TrimSpace(s)
}

var separatorRow = regexp.MustCompile(`^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$`)

// A rowBuf gathers a row's cells over the lines it spans.
type rowBuf struct {
	line  int
	cells []string
	open  bool // the last line ended inside a cell
}

// readTable reads the rows after the header at lines[start] and returns
// the index of the first line after the table. The table ends at a blank
// line or at a line without cells.
func (r *reader) readTable(start int, h header, group string) int {
	var cur *rowBuf
	flush := func() {
		if cur != nil {
			r.row(cur, h, group)
			cur = nil
		}
	}
	i := start + 1
	for ; i < len(r.lines); i++ {
		line := strings.TrimSpace(r.lines[i])
		if line == "" {
			break
		}
		if separatorRow.MatchString(line) {
			continue
		}
		if h.tabs {
			if !strings.Contains(line, "\t") {
				break
			}
			flush()
			cur = &rowBuf{line: i + 1, cells: strings.Split(line, "\t")}
			continue
		}
		cells, closed := splitCells(line)
		hasPipe := strings.Contains(line, "|")
		if !hasPipe {
			cells = []string{line}
		}
		switch {
		case cur != nil && len(cur.cells) >= h.ncols && startsRow(cells, h):
			// A new row, though the last one's final cell did not close.
			flush()
			cur = &rowBuf{line: i + 1, cells: cells, open: !closed}
		case cur != nil && cur.open:
			// The line goes on with the last row's open cell.
			cur.cells[len(cur.cells)-1] = joinText(cur.cells[len(cur.cells)-1], cells[0])
			cur.cells = append(cur.cells, cells[1:]...)
			cur.open = !closed
		case !hasPipe:
			flush()
			return i
		case cur != nil && len(cur.cells) < h.ncols && !startsRow(cells, h):
			// The line holds the last row's remaining cells.
			cur.cells = append(cur.cells, cells...)
			cur.open = !closed
		default:
			flush()
			cur = &rowBuf{line: i + 1, cells: cells, open: !closed}
		}
	}
	flush()
	return i
}

func joinText(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// startsRow reports whether cells read as the start of a row: a status
// and a code where the header puts them.
func startsRow(cells []string, h header) bool {
	if len(cells) <= max(h.status, h.code) {
		return false
	}
	if _, err := parseStatuses(cells[h.status]); err != nil {
		return false
	}
	code := cleanCell(cells[h.code])
	return code != "" && !strings.ContainsAny(code, " \t")
}

// row reads one gathered row.
func (r *reader) row(b *rowBuf, h header, group string) {
	r.total++
	cell := func(i int) string {
		if i < 0 || i >= len(b.cells) {
			return ""
		}
		return b.cells[i]
	}
	if len(b.cells) <= max(h.status, h.code) {
		r.errorf(b.line, "row has %s; the header wants a status in column %d and a code in column %d",
			text.Count(len(b.cells), "cell", "cells"), h.status+1, h.code+1)
		return
	}
	statuses, err := parseStatuses(cell(h.status))
	if err != nil {
		r.errorf(b.line, "%v", err)
		return
	}
	r.add(importedRow{
		line:     b.line,
		code:     cleanCell(cell(h.code)),
		statuses: statuses,
		name:     cleanCell(cell(h.name)),
		group:    group,
		summary:  cell(h.detail),
		reported: h.reported,
	})
}

// statusPart is one status of a status cell: three digits, optionally
// followed by the reason phrase ("404 Not Found").
var statusPart = regexp.MustCompile(`^(\d{3})(?:\s+[A-Za-z][A-Za-z' -]*)?$`)

// parseStatuses reads a status cell: one HTTP error status, 400 to 599,
// or several separated by commas, slashes or "or" ("400, 404"); each may
// carry its reason phrase ("404 Not Found"). The first is the default.
func parseStatuses(cell string) ([]int, error) {
	s := cleanCell(cell)
	if s == "" {
		return nil, errors.New("status cell is empty")
	}
	var out []int
	for _, part := range statusSeparators.Split(s, -1) {
		part = strings.TrimSpace(part)
		m := statusPart.FindStringSubmatch(part)
		if m == nil {
			return nil, fmt.Errorf("status cell %q is not an HTTP status", catalog.Truncate(s))
		}
		n, _ := strconv.Atoi(m[1])
		switch {
		case n < 400 || n > 599:
			return nil, fmt.Errorf("status %d is not an error status (4xx or 5xx)", n)
		case slices.Contains(out, n):
			return nil, fmt.Errorf("status cell %q lists %d twice", catalog.Truncate(s), n)
		}
		out = append(out, n)
	}
	return out, nil
}

// statusSeparators split a cell of several statuses.
var statusSeparators = regexp.MustCompile(`\s*(?:,|/|\bor\b)\s*`)

// A runHeader is the header of a table whose rows run together: digits
// (code then status), then a name and a description.
type runHeader struct {
	name bool // rows carry a name after the digits
}

// parseRunHeader recognizes headers such as "SubsystemError
// CodeHTTP CodeNameDetails": no cell separators, a code and an HTTP column.
func parseRunHeader(line string) (runHeader, bool) {
	k := strings.ToLower(line)
	if strings.ContainsAny(line, "|\t") || len(line) > 80 || !strings.Contains(k, "code") || !strings.Contains(k, "http") {
		return runHeader{}, false
	}
	return runHeader{name: strings.Contains(k, "name")}, true
}

var runRow = regexp.MustCompile(`^(\d+)(\D.*)?$`)

// runRowFollows reports whether the line after lines[i] reads as a
// run-together row: a header alone does not make a table.
func (r *reader) runRowFollows(i int) bool {
	return i+1 < len(r.lines) && runRowStart.MatchString(strings.TrimSpace(r.lines[i+1]))
}

var runRowStart = regexp.MustCompile(`^\d{4,}[A-Za-z]`)

// readRunTable reads the rows after a run-together header. A line that
// does not start with digits goes on with the last row's description.
func (r *reader) readRunTable(start int, h runHeader, group string) int {
	var last *importedRow
	flush := func() {
		if last != nil {
			r.add(*last)
			last = nil
		}
	}
	i := start + 1
	for ; i < len(r.lines); i++ {
		line := strings.TrimSpace(r.lines[i])
		if line == "" {
			break
		}
		m := runRow.FindStringSubmatch(line)
		if m == nil {
			if last == nil {
				break
			}
			last.summary = joinText(last.summary, line)
			continue
		}
		flush()
		r.total++
		row, err := parseRunRow(m[1], m[2], h)
		if err != nil {
			r.errorf(i+1, "%v", err)
			continue
		}
		row.line, row.group = i+1, group
		last = &row
	}
	flush()
	return i
}

// parseRunRow splits a run-together row: the digits are the code then a
// three-digit status; the name is the identifier that follows, up to the
// capitalized word that starts the description ("InvalidCsrSignatureThe
// provided...").
func parseRunRow(digits, rest string, h runHeader) (importedRow, error) {
	if len(digits) < 4 {
		return importedRow{}, fmt.Errorf("row starts with %q: too few digits for a code and a status", digits)
	}
	code, statusText := digits[:len(digits)-3], digits[len(digits)-3:]
	statuses, err := parseStatuses(statusText)
	if err != nil {
		return importedRow{}, fmt.Errorf("row %s%s...: %v", code, statusText, err)
	}
	n, err := strconv.ParseInt(code, 10, 64)
	if err != nil {
		return importedRow{}, fmt.Errorf("code %s is out of range", code)
	}
	row := importedRow{code: code, numeric: true, n: n, statuses: statuses, summary: strings.TrimSpace(rest)}
	if h.name {
		row.name, row.summary = splitName(rest)
	}
	return row, nil
}

// splitName splits "InvalidCsrSignatureThe provided CSR..." into the name
// and the description.
func splitName(s string) (name, rest string) {
	end := strings.IndexFunc(s, func(r rune) bool { return !isIdentRune(r) })
	if end < 0 {
		return s, ""
	}
	word := s[:end]
	// The description's first word is the last capital in the run that
	// starts a word: "...SignatureThe", "...NotFoundA".
	for i := len(word) - 1; i > 0; i-- {
		if unicode.IsUpper(rune(word[i])) && (i == len(word)-1 || !unicode.IsUpper(rune(word[i+1]))) {
			return word[:i], strings.TrimSpace(s[i:])
		}
	}
	return word, strings.TrimSpace(s[end:])
}

func isIdentRune(r rune) bool {
	return r == '_' || r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// add checks a row's code and keeps it, or reports why it cannot.
func (r *reader) add(row importedRow) {
	if !row.numeric {
		code, note, err := importCode(row.code)
		if err != nil {
			r.errorf(row.line, "%v", err)
			return
		}
		if note != "" {
			r.notef(row.line, "%s", note)
		}
		row.code = code
		if n, err := strconv.ParseInt(code, 10, 64); err == nil && strconv.FormatInt(n, 10) == code && n >= 0 {
			row.numeric, row.n = true, n
		}
	}
	if first, ok := r.seen[row.code]; ok {
		r.errorf(row.line, "duplicate code %q (first at line %d)", row.code, first)
		return
	}
	r.seen[row.code] = row.line
	if row.name != "" && !catalog.IsTemplateVar(row.name) {
		r.notef(row.line, "name %q is not an identifier; left out", row.name)
		row.name = ""
	}
	if row.name != "" {
		if r.names == nil {
			r.names = make(map[string]int)
		}
		if first, ok := r.names[row.name]; ok {
			r.notef(row.line, "name %q repeats the one at line %d; left out", row.name, first)
			row.name = ""
		} else {
			r.names[row.name] = row.line
		}
	}
	r.rows = append(r.rows, row)
}

var (
	angleVar    = regexp.MustCompile(`<([^<>]+)>`)
	templateVar = regexp.MustCompile(`\{[^{}]*\}`)
	bareVar     = regexp.MustCompile(`("\s*:\s*)<[^<>"]*>`)
	// variableWord is a part the reference writes as "variable": "|variable".
	variableWord = regexp.MustCompile(`([|:])(?i:variable|var)\b`)
)

// importCode turns a code cell into a catalog code: marked variable parts
// become {name} template parts. note explains a guess.
func importCode(s string) (code, note string, err error) {
	s = strings.Trim(cleanCell(s), `"'`)
	code = angleVar.ReplaceAllStringFunc(s, func(m string) string {
		return "{" + varName(m[1:len(m)-1]) + "}"
	})
	switch {
	case s == "":
		return "", "", errors.New("code cell is empty")
	case strings.ContainsAny(code, " \t"):
		return "", "", fmt.Errorf("code cell %q is not a code: it has spaces", s)
	}
	code = variableWord.ReplaceAllString(code, "${1}{variable}")
	if strings.HasSuffix(code, ":") || strings.HasSuffix(code, "|") {
		note = fmt.Sprintf("code %q ends in a separator; read as the template %q", s, code+"{param}")
		code += "{param}"
	}
	code = numberVars(code)
	if _, err := catalog.ParseTemplate(code); err != nil {
		return "", "", fmt.Errorf("code cell %q: %v", s, err)
	}
	return code, note, nil
}

// varName makes an identifier of a placeholder's text: "param.name" stays,
// "error code" reads "error_code".
func varName(s string) string {
	s = strings.Map(func(r rune) rune {
		if isIdentRune(r) || r == '.' {
			return r
		}
		return '_'
	}, strings.TrimSpace(s))
	s = strings.Trim(s, "._")
	if s == "" || !catalog.IsTemplateVar(s) {
		return "param"
	}
	return s
}

// numberVars renames repeated template variables: "{variable}|{variable}"
// becomes "{variable}|{variable2}".
func numberVars(code string) string {
	count := make(map[string]int)
	return templateVar.ReplaceAllStringFunc(code, func(m string) string {
		name := m[1 : len(m)-1]
		count[name]++
		if n := count[name]; n > 1 {
			return "{" + name + strconv.Itoa(n) + "}"
		}
		return m
	})
}

// result builds the catalog from the rows.
func (r *reader) result() (*Imported, error) {
	wire, found := r.sniffWire()
	if !found && len(r.rows) > 0 {
		r.notef(1, "no example error body shows where codes travel; wire.code is left at its default %q, a top-level field", "code")
	}
	draft := &catalog.Catalog{Version: 1, API: r.opts.API, Wire: wire}
	numeric := len(r.rows) > 0
	for _, row := range r.rows {
		numeric = numeric && row.numeric
	}
	var lines []int
	for _, row := range r.rows {
		value := row.code
		if p := draft.Wire.Prefix; p != "" && !row.numeric {
			value = strings.TrimPrefix(value, p)
		}
		code := &catalog.Code{Value: value, Numeric: numeric, Int: row.n, Status: row.statuses[0], Statuses: row.statuses, Name: row.name,
			Group: row.group, Reported: row.reported}
		if !r.opts.NoSummaries {
			code.Summary = summarize(row.summary)
		}
		draft.Codes = append(draft.Codes, code)
		lines = append(lines, row.line)
	}
	im := &Imported{Lines: lines, Rows: r.total, Unread: r.unread, Notes: r.notes}
	if len(draft.Codes) == 0 {
		return im, &catalog.Error{Pos: catalog.Pos{File: r.file, Line: 1, Col: 1}, Msg: "no row of the tables could be read"}
	}
	c, err := catalog.Parse(r.file, format.Format(draft))
	if err != nil {
		return im, fmt.Errorf("the imported catalog does not load: %w", err)
	}
	im.Catalog = c
	return im, nil
}

// summarize keeps a description's first sentence, without its final
// period, shortened to at most 120 characters at a word boundary.
func summarize(s string) string {
	s = text.OneLine(s)
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSuffix(s, ".")
	const most = 120
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	cut := string([]rune(s)[:most])
	if i := strings.LastIndex(cut, " "); i > most/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// sniffWire reads the first example JSON error body on the page whose
// code field holds a placeholder such as "<code>" or "<error_code>", or a
// code of the tables ("user_not_found", or a prefixed one such as
// "urn:ietf:params:acme:error:badNonce"), and returns where the code
// travels, with its prefix and a status field. found is false when no
// example body shows it.
func (r *reader) sniffWire() (w catalog.Wire, found bool) {
	codes := make(map[string]bool, len(r.rows))
	for _, row := range r.rows {
		codes[row.code] = true
	}
	for i := 0; i < len(r.lines); i++ {
		if !strings.HasPrefix(strings.TrimSpace(r.lines[i]), "{") {
			continue
		}
		text, ok := jsonBlock(r.lines[i:])
		if !ok {
			continue
		}
		var v any
		if json.Unmarshal([]byte(unquotedPlaceholders(text)), &v) != nil {
			continue
		}
		if w, ok := findCode(v, "", codes); ok {
			w.CodePath, _ = catalog.ParsePath(w.Code)
			return w, true
		}
	}
	return catalog.Wire{}, false
}

// jsonBlock returns the lines from lines[0] up to the line that closes
// the first brace, at most 40 lines.
func jsonBlock(lines []string) (string, bool) {
	depth := 0
	var b strings.Builder
	for i, line := range lines {
		if i == 40 {
			break
		}
		b.WriteString(line)
		b.WriteByte('\n')
		depth += strings.Count(line, "{") - strings.Count(line, "}")
		if depth <= 0 {
			return b.String(), true
		}
	}
	return "", false
}

// unquotedPlaceholders turns placeholders outside strings, as in
// `"status": <http_status_code>`, into a number so that the text parses.
func unquotedPlaceholders(s string) string {
	return bareVar.ReplaceAllString(s, "${1}0")
}

var codePlaceholder = regexp.MustCompile(`<[^<>]*(?i:code|type)[^<>]*>`)

// knownCode reports whether an example body's value is a code of the
// tables, and the prefix it travels with: "badNonce", or
// "urn:ietf:params:acme:error:badNonce" where the tables list badNonce.
func knownCode(v any, key string, codes map[string]bool) (prefix string, ok bool) {
	switch v := v.(type) {
	case string:
		if codes[v] {
			return "", true
		}
		// The longest code the value ends with, after a separator.
		best := ""
		for i := len(v) - 1; i > 0; i-- {
			if strings.ContainsRune(":/#.", rune(v[i-1])) && codes[v[i:]] && len(v[i:]) > len(best) {
				best = v[i:]
			}
		}
		if best != "" {
			return v[:len(v)-len(best)], true
		}
	case float64:
		// A numeric code, unless the field is the body's status.
		if v == math.Trunc(v) && v >= 0 && v < 1<<53 && !strings.Contains(strings.ToLower(key), "status") {
			return "", codes[strconv.FormatInt(int64(v), 10)]
		}
	}
	return "", false
}

// findCode finds, in a decoded example body, the field whose string holds
// a code placeholder or a code of the tables; the numeric field named like
// a status beside it is the body's status field.
func findCode(v any, path string, codes map[string]bool) (catalog.Wire, bool) {
	switch v := v.(type) {
	case map[string]any:
		for _, key := range sortedKeys(v) {
			s, _ := v[key].(string)
			var w catalog.Wire
			if loc := codePlaceholder.FindStringIndex(s); loc != nil {
				w = catalog.Wire{Code: catalog.JoinPath(path, key), Prefix: s[:loc[0]]}
			} else if prefix, ok := knownCode(v[key], key, codes); ok {
				w = catalog.Wire{Code: catalog.JoinPath(path, key), Prefix: prefix}
			} else {
				continue
			}
			for _, k := range sortedKeys(v) {
				if _, num := v[k].(float64); num && strings.Contains(strings.ToLower(k), "status") {
					w.Status = catalog.JoinPath(path, k)
					w.StatusPath, _ = catalog.ParsePath(w.Status)
					break
				}
			}
			return w, true
		}
		for _, key := range sortedKeys(v) {
			if w, ok := findCode(v[key], catalog.JoinPath(path, key), codes); ok {
				return w, true
			}
		}
	case []any:
		for _, x := range v {
			if w, ok := findCode(x, catalog.JoinPath(path, "[]"), codes); ok {
				return w, true
			}
		}
	}
	return catalog.Wire{}, false
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
