package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What errcodelint tells its own child processes is not read from the
// environment: a user who sets the variables it once used changes
// nothing. The run log that tests read is asked for with -runlog, which
// -h does not list and which does not change what the cache keys.
func TestInternalProtocolNotInEnvironment(t *testing.T) {
	bin := build(t)
	dir := interleave(t)
	log := filepath.Join(t.TempDir(), "runlog")

	// ERRCODELINT_RUNLOG, set by a user: no log, the same findings.
	cache := "ERRCODELINT_CACHE=" + t.TempDir()
	stdout, stderr, code := runWith(t, []string{cache, "ERRCODELINT_RUNLOG=" + log}, dir, bin, ".")
	assert.Equal(t, 3, code)
	assert.Empty(t, stdout)
	assert.Equal(t, interleaveText, stderr)
	assert.NoFileExists(t, log)

	// -runlog on the same cache: every unit is answered from it, so
	// nothing is logged (the flag is not part of a unit's key), and the
	// findings are the same.
	_, stderr, code = runWith(t, []string{cache}, dir, bin, "-runlog", log, ".")
	assert.Equal(t, 3, code)
	assert.Equal(t, interleaveText, stderr)
	assert.NoFileExists(t, log)

	// On a fresh cache, each unit the engine runs is logged.
	_, stderr, code = runWith(t, []string{"ERRCODELINT_CACHE=" + t.TempDir()}, dir, bin, "-runlog", log, ".")
	assert.Equal(t, 3, code)
	assert.Equal(t, interleaveText, stderr)
	data, err := os.ReadFile(log)
	require.NoError(t, err)
	assert.Contains(t, string(data), "example.com/interleave vetxonly=false\n")
	assert.Contains(t, string(data), "net/http vetxonly=true\n")

	// Under go vet, whose units errcodelint does not plan, the variable
	// does nothing either.
	require.NoError(t, os.Remove(log))
	cmd := exec.Command("go", "vet", "-vettool="+bin, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "ERRCODELINT_CATALOG=", "ERRCODELINT_RUNLOG="+log)
	out, err := cmd.CombinedOutput()
	assert.Error(t, err, "findings")
	assert.Contains(t, string(out), "server.go:26:29: status 429 is written without a Retry-After header")
	assert.NoFileExists(t, log)

	// The engine's child was once ERRCODELINT_ENGINE=multichecker: now
	// that is an engine like any unknown one, and the in-process engine
	// marks its child otherwise.
	_, stderr, code = runWith(t, engineEnv("multichecker"), dir, bin, ".")
	assert.Equal(t, 2, code)
	assert.Equal(t, "errcodelint: unknown ERRCODELINT_ENGINE=multichecker; want vet or inprocess\n", stderr)

	// -runlog is not the user's: neither help nor go vet's -flags lists it.
	stdout, _, _ = run(t, dir, bin, "help")
	assert.NotContains(t, stdout, "runlog")
	stdout, _, _ = run(t, dir, bin, "-flags")
	assert.NotContains(t, stdout, "runlog")
}
