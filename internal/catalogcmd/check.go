package catalogcmd

import (
	"flag"
	"fmt"

	"github.com/errcodelint/errcodelint/catalog"
)

var checkCommand = &command{
	name:    "check",
	args:    "FILE...",
	summary: "validate catalogs; print positioned errors",
	help: `Check loads each catalog and reports every problem as FILE:LINE:COL: message.
It exits 0 when all catalogs are valid and 1 otherwise.`,
	run: runCheck,
}

func runCheck(e *env, fs *flag.FlagSet, args []string) int {
	if len(args) == 0 {
		e.errorf("%s: want at least one catalog file", fs.Name())
		fs.Usage()
		return exitUsage
	}
	code := exitOK
	for _, path := range args {
		c, err := catalog.Load(path)
		if err != nil {
			e.errorf("%v", err)
			code = exitFail
			continue
		}
		fmt.Fprintf(e.stdout, "%s: %d codes, %d statuses: ok\n", path, len(c.Codes), len(c.Statuses()))
	}
	return code
}
