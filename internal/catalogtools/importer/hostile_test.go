package importer

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestImportManyPlaceholders: a code cell of 50,000 <p> parts did not
// finish (killed after 20 s); it now imports as one template.
func TestImportManyPlaceholders(t *testing.T) {
	page := "| Status | Code |\n|---|---|\n| 400 | a" + strings.Repeat("<p>b", 50000) + " |\n"
	done := make(chan *Imported)
	go func() {
		im, err := Import("ref.md", []byte(page), Options{})
		assert.NoError(t, err)
		done <- im
	}()
	select {
	case im := <-done:
		require.NotNil(t, im)
		require.Len(t, im.Catalog.Codes, 1)
		assert.Len(t, im.Catalog.Codes[0].Template.Vars, 50000)
	case <-time.After(10 * time.Second):
		t.Fatal("Import did not finish within 10s")
	}
}
