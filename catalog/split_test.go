package catalog

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parseBoth parses src whole and in parts of one entry each.
func parseBoth(t *testing.T, name, src string) (whole, parts *Catalog, wholeErr, partsErr error) {
	t.Helper()
	defer func(min, items int) { splitMin, splitItems = min, items }(splitMin, splitItems)
	splitMin = math.MaxInt
	whole, wholeErr = Parse(name, []byte(src))
	splitMin, splitItems = 0, 1
	parts, partsErr = Parse(name, []byte(src))
	return whole, parts, wholeErr, partsErr
}

// readsInParts reports whether Parse reads src's codes in parts (of one
// entry), rather than falling back to reading it whole.
func readsInParts(name, src string) bool {
	defer func(items int) { splitItems = items }(splitItems)
	splitItems = 1
	s, ok := splitCodes([]byte(src))
	if ok {
		_, ok = (&parser{file: name}).parseSplit(s)
	}
	return ok
}

// TestParseInPartsAgrees: a catalog read in parts is the catalog read
// whole, and a bad one has the same errors, whatever its layout.
func TestParseInPartsAgrees(t *testing.T) {
	inputs := map[string]string{}
	files, err := filepath.Glob("../testdata/catalogs/*.yaml")
	require.NoError(t, err)
	files = append(files, "../examples/vaultline/errcodes.yaml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		inputs[f] = string(data)
	}
	const head = "version: 1\nwire:\n  code: error.code\n"
	// The root mapping indented, its codes key at column 0 (found by fuzzing).
	inputs["indented root"] = " version: 1\ncodes:\n- code: a\n  status: 400\n"
	for name, body := range map[string]string{
		"plain":           "codes:\n  - code: a\n    status: 400\n  - code: b\n    status: [404, 410]\n",
		"indent 0":        "codes:\n- code: a\n  status: 400\n- code: b\n  status: 404\n",
		"comments":        "codes:   # the list\n  # first\n\n  - code: a   # a\n    status: 400\n# at column 0\n  - code: b\n    status: 404\n# after\nrules:\n  retry_after: [429]\n",
		"keys after":      "codes:\n  - code: a\n    status: 400\nrules:\n  retry_after: [503]\napi: X\n",
		"block scalar":    "codes:\n  - code: a\n    status: 400\n    summary: |\n      - not an entry\n      codes:\n  - code: b\n    status: 404\n",
		"anchor in entry": "codes:\n  - &x {code: a, status: 400}\n  - code: b\n    status: &s 404\n    name: B\n",
		"alias across":    "codes:\n  - code: a\n    status: &s 400\n  - code: b\n    status: *s\n",
		"merge across":    "codes:\n  - &base\n    code: a\n    status: 400\n  - <<: *base\n    code: b\n",
		"flow list":       "codes: [{code: a, status: 400}, {code: b, status: 404}]\n",
		"flow entries":    "codes:\n  - {code: a, status: 400}\n  - {code: 7, status: 404}\n",
		"duplicates":      "codes:\n  - code: a\n    status: 400\n  - code: a\n    status: 401\n  - code: x\n    status: 200\n  - code: x\n    status: 400\n",
		"errors":          "codes:\n  - code: a\n    status: 99\n  - code: 'b|{'\n    status: 400\n  - code: c\n    stauts: 400\n",
		"syntax error":    "codes:\n  - code: a\n    status: 400\n  - code: \"b\n    status: 404\n",
		"bad indent":      "codes:\n  - code: a\n    status: 400\n - code: b\n   status: 404\n",
		"codes twice":     "codes:\n  - code: a\n    status: 400\ncodes:\n  - code: b\n    status: 404\n",
		"quoted over":     "api: \"a\ncodes:\n  - x\"\ncodes:\n  - code: a\n    status: 400\n",
		"second document": "codes:\n  - code: a\n    status: 400\n---\ncodes:\n  - code: b\n    status: 404\n",
		"no newline":      "codes:\n  - code: a\n    status: 400",
		"crlf":            "codes:\r\n  - code: a\r\n    status: 400\r\n",
		"empty entries":   "codes:\n  -\n  - code: a\n    status: 400\n",
		"not a list":      "codes:\n  code: a\n",
		"templates":       "codes:\n  - code: 'not_found|{resource}'\n    status: 404\n  - code: not_found\n    status: 404\n",
	} {
		inputs[name] = head + body
	}
	var inParts []string
	for name, src := range inputs {
		if readsInParts("errcodes.yaml", src) {
			inParts = append(inParts, name)
		}
	}
	// What YAML ties across entries, or a layout that is not a plain block
	// list, is read whole; every catalog file here is read in parts.
	assert.ElementsMatch(t, append(files, "plain", "indent 0", "comments", "keys after", "block scalar", "anchor in entry",
		"flow entries", "duplicates", "errors", "codes twice", "second document", "no newline", "empty entries", "templates"), inParts)
	for name, src := range inputs {
		t.Run(name, func(t *testing.T) {
			whole, parts, wholeErr, partsErr := parseBoth(t, "errcodes.yaml", src)
			if wholeErr != nil {
				require.Error(t, partsErr)
				assert.Equal(t, wholeErr.Error(), partsErr.Error())
				return
			}
			require.NoError(t, partsErr)
			assert.Equal(t, whole, parts)
		})
	}
}

// maxLive records the largest live heap any collection found while f ran.
func maxLive(f func()) uint64 {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var (
		mu   sync.Mutex
		most uint64
		done bool
	)
	read := func() {
		metrics.Read(sample)
		mu.Lock()
		most = max(most, sample[0].Value.Uint64())
		mu.Unlock()
	}
	// A finalizer runs after each collection: re-arm it until f returns.
	var arm func()
	arm = func() {
		x := new([16]byte)
		runtime.SetFinalizer(x, func(*[16]byte) {
			read()
			mu.Lock()
			again := !done
			mu.Unlock()
			if again {
				arm()
			}
		})
	}
	runtime.GC()
	arm()
	f()
	runtime.GC()
	read()
	mu.Lock()
	done = true
	mu.Unlock()
	return most
}

// TestLoadLargeCatalogMemory loads a 15 MB catalog of 280,000 codes: the
// heap it needs stays a small multiple of the file (read whole, the YAML
// tree alone took some 20 times its size).
func TestLoadLargeCatalogMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("a 15 MB catalog")
	}
	var b strings.Builder
	b.WriteString("version: 1\napi: Big\nwire:\n  code: error.code\ncodes:\n")
	statuses := []int{400, 401, 403, 404, 409, 422, 429, 500, 503}
	for i := range 280_000 {
		fmt.Fprintf(&b, "  - code: e%06d_%s\n    status: %d\n", i, []string{"alpha", "beta", "gamma", "delta"}[i%4], statuses[i%len(statuses)])
		if i%3 != 0 {
			fmt.Fprintf(&b, "    summary: s%d\n", i)
		}
	}
	require.Less(t, b.Len(), MaxSize)
	path := filepath.Join(t.TempDir(), "errcodes.yaml")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	size := uint64(b.Len())
	b.Reset()

	var cat *Catalog
	live := maxLive(func() {
		var err error
		cat, err = Load(path)
		require.NoError(t, err)
	})
	require.Len(t, cat.Codes, 280_000)
	t.Logf("largest live heap while loading a %d-byte catalog: %d bytes", size, live)
	assert.Less(t, live, 12*size, "largest live heap while loading a %d-byte catalog", size)
	runtime.KeepAlive(cat)
}
