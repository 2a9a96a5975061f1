package catalogcmd

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCheckWarnings(t *testing.T) {
	path := writeFile(t, "errcodes.yaml", "version: 1\nrules:\n  retry_after: []\ncodes:\n  - code: secret_not_found\n    status: 404\n  - code: secretNotFound\n    status: 404\n  - code: slow_down\n    status: 429\n")
	wantErr := path + `:7:11: warning: code "secretNotFound" differs from "secret_not_found" (5:11) only by case or separators
` + path + `:10:13: warning: 1 code with status 429, but rules.retry_after [] leaves 429 out: their responses need not carry Retry-After
`
	stdout, stderr, code := run("check", path)
	assert.Equal(t, 0, code)
	assert.Equal(t, wantErr, stderr)
	assert.Equal(t, path+": 3 codes, 2 statuses: ok, 2 warnings\n", stdout)

	_, _, code = run("check", path, "-strict")
	assert.Equal(t, 1, code, "-strict fails on warnings")
}

// TestCheckStylesClean: the five catalogs pass -strict.
func TestCheckStylesClean(t *testing.T) {
	for _, s := range styles {
		stdout, stderr, code := run("check", "-strict", stylePath(s.name))
		assert.Equal(t, 0, code, stderr)
		assert.Empty(t, stderr)
		assert.Contains(t, stdout, ": ok\n")
	}
}
