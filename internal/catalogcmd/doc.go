package catalogcmd

import (
	"bytes"
	"flag"

	"github.com/errcodelint/errcodelint/internal/catalogtools/render"
)

var docCommand = &command{
	name:    "doc",
	args:    "FILE",
	summary: "render the catalog as a Markdown or HTML reference",
	help: `Doc renders the catalog as a reference page: a status index ("404 Not Found |
22 codes"), then one table per group of status, code, name (when codes have
names), summary and notes (retryable, reported), groups in the order they
first appear and codes in file order. Codes without a group come last, under
"Other codes". The output depends only on the catalog.

It exits 0 on success, 1 when the catalog does not load or the output
cannot be written, 2 on a bad command line.`,
	flags: func(fs *flag.FlagSet) {
		fs.Var(&oneOf{value: "markdown", allowed: []string{"markdown", "html"}}, "format", "output `format`: markdown or html")
		fs.String("o", "", "write to `file` instead of stdout")
	},
	run: runDoc,
}

func runDoc(e *env, fs *flag.FlagSet, args []string) int {
	cats, _, code, ok := loadArgs(e, fs, args, 1)
	if !ok {
		return code
	}
	c := cats[0]
	var buf bytes.Buffer
	write := render.Markdown
	if flagValue(fs, "format") == "html" {
		write = render.HTML
	}
	if err := write(&buf, c); err != nil {
		e.errorf("%s: %v", fs.Name(), err)
		return exitFail
	}
	if err := output(e, flagValue(fs, "o"), buf.Bytes()); err != nil {
		e.errorf("%s: %v", fs.Name(), err)
		return exitFail
	}
	return exitOK
}
