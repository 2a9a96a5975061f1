// Package analyzerdoc extracts an analyzer's Doc from its package's doc.go,
// as the x/tools passes do: the text under the heading "# Analyzer NAME"
// is the one source for -h, `errcodelint help NAME` and the docs.
package analyzerdoc

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// Extract returns the Doc of analyzer name from the source of a doc.go:
// the section "# Analyzer name" of its package comment, whose first line
// reads "name: summary". It panics when the section is missing: that is a
// mistake in this repository, caught by every test.
func Extract(src, name string) string {
	doc, err := extract(src, name)
	if err != nil {
		panic(err)
	}
	return doc
}

func extract(src, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", err
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go has no package comment")
	}
	lines := strings.Split(f.Doc.Text(), "\n")
	heading := "# Analyzer " + name
	for i, line := range lines {
		if strings.TrimSpace(line) != heading {
			continue
		}
		var body []string
		for _, l := range lines[i+1:] {
			if strings.HasPrefix(l, "# ") {
				break
			}
			body = append(body, l)
		}
		text := strings.TrimSpace(strings.Join(body, "\n"))
		summary, rest, _ := strings.Cut(text, "\n")
		s, ok := strings.CutPrefix(summary, name+": ")
		if !ok {
			return "", fmt.Errorf("the section %q does not start with %q", heading, name+": ")
		}
		return strings.TrimSpace(s + "\n" + rest), nil
	}
	return "", fmt.Errorf("doc.go has no section %q", heading)
}
