package catalogcmd

import (
	"flag"
	"fmt"

	"github.com/errcodelint/errcodelint/catalog"

	"github.com/errcodelint/errcodelint/internal/catalogtools/warnings"
)

var checkCommand = &command{
	name:    "check",
	args:    "FILE...",
	summary: "validate catalogs; print positioned errors and warnings",
	help: `Check loads each catalog and reports every problem as FILE:LINE:COL: message.

It also warns, as FILE:LINE:COL: warning: message, about what loads but is
likely a mistake: codes that differ only by case or separators
("secret_not_found" and "secretNotFound"), a status whose codes are partly
in groups and partly in none, and 429 codes when rules.retry_after leaves
429 out.

It exits 0 when all catalogs are valid, 1 otherwise (and, with -strict, when
there are warnings), 2 on a bad command line.`,
	flags: func(fs *flag.FlagSet) {
		fs.Bool("strict", false, "exit 1 on warnings too")
	},
	run: runCheck,
}

func runCheck(e *env, fs *flag.FlagSet, args []string) int {
	args, code, ok := interspersed(e, fs, args)
	if !ok {
		return code
	}
	if len(args) == 0 {
		e.errorf("%s: want at least one catalog file", fs.Name())
		fs.Usage()
		return exitUsage
	}
	strict := flagBool(fs, "strict")
	code = exitOK
	for _, path := range args {
		c, err := catalog.Load(path)
		if err != nil {
			e.errorf("%v", err)
			code = exitFail
			continue
		}
		warnings := warnings.List(c)
		for _, w := range warnings {
			e.errorf("%v", w)
		}
		if strict && len(warnings) > 0 {
			code = exitFail
		}
		verdict := "ok"
		if len(warnings) > 0 {
			verdict = fmt.Sprintf("ok, %s", count(len(warnings), "warning", "warnings"))
		}
		ops := ""
		if len(c.Operations) > 0 {
			ops = ", " + count(len(c.Operations), "operation", "operations")
		}
		fmt.Fprintf(e.stdout, "%s: %s, %s%s: %s\n", path, count(len(c.Codes), "code", "codes"), count(len(c.Statuses()), "status", "statuses"), ops, verdict)
	}
	return code
}
