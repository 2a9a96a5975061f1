package bench_test

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/errcode"
	"github.com/errcodelint/errcodelint/analyzer/retryafter"
	"github.com/errcodelint/errcodelint/analyzer/statusbranch"
	"github.com/errcodelint/errcodelint/bench/internal/corpus"
	"github.com/errcodelint/errcodelint/bench/internal/noop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// The benchmarks time the passes against the no-op analyzers on a
// generated corpus of ERRCODELINT_BENCH_N packages (default 20), loaded
// once, the way the command's driver loads it:
//
//	go test ./bench -run '^$' -bench . -benchmem
//	ERRCODELINT_BENCH_N=100 go test ./bench -run '^$' -bench Analyze
//
// BenchmarkAnalyze is the analysis alone (errcodelint's three passes and
// what they require, or a no-op), on packages loaded with every
// dependency's syntax; BenchmarkLoad is the loading, which every run pays
// first: with export data for the dependencies (what a fact-free analyzer
// needs) and from source (what facts need). bench/run.sh times whole runs
// of the commands.

var errcodelint = []*analysis.Analyzer{errcode.Analyzer, retryafter.Analyzer, statusbranch.Analyzer}

func benchN() int {
	if n, err := strconv.Atoi(os.Getenv("ERRCODELINT_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return 20
}

var (
	corpusOnce sync.Once
	corpusDir  string
	corpusErr  error
)

// corpusFor writes the corpus once per test binary.
func corpusFor(tb testing.TB) string {
	corpusOnce.Do(func() {
		corpusDir, corpusErr = os.MkdirTemp("", "errcodelint-bench")
		if corpusErr == nil {
			corpusErr = corpus.Write(corpusDir, benchN(), filepath.Join("..", "testdata", "catalogs"))
		}
	})
	require.NoError(tb, corpusErr)
	return corpusDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if corpusDir != "" {
		os.RemoveAll(corpusDir)
	}
	os.Exit(code)
}

func load(tb testing.TB, dir string, mode packages.LoadMode) []*packages.Package {
	cfg := &packages.Config{Mode: mode | packages.NeedModule, Dir: dir, Env: append(os.Environ(), "ERRCODELINT_CATALOG=")}
	pkgs, err := packages.Load(cfg, "./...")
	require.NoError(tb, err)
	require.Zero(tb, packages.PrintErrors(pkgs), "the corpus must type-check")
	return pkgs
}

// The corpus is what the benchmarks claim it is: it type-checks, and each
// pass finds the mistakes planted in it.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a corpus from source")
	}
	pkgs := load(t, corpusFor(t), packages.LoadAllSyntax)
	g, err := checker.Analyze(errcodelint, pkgs, nil)
	require.NoError(t, err)
	found := make(map[string]int)
	for act := range g.All() {
		require.NoError(t, act.Err, "%s", act)
		if act.IsRoot {
			found[act.Analyzer.Name] += len(act.Diagnostics)
		}
	}
	for _, a := range errcodelint {
		assert.Positive(t, found[a.Name], "%s finds the planted mistakes", a.Name)
	}
}

func BenchmarkAnalyze(b *testing.B) {
	pkgs := load(b, corpusFor(b), packages.LoadAllSyntax)
	for _, bc := range []struct {
		name      string
		analyzers []*analysis.Analyzer
	}{
		{"errcodelint", errcodelint},
		{"noop", []*analysis.Analyzer{noop.Analyzer}},
		{"noopfacts", []*analysis.Analyzer{noop.Facts}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := checker.Analyze(bc.analyzers, pkgs, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(pkgs)), "ns/pkg")
		})
	}
}

func BenchmarkLoad(b *testing.B) {
	dir := corpusFor(b)
	for _, bc := range []struct {
		name string
		mode packages.LoadMode
	}{
		{"exportdata", packages.LoadSyntax},
		{"source", packages.LoadAllSyntax},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				n = len(load(b, dir, bc.mode))
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/pkg")
		})
	}
}
