package catalogcmd

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCounts: every count the commands print reads "1 code" for one and
// "2 codes" for two.
func TestCounts(t *testing.T) {
	one := writeFile(t, "one.yaml", "version: 1\ncodes:\n  - code: secret_not_found\n    status: 404\n")
	two := writeFile(t, "two.yaml", "version: 1\ncodes:\n  - code: secret_not_found\n    status: 404\n  - code: slow_down\n    status: 429\n")

	t.Run("check", func(t *testing.T) {
		stdout, stderr, code := run("check", one, two)
		assert.Equal(t, 0, code, stderr)
		assert.Equal(t, one+": 1 code, 1 status: ok\n"+two+": 2 codes, 2 statuses: ok\n", stdout)
	})

	t.Run("check operations", func(t *testing.T) {
		ops := "operations:\n  - route: GET /a\n    responses: {\"404\": []}\n"
		oneOp := writeFile(t, "oneop.yaml", "version: 1\ncodes: []\n"+ops)
		twoOps := writeFile(t, "twoops.yaml", "version: 1\ncodes: []\n"+ops+"  - route: GET /b\n    responses: {\"404\": []}\n")
		stdout, stderr, code := run("check", oneOp, twoOps)
		assert.Equal(t, 0, code, stderr)
		assert.Equal(t, oneOp+": 0 codes, 0 statuses, 1 operation: ok\n"+twoOps+": 0 codes, 0 statuses, 2 operations: ok\n", stdout)
	})

	t.Run("check warnings", func(t *testing.T) {
		warnOne := writeFile(t, "errcodes.yaml", "version: 1\nrules:\n  retry_after: []\ncodes:\n  - code: slow_down\n    status: 429\n")
		stdout, _, code := run("check", warnOne)
		assert.Equal(t, 0, code)
		assert.Equal(t, warnOne+": 1 code, 1 status: ok, 1 warning\n", stdout)
	})

	t.Run("doc", func(t *testing.T) {
		stdout, stderr, code := run("doc", one)
		assert.Equal(t, 0, code, stderr)
		assert.Contains(t, stdout, "1 code over 1 status.")
		assert.Contains(t, stdout, "| 404 Not Found | 1 code |\n")

		stdout, stderr, code = run("doc", writeFile(t, "both.yaml", "version: 1\ncodes:\n  - code: a\n    status: 404\n  - code: b\n    status: 404\n  - code: c\n    status: 409\n  - code: d\n    status: 409\n"))
		assert.Equal(t, 0, code, stderr)
		assert.Contains(t, stdout, "4 codes over 2 statuses.")
		assert.Contains(t, stdout, "| 404 Not Found | 2 codes |\n")
	})

	t.Run("diff", func(t *testing.T) {
		stdout, _, code := run("diff", two, one)
		assert.Equal(t, 1, code)
		assert.Equal(t, "1 breaking change, 0 other changes\n", lastLine(stdout), stdout)

		none := writeFile(t, "none.yaml", "version: 1\ncodes:\n  - code: other_code\n    status: 500\n  - code: another_code\n    status: 503\n")
		stdout, _, code = run("diff", two, none)
		assert.Equal(t, 1, code)
		assert.Equal(t, "2 breaking changes, 2 other changes\n", lastLine(stdout), stdout)
	})

	t.Run("gen args", func(t *testing.T) {
		_, stderr, code := run("gen", one, two)
		assert.Equal(t, 2, code)
		assert.Contains(t, stderr, "errcodelint catalog gen: want 1 argument, got 2\n")
		_, stderr, code = run("diff", one)
		assert.Equal(t, 2, code)
		assert.Contains(t, stderr, "errcodelint catalog diff: want 2 arguments, got 1\n")
	})

	t.Run("import", func(t *testing.T) {
		in := writeFile(t, "one.md", "| HTTP | Code |\n|---|---|\n| 404 | gone |\n")
		_, stderr, code := run("import", in, "-o", filepath.Join(t.TempDir(), "out.yaml"))
		assert.Equal(t, 0, code, stderr)
		assert.Equal(t, "1 table row: 1 code imported, 0 unread\n", lastLine(stderr), stderr)

		in = writeFile(t, "two.md", "| HTTP | Code |\n|---|---|\n| 404 | gone |\n| 409 | taken |\n")
		_, stderr, code = run("import", in, "-o", filepath.Join(t.TempDir(), "out.yaml"))
		assert.Equal(t, 0, code, stderr)
		assert.Equal(t, "2 table rows: 2 codes imported, 0 unread\n", lastLine(stderr), stderr)
	})
}

// lastLine returns the last line of s, with its line break.
func lastLine(s string) string {
	if len(s) == 0 {
		return ""
	}
	i := len(s) - 2
	for i >= 0 && s[i] != '\n' {
		i--
	}
	return s[i+1:]
}
