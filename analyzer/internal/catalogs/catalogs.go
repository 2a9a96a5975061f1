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
	"go/types"
	"path/filepath"
	"sync"

	"github.com/errcodelint/errcodelint/analyzer/internal/emitters"
	"github.com/errcodelint/errcodelint/analyzer/internal/nethttp"
	"github.com/errcodelint/errcodelint/catalog"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Usage is the -catalog flag's help text, shared by every pass.
const Usage = "error-code catalog `file` (default: $" + catalog.EnvVar + ", else errcodes.yaml found upward from each package to its module root)"

// A Source resolves the catalog for each package of one analyzer.
type Source struct {
	Path  string // the -catalog flag; "" to discover
	cache catalog.Cache

	mu     sync.Mutex
	failed map[string]bool // catalogs whose load error was already returned
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
	v = catalog.Locate(v) // go vet runs the tool in each package's directory
	f.s.Path = v
	if v == "" {
		return nil
	}
	_, err := f.s.cache.Load(v)
	return err
}

// For returns the catalog governing pass's package, or nil when there is
// none. A catalog that does not load is an error: the user's mistake must
// stop the run, not silently turn the checks off.
func (s *Source) For(pass *analysis.Pass) (*catalog.Catalog, error) {
	dir := packageDir(pass.Fset, pass.Files)
	if dir == "" && s.Path == "" {
		// No files to place the package: nothing to govern.
		return nil, nil
	}
	c, err := s.cache.Resolve(s.Path, dir)
	if err != nil {
		// Say it once: every package governed by the same broken catalog
		// would repeat the same errors.
		s.mu.Lock()
		defer s.mu.Unlock()
		key := err.Error()
		if s.failed[key] {
			return nil, nil
		}
		if s.failed == nil {
			s.failed = make(map[string]bool)
		}
		s.failed[key] = true
		return nil, err
	}
	return c, nil
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

// Configured returns the catalog's go.emitters entry for fn as an Emits
// fact, or nil: helpers that inference cannot see through (an interface
// method, a function in a package built elsewhere). The code lands at the
// catalog's wire.code.
func Configured(cat *catalog.Catalog, fn *types.Func) *emitters.Emits {
	if cat == nil || fn == nil || len(cat.Go.Emitters) == 0 {
		return nil
	}
	name := fn.Origin().FullName()
	for _, e := range cat.Go.Emitters {
		if e.Func != name {
			continue
		}
		sig := fn.Type().(*types.Signature)
		status, code := paramIndex(sig, e.Status), paramIndex(sig, e.Code)
		if status < 0 || code < 0 {
			return nil // the catalog names parameters the function lacks
		}
		out := &emitters.Emits{
			Writer: -1,
			Status: emitters.Source{Param: status},
			Codes:  []emitters.Code{{From: emitters.Source{Param: code}, JSON: cat.Wire.Code, XML: cat.Wire.Code}},
		}
		for i := range sig.Params().Len() {
			if t := sig.Params().At(i).Type(); nethttp.IsResponseWriter(t) || nethttp.IsContext(t) {
				out.Writer = i
				break
			}
		}
		return out
	}
	return nil
}

// paramIndex resolves a catalog parameter reference against a signature;
// -1 when it names no parameter.
func paramIndex(sig *types.Signature, p catalog.Param) int {
	if p.Name == "" {
		if p.Index < sig.Params().Len() {
			return p.Index
		}
		return -1
	}
	for i := range sig.Params().Len() {
		if sig.Params().At(i).Name() == p.Name {
			return i
		}
	}
	return -1
}

// Callee is the function or method a call names, interface methods
// included: configured emitters may be either.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}
