package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// Both engines end in the same place: a JSON tree (package ID → pass →
// diagnostics, or {"error": ...} when the pass failed), printed here in the
// format -format asks for. The exit status does not depend on the format:
// 1 if a pass failed, else 3 if there are findings, else 0.

// formats are the values of -format.
var formats = []string{"text", "json", "sarif", "github"}

// repoURL is where errcodelint lives: SARIF's informationUri.
const repoURL = "https://github.com/errcodelint/errcodelint"

// formatFlag is -format: one of formats.
type formatFlag struct{ format *string }

func (f formatFlag) String() string {
	if f.format == nil {
		return ""
	}
	return *f.format
}

func (f formatFlag) Set(s string) error {
	if !slices.Contains(formats, s) {
		return fmt.Errorf("want one of %s", strings.Join(formats, ", "))
	}
	*f.format = s
	return nil
}

// jsonAlias is -json, which stands for -format json.
type jsonAlias struct{ format *string }

func (jsonAlias) IsBoolFlag() bool { return true }
func (jsonAlias) String() string   { return "" }

func (j jsonAlias) Set(s string) error {
	on, err := strconv.ParseBool(s)
	switch {
	case err != nil:
		return err
	case on:
		*j.format = "json"
	case *j.format == "json":
		*j.format = "text"
	}
	return nil
}

// A jsonTree is what a unit prints with -json: package ID → analyzer name
// → diagnostics or {"error": ...}.
type jsonTree map[string]map[string]json.RawMessage

// decodeTrees merges the JSON trees in r (go vet prints one per package)
// and drops the duplicates of test variants (dropTestDuplicates).
func decodeTrees(r io.Reader) (jsonTree, error) {
	all := make(jsonTree)
	dec := json.NewDecoder(r)
	for {
		var t jsonTree
		if err := dec.Decode(&t); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		for id, byPass := range t {
			if all[id] == nil {
				all[id] = make(map[string]json.RawMessage)
			}
			for name, v := range byPass {
				all[id][name] = v
			}
		}
	}
	dropTestDuplicates(all)
	return all, nil
}

// dropTestDuplicates removes from each test variant of a package ("p
// [p.test]", the package compiled with its _test.go files) the diagnostics
// that the package itself ("p") has too, identical: the in-process driver
// analyzes both and reports the package's own files twice. A pass left
// with nothing, and a package left with no pass, are removed, as the
// drivers leave out a package with no diagnostics.
func dropTestDuplicates(t jsonTree) {
	for id, byPass := range t {
		plain, _, isVariant := strings.Cut(id, " [")
		if !isVariant || t[plain] == nil {
			continue
		}
		for pass, raw := range byPass {
			own, ok1 := diagnosticSet(t[plain][pass])
			diags, ok2 := splitDiagnostics(raw)
			if !ok1 || !ok2 {
				continue // an error, which is kept
			}
			kept := slices.DeleteFunc(diags, func(d json.RawMessage) bool { return own[string(d)] })
			if len(kept) == 0 {
				delete(byPass, pass)
				continue
			}
			data, err := json.Marshal(kept)
			if err == nil {
				byPass[pass] = data
			}
		}
		if len(byPass) == 0 {
			delete(t, id)
		}
	}
}

// splitDiagnostics splits a pass's list of diagnostics into its elements,
// each compacted; it reports false for an error object.
func splitDiagnostics(raw json.RawMessage) ([]json.RawMessage, bool) {
	var diags []json.RawMessage
	if json.Unmarshal(raw, &diags) != nil {
		return nil, false
	}
	for i, d := range diags {
		var b bytes.Buffer
		if json.Compact(&b, d) == nil {
			diags[i] = b.Bytes()
		}
	}
	return diags, true
}

// diagnosticSet is the set of a pass's diagnostics, compacted.
func diagnosticSet(raw json.RawMessage) (map[string]bool, bool) {
	if raw == nil {
		return nil, true
	}
	diags, ok := splitDiagnostics(raw)
	set := make(map[string]bool)
	for _, d := range diags {
		set[string(d)] = true
	}
	return set, ok
}

type jsonDiagnostic struct {
	Category string        `json:"category"`
	Posn     string        `json:"posn"`
	End      string        `json:"end"`
	Message  string        `json:"message"`
	Fixes    []jsonFix     `json:"suggested_fixes"`
	Related  []jsonRelated `json:"related"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"` // byte offsets in the file
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

// A finding is one diagnostic of a pass.
type finding struct {
	pass string
	jsonDiagnostic
	at position
}

// check is the name the finding's check goes by in directives
// (//lint:ignore errcode/status), -NAME.checks and help: its Category,
// which is the check's ID, "pass/check"; a Category without the pass in
// it gets it; no Category, the pass's name.
func (f finding) check() string {
	switch {
	case f.Category == "":
		return f.pass
	case strings.HasPrefix(f.Category, f.pass+"/"):
		return f.Category
	}
	return f.pass + "/" + f.Category
}

// A passError is an error passes failed with: the passes that said it
// (sorted), and what they said.
type passError struct {
	passes  []string
	message string
}

// who is what printed an error: its pass, or errcodelint when several
// passes failed with it (a catalog that does not load fails them all).
func (e passError) who() string {
	if len(e.passes) == 1 {
		return e.passes[0]
	}
	return "errcodelint"
}

// results are the findings of a tree, each once, sorted by position
// (file, line, column), then pass and message; and the passes' errors,
// each message once, in the order of the first package and pass that
// said it: every package a broken catalog governs fails every pass with
// the same error.
type results struct {
	findings []finding
	errs     []passError
}

func collect(t jsonTree) results {
	var res results
	type key struct{ pass, posn, end, message string }
	seen := make(map[key]bool)
	for _, id := range sortedKeys(t) {
		for _, pass := range sortedKeys(t[id]) {
			diags, err := readPass(t[id][pass])
			if err != "" {
				res.addError(pass, err)
				continue
			}
			for _, d := range diags {
				k := key{pass, d.Posn, d.End, d.Message}
				if seen[k] {
					continue // the same finding in another package (a test variant)
				}
				seen[k] = true
				res.findings = append(res.findings, finding{pass, d, parsePosn(d.Posn)})
			}
		}
	}
	slices.SortFunc(res.findings, func(a, b finding) int {
		return cmp.Or(
			cmp.Compare(a.at.file, b.at.file),
			cmp.Compare(a.at.line, b.at.line),
			cmp.Compare(a.at.col, b.at.col),
			cmp.Compare(a.pass, b.pass),
			cmp.Compare(a.Message, b.Message),
			cmp.Compare(a.End, b.End),
		)
	})
	return res
}

// addError adds that pass failed with message.
func (res *results) addError(pass, message string) {
	i := slices.IndexFunc(res.errs, func(e passError) bool { return e.message == message })
	if i < 0 {
		res.errs = append(res.errs, passError{message: message})
		i = len(res.errs) - 1
	}
	e := &res.errs[i]
	if !slices.Contains(e.passes, pass) {
		e.passes = append(e.passes, pass)
		slices.Sort(e.passes)
	}
}

// readPass reads what a pass gave on a package: its diagnostics, or the
// error it failed with.
func readPass(raw json.RawMessage) ([]jsonDiagnostic, string) {
	if bytes.HasPrefix(bytes.TrimSpace(raw), []byte("{")) {
		var e struct {
			Err string `json:"error"`
		}
		_ = json.Unmarshal(raw, &e)
		return nil, cmp.Or(e.Err, "failed")
	}
	var diags []jsonDiagnostic
	if err := json.Unmarshal(raw, &diags); err != nil {
		return nil, fmt.Sprintf("reading diagnostics: %v", err)
	}
	return diags, ""
}

// status is the exit status for res: 1 if a pass failed, else 3 if there
// are findings, else 0.
func (res results) status() int {
	switch {
	case len(res.errs) > 0:
		return 1
	case len(res.findings) > 0:
		return 3
	}
	return 0
}

// A position is a "file:line:col" of a diagnostic, split; line and col are
// 0 when the position has none.
type position struct {
	file      string
	line, col int
}

func parsePosn(posn string) position {
	rest, col, ok := cutNumber(posn)
	if !ok {
		return position{file: posn}
	}
	file, line, ok := cutNumber(rest)
	if !ok {
		return position{file: rest, line: col}
	}
	return position{file, line, col}
}

// cutNumber splits "s:N" into s and N.
func cutNumber(s string) (string, int, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return s, 0, false
	}
	return s[:i], n, true
}

// printText prints res as go vet prints diagnostics, with file names
// relative to the current directory: the passes' errors, each once, as
// "pass: error", then each finding as "posn: message (check)", check
// being what a directive names to silence it (finding.check), followed
// by its related information; each line with context lines around it
// when context >= 0.
func printText(w io.Writer, res results, context int, cols *columns) {
	printErrors(w, res, cols)
	for _, f := range res.findings {
		printPlain(w, context, cols, f.Posn, f.End, f.Message+" ("+f.check()+")")
		for _, rel := range f.Related {
			printPlain(w, context, cols, rel.Posn, rel.End, "\t"+rel.Message)
		}
	}
}

// printErrors prints the passes' errors, each once, its lines' leading
// file names relative to the current directory.
func printErrors(w io.Writer, res results, cols *columns) {
	for _, e := range res.errs {
		fmt.Fprintf(w, "%s: %s\n", e.who(), cols.relativeLines(e.message))
	}
}

// printPlain prints one diagnostic line, and with context >= 0 the lines
// around it, as the in-process driver does.
func printPlain(w io.Writer, context int, cols *columns, posn, end, message string) {
	fmt.Fprintf(w, "%s: %s\n", cols.relativePosn(posn), message)
	if context < 0 {
		return
	}
	start := parsePosn(posn)
	if start.line == 0 {
		return
	}
	endLine := start.line
	if e := parsePosn(end); e.line != 0 {
		endLine = e.line
	}
	data, _ := os.ReadFile(start.file)
	lines := strings.Split(string(data), "\n")
	for i := start.line - context; i <= endLine+context; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
		}
	}
}

// printJSON prints the tree as the in-process driver does: one indented
// object.
func printJSON(w io.Writer, t jsonTree) error {
	data, err := json.MarshalIndent(t, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// printGitHub prints res as GitHub Actions workflow commands: a warning
// annotation per finding, titled with its check ("errcodelint
// (retryafter/missing)"), an error annotation per failed pass.
func printGitHub(w io.Writer, res results, cols *columns) {
	for _, e := range res.errs {
		title := "errcodelint"
		if len(e.passes) == 1 {
			title += " (" + e.passes[0] + ")"
		}
		fmt.Fprintf(w, "::error title=%s::%s\n", githubProperty(title), githubMessage(cols.relativeLines(e.message)))
	}
	for _, f := range res.findings {
		var props []string
		if f.at.file != "" {
			props = append(props, "file="+githubProperty(cols.relative(f.at.file)))
		}
		start, end := cols.region(f.Posn, f.End)
		if start.line > 0 {
			props = append(props, fmt.Sprintf("line=%d", start.line))
			if start.col > 0 {
				props = append(props, fmt.Sprintf("col=%d", start.col))
			}
			if end.line > 0 {
				props = append(props, fmt.Sprintf("endLine=%d", end.line))
				if end.col > 0 {
					props = append(props, fmt.Sprintf("endColumn=%d", end.col))
				}
			}
		}
		props = append(props, "title="+githubProperty("errcodelint ("+f.check()+")"))
		message := f.Message
		for _, rel := range f.Related {
			message += "\n" + cols.relativePosn(rel.Posn) + ": " + rel.Message
		}
		fmt.Fprintf(w, "::warning %s::%s\n", strings.Join(props, ","), githubMessage(message))
	}
}

// githubMessage escapes the message of a workflow command, as GitHub's
// toolkit does.
var githubMessage = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// githubProperty escapes a property value of a workflow command.
var githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace

// columns converts go/analysis positions for SARIF and GitHub, which count
// columns in characters: go/analysis columns are 1-based byte offsets in
// the line, SARIF's (columnKind utf16CodeUnits, its default) and GitHub's
// are 1-based UTF-16 code units. They differ only on a line with non-ASCII
// text before the column. It also makes file names relative to dir.
type columns struct {
	dir   string
	files map[string][]string // file → lines, read once
}

func newColumns() *columns {
	dir, _ := os.Getwd()
	return &columns{dir: dir, files: make(map[string][]string)}
}

// relative is file relative to the current directory when it is under
// it (as the go command names it, or with its symbolic links resolved),
// else file.
func (c *columns) relative(file string) string {
	if c.dir == "" || !filepath.IsAbs(file) {
		return file
	}
	dirs := []string{c.dir}
	if real, err := filepath.EvalSymlinks(c.dir); err == nil && real != c.dir {
		dirs = append(dirs, real)
	}
	for _, dir := range dirs {
		rel, err := filepath.Rel(dir, file)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return rel
		}
	}
	return file
}

// relativePosn is posn with its file relative to the current directory
// when it is under it.
func (c *columns) relativePosn(posn string) string {
	file := parsePosn(posn).file
	return c.relative(file) + strings.TrimPrefix(posn, file)
}

// relativeLines is text with the file name that starts a line ("/abs/
// errcodes.yaml:3:5: ...") relative to the current directory when it is
// under it.
func (c *columns) relativeLines(text string) string {
	var b strings.Builder
	for line := range strings.Lines(text) {
		b.WriteString(c.relativeLine(line))
	}
	return b.String()
}

// relativeLine is relativeLines of one line.
func (c *columns) relativeLine(line string) string {
	vol := filepath.VolumeName(line)
	i := strings.IndexByte(line[len(vol):], ':')
	if i <= 0 {
		return line
	}
	file := line[:len(vol)+i]
	return c.relative(file) + line[len(file):]
}

// A relativeWriter writes to w what is written to it, line by line,
// each line's leading file name relative to the current directory
// (relativeLine): the in-process engine's child names files as they
// are.
type relativeWriter struct {
	w    io.Writer
	cols *columns
	buf  []byte // the line not yet ended
}

func (r *relativeWriter) Write(p []byte) (int, error) {
	r.buf = append(r.buf, p...)
	for {
		i := bytes.IndexByte(r.buf, '\n')
		if i < 0 {
			return len(p), nil
		}
		if _, err := io.WriteString(r.w, r.cols.relativeLine(string(r.buf[:i+1]))); err != nil {
			return len(p), err
		}
		r.buf = r.buf[i+1:]
	}
}

// flush writes the line not yet ended.
func (r *relativeWriter) flush() {
	if len(r.buf) > 0 {
		io.WriteString(r.w, r.cols.relativeLine(string(r.buf)))
		r.buf = nil
	}
}

// region is the start and end of a diagnostic in UTF-16 columns; the end
// is zero when it is not in the start's file.
func (c *columns) region(posn, end string) (position, position) {
	s, e := parsePosn(posn), parsePosn(end)
	s.col = c.utf16Column(s)
	if e.file != s.file || e.line == 0 {
		return s, position{}
	}
	e.col = c.utf16Column(e)
	return s, e
}

// utf16Column is the 1-based UTF-16 column of p's 1-based byte column, or
// the byte column when the file cannot be read.
func (c *columns) utf16Column(p position) int {
	if p.col <= 1 {
		return p.col
	}
	lines, ok := c.files[p.file]
	if !ok {
		data, err := os.ReadFile(p.file)
		if err == nil {
			lines = strings.Split(string(data), "\n")
		}
		c.files[p.file] = lines
	}
	if p.line < 1 || p.line > len(lines) || p.col-1 > len(lines[p.line-1]) {
		return p.col
	}
	prefix := lines[p.line-1][:p.col-1]
	n := 0
	for len(prefix) > 0 {
		r, size := utf8.DecodeRuneInString(prefix)
		prefix = prefix[size:]
		if utf16.RuneLen(r) == 2 {
			n += 2
		} else {
			n++
		}
	}
	return n + 1
}

// The SARIF 2.1.0 log errcodelint writes: one run, a rule per check (its
// ID is the check's, "retryafter/missing"), a result per finding.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	FullDescription      sarifMessage       `json:"fullDescription"`
	HelpURI              string             `json:"helpUri,omitempty"`
	Help                 sarifMessage       `json:"help"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifProperties    `json:"properties"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

// sarifProperties is a rule's property bag: its tags, the pass's name
// (code scanning filters on them).
type sarifProperties struct {
	Tags []string `json:"tags"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string       `json:"level"`
	Message sarifMessage `json:"message"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        int             `json:"ruleIndex"`
	Level            string          `json:"level"`
	Message          sarifMessage    `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix      `json:"fixes,omitempty"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifByteRegion `json:"deletedRegion"`
	InsertedContent sarifContent    `json:"insertedContent"`
}

// sarifByteRegion is a region by byte offset, as go/analysis's edits are.
type sarifByteRegion struct {
	ByteOffset int `json:"byteOffset"`
	ByteLength int `json:"byteLength"`
}

type sarifContent struct {
	Text string `json:"text"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifMessage         `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// srcRoot is the uriBaseId of the files under the current directory.
const srcRoot = "%SRCROOT%"

// printSARIF prints res as a SARIF 2.1.0 log: a rule for every check of
// passes (checks by pass name), and for the check of any finding that is
// none of them.
func printSARIF(w io.Writer, res results, passes []*analysis.Analyzer, checks map[string][]check, cols *columns) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "errcodelint",
			Version:        strings.TrimPrefix(version(), "errcodelint "),
			InformationURI: repoURL,
			Rules:          []sarifRule{},
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: len(res.errs) == 0}},
		ColumnKind:  "utf16CodeUnits",
		Results:     []sarifResult{},
	}
	if cols.dir != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLocation{srcRoot: {URI: strings.TrimSuffix(fileURI(cols.dir), "/") + "/"}}
	}
	rules := run.Tool.Driver.Rules
	ruleIndex := func(id, pass string) int {
		if i := slices.IndexFunc(rules, func(r sarifRule) bool { return r.ID == id }); i >= 0 {
			return i
		}
		a := &analysis.Analyzer{Name: pass, Doc: pass}
		if i := slices.IndexFunc(passes, func(a *analysis.Analyzer) bool { return a.Name == pass }); i >= 0 {
			a = passes[i]
		}
		rules = append(rules, sarifCheckRule(a, check{ID: id, Doc: shortDoc(a)}))
		return len(rules) - 1
	}
	for _, a := range passes {
		for _, c := range checks[a.Name] {
			rules = append(rules, sarifCheckRule(a, c))
		}
	}
	for _, e := range res.errs {
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications,
			sarifNotification{Level: "error", Message: sarifMessage{e.who() + ": " + e.message}})
	}
	for _, f := range res.findings {
		r := sarifResult{
			RuleID:    f.check(),
			RuleIndex: ruleIndex(f.check(), f.pass),
			Level:     "warning",
			Message:   sarifMessage{f.Message},
			Locations: []sarifLocation{cols.sarifLocation(f.Posn, f.End, "")},
		}
		for _, rel := range f.Related {
			r.RelatedLocations = append(r.RelatedLocations, cols.sarifLocation(rel.Posn, rel.End, rel.Message))
		}
		for _, fix := range f.Fixes {
			r.Fixes = append(r.Fixes, cols.sarifFix(fix))
		}
		run.Results = append(run.Results, r)
	}
	run.Tool.Driver.Rules = rules
	log := sarifLog{
		Schema:  "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// sarifCheckRule is the rule of check c of pass a: the check's Doc, then
// what pass it belongs to; the pass's documentation as its help.
func sarifCheckRule(a *analysis.Analyzer, c check) sarifRule {
	return sarifRule{
		ID:                   c.ID,
		ShortDescription:     sarifMessage{c.Doc},
		FullDescription:      sarifMessage{fmt.Sprintf("%s (a check of the %s pass, which %s; 'errcodelint help %s' lists its checks and flags)", c.Doc, a.Name, passDoes(a), a.Name)},
		HelpURI:              a.URL,
		Help:                 sarifMessage{a.Doc},
		DefaultConfiguration: sarifConfiguration{Level: "warning"},
		Properties:           sarifProperties{Tags: []string{a.Name}},
	}
}

// passDoes is a pass's short Doc, an imperative, as a clause after
// "which": "report 429s ..." becomes "reports 429s ...".
func passDoes(a *analysis.Analyzer) string {
	verb, rest, _ := strings.Cut(shortDoc(a), " ")
	return strings.TrimSpace(verb + "s " + rest)
}

// sarifLocation is the location of a diagnostic from posn to end, with
// message for related information.
func (c *columns) sarifLocation(posn, end, message string) sarifLocation {
	start, stop := c.region(posn, end)
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: c.artifact(start.file)}}
	if start.line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: start.line, StartColumn: start.col, EndLine: stop.line, EndColumn: stop.col}
	}
	if message != "" {
		loc.Message = &sarifMessage{message}
	}
	return loc
}

// sarifFix is a suggested fix: its edits by file, in the order given.
func (c *columns) sarifFix(fix jsonFix) sarifFix {
	out := sarifFix{Description: sarifMessage{fix.Message}, ArtifactChanges: []sarifArtifactChange{}}
	for _, e := range fix.Edits {
		i := slices.IndexFunc(out.ArtifactChanges, func(ch sarifArtifactChange) bool { return ch.ArtifactLocation == c.artifact(e.Filename) })
		if i < 0 {
			out.ArtifactChanges = append(out.ArtifactChanges, sarifArtifactChange{ArtifactLocation: c.artifact(e.Filename)})
			i = len(out.ArtifactChanges) - 1
		}
		out.ArtifactChanges[i].Replacements = append(out.ArtifactChanges[i].Replacements, sarifReplacement{
			DeletedRegion:   sarifByteRegion{ByteOffset: e.Start, ByteLength: e.End - e.Start},
			InsertedContent: sarifContent{e.New},
		})
	}
	return out
}

// artifact is file relative to %SRCROOT%, the current directory, when it
// is under it, else its file URI.
func (c *columns) artifact(file string) sarifArtifactLocation {
	if rel := c.relative(file); rel != file || !filepath.IsAbs(file) {
		return sarifArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: srcRoot}
	}
	return sarifArtifactLocation{URI: fileURI(file)}
}

// fileURI is the file:// URI of the absolute path file.
func fileURI(file string) string {
	p := filepath.ToSlash(file)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
