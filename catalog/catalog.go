// Package catalog is errcodelint's model of an API's error-code catalog: the
// table of stable error codes an API publishes, each with the HTTP status it
// is sent with.
//
// A catalog is one YAML (or JSON) file, usually errcodes.yaml at the root of
// a module; a file named .json must be strict JSON. Load and Parse read it
// with positioned errors; the look-ups (Lookup, LookupInt, LookupName,
// Match, SentWith, Suggest) serve the analyzers. The package has no go/analysis imports.
//
// The catalog tools (gen, doc, diff, import, formatting and warnings) live
// in their own packages under internal/catalogtools; nothing here imports
// them.
package catalog

import (
	"fmt"
	"go/types"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// A Catalog is a loaded, validated error-code catalog. It is immutable once
// loaded and safe for concurrent use.
type Catalog struct {
	Path    string // file it was loaded from, as given
	Version int
	API     string
	Wire    Wire
	Go      GoHints
	Rules   Rules
	Codes   []*Code // in file order
	// Operations are the API's operations and the error responses each
	// documents, in file order; nil when the catalog lists none.
	Operations []*Operation
	// BasePaths are the path prefixes the API is served under (its
	// OpenAPI document's servers): a route under one is the operation's
	// without it.
	BasePaths []string
	// Notes are what the OpenAPI document the catalog points at gave
	// with a doubt, or could not give: a code with no status, a $ref that
	// does not resolve. They are warnings, at their place in the document.
	Notes []Warning

	doc *document // the OpenAPI document the catalog points at; nil for none

	exact     map[string]*Code // by Value, for codes that are not templates
	byName    map[string]*Code
	templates []*Code
	suggest   *suggestIndex // for Suggest, built on first use; nil in a Catalog built by hand

	lex *lexicon // for IsMessage; nil in a Catalog built by hand
}

// Wire says where codes travel in error bodies.
type Wire struct {
	Code     string    // path of the code field, e.g. "error.code", "errors[].code"
	CodePath []Segment // Code, parsed
	Status   string    // optional path of a body field that repeats the HTTP status
	// StatusPath is Status, parsed; nil when Status is empty.
	StatusPath []Segment
	Prefix     string // optional: codes travel with this prefix
	Format     string // "json" (default) or "xml"
}

// A Segment is one step of a wire path: a field name, and whether the field
// holds an array whose elements the path continues into (`errors[]`).
type Segment struct {
	Name  string
	Array bool
}

// GoHints are optional facts about the Go code that inference cannot find.
type GoHints struct {
	CodeType   string // "import/path.TypeName": every constant of it must be cataloged
	Emitters   []Emitter
	ErrorTypes []ErrorType
}

// An Emitter names a function that emits a code with a status, and which of
// its parameters carry them: the code itself (Code), or an error whose code
// is sent (Error): a go.error_types value's code field, or Fallback, the
// code the function sends for an error of no declared type (errors.New,
// fmt.Errorf). A loaded catalog sets one of them, and the other to
// Index -1 with no Name; see ByError.
type Emitter struct {
	Func     string // types.Func.FullName form: "pkg/path.Func", "(*pkg/path.T).Method"
	Status   Param
	Code     Param
	Error    Param
	Fallback string // with Error: "" when the catalog does not say
	Pos      Pos
}

// ByError reports whether the emitter is given an error rather than a
// code: its Code is unset.
func (e Emitter) ByError() bool { return e.Code.Unset() }

// Unset reports whether p names no parameter.
func (p Param) Unset() bool { return p == Param{Index: -1} }

// A Param names a parameter by 0-based index or by name.
type Param struct {
	Index int    // -1 when Name is set
	Name  string // "" when Index is set
}

// In returns the index of the parameter p names in sig, or -1 when sig
// has no such parameter.
func (p Param) In(sig *types.Signature) int {
	if p.Name == "" {
		if p.Index < sig.Params().Len() {
			return p.Index
		}
		return -1
	}
	for i := range sig.Params().Len() {
		if sig.Params().At(i).Name() == p.Name {
			return i
		}
	}
	return -1
}

func (p Param) String() string {
	if p.Name != "" {
		return p.Name
	}
	return strconv.Itoa(p.Index)
}

// An ErrorType is a client-side error type whose fields hold the status and
// the code of a response.
type ErrorType struct {
	Type   string // "import/path.TypeName"
	Status string // field holding the HTTP status
	Code   string // field holding the error code
	Pos    Pos
}

// Rules configure the checks.
type Rules struct {
	// RetryAfter lists the statuses whose responses must carry Retry-After.
	RetryAfter []int
}

// DefaultRetryAfter is rules.retry_after when the catalog does not say.
var DefaultRetryAfter = []int{429}

// A Code is one row of the catalog.
type Code struct {
	Value   string // the code as text: "secret_not_found", "51010", "not_found|{resource}"
	Numeric bool   // the code is an integer (Value holds its decimal form)
	Int     int64  // the code's value when Numeric
	// Status is the code's default status: the one it is sent with, or the
	// first of several.
	Status int
	// Statuses are all the statuses the code is sent with, Status first;
	// never empty in a loaded catalog. A catalog entry gives several as a
	// list (status: [400, 404]).
	Statuses  []int
	Name      string
	Group     string
	Summary   string
	Reported  bool // the status is reported in a payload, not sent as the HTTP status
	Retryable bool
	Template  *Template // non-nil when Value has {name} parts

	Pos       Pos // position of the code's value
	StatusPos Pos // position of the status's value
}

// Ref is the short reference used in diagnostics: "errcodes.yaml:31".
func (c *Code) Ref() string { return c.Pos.Ref() }

// HasStatus reports whether the catalog gives the code the status s, as
// its default or as one of its others. A Code built by hand without
// Statuses has only Status.
func (c *Code) HasStatus(s int) bool {
	if len(c.Statuses) == 0 {
		return c.Status == s
	}
	return slices.Contains(c.Statuses, s)
}

// AllStatuses returns Statuses, or Status alone for a Code built by hand
// without Statuses.
func (c *Code) AllStatuses() []int {
	if len(c.Statuses) == 0 {
		return []int{c.Status}
	}
	return c.Statuses
}

// StatusText is the code's statuses as a message says them: "404", "400
// or 404", "400, 404 or 415".
func (c *Code) StatusText() string {
	var b strings.Builder
	statuses := c.AllStatuses()
	for i, st := range statuses {
		switch {
		case i == 0:
		case i == len(statuses)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(st))
	}
	return b.String()
}

// Quoted is the code as it reads in Go source and in messages: "secret_not_found"
// quoted, numeric codes bare.
func (c *Code) Quoted() string {
	if c.Numeric {
		return c.Value
	}
	return strconv.Quote(c.Value)
}

// short is Quoted, truncated for messages.
func (c *Code) short() string {
	if c.Numeric {
		return c.Value
	}
	return strconv.Quote(Truncate(c.Value))
}

// Pos is a position in a catalog file.
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// From is p as a message about a place at from names it: "9:9" in the
// same file, "api.yaml:120:9" in another (the catalog's document).
func (p Pos) From(from Pos) string {
	if p.File == from.File {
		return fmt.Sprintf("%d:%d", p.Line, p.Col)
	}
	return fmt.Sprintf("%s:%d:%d", filepath.Base(p.File), p.Line, p.Col)
}

// Ref is the file's base name and the line: "errcodes.yaml:31".
func (p Pos) Ref() string {
	return fmt.Sprintf("%s:%d", filepath.Base(p.File), p.Line)
}

// IsErrorStatus reports whether status is an error status, 4xx or 5xx: the
// statuses error codes travel with. Every pass asks here.
func IsErrorStatus(status int64) bool { return status >= 400 && status <= 599 }

// RetryAfter reports whether responses with status must carry Retry-After.
func (c *Catalog) RetryAfter(status int) bool {
	return slices.Contains(c.Rules.RetryAfter, status)
}

// Numeric reports whether the catalog's codes are integers.
func (c *Catalog) Numeric() bool {
	return len(c.Codes) > 0 && c.Codes[0].Numeric
}

// Lookup finds the code whose value is s: exactly, with wire.prefix stripped
// when s carries it, or by a template. It reports false when no code matches.
func (c *Catalog) Lookup(s string) (*Code, bool) {
	for _, v := range c.candidates(s) {
		if code, ok := c.exact[v]; ok {
			return code, true
		}
	}
	for _, v := range c.candidates(s) {
		for _, t := range c.templates {
			if t.Template.Matches(v) {
				return t, true
			}
		}
	}
	return nil, false
}

// LookupInt finds a numeric code.
func (c *Catalog) LookupInt(n int64) (*Code, bool) {
	code, ok := c.exact[strconv.FormatInt(n, 10)]
	if ok && code.Numeric {
		return code, true
	}
	return nil, false
}

// LookupName finds a code by its name, the second identifier.
func (c *Catalog) LookupName(name string) (*Code, bool) {
	code, ok := c.byName[name]
	return code, ok
}

// candidates are the forms under which s may be cataloged: s itself and,
// when the catalog has a wire prefix that s carries, s without it.
func (c *Catalog) candidates(s string) []string {
	if p := c.Wire.Prefix; p != "" {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return []string{rest, s}
		}
	}
	return []string{s}
}

// Match returns the codes a partly known value may be: p is the value's
// known text with holes where it is unknown (a concatenation with a
// variable, a Sprintf verb). A value without holes matches as Lookup does.
// Match returns nil when no code can match, whatever the holes hold.
func (c *Catalog) Match(p Pattern) []*Code {
	if !p.HasHoles() {
		if code, ok := c.Lookup(p.String()); ok {
			return []*Code{code}
		}
		return nil
	}
	var out []*Code
	for _, code := range c.Codes {
		if p.Intersects(code.pattern()) || (c.Wire.Prefix != "" && p.Intersects(Literal(c.Wire.Prefix).Concat(code.pattern()))) {
			out = append(out, code)
		}
	}
	return out
}

// Templates returns the codes that are templates, in file order.
func (c *Catalog) Templates() []*Code { return slices.Clone(c.templates) }

// Pattern is the code as a Pattern: its text, with a hole for each
// variable part of a template.
func (c *Code) Pattern() Pattern { return c.pattern() }

func (c *Code) pattern() Pattern {
	if c.Template != nil {
		return c.Template.pattern
	}
	return Literal(c.Value)
}

// SentWith returns the codes the catalog sends with the HTTP status, in file
// order: those that list it among their statuses. Reported codes are not
// sent with their status and are left out.
func (c *Catalog) SentWith(status int) []*Code {
	var out []*Code
	for _, code := range c.Codes {
		if code.HasStatus(status) && !code.Reported {
			out = append(out, code)
		}
	}
	return out
}

// Statuses returns the distinct statuses of the catalog's codes, each
// code's several statuses included, ascending.
func (c *Catalog) Statuses() []int {
	var out []int
	for _, code := range c.Codes {
		for _, st := range code.AllStatuses() {
			if !slices.Contains(out, st) {
				out = append(out, st)
			}
		}
	}
	slices.Sort(out)
	return out
}
