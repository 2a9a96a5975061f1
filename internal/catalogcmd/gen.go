package catalogcmd

import (
	"flag"

	"github.com/errcodelint/errcodelint/internal/catalogtools/gen"
)

var genCommand = &command{
	name:    "gen",
	args:    "FILE",
	summary: "write Go constants for the catalog's codes",
	help: `Gen writes a Go file for the catalog: a type for its codes (string, or an
integer type for numeric catalogs), one exported constant per code with the
summary as its doc comment, and for each template ("not_found|{resource}") a
function that builds its codes (NotFoundResource(resource string)) instead
of a constant, so that every constant of the type is a cataloged code. The
methods Status() int and Retryable() bool answer from the catalog, Lookup
reads a code from its wire form, Codes lists the constants; numeric catalogs
with names get Name() and a Lookup by name. Constants are named after the
code's name, else its text in CamelCase.

The file starts with "` + gen.Header + `",
is gofmt'ed and depends only on the catalog and the flags, so it suits
go generate:

	//go:generate errcodelint catalog gen -pkg apierr -o codes_gen.go ../errcodes.yaml

-pkg and -type default to go.code_type's package and type. An unchanged
output file is left untouched. Gen exits 0 on success, 1 when the catalog
does not load or the file cannot be written, 2 on a bad command line.`,
	flags: func(fs *flag.FlagSet) {
		fs.String("pkg", "", "package `name` (default: from go.code_type)")
		fs.String("type", "", "code type `name` (default: from go.code_type, else Code)")
		fs.String("o", "", "write to `file` instead of stdout")
	},
	run: runGen,
}

func runGen(e *env, fs *flag.FlagSet, args []string) int {
	cats, pos, code, ok := loadArgs(e, fs, args, 1)
	if !ok {
		return code
	}
	c := cats[0]
	src, err := gen.Generate(c, gen.Options{Package: flagValue(fs, "pkg"), Type: flagValue(fs, "type"), Source: pos[0]})
	if err != nil {
		e.errorf("%s: %v", fs.Name(), err)
		return exitUsage
	}
	if err := output(e, flagValue(fs, "o"), src); err != nil {
		e.errorf("%s: %v", fs.Name(), err)
		return exitFail
	}
	return exitOK
}
