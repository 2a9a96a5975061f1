package catalogcmd

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/errcodelint/errcodelint/catalog"
)

// interspersed parses the flags that follow positional arguments, so that
// `gen FILE -pkg apierr` reads like `gen -pkg apierr FILE`. It returns the
// positional arguments; ok is false when the command must stop with code.
func interspersed(e *env, fs *flag.FlagSet, args []string) (pos []string, code int, ok bool) {
	for len(args) > 0 {
		a := args[0]
		switch {
		case a == "--":
			return append(pos, args[1:]...), exitOK, true
		case !strings.HasPrefix(a, "-") || a == "-":
			pos = append(pos, a)
			args = args[1:]
			continue
		}
		if err := parseQuietly(fs, args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(e.stdout)
				fs.Usage()
				return nil, exitOK, false
			}
			fs.Usage()
			return nil, exitUsage, false
		}
		args = fs.Args()
	}
	return pos, exitOK, true
}

// parseQuietly parses flags without the flag package's own call of Usage,
// so that -h prints the usage once, to stdout; a bad flag's error is
// still printed.
func parseQuietly(fs *flag.FlagSet, args []string) error {
	usage := fs.Usage
	fs.Usage = func() {}
	defer func() { fs.Usage = usage }()
	return fs.Parse(args)
}

// positional parses interspersed flags and checks the number of
// positional arguments.
func positional(e *env, fs *flag.FlagSet, args []string, n int) ([]string, int, bool) {
	pos, code, ok := interspersed(e, fs, args)
	if !ok {
		return nil, code, false
	}
	if !wantArgs(e, fs, pos, n) {
		return nil, exitUsage, false
	}
	return pos, exitOK, true
}

// loadArgs takes exactly n catalog files as arguments and loads them all,
// reporting every one that does not load. code is the exit code when ok is
// false.
func loadArgs(e *env, fs *flag.FlagSet, args []string, n int) (cats []*catalog.Catalog, paths []string, code int, ok bool) {
	paths, code, ok = positional(e, fs, args, n)
	if !ok {
		return nil, nil, code, false
	}
	failed := false
	for _, p := range paths {
		c, err := catalog.Load(p)
		if err != nil {
			e.errorf("%v", err)
			failed = true
		}
		cats = append(cats, c)
	}
	if failed {
		return nil, nil, exitFail, false
	}
	return cats, paths, exitOK, true
}

// output writes data to the named file, or to stdout when name is "" or
// "-". An existing file with the same content is left untouched, so that
// go generate does not change its modification time.
func output(e *env, name string, data []byte) error {
	if name == "" || name == "-" {
		_, err := e.stdout.Write(data)
		return err
	}
	if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, data) {
		return nil
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

// oneOf is a flag.Value that accepts one of a fixed set of words.
type oneOf struct {
	value   string
	allowed []string
}

func (o *oneOf) String() string { return o.value }

func (o *oneOf) Set(s string) error {
	for _, a := range o.allowed {
		if s == a {
			o.value = s
			return nil
		}
	}
	return fmt.Errorf("want one of %s", strings.Join(o.allowed, ", "))
}

// flagValue is the value of a flag the command registered.
func flagValue(fs *flag.FlagSet, name string) string { return fs.Lookup(name).Value.String() }

// flagBool reports whether a boolean flag the command registered is set.
func flagBool(fs *flag.FlagSet, name string) bool { return flagValue(fs, name) == "true" }
