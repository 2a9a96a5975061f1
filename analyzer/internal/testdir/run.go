package testdir

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/txtar"
)

// Run is analysistest.Run on packages loaded once per test binary.
//
// analysistest.Run loads its packages, net/http and its dependencies from
// source, at each call: seconds each, minutes for a pass's tests. The first
// Run of a test binary loads every package of dir's GOPATH tree (dir/src)
// at once, in analysistest's mode; each call then analyzes, with a and
// checker.Analyze as analysistest does, the loaded packages its patterns
// match ("p", "p/...", with their tests), and checks their diagnostics and
// facts against the "// want" comments as analysistest.Run does.
//
// The results are analysistest's, except that Pass is nil: use
// Action.Package. Calls are serialized (they share the loaded packages).
func Run(t analysistest.Testing, dir string, a *analysis.Analyzer, patterns ...string) []*analysistest.Result {
	if tb, ok := t.(testing.TB); ok {
		tb.Helper()
	}
	tr := treeOf(dir)
	tr.mu.Lock()
	defer tr.mu.Unlock()
	if tr.err != nil {
		t.Errorf("loading %s: %v", dir, tr.err)
		return nil
	}
	roots, err := tr.match(patterns)
	if err != nil {
		t.Errorf("loading %s: %v", patterns, err)
		return nil
	}

	// Print parse and type errors to the test log, as analysistest does.
	if tb, ok := t.(testing.TB); ok && !a.RunDespiteErrors {
		packages.Visit(roots, nil, func(pkg *packages.Package) {
			for _, err := range pkg.Errors {
				tb.Log(err)
			}
		})
	}

	res, err := checker.Analyze([]*analysis.Analyzer{a}, roots, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Errorf("Analyze: %v", err)
		return nil
	}
	var results []*analysistest.Result
	for _, act := range res.Roots {
		if act.Err != nil {
			t.Errorf("error analyzing %s: %v", act, act.Err)
		} else {
			check(t, dir, act)
		}
		results = append(results, &analysistest.Result{
			Action:      act,
			Facts:       factsOf(act),
			Diagnostics: act.Diagnostics,
			Result:      act.Result,
			Err:         act.Err,
		})
	}
	return results
}

// factsOf is analysistest's map of the facts of act's package and its
// objects (the nil key for package facts).
func factsOf(act *checker.Action) map[types.Object][]analysis.Fact {
	facts := make(map[types.Object][]analysis.Fact)
	for _, f := range act.AllObjectFacts() {
		if f.Object.Pkg() == act.Package.Types {
			facts[f.Object] = append(facts[f.Object], f.Fact)
		}
	}
	for _, f := range act.AllPackageFacts() {
		if f.Package == act.Package.Types {
			facts[nil] = append(facts[nil], f.Fact)
		}
	}
	return facts
}

// A tree is the packages of one GOPATH tree, loaded once.
type tree struct {
	mu   sync.Mutex // serializes the analyses of the shared packages
	pkgs []*packages.Package
	err  error
}

var (
	treesMu sync.Mutex
	trees   = map[string]*tree{}
)

// treeOf returns the loaded tree of dir, loading it on first use.
func treeOf(dir string) *tree {
	treesMu.Lock()
	defer treesMu.Unlock()
	if tr, ok := trees[dir]; ok {
		return tr
	}
	tr := &tree{}
	tr.pkgs, tr.err = load(dir)
	trees[dir] = tr
	return tr
}

// load loads every package of dir/src, with tests and dependencies, as
// analysistest loads the packages of its patterns (GOPATH mode).
func load(dir string) ([]*packages.Package, error) {
	entries, err := os.ReadDir(filepath.Join(dir, "src"))
	if err != nil {
		return nil, err
	}
	var patterns []string
	for _, e := range entries {
		if e.IsDir() {
			patterns = append(patterns, e.Name()+"/...")
		}
	}
	mode := packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
		packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo |
		packages.NeedDeps | packages.NeedModule
	cfg := &packages.Config{
		Mode:  mode,
		Dir:   dir,
		Tests: true,
		Env:   append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off"),
	}
	return packages.Load(cfg, patterns...)
}

// match returns the loaded packages that the go list patterns match (an
// import path, or one ending in "/..."), with their test variants, as
// packages.Load would return them for the patterns alone.
func (tr *tree) match(patterns []string) ([]*packages.Package, error) {
	var roots []*packages.Package
	for _, p := range patterns {
		prefix, dots := strings.CutSuffix(p, "/...")
		if strings.Contains(prefix, "...") {
			return nil, fmt.Errorf("pattern %q: only a path or path/... is supported", p)
		}
		n := 0
		for _, pkg := range tr.pkgs {
			path := basePath(pkg)
			if path == prefix || dots && strings.HasPrefix(path, prefix+"/") {
				if pkg.Name == "" {
					// A package that could not be loaded at all fails
					// the tests that name it, as in analysistest.
					return nil, fmt.Errorf("failed to load %q: Errors=%v", pkg.PkgPath, pkg.Errors)
				}
				if !slices.Contains(roots, pkg) {
					roots = append(roots, pkg)
				}
				n++
			}
		}
		if n == 0 {
			return nil, fmt.Errorf("no packages matched %s", p)
		}
	}
	return roots, nil
}

// basePath is the import path of the package a loaded package is a
// variant of: "p" for p, "p [p.test]", "p_test [p.test]" and p.test.
func basePath(pkg *packages.Package) string {
	if i := strings.Index(pkg.ID, " ["); i >= 0 && strings.HasSuffix(pkg.ID, ".test]") {
		return strings.TrimSuffix(pkg.ID[i+len(" ["):], ".test]")
	}
	if pkg.Name == "main" && strings.HasSuffix(pkg.ID, ".test") {
		return strings.TrimSuffix(pkg.ID, ".test")
	}
	return pkg.PkgPath
}

// RunWithSuggestedFixes is Run, then analysistest.RunWithSuggestedFixes'
// comparison of the suggested fixes with each file's .golden: one file
// with every fix applied, or a txtar archive with a section per fix
// message. The fixed file and the golden are compared after gofmt
// (analysistest also drops the imports a fix leaves unused; no fix of
// errcodelint does that).
func RunWithSuggestedFixes(t analysistest.Testing, dir string, a *analysis.Analyzer, patterns ...string) []*analysistest.Result {
	if tb, ok := t.(testing.TB); ok {
		tb.Helper()
	}
	results := Run(t, dir, a, patterns...)
	for _, r := range results {
		checkFixes(t, r.Action)
	}
	return results
}

// An edit replaces the bytes [start, end) of a file with text.
type edit struct {
	start, end int
	text       string
}

// checkFixes compares the fixes of act's diagnostics, applied, with the
// golden files.
func checkFixes(t analysistest.Testing, act *checker.Action) {
	fset := act.Package.Fset
	generated := map[string]bool{}
	for _, f := range act.Package.Syntax {
		generated[fset.File(f.Pos()).Name()] = ast.IsGenerated(f)
	}

	// message -> fixes -> file -> edits
	fixEdits := map[string][]map[string][]edit{}
	files := map[string]bool{}
	for _, d := range act.Diagnostics {
	fixes:
		for _, fix := range d.SuggestedFixes {
			edits := map[string][]edit{}
			for _, e := range fix.TextEdits {
				f := fset.File(e.Pos)
				if generated[f.Name()] {
					continue fixes // fixes of generated files are not checked
				}
				edits[f.Name()] = append(edits[f.Name()], edit{f.Offset(e.Pos), f.Offset(e.End), string(e.NewText)})
			}
			for name := range edits {
				files[name] = true
			}
			fixEdits[fix.Message] = append(fixEdits[fix.Message], edits)
		}
	}

	for _, name := range slices.Sorted(maps.Keys(files)) {
		original, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("error reading %s: %v", name, err)
			continue
		}
		ar, err := txtar.ParseFile(name + ".golden")
		if err != nil {
			t.Errorf("error reading %s.golden: %v", name, err)
			continue
		}
		merge := func(message string, x, y []edit) []edit {
			z, ok := mergeEdits(x, y)
			if !ok {
				t.Errorf("in file %s, conflict applying fix %q", name, message)
				return x // discard y
			}
			return z
		}
		if len(ar.Files) > 0 {
			// One archive section per fix message.
			if len(ar.Comment) > 0 {
				t.Errorf("%s.golden has leading comment; we don't know what to do with it", name)
				continue
			}
			for _, section := range ar.Files {
				var acc []edit
				for _, fix := range fixEdits[section.Name] {
					acc = merge(section.Name, acc, fix[name])
				}
				if err := compareFixed(name, original, section.Data, acc); err != nil {
					t.Errorf("all fixes of message %q: %v", section.Name, err)
				}
			}
			continue
		}
		// One file: every fix applied.
		var acc []edit
		for _, message := range slices.Sorted(maps.Keys(fixEdits)) {
			for _, fix := range fixEdits[message] {
				acc = merge(message, acc, fix[name])
			}
		}
		if err := compareFixed(name, original, ar.Comment, acc); err != nil {
			t.Errorf("all fixes: %v", err)
		}
	}
}

// mergeEdits merges two lists of edits of one file; identical edits are
// one, and overlapping different edits are a conflict (ok false).
func mergeEdits(x, y []edit) ([]edit, bool) {
	z := slices.Concat(x, y)
	slices.SortStableFunc(z, func(a, b edit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return a.end - b.end
	})
	z = slices.Compact(z)
	for i := 1; i < len(z); i++ {
		if z[i].start < z[i-1].end || z[i].start == z[i-1].start {
			return nil, false
		}
	}
	return z, true
}

// compareFixed applies edits (merged: sorted, not overlapping) to original
// and compares the result with want, both gofmt'ed when name is Go (a fix
// may edit a catalog's OpenAPI document too).
func compareFixed(name string, original, want []byte, edits []edit) error {
	if len(edits) == 0 {
		return fmt.Errorf("%s: no edits", name)
	}
	var b bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.start < last || e.end > len(original) {
			return fmt.Errorf("%s: edit out of range", name)
		}
		b.Write(original[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(original[last:])
	fixed := b.Bytes()
	if strings.HasSuffix(name, ".go") {
		var err error
		if fixed, err = format.Source(fixed); err != nil {
			return fmt.Errorf("%s: error formatting resulting source: %v\n%s", name, err, b.Bytes())
		}
		if want, err = format.Source(want); err != nil {
			return fmt.Errorf("%s.golden: error formatting golden file: %v", name, err)
		}
	}
	if !bytes.Equal(bytes.TrimSpace(fixed), bytes.TrimSpace(want)) {
		return fmt.Errorf("unexpected %s content:\n-- fixed --\n%s\n-- want --\n%s", name, fixed, want)
	}
	return nil
}
