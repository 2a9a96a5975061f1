package report

import (
	"errors"
	"slices"
	"strings"
)

// All is the name that stands for every pass of errcodelint in a
// directive, as the golangci-lint plugin's name does.
const All = "errcodelint"

// A Kind is the form of a directive.
type Kind int

const (
	// LineIgnore is `//lint:ignore CHECKS REASON` (staticcheck's): it
	// silences the line where the node it is attached to starts.
	LineIgnore Kind = iota + 1
	// FileIgnore is `//lint:file-ignore CHECKS REASON`: the whole file.
	FileIgnore
	// Nolint is `//nolint[:LINTERS] [// REASON]` (golangci-lint's): the
	// comment's lines, and the node that starts on the next line at the
	// comment's column.
	Nolint
)

func (k Kind) String() string {
	switch k {
	case LineIgnore:
		return "lint:ignore"
	case FileIgnore:
		return "lint:file-ignore"
	case Nolint:
		return "nolint"
	}
	return "unknown directive"
}

// A Directive is a parsed comment that silences findings.
type Directive struct {
	Kind Kind
	// Checks are the names the directive lists, lowercased; empty for a
	// nolint that names no linter (it silences every one).
	Checks []string
	// Reason is the text after the checks (lint:) or after a second //
	// (nolint); required for lint: directives.
	Reason string
}

// ErrNoReason is the error of a lint: directive without a reason.
var ErrNoReason = errors.New("a reason is required")

// Parse parses the text of one comment (with its // or /*). ok says
// whether the comment is a directive that can silence a finding; err,
// when ok, that it is malformed (it then silences nothing). A lint:
// directive that lists no check at all is not ok: it names none of our
// passes, and staticcheck reports it.
func Parse(text string) (d Directive, ok bool, err error) {
	if rest, found := strings.CutPrefix(text, "//lint:"); found {
		return parseLint(rest)
	}
	return parseNolint(text)
}

// parseLint parses what follows "//lint:". Fields are separated by
// white space, as staticcheck splits them; the first lists the checks,
// comma-separated, the rest is the reason.
func parseLint(s string) (Directive, bool, error) {
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return Directive{}, false, nil
	}
	var d Directive
	switch fields[0] {
	case "ignore":
		d.Kind = LineIgnore
	case "file-ignore":
		d.Kind = FileIgnore
	default:
		return Directive{}, false, nil // another command: not ours
	}
	if len(fields) < 2 {
		return Directive{}, false, nil
	}
	d.Checks = splitChecks(fields[1], ",")
	if len(d.Checks) == 0 {
		return Directive{}, false, nil
	}
	if len(fields) < 3 {
		return d, true, ErrNoReason
	}
	d.Reason = strings.Join(fields[2:], " ")
	return d, true, nil
}

// parseNolint parses golangci-lint's directive: "nolint", after any
// slashes and spaces, then a space, a colon or the end. "nolint" alone
// and "nolint:all" silence every linter, "nolint:" with an empty list
// none; a second // starts the reason.
func parseNolint(text string) (Directive, bool, error) {
	s := strings.TrimLeft(text, "/ ")
	rest, found := strings.CutPrefix(s, "nolint")
	if !found || rest != "" && rest[0] != ' ' && rest[0] != ':' {
		return Directive{}, false, nil
	}
	d := Directive{Kind: Nolint}
	if list, ok := strings.CutPrefix(rest, ":"); ok {
		list, reason, _ := strings.Cut(list, "//")
		d.Reason = strings.TrimSpace(reason)
		d.Checks = splitChecks(list, ",")
		if len(d.Checks) == 0 {
			return Directive{}, false, nil // names no linter: silences none
		}
		if slices.Contains(d.Checks, "all") {
			d.Checks = nil
		}
	} else if _, reason, ok := strings.Cut(rest, "//"); ok {
		d.Reason = strings.TrimSpace(reason)
	}
	return d, true, nil
}

// splitChecks splits a list of names, trimmed and lowercased, dropping
// empty ones.
func splitChecks(list, sep string) []string {
	var names []string
	for name := range strings.SplitSeq(list, sep) {
		if name = strings.ToLower(strings.TrimSpace(name)); name != "" {
			names = append(names, name)
		}
	}
	return names
}

// Names reports whether d applies to the pass named pass (to the whole
// pass, or to one of its checks, "retryafter/late-header"), and whether
// it names that pass or check itself rather than through errcodelint or
// a nolint for every linter (only then can the pass tell that the
// directive is unused: the other passes run apart).
func (d Directive) Names(pass string) (applies, itself bool) {
	if d.Kind == Nolint && len(d.Checks) == 0 {
		return true, false
	}
	pass = strings.ToLower(pass)
	for _, c := range d.Checks {
		switch {
		case c == pass || strings.HasPrefix(c, pass+"/"):
			itself = true
		case c == All:
			applies = true
		}
	}
	return applies || itself, itself
}

// Silences reports whether d silences the findings of the check with
// this ID: it names the check, its pass, errcodelint, or every linter.
func (d Directive) Silences(id string) bool {
	if d.Kind == Nolint && len(d.Checks) == 0 {
		return true
	}
	id = strings.ToLower(id)
	pass, _, _ := strings.Cut(id, "/")
	return slices.ContainsFunc(d.Checks, func(c string) bool { return c == id || c == pass || c == All })
}
