package analyzerdoc

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const src = `// Package p defines an Analyzer.
//
// # Analyzer p
//
// p: report things
//
// Details, with an example:
//
//	x := 1
//
// # Other
//
// Not part of it.
package p
`

func TestExtract(t *testing.T) {
	doc, err := extract(src, "p")
	require.NoError(t, err)
	assert.Equal(t, "report things\n\nDetails, with an example:\n\n\tx := 1", doc)
}

func TestExtractErrors(t *testing.T) {
	for _, tc := range []struct{ src, name, err string }{
		{src, "q", `doc.go has no section "# Analyzer q"`},
		{"package p\n", "p", "doc.go has no package comment"},
		{"// # Analyzer p\n//\n// report things\npackage p\n", "p", `the section "# Analyzer p" does not start with "p: "`},
	} {
		_, err := extract(tc.src, tc.name)
		assert.EqualError(t, err, tc.err)
	}
}
