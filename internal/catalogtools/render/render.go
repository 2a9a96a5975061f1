// Package render writes a catalog as a reference page, in Markdown or
// HTML, grouped the way API references group their codes.
package render

import (
	"fmt"
	"html/template"
	"io"
	"net/http"
	"strings"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogtools/internal/text"
)

// A Section is one group of a rendered reference: a heading and its codes
// in file order.
type Section struct {
	Group string // "" for the codes of a catalog without groups
	Codes []*catalog.Code
}

// Sections groups the catalog's codes as a reference shows them: one
// section per group, in the order groups first appear, codes in file
// order. Codes without a group form a last section with Group "" (the
// only one when no code has a group).
func Sections(c *catalog.Catalog) []Section {
	var out []Section
	index := make(map[string]int)
	var loose []*catalog.Code
	for _, code := range c.Codes {
		if code.Group == "" {
			loose = append(loose, code)
			continue
		}
		i, ok := index[code.Group]
		if !ok {
			i = len(out)
			index[code.Group] = i
			out = append(out, Section{Group: code.Group})
		}
		out[i].Codes = append(out[i].Codes, code)
	}
	if len(loose) > 0 {
		out = append(out, Section{Codes: loose})
	}
	return out
}

// A StatusCount is one line of a reference's status index.
type StatusCount struct {
	Status   int
	Codes    int // codes with this status, reported ones included
	Reported int // of which reported in a payload, not sent
}

// Text is the status's reason phrase: "Not Found".
func (s StatusCount) Text() string { return http.StatusText(s.Status) }

// Describe reads "22 codes" or "3 codes (3 reported)".
func (s StatusCount) Describe() string {
	out := text.Count(s.Codes, "code", "codes")
	if s.Reported > 0 {
		out += fmt.Sprintf(" (%d reported)", s.Reported)
	}
	return out
}

// StatusIndex counts the codes of each status, ascending by status; a code
// of several statuses counts under each.
func StatusIndex(c *catalog.Catalog) []StatusCount {
	var out []StatusCount
	for _, st := range c.Statuses() {
		sc := StatusCount{Status: st}
		for _, code := range c.Codes {
			if code.HasStatus(st) {
				sc.Codes++
				if code.Reported {
					sc.Reported++
				}
			}
		}
		out = append(out, sc)
	}
	return out
}

// docView is what both renderings show.
type docView struct {
	Title    string
	Intro    []string
	Index    []StatusCount
	Sections []Section
	Names    bool // some code has a name: show the column
	Notes    bool // some code is reported or retryable: show the column
	// Operations are the catalog's operations, each with its error
	// responses as a reference lists them.
	Operations []OperationView
}

// An OperationView is an operation as a reference lists it: its name,
// its route, and its error responses, each with the codes it carries
// ("404: secret_not_found, invalid_path"; "400: any code").
type OperationView struct {
	ID, Route string
	Responses []ResponseView
	Ref       string
}

// A ResponseView is an error response: its key, and its codes (none:
// any code).
type ResponseView struct {
	Key   string
	Codes []string
}

// operationViews lists the catalog's operations for a reference.
func operationViews(c *catalog.Catalog) []OperationView {
	var out []OperationView
	for _, o := range c.Operations {
		v := OperationView{ID: o.ID, Route: o.Route(), Ref: o.Ref()}
		for _, r := range o.Responses {
			rv := ResponseView{Key: r.Key()}
			for _, code := range r.Codes {
				rv.Codes = append(rv.Codes, code.Value)
			}
			v.Responses = append(v.Responses, rv)
		}
		out = append(out, v)
	}
	return out
}

func newDocView(c *catalog.Catalog) docView {
	v := docView{Title: "Error codes", Index: StatusIndex(c), Sections: Sections(c)}
	if c.API != "" {
		v.Title = c.API + " error codes"
	}
	for _, code := range c.Codes {
		v.Names = v.Names || code.Name != ""
		v.Notes = v.Notes || code.Reported || code.Retryable
	}
	v.Intro = wireSentences(c)
	v.Operations = operationViews(c)
	return v
}

// wireSentences say where codes travel, in plain words; code spans are
// marked with backquotes for both renderings.
func wireSentences(c *catalog.Catalog) []string {
	format := "JSON"
	if c.Wire.Format == "xml" {
		format = "XML"
	}
	kind := "Codes are strings"
	if c.Numeric() {
		kind = "Codes are integers"
	}
	out := []string{
		fmt.Sprintf("%s over %s.", text.Count(len(c.Codes), "code", "codes"), text.Count(len(c.Statuses()), "status", "statuses")),
		fmt.Sprintf("%s, sent in %s error bodies at `%s`.", kind, format, c.Wire.Code),
	}
	if c.Wire.Prefix != "" {
		out = append(out, fmt.Sprintf("Codes travel with the prefix `%s`.", c.Wire.Prefix))
	}
	if c.Wire.Status != "" {
		out = append(out, fmt.Sprintf("The body field `%s` repeats the HTTP status.", c.Wire.Status))
	}
	if len(c.Rules.RetryAfter) > 0 {
		out = append(out, fmt.Sprintf("Responses with status %s carry `Retry-After`.", text.JoinInts(c.Rules.RetryAfter, ", ")))
	}
	return out
}

// statuses is a code's Status cell: its statuses, the default first.
func statuses(code *catalog.Code) string { return text.JoinInts(code.AllStatuses(), ", ") }

// notes is a code's Notes cell.
func notes(code *catalog.Code) string {
	var parts []string
	if code.Retryable {
		parts = append(parts, "retryable")
	}
	if code.Reported {
		parts = append(parts, "reported, not sent")
	}
	return strings.Join(parts, "; ")
}

// sectionTitle is the heading of a section.
func sectionTitle(s Section, only bool) string {
	switch {
	case s.Group != "":
		return s.Group
	case only:
		return "Codes"
	}
	return "Other codes"
}

// Markdown writes the catalog as a Markdown reference: a status
// index, then one table of status, code, name and summary per group.
func Markdown(w io.Writer, c *catalog.Catalog) error {
	v := newDocView(c)
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", mdText(v.Title))
	fmt.Fprintf(&b, "%s\n\n", strings.Join(v.Intro, " "))
	b.WriteString("## Status index\n\n| Status | Codes |\n|---|---|\n")
	for _, s := range v.Index {
		fmt.Fprintf(&b, "| %d %s | %s |\n", s.Status, s.Text(), s.Describe())
	}
	for _, s := range v.Sections {
		fmt.Fprintf(&b, "\n## %s\n\n", mdText(sectionTitle(s, len(v.Sections) == 1)))
		cols := []string{"Status", "Code"}
		if v.Names {
			cols = append(cols, "Name")
		}
		cols = append(cols, "Summary")
		if v.Notes {
			cols = append(cols, "Notes")
		}
		fmt.Fprintf(&b, "| %s |\n|%s\n", strings.Join(cols, " | "), strings.Repeat("---|", len(cols)))
		for _, code := range s.Codes {
			cells := []string{statuses(code), "`" + mdCell(code.Value) + "`"}
			if v.Names {
				cells = append(cells, mdText(code.Name))
			}
			cells = append(cells, mdText(code.Summary))
			if v.Notes {
				cells = append(cells, notes(code))
			}
			fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
		}
	}
	if len(v.Operations) > 0 {
		b.WriteString("\n## Operations\n\n| Operation | Route | Error responses | Defined at |\n|---|---|---|---|\n")
		for _, o := range v.Operations {
			route := ""
			if o.Route != "" {
				route = "`" + mdCell(o.Route) + "`"
			}
			var resps []string
			for _, r := range o.Responses {
				codes := "any code"
				if len(r.Codes) > 0 {
					q := make([]string, len(r.Codes))
					for i, c := range r.Codes {
						q[i] = "`" + mdCell(c) + "`"
					}
					codes = strings.Join(q, ", ")
				}
				resps = append(resps, r.Key+": "+codes)
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", mdText(o.ID), route, strings.Join(resps, "; "), mdText(o.Ref))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCell escapes the pipes that would end a table cell.
func mdCell(s string) string { return strings.ReplaceAll(text.OneLine(s), "|", `\|`) }

var mdEscaper = strings.NewReplacer(`\`, `\\`, "|", `\|`, "<", "&lt;", "*", `\*`, "`", "\\`", "[", `\[`)

// mdText escapes text so that it renders as written, in a cell or not.
func mdText(s string) string { return mdEscaper.Replace(text.OneLine(s)) }

// HTML writes the catalog as a standalone HTML page with the same
// content as Markdown.
func HTML(w io.Writer, c *catalog.Catalog) error {
	return htmlDoc.Execute(w, newDocView(c))
}

// codeSpans renders text with `code` spans as HTML, escaping the rest.
func codeSpans(s string) template.HTML {
	var b strings.Builder
	for i, part := range strings.Split(s, "`") {
		esc := template.HTMLEscapeString(part)
		if i%2 == 1 {
			esc = "<code>" + esc + "</code>"
		}
		b.WriteString(esc)
	}
	return template.HTML(b.String())
}

// anchor makes an id for a section heading: "Not found" → "not-found".
func anchor(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "codes"
	}
	return b.String()
}

var htmlDoc = template.Must(template.New("doc").Funcs(template.FuncMap{
	"codeSpans":    codeSpans,
	"notes":        notes,
	"statuses":     statuses,
	"anchor":       anchor,
	"sectionTitle": sectionTitle,
	"eq1":          func(n int) bool { return n == 1 },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
</head>
<body>
<h1>{{.Title}}</h1>
<p>{{range $i, $s := .Intro}}{{if $i}} {{end}}{{codeSpans $s}}{{end}}</p>
<h2 id="status-index">Status index</h2>
<table>
<thead><tr><th>Status</th><th>Codes</th></tr></thead>
<tbody>
{{- range .Index}}
<tr><td>{{.Status}} {{.Text}}</td><td>{{.Describe}}</td></tr>
{{- end}}
</tbody>
</table>
{{- $v := .}}{{$only := eq1 (len .Sections)}}
{{- range .Sections}}{{$title := sectionTitle . $only}}
<h2 id="{{anchor $title}}">{{$title}}</h2>
<table>
<thead><tr><th>Status</th><th>Code</th>{{if $v.Names}}<th>Name</th>{{end}}<th>Summary</th>{{if $v.Notes}}<th>Notes</th>{{end}}</tr></thead>
<tbody>
{{- range .Codes}}
<tr><td>{{statuses .}}</td><td><code>{{.Value}}</code></td>{{if $v.Names}}<td>{{.Name}}</td>{{end}}<td>{{.Summary}}</td>{{if $v.Notes}}<td>{{notes .}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- end}}
{{- if .Operations}}
<h2 id="operations">Operations</h2>
<table>
<thead><tr><th>Operation</th><th>Route</th><th>Error responses</th><th>Defined at</th></tr></thead>
<tbody>
{{- range .Operations}}
<tr><td>{{.ID}}</td><td>{{if .Route}}<code>{{.Route}}</code>{{end}}</td><td>{{range $i, $r := .Responses}}{{if $i}}; {{end}}{{$r.Key}}: {{if $r.Codes}}{{range $j, $c := $r.Codes}}{{if $j}}, {{end}}<code>{{$c}}</code>{{end}}{{else}}any code{{end}}{{end}}</td><td>{{.Ref}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
</body>
</html>
`))
