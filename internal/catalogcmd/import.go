package catalogcmd

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogtools/format"
	"github.com/errcodelint/errcodelint/internal/catalogtools/importer"
	"github.com/errcodelint/errcodelint/internal/catalogtools/openapi"
)

var importCommand = &command{
	name:    "import",
	args:    "FILE",
	summary: "read an error reference (Markdown, flattened HTML or OpenAPI 3) into a catalog",
	help: `Import reads an API's error reference, as Markdown or as text copied from an
HTML page, or an OpenAPI 3 document, and writes a catalog of its codes.

A file with a top-level openapi key (3.0 or 3.1, YAML or JSON) is read as
OpenAPI: its 4xx, 5xx and default responses give the codes, from an enum on
the code property of their schema ($ref and allOf followed), from their
examples, or from x-error-codes (a list of codes, or of code and summary,
on a response or a schema). Each code gets the statuses of the responses
it was found in, the most frequent first; a code found only under default,
4XX or 5XX has no status and is reported. wire.code is the code property's
path in the schema: code (errorCode, error_code), error.code, errors[].code,
an OAuth 2.0 error's error, a problem's type, or an id beside a property
that repeats the HTTP status. Each operation with error responses becomes
one of the catalog's operations (its route, its operationId and its line),
with the codes each response names; errcode holds the handlers registered
for it to them. A document with a top-level swagger key (OpenAPI 2) is
reported, not read.

It reads tables whose header row names an HTTP status column ("HTTP",
"Status", "HTTP status"; "HTTP (reported)" marks reported codes) and a code
column ("Code", "Error code", "Type"), with optional name and description
columns, cells separated by pipes or tabs; a row may run over several lines.
It also reads numeric rows run together under a header such as "Error
CodeHTTP CodeName" ("51010403InvalidCsrSignature...": the last three digits
are the status). The short line before a table becomes its codes' group, a
description's first sentence their summary. Variable parts become template
parts: <name> and {name} stay, "|variable" reads "|{variable}", and a code
ending in ":" or "|" gets a {param} part. A status cell may list several
statuses ("400, 404"), the first the default, and carry reason phrases
("404 Not Found"). An example JSON error body on the page, showing a
placeholder ("<error_code>") or a code of the tables, gives wire.code,
wire.status and wire.prefix; without one, a warning says that wire.code
keeps its default, "code".

Rows that cannot be read are reported as FILE:LINE:1: messages and left
out; guesses worth a look are reported as warnings. The catalog is written
either way; review it, then run 'errcodelint catalog check'. Import exits 0
when every row was read, 1 when some were not (or nothing could be read),
2 on a bad command line.`,
	flags: func(fs *flag.FlagSet) {
		fs.String("o", "", "write the catalog to `file` instead of stdout")
		fs.String("api", "", "the API's display `name`, written as api")
		fs.Bool("summaries", true, "keep the first sentence of each description as the summary")
	},
	run: runImport,
}

func runImport(e *env, fs *flag.FlagSet, args []string) int {
	pos, code, ok := positional(e, fs, args, 1)
	if !ok {
		return code
	}
	data, err := os.ReadFile(pos[0])
	if err != nil {
		e.errorf("%s: %v", fs.Name(), err)
		return exitFail
	}
	if openapi.Is(data) {
		return runImportOpenAPI(e, fs, pos[0], data)
	}
	opts := importer.Options{API: flagValue(fs, "api"), NoSummaries: !flagBool(fs, "summaries")}
	im, err := importer.Import(pos[0], data, opts)
	if im != nil {
		reportImport(e, im)
	}
	if err != nil {
		e.errorf("%v", err)
		return exitFail
	}
	if !writeImported(e, fs, pos[0], im.Catalog) {
		return exitFail
	}
	if len(im.Unread) > 0 {
		return exitFail
	}
	return exitOK
}

// runImportOpenAPI imports an OpenAPI 3 document: what it cannot read is
// reported with its position, then a tally, as for a reference page.
func runImportOpenAPI(e *env, fs *flag.FlagSet, file string, data []byte) int {
	opts := openapi.Options{API: flagValue(fs, "api"), NoSummaries: !flagBool(fs, "summaries")}
	res, err := openapi.Import(file, data, opts)
	if res != nil {
		for _, u := range res.Unread {
			e.errorf("%s", u.Error())
		}
		for _, n := range res.Notes {
			e.errorf("%s", n.String())
		}
		codes := 0
		if res.Catalog != nil {
			codes = len(res.Catalog.Codes)
		}
		e.errorf("%s: %s imported, %d unread", count(res.Responses, "error response", "error responses"), count(codes, "code", "codes"), len(res.Unread))
	}
	if err != nil {
		e.errorf("%v", err)
		return exitFail
	}
	if !writeImported(e, fs, file, res.Catalog) {
		return exitFail
	}
	if len(res.Unread) > 0 {
		return exitFail
	}
	return exitOK
}

// writeImported writes an imported catalog, headed by where it came from,
// to -o or stdout.
func writeImported(e *env, fs *flag.FlagSet, file string, c *catalog.Catalog) bool {
	out := append([]byte(fmt.Sprintf("# Imported from %s by errcodelint catalog import; review before use.\n", filepath.Base(file))),
		format.Format(c)...)
	if err := output(e, flagValue(fs, "o"), out); err != nil {
		e.errorf("%s: %v", fs.Name(), err)
		return false
	}
	return true
}

// reportImport lists the unread rows and the notes in line order, then a
// tally.
func reportImport(e *env, im *importer.Imported) {
	type entry struct {
		line int
		text string
	}
	var entries []entry
	for _, u := range im.Unread {
		entries = append(entries, entry{u.Pos.Line, u.Error()})
	}
	for _, n := range im.Notes {
		entries = append(entries, entry{n.Pos.Line, n.String()})
	}
	slices.SortStableFunc(entries, func(a, b entry) int { return a.line - b.line })
	for _, en := range entries {
		e.errorf("%s", en.text)
	}
	codes := 0
	if im.Catalog != nil {
		codes = len(im.Catalog.Codes)
	}
	e.errorf("%s: %s imported, %d unread", count(im.Rows, "table row", "table rows"), count(codes, "code", "codes"), len(im.Unread))
}
