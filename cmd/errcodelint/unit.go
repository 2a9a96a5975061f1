package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
)

// A unit is one package analyzed by this process, given a configuration
// file in unitchecker's format: by the standalone engine (driver.go), or
// by go vet -vettool. prepareUnit readies the process for it before
// go/analysis's unitchecker runs it.

// goVetUnit is what errcodelint reads of a unit's configuration besides
// what unitchecker reads.
type goVetUnit struct {
	ID            string
	Dir           string
	ImportPath    string
	Module        *analysis.Module
	ModulePath    string // what go vet gives before go1.27, in place of Module
	ModuleVersion string
	VetxOnly      bool
	Catalogs      map[string]string // the standalone engine's (unitConfig)
	RunLog        string            // the standalone engine's (unitConfig)
}

// mainModule reports whether the unit's package is in a main module
// (not a dependency, not the standard library).
func (u *goVetUnit) mainModule() bool {
	if u.Module != nil {
		return u.Module.Main || u.Module.Path != "" && u.Module.Version == ""
	}
	return u.ModulePath != "" && u.ModuleVersion == ""
}

// readUnit reads the unit configuration file.
func readUnit(file string) (*goVetUnit, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	u := new(goVetUnit)
	if err := json.Unmarshal(data, u); err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	return u, nil
}

// prepareUnit readies the process to analyze the unit whose
// configuration is file, with the tool flags flags, and returns the flags
// to run it with. A unit of the standalone engine pins the catalogs the
// engine keyed it on. A unit of go vet places relative catalog paths and,
// if it only computes facts, drops the catalogs. When done is true, the
// unit was analyzed another way and the process exits with code.
func prepareUnit(flags []string, file string) (out []string, code int, done bool) {
	u, err := readUnit(file)
	if err != nil {
		return flags, 0, false // unitchecker says what is wrong with it
	}
	if isEngineUnit(file) {
		logRun(u)
		if err := pinCatalogs(u.Catalogs); err != nil {
			fmt.Fprintf(os.Stderr, "errcodelint: %v\n", err)
			return nil, 1, true
		}
		return flags, 0, false
	}
	if u.VetxOnly && analyzedInBothRoles(u) {
		code, err := runFullUnit(flags, file)
		if err != nil {
			fmt.Fprintf(os.Stderr, "errcodelint: %v\n", err)
			return nil, 1, true
		}
		return nil, code, true
	}
	if u.VetxOnly {
		// Facts depend on no catalog: run without them, placed or not.
		os.Unsetenv(catalog.EnvVar)
		return withoutCatalogs(flags), 0, false
	}
	out, err = placeCatalogs(flags, u)
	if err == nil {
		err = loadCatalogs(out, u.Dir)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "errcodelint: %v\n", err)
		return nil, 1, true
	}
	return out, 0, false
}

// loadCatalogs loads the catalogs a unit of go vet will find, given its
// flags and its directory. go vet (1.26) keeps a unit's facts before it
// reads what the unit printed, and keeps nothing of that when it holds a
// pass's error: the next run would replay the facts and no error. A
// catalog that does not load therefore fails the unit here, with a
// non-zero exit, so that go vet keeps nothing and says it every time.
func loadCatalogs(flags []string, dir string) error {
	// A flag's file is loaded as the flag is set, which fails the unit.
	for _, f := range flags {
		if name, value, _ := strings.Cut(f, "="); name == "-catalog" && value != "" {
			return nil // every pass has its file
		}
	}
	var c catalog.Cache
	_, err := c.Resolve("", dir) // $ERRCODELINT_CATALOG, else discovery
	return err
}

// isEngineUnit reports whether file is a unit of the standalone engine:
// its name is the engine's.
func isEngineUnit(file string) bool {
	return strings.HasSuffix(file, engineUnitSuffix)
}

// engineUnitSuffix ends the names of the engine's configuration files.
const engineUnitSuffix = ".errcodelint.cfg"

// pinCatalogs reads each catalog the engine keyed the unit on and pins
// it (catalog.Pin); a file that no longer holds what the engine read is
// an error, and the unit's results are not kept.
func pinCatalogs(sums map[string]string) error {
	for _, abs := range sortedKeys(sums) {
		f := readState(abs)
		if f.sum != sums[abs] {
			return fmt.Errorf("%s changed during the run; run again", abs)
		}
		catalog.Pin(abs, f.data)
	}
	return nil
}

// withoutCatalogs is flags less the catalog flags and their values.
func withoutCatalogs(flags []string) []string {
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
	return out
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

// A catalogPathError is a catalog a unit of go vet cannot use.
type catalogPathError struct {
	flag, value, why string
}

func (e *catalogPathError) Error() string {
	return fmt.Sprintf("%s %s: %s", e.flag, e.value, e.why)
}

// placeCatalogs returns the unit's flags with relative catalog paths made
// absolute against the root of the unit's main module, and sets
// $ERRCODELINT_CATALOG likewise. go vet runs each unit in its package's
// directory and keeps its results under the tool's identity (-V=full),
// which covers the catalog files of the main modules and the file
// $ERRCODELINT_CATALOG names: a flag's file outside them would be edited
// unseen, so it is refused.
func placeCatalogs(flags []string, u *goVetUnit) ([]string, error) {
	root := ""
	if u.mainModule() && u.Dir != "" {
		root = moduleRoot(u.Dir)
	}
	place := func(name, value string) (string, error) {
		if value == "" || filepath.IsAbs(value) {
			return value, nil
		}
		if root == "" {
			return "", &catalogPathError{name, value, "a relative path is taken from the root of the package's main module, and this package is in none"}
		}
		return filepath.Join(root, value), nil
	}
	var out []string
	for i := 0; i < len(flags); i++ {
		name, value, hasValue := strings.Cut(flags[i], "=")
		if !isCatalogFlag(name) {
			out = append(out, flags[i])
			continue
		}
		if !hasValue && i+1 < len(flags) {
			i++
			value = flags[i]
		}
		abs, err := place(name, value)
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(abs); err == nil && !seenByToolID(abs, root) {
			// (A file that is not there is the flag's own error.)
			return nil, &catalogPathError{name, value, fmt.Sprintf("go vet would not see an edit of this file (its cache covers the catalog files of the main modules, named %s, and $%s): move it there or set $%s",
				strings.Join(catalog.FileNames, ", "), catalog.EnvVar, catalog.EnvVar)}
		}
		out = append(out, name+"="+abs)
	}
	if v := os.Getenv(catalog.EnvVar); v != "" {
		abs, err := place("$"+catalog.EnvVar, v)
		if err != nil {
			return nil, err
		}
		os.Setenv(catalog.EnvVar, abs)
	}
	return out, nil
}

// seenByToolID reports whether the tool's identity covers the catalog
// file abs: a file with a catalog's name in the main module at root.
func seenByToolID(abs, root string) bool {
	if root == "" || !slices.Contains(catalog.FileNames, filepath.Base(abs)) {
		return false
	}
	rel, err := filepath.Rel(root, abs)
	return err == nil && !strings.HasPrefix(rel, "..")
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

// go vet keys a unit's cached results on the package and its inputs, not
// on whether the unit only computed facts for a package that another
// imports (VetxOnly) or also reported on it. A package of a main module
// with no test files of its own is one unit in both roles: vetted first
// as a dependency, its findings-free result is cached, and a later run
// that names it replays that result, so its findings would be lost. (A
// package with tests is named as its test variant, another unit.)
// errcodelint therefore analyzes such a package in full in both roles.

// analyzedInBothRoles reports whether go vet runs the package of a
// facts-only unit in both roles under one key: a package of a main
// module with no test files of its own.
func analyzedInBothRoles(u *goVetUnit) bool {
	return u.mainModule() && !strings.Contains(u.ID, " ") && !hasOwnTests(u.Dir)
}

// runFullUnit analyzes the facts-only unit of file in full: a child of
// this executable runs a copy of its configuration with VetxOnly off,
// written to a file of errcodelint's own, removed after.
func runFullUnit(flags []string, file string) (int, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return 0, err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return 0, err
	}
	raw["VetxOnly"] = json.RawMessage("false")
	if data, err = json.Marshal(raw); err != nil {
		return 0, err
	}
	dir, err := os.MkdirTemp("", "errcodelint-unit-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	full := filepath.Join(dir, "full.cfg")
	if err := os.WriteFile(full, data, 0o644); err != nil {
		return 0, err
	}
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	cmd := exec.Command(exe, append(slices.Clone(flags), full)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.SysProcAttr = childAttr()
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), nil
	}
	return 0, err
}

// hasOwnTests reports whether dir has test files of its own package
// (package p, not p_test): go vet then names the package by its test
// variant.
func hasOwnTests(dir string) bool {
	if dir == "" {
		return true // not known: leave the unit as go vet asked
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
	fset := token.NewFileSet()
	for _, f := range files {
		clause, err := parser.ParseFile(fset, f, nil, parser.PackageClauseOnly)
		if err != nil || !strings.HasSuffix(clause.Name.Name, "_test") {
			return true
		}
	}
	return false
}
