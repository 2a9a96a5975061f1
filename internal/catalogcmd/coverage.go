package catalogcmd

import (
	"flag"
	"slices"
)

// coverageCommand is listed and documented here with the other catalog
// tools; it analyzes packages, so the errcodelint command runs it (see
// cmd/errcodelint/coverage.go) before the catalog tools are asked.
var coverageCommand = &command{
	name:    "coverage",
	args:    "packages",
	summary: "list the codes and documented responses nothing is known to send",
	help: `Coverage analyzes the packages as errcodelint does, and lists, for each
catalog that governs them, what nothing in them is known to send: the
cataloged codes no response carries with an error status, and, when the
catalog lists operations, the documented error responses no handler
registered for its operation can send. It prints no findings (run
errcodelint for those) and exits 0, or 1 when a package could not be
analyzed.

What "known to send" means is what errcode follows: a code at wire.code
in a body written with an error status, through helpers, tables and
emitters; a handler's responses through the helpers of its package it
hands its writer to. A response sent by code the analysis cannot follow
(a status read from input, a route registered at run time) is listed as
not sent: read the list as places to look, not as proof.

Its flags are errcodelint's ('errcodelint help'); -json prints one object.`,
	run: func(e *env, fs *flag.FlagSet, args []string) int {
		if slices.ContainsFunc(args, func(a string) bool { return a == "-h" || a == "-help" || a == "--help" }) {
			fs.SetOutput(e.stdout)
			fs.Usage()
			return exitOK
		}
		e.errorf("%s: run it as errcodelint catalog coverage: it analyzes packages", fs.Name())
		return exitUsage
	},
	flags: func(fs *flag.FlagSet) {
		fs.Bool("json", false, "print one JSON object")
	},
}
