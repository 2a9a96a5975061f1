package warnings

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogtools/internal/toolstest"
)

func TestWarnings(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"clean", "version: 1\ncodes:\n  - {code: a, status: 400}\n", nil},
		{"case and separators", "version: 1\ncodes:\n  - {code: secret_not_found, status: 404}\n  - {code: secretNotFound, status: 404}\n  - {code: Secret-Not-Found, status: 404}\n",
			[]string{
				`c.yaml:4:12: warning: code "secretNotFound" differs from "secret_not_found" (3:12) only by case or separators`,
				`c.yaml:5:12: warning: code "Secret-Not-Found" differs from "secret_not_found" (3:12) only by case or separators`,
			}},
		{"numeric codes are not compared", "version: 1\ncodes:\n  - {code: 1, status: 400}\n  - {code: 2, status: 400}\n", nil},
		{"status partly grouped", "version: 1\ncodes:\n  - {code: a, status: 404, group: Not found}\n  - {code: b, status: 404}\n  - {code: c, status: 400}\n",
			[]string{`c.yaml:4:12: warning: code "b" has no group, but the other 404 codes are in "Not found"`}},
		{"429 left out of retry_after", "version: 1\nrules:\n  retry_after: [503]\ncodes:\n  - {code: a, status: 429}\n  - {code: b, status: 429}\n",
			[]string{"c.yaml:5:23: warning: 2 codes with status 429, but rules.retry_after [503] leaves 429 out: their responses need not carry Retry-After"}},
		{"429 with empty retry_after", "version: 1\nrules:\n  retry_after: []\ncodes:\n  - {code: a, status: 429}\n",
			[]string{"c.yaml:5:23: warning: 1 code with status 429, but rules.retry_after [] leaves 429 out: their responses need not carry Retry-After"}},
		{"429 reported only", "version: 1\nrules:\n  retry_after: []\ncodes:\n  - {code: a, status: 429, reported: true}\n", nil},
		{"429 among several statuses", "version: 1\nrules:\n  retry_after: []\ncodes:\n  - {code: a, status: [400, 429]}\n",
			[]string{"c.yaml:5:23: warning: 1 code with status 429, but rules.retry_after [] leaves 429 out: their responses need not carry Retry-After"}},
		{"default retry_after", "version: 1\ncodes:\n  - {code: a, status: 429}\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := catalog.Parse("c.yaml", []byte(tt.src))
			require.NoError(t, err)
			var got []string
			for _, w := range List(c) {
				got = append(got, w.String())
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestWarningsStyles: the five hand-written catalogs draw no warning.
func TestWarningsStyles(t *testing.T) {
	for _, s := range toolstest.Styles {
		assert.Empty(t, List(toolstest.LoadStyle(t, s.Name)), s.Name)
	}
}
