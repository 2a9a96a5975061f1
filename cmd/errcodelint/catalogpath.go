package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/errcodelint/errcodelint/catalog"
)

// Under go vet, the tool runs once per package in the package's own
// directory, and go vet passes the flags on as the user wrote them: a
// relative -catalog names a file beside each package, not the one the user
// meant. Nothing in the unit's environment says where go vet was started
// (cmd/go sets the directory and $PWD per package), but the unit's parent
// process is the go command, which still runs there. resolveUnitCatalogs
// makes each relative catalog path of a unit absolute: against the go
// command's directory where the system says what it is (Linux, through
// /proc), else against the root of the package's module when it is a main
// module (a dependency or the standard library is not the user's code).
//
// The catalog matters only to the passes' diagnostics: the fact analyzers
// (analyzer/internal/facts/...) know nothing of catalogs, and the passes
// export no facts. A unit that only computes facts (VetxOnly: the standard
// library, dependencies, packages outside the patterns) therefore runs
// without the catalog flags: it neither fails on a path it cannot place
// nor repeats, for every package of the standard library, the errors of a
// catalog that does not load (unitchecker ignores a pass's error in such a
// unit, so a broken catalog that discovery finds there is harmless too).

// A catalogPathError is a relative catalog path that names no file in
// the directories tried.
type catalogPathError struct {
	flag, value, dir string
}

func (e *catalogPathError) Error() string {
	return fmt.Sprintf("%s %s: no such file relative to %s; give a path from the directory go vet runs in, or an absolute one",
		e.flag, e.value, e.dir)
}

// readUnitConfig reads what errcodelint needs of a unit's configuration.
func readUnitConfig(file string) (*unitConfig, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	cfg := new(unitConfig)
	if err := json.Unmarshal(data, cfg); err != nil {
		return nil, err
	}
	return cfg, nil
}

// resolveUnitCatalogs returns the unit's flags (args without the
// configuration file) with relative catalog paths made absolute, and sets
// $ERRCODELINT_CATALOG likewise, so that the unit cache, a child process
// and the flags' own loading all see the same file. A facts-only unit
// runs without them; in another, a path that cannot be placed is an
// error.
func resolveUnitCatalogs(flags []string, cfg *unitConfig) ([]string, error) {
	if cfg.VetxOnly {
		var out []string
		for i := 0; i < len(flags); i++ {
			name, _, hasValue := strings.Cut(flags[i], "=")
			switch {
			case !isCatalogFlag(name):
				out = append(out, flags[i])
			case !hasValue:
				i++ // and its value
			}
		}
		os.Unsetenv(catalog.EnvVar)
		return out, nil
	}
	bases := catalogBases(cfg)
	resolve := func(name, value string) (string, error) {
		if value == "" || filepath.IsAbs(value) {
			return value, nil
		}
		for _, b := range bases {
			p := filepath.Join(b, value)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p, nil
			}
		}
		dir := cfg.Dir
		if len(bases) > 0 {
			dir = bases[0]
		}
		return "", &catalogPathError{flag: name, value: value, dir: dir}
	}
	var out []string
	for i := 0; i < len(flags); i++ {
		f := flags[i]
		name, value, hasValue := strings.Cut(f, "=")
		if !isCatalogFlag(name) {
			out = append(out, f)
			continue
		}
		if !hasValue {
			if i+1 == len(flags) {
				out = append(out, f)
				continue
			}
			i++
			value = flags[i]
		}
		abs, err := resolve(name, value)
		if err != nil {
			return nil, err
		}
		out = append(out, name+"="+abs)
	}
	if v := os.Getenv(catalog.EnvVar); v != "" {
		abs, err := resolve("$"+catalog.EnvVar, v)
		if err != nil {
			return nil, err
		}
		os.Setenv(catalog.EnvVar, abs)
	}
	return out, nil
}

// isCatalogFlag reports whether a flag name (with its dashes) is
// -catalog or a pass's -NAME.catalog.
func isCatalogFlag(name string) bool {
	if !strings.HasPrefix(name, "-") {
		return false
	}
	n := strings.TrimLeft(name, "-")
	return n == "catalog" || strings.HasSuffix(n, ".catalog")
}

// catalogBases are the directories a unit's relative catalog paths are
// tried against, in order: the go command's working directory, and the
// root of the unit's module when it is a main module.
func catalogBases(cfg *unitConfig) []string {
	var bases []string
	if d := goCommandDir(); d != "" {
		bases = append(bases, d)
	}
	if cfg.ModulePath != "" && cfg.ModuleVersion == "" && cfg.Dir != "" {
		// cmd/go leaves ModuleVersion empty for the main modules (and for
		// a module it could not load, whose root is found the same way).
		if root := moduleRoot(cfg.Dir); root != "" {
			bases = append(bases, root)
		}
	}
	return bases
}

// goCommandDir is the working directory of this process's parent, the go
// command running the unit, where the system tells it; "" elsewhere.
func goCommandDir() string {
	if runtime.GOOS != "linux" {
		return ""
	}
	d, err := os.Readlink(fmt.Sprintf("/proc/%d/cwd", os.Getppid()))
	if err != nil || !filepath.IsAbs(d) {
		return ""
	}
	return d
}

// moduleRoot is the directory holding the go.mod at or above dir.
func moduleRoot(dir string) string {
	for {
		if st, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && !st.IsDir() {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
