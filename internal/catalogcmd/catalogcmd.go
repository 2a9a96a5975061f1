// Package catalogcmd implements `errcodelint catalog`, the catalog tools:
// each subcommand reads a catalog file and checks, renders or compares it.
package catalogcmd

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
)

// A command is one `errcodelint catalog` subcommand.
type command struct {
	name    string
	args    string // usage after the name, e.g. "FILE"
	summary string // one line for the command list
	help    string // paragraph shown by -h
	run     func(env *env, fs *flag.FlagSet, args []string) int
	flags   func(fs *flag.FlagSet) // optional: registers the command's flags
}

// env holds the streams a command writes to.
type env struct {
	stdout, stderr io.Writer
}

func (e *env) errorf(format string, args ...any) {
	fmt.Fprintf(e.stderr, format+"\n", args...)
}

// commands are the subcommands, in the order the help lists them.
var commands = []*command{
	checkCommand,
	docCommand,
	diffCommand,
	genCommand,
	importCommand,
	coverageCommand,
}

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1 // the catalog is bad, or the comparison found a breaking change
	exitUsage = 2 // the command line is wrong
)

// Main runs `errcodelint catalog args...` and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		w := stderr
		code := exitUsage
		if len(args) > 0 {
			w, code = stdout, exitOK
		}
		usage(w)
		return code
	}
	i := slices.IndexFunc(commands, func(c *command) bool { return c.name == args[0] })
	if i < 0 {
		e.errorf("errcodelint catalog: unknown command %q; run 'errcodelint catalog -h' for the list", args[0])
		return exitUsage
	}
	cmd := commands[i]
	fs := flag.NewFlagSet("errcodelint catalog "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	if cmd.flags != nil {
		cmd.flags(fs)
	}
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "usage: errcodelint catalog %s [flags] %s\n\n%s\n", cmd.name, cmd.args, cmd.help)
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintf(w, "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	usageFn := fs.Usage
	fs.Usage = func() {} // Main prints the usage itself, once
	err := fs.Parse(args[1:])
	fs.Usage = usageFn
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fs.Usage()
			return exitOK
		}
		fs.Usage() // after the flag package's own error line
		return exitUsage
	}
	return cmd.run(e, fs, fs.Args())
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "usage: errcodelint catalog <command> [flags] [args]\n\n")
	fmt.Fprintf(w, "The catalog tools check, render and compare an error-code catalog\n(errcodes.yaml).\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nRun 'errcodelint catalog <command> -h' for a command's flags.\n")
}

// wantArgs checks the number of positional arguments.
func wantArgs(e *env, fs *flag.FlagSet, args []string, n int) bool {
	if len(args) == n {
		return true
	}
	e.errorf("%s: want %s, got %d", fs.Name(), count(n, "argument", "arguments"), len(args))
	fs.Usage()
	return false
}

// count reads "1 code" or "2 codes": every count the commands print goes
// through it, as the catalog tools' go through their text.Count.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
