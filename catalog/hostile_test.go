package catalog

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// within runs f and fails the test when it does not return in time: the
// hostile inputs below once hung, overflowed the stack or ran for minutes.
func within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("did not finish within %v", d)
	}
}

const deadline = 10 * time.Second

const small = "version: 1\ncodes:\n  - code: a\n    status: 400\n"

func TestLoadNotRegular(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.yaml")
	require.NoError(t, os.Symlink(os.DevNull, zero))
	sub := filepath.Join(dir, "sub.yaml")
	require.NoError(t, os.Mkdir(sub, 0o755))
	tests := []struct{ path, want string }{
		// Before, a symbolic link to a device was read whole: a link to
		// /dev/zero grew memory without bound.
		{zero, zero + ": catalog is a device, not a regular file"},
		{sub, sub + ": catalog is a directory, not a regular file"},
	}
	for _, tt := range tests {
		within(t, deadline, func() {
			_, err := Load(tt.path)
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

// TestLoadTooLarge: Load reads no more than MaxSize+1 bytes and says so.
func TestLoadTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "errcodes.yaml")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(MaxSize+1<<20))
	require.NoError(t, f.Close())
	_, err = Load(path)
	require.Error(t, err)
	assert.Equal(t, path+": catalog is larger than 16 MiB", err.Error())
}

// TestLoadShared: one process loads a file once, until it changes; the
// cache is safe for concurrent use.
func TestLoadShared(t *testing.T) {
	path := filepath.Join(t.TempDir(), "errcodes.yaml")
	require.NoError(t, os.WriteFile(path, []byte(small), 0o644))
	cats := make([]*Catalog, 8)
	var wg sync.WaitGroup
	for i := range cats {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := Load(path)
			assert.NoError(t, err)
			cats[i] = c
		}()
	}
	wg.Wait()
	for _, c := range cats {
		assert.Same(t, cats[0], c)
	}
	var cache Cache
	viaCache, err := cache.Load(path)
	require.NoError(t, err)
	assert.Same(t, cats[0], viaCache, "the analyzers' Cache shares the process-wide load")

	require.NoError(t, os.WriteFile(path, []byte(small+"  - code: b\n    status: 404\n"), 0o644))
	later := time.Now().Add(time.Minute)
	require.NoError(t, os.Chtimes(path, later, later))
	changed, err := Load(path)
	require.NoError(t, err)
	assert.NotSame(t, cats[0], changed)
	assert.Len(t, changed.Codes, 2)
}

func TestFindNames(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"errcodes.yml", ".errcodes.yml"} {
		dir := filepath.Join(root, name+".d")
		require.NoError(t, os.MkdirAll(dir, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module m\n"), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(small), 0o644))
		got, err := Find(dir)
		require.NoError(t, err)
		assert.Equal(t, filepath.Join(dir, name), got)
	}
}

// TestFindNotRegular: a catalog name that is not a regular file is an
// error, not skipped (before, a directory was skipped silently and a FIFO
// was returned, to hang the load).
func TestFindNotRegular(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module m\n"), 0o644))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "errcodes.yaml"), 0o755))
	_, err := Find(dir)
	require.Error(t, err)
	assert.Equal(t, filepath.Join(dir, "errcodes.yaml")+": catalog is a directory, not a regular file", err.Error())
}

// catalogOf parses a catalog of the given codes, all with status 400.
func catalogOf(t *testing.T, codes ...string) *Catalog {
	t.Helper()
	var b strings.Builder
	b.WriteString("version: 1\ncodes:\n")
	for _, c := range codes {
		fmt.Fprintf(&b, "  - code: %q\n    status: 400\n", c)
	}
	c, err := Parse("c.yaml", []byte(b.String()))
	require.NoError(t, err)
	return c
}

// TestPatternBlowUps: inputs that once overflowed the stack or ran for
// minutes (measured before the fix: each killed after 20 s).
func TestPatternBlowUps(t *testing.T) {
	t.Run("intersects 8 MB code", func(t *testing.T) {
		within(t, deadline, func() {
			code := Literal(strings.Repeat("a", 8<<20))
			p := Literal("a").Concat(Hole()).Concat(Literal("b"))
			assert.False(t, p.Intersects(code))
			assert.True(t, Literal("a").Concat(Hole()).Intersects(code))
		})
	})
	t.Run("template of 40k variables", func(t *testing.T) {
		within(t, deadline, func() {
			c := catalogOf(t, strings.Repeat("a{x}", 40000)+"a")
			tmpl := c.Codes[0].Template
			require.NotNil(t, tmpl)
			assert.Len(t, tmpl.Vars, 40000)
			assert.True(t, tmpl.Matches(strings.Repeat("ab", 40000)+"a"))
			assert.False(t, tmpl.Matches(strings.Repeat("a", 80000)))
		})
	})
	t.Run("concat 40k parts one at a time", func(t *testing.T) {
		within(t, deadline, func() {
			var p Pattern
			for range 40000 {
				p = p.Concat(Literal("a")).Concat(Hole())
			}
			assert.Len(t, p.Parts(), 80000)
		})
	})
	t.Run("long literal parts", func(t *testing.T) {
		within(t, deadline, func() {
			long := strings.Repeat("x", 10000)
			c := catalogOf(t, "p{a}"+long+"y")
			assert.Empty(t, c.Match(Hole().Concat(Literal(long+"z"))))
			assert.Len(t, c.Match(Hole().Concat(Literal(long+"y"))), 1)
		})
	})
	t.Run("long concatenation", func(t *testing.T) {
		within(t, deadline, func() {
			c := catalogOf(t, "x{a}y", "q{b}z")
			var p Pattern
			for range 10000 {
				p = p.Concat(Literal("x")).Concat(Hole())
			}
			assert.Empty(t, c.Match(p.Concat(Literal("w"))))
			assert.Len(t, c.Match(p.Concat(Literal("y"))), 1)
		})
	})
}

// TestSuggestBounded: did-you-mean over 100k codes for a 100 KB value once
// ran past 150 s; values over MaxSuggest bytes get no suggestion, and
// candidates too far in length are skipped without computing a distance.
func TestSuggestBounded(t *testing.T) {
	codes := make([]string, 100000)
	for i := range codes {
		codes[i] = fmt.Sprintf("code_number_%d_%s", i, strings.Repeat("z", i%50))
	}
	c := catalogOf(t, codes...)
	within(t, deadline, func() {
		assert.Empty(t, c.Suggest(strings.Repeat("q", 100000)))
		assert.Equal(t, "code_number_12_zzzzzzzzzzzz", c.Suggest("code_numbr_12_zzzzzzzzzzzz"))
		long := strings.Repeat("y", MaxSuggest-1)
		assert.Empty(t, c.Suggest(long))
	})
}

func TestTruncate(t *testing.T) {
	assert.Equal(t, "short", Truncate("short"))
	exact := strings.Repeat("a", MaxQuoted)
	assert.Equal(t, exact, Truncate(exact))
	got := Truncate(strings.Repeat("é", 100))
	assert.True(t, strings.HasSuffix(got, "…"), got)
	assert.LessOrEqual(t, len(got), MaxQuoted)
	assert.True(t, utf8.ValidString(got))
}

// oldIntersects is the search Intersects used to run, kept as a reference:
// a walk over positions of both patterns' runes.
func oldIntersects(p, q Pattern) bool {
	runes := func(p Pattern) []rune {
		var out []rune
		for _, x := range p.Parts() {
			if x.Hole {
				out = append(out, -1)
				continue
			}
			out = append(out, []rune(x.Lit)...)
		}
		return out
	}
	a, b := runes(p), runes(q)
	seen := make(map[[2]int]bool)
	var walk func(i, j int) bool
	walk = func(i, j int) bool {
		key := [2]int{i, j}
		if seen[key] {
			return false
		}
		seen[key] = true
		switch {
		case i == len(a) && j == len(b):
			return true
		case i < len(a) && a[i] == -1:
			return walk(i+1, j) || (j < len(b) && walk(i, j+1))
		case j < len(b) && b[j] == -1:
			return walk(i, j+1) || (i < len(a) && walk(i+1, j))
		case i < len(a) && j < len(b) && a[i] == b[j]:
			return walk(i+1, j+1)
		}
		return false
	}
	return walk(0, 0)
}

// TestPatternAgreesWithReference: on many small random patterns, the
// linear Intersects agrees with the old search and Template.Matches with
// the template's regular expression.
func TestPatternAgreesWithReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := func() Pattern {
		var p Pattern
		for range rng.IntN(5) {
			if rng.IntN(3) == 0 {
				p = p.Concat(Hole())
			} else {
				p = p.Concat(Literal(string("abé"[rng.IntN(3)]) + string("ab"[rng.IntN(2)])))
			}
		}
		return p
	}
	for range 20000 {
		p, q := random(), random()
		require.Equal(t, oldIntersects(p, q), p.Intersects(q), "%q ∩ %q", p.Instance("*"), q.Instance("*"))
	}
	for range 5000 {
		var src strings.Builder
		for i := range 1 + rng.IntN(4) {
			src.WriteString([]string{"a", "b", "ab", "é", "|"}[rng.IntN(5)])
			if rng.IntN(2) == 0 || i == 0 {
				fmt.Fprintf(&src, "{v%d}", i)
			}
		}
		tmpl, err := ParseTemplate(src.String())
		if err != nil || tmpl == nil {
			continue
		}
		re := regexp.MustCompile(tmpl.Expr())
		for range 20 {
			var s strings.Builder
			for range rng.IntN(8) {
				s.WriteString([]string{"a", "b", "é", "|", "\n"}[rng.IntN(5)])
			}
			require.Equal(t, re.MatchString(s.String()), tmpl.Matches(s.String()), "%s ~ %q", src.String(), s.String())
		}
	}
}

// TestErrorsQuoteShort: a catalog error about a 1 MB value quotes its
// start only.
func TestErrorsQuoteShort(t *testing.T) {
	long := strings.Repeat("x", 1<<20)
	for _, src := range []string{
		"version: 1\ncodes:\n  - code: \"" + long + " \"\n    status: 400\n",
		"version: 1\nwire:\n  format: \"" + long + "\"\ncodes:\n  - code: a\n    status: 400\n",
		"version: 1\ncodes:\n  - code: a\n    status: \"" + long + "\"\n",
	} {
		_, err := Parse("c.yaml", []byte(src))
		require.Error(t, err)
		assert.Less(t, len(err.Error()), 300, Truncate(err.Error()))
		assert.Contains(t, err.Error(), "…")
	}
}

// TestConcatShared: patterns are immutable though Concat extends their
// parts in place when it can; extending one pattern many ways, from many
// goroutines, leaves each result and the original as written.
func TestConcatShared(t *testing.T) {
	base := Literal("a").Concat(Hole()).Concat(Literal("b"))
	results := make([]Pattern, 32)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := base
			for j := range 50 {
				p = p.Concat(Literal(fmt.Sprint(i))).Concat(Hole())
				if j == 0 {
					results[i] = p
				}
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, "a…b", base.String())
	for i, p := range results {
		assert.Equal(t, fmt.Sprintf("a…b%d…", i), p.String())
	}
	head := Literal("x").Concat(Hole())
	one, two := head.Concat(Literal("1")), head.Concat(Literal("2"))
	assert.Equal(t, "x…1", one.String())
	assert.Equal(t, "x…2", two.String())
	assert.Equal(t, []Part{{Lit: "x"}, {Hole: true}, {Lit: "12"}}, one.Concat(Literal("2")).Parts(), "adjacent literals read as one")
}
