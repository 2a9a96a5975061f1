// Package catalogs finds the catalog that governs a package being analyzed.
//
// Each pass owns a Source bound to its -catalog flag. The catalog is the
// flag's file, else $ERRCODELINT_CATALOG, else errcodes.yaml (or
// .errcodes.yaml, errcodes.json) found upward from the package's directory
// to its module root. A Source loads each file once.
package catalogs

import (
	"flag"
	"go/ast"
	"go/token"
	"path/filepath"

	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
)

// Usage is the -catalog flag's help text, shared by every pass.
const Usage = "error-code catalog `file` (default: $" + catalog.EnvVar + ", else errcodes.yaml found upward from each package to its module root)"

// A Source resolves the catalog for each package of one analyzer.
type Source struct {
	Path  string // the -catalog flag; "" to discover
	cache catalog.Cache
}

// Bind registers the -catalog flag on fs. Setting the flag loads the
// catalog, so that a bad one is reported once, as a flag error, before any
// package is analyzed.
func (s *Source) Bind(fs *flag.FlagSet) {
	fs.Var(pathFlag{s}, "catalog", Usage)
}

type pathFlag struct{ s *Source }

func (f pathFlag) String() string {
	if f.s == nil {
		return ""
	}
	return f.s.Path
}

func (f pathFlag) Set(v string) error {
	f.s.Path = v
	if v == "" {
		return nil
	}
	_, err := f.s.cache.Load(v)
	return err
}

// For returns the catalog governing pass's package, or nil when there is
// none. A catalog that does not load is an error, for every package it
// governs: the user's mistake must stop the run, not silently turn the
// checks off for the packages after the first (nor make them look as if
// they had no catalog). Drivers print an error that every package
// repeats once (cmd/errcodelint) or stop at the first (golangci-lint).
func (s *Source) For(pass *analysis.Pass) (*catalog.Catalog, error) {
	dir := packageDir(pass.Fset, pass.Files)
	if dir == "" && s.Path == "" {
		// No files to place the package: nothing to govern.
		return nil, nil
	}
	return s.cache.Resolve(s.Path, dir)
}

// packageDir is the directory of the package's first hand-written Go
// file; cgo's generated files live in the build cache, not beside the
// package, but the //line comments of its copies of the package's files
// name the originals.
func packageDir(fset *token.FileSet, files []*ast.File) string {
	dir := ""
	for _, f := range files {
		name := fset.File(f.FileStart).Name()
		if name == "" {
			continue
		}
		if !ast.IsGenerated(f) {
			return filepath.Dir(name)
		}
		if src := fset.Position(f.Package).Filename; src != name && filepath.IsAbs(src) {
			return filepath.Dir(src) // a cgo copy of a file of the package
		}
		if dir == "" {
			dir = filepath.Dir(name)
		}
	}
	return dir
}
