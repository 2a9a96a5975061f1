package catalogcmd

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func run(args ...string) (stdout, stderr string, code int) {
	var out, errw bytes.Buffer
	code = Main(args, &out, &errw)
	return out.String(), errw.String(), code
}

func TestCheckDuplicate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "errcodes.yaml")
	src := "version: 1\ncodes:\n  - code: secret_not_found\n    status: 404\n  - code: secret_not_found\n    status: 404\n"
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
	stdout, stderr, code := run("check", path)
	assert.Equal(t, 1, code)
	assert.Empty(t, stdout)
	assert.Equal(t, path+`:5:11: duplicate code "secret_not_found" (first at 3:11)`+"\n", stderr)
}

func TestCheckSeedCatalogs(t *testing.T) {
	for _, name := range []string{"acme", "platform", "certcentral", "camelcase", "numeric"} {
		path := filepath.Join("..", "..", "testdata", "catalogs", name+".yaml")
		stdout, stderr, code := run("check", path)
		assert.Equal(t, 0, code, stderr)
		assert.Contains(t, stdout, path+": ")
	}
}

func TestUsage(t *testing.T) {
	_, stderr, code := run()
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "usage: errcodelint catalog <command>")

	stdout, _, code := run("-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, stdout, "check")

	_, stderr, code = run("chek")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `unknown command "chek"`)

	stdout, _, code = run("check", "-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, stdout, "usage: errcodelint catalog check")

	_, stderr, code = run("check")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "want at least one catalog file")

	_, stderr, code = run("check", filepath.Join(t.TempDir(), "missing.yaml"))
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "reading catalog: open ")
}
