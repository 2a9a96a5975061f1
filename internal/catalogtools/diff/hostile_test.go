package diff

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errcodelint/errcodelint/catalog"
)

func catalogOf(t *testing.T, codes []string) *catalog.Catalog {
	t.Helper()
	var b strings.Builder
	b.WriteString("version: 1\ncodes:\n")
	for _, c := range codes {
		fmt.Fprintf(&b, "  - {code: %q, status: 400}\n", c)
	}
	c, err := catalog.Parse("c.yaml", []byte(b.String()))
	require.NoError(t, err)
	return c
}

// TestDiffManyRenames: 3,000 codes all renamed once took over 20 s (the
// look-alike search compared every pair and scanned the old catalog for
// each candidate); it now finishes in well under the deadline.
func TestDiffManyRenames(t *testing.T) {
	var o, n []string
	for i := range 3000 {
		o = append(o, fmt.Sprintf("resource_%d_not_found", i))
		n = append(n, fmt.Sprintf("resource_%d_notfound_v2", i))
	}
	oldCat, newCat := catalogOf(t, o), catalogOf(t, n)
	done := make(chan []Change)
	go func() { done <- Diff(oldCat, newCat) }()
	select {
	case changes := <-done:
		breaking := 0
		for _, ch := range changes {
			if ch.Breaking {
				breaking++
			}
		}
		assert.Equal(t, 3000, breaking, "each old code is removed or renamed")
		assert.Equal(t, Renamed, changes[0].Kind, "the first renames are still found")
	case <-time.After(10 * time.Second):
		t.Fatal("Diff did not finish within 10s")
	}
}
