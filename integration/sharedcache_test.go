package integration

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The GOCACHEPROG example module, pinned, whose client (go-cacher) and
// HTTP server (go-cacher-server) the shared-cache test builds.
const (
	goToolCache        = "github.com/bradfitz/go-tool-cache"
	goToolCacheVersion = "v0.0.0-20260722201841-0bb331e19f64"
)

// TestSharedCache runs the standalone command twice on two "machines":
// two empty GOCACHEs, each with a GOCACHEPROG client of one shared HTTP
// cache server. The first run fills the shared cache; the second is
// answered by it and analyzes nothing.
func TestSharedCache(t *testing.T) {
	endToEnd(t)
	bins := t.TempDir()
	for _, cmd := range []string{"go-cacher", "go-cacher-server"} {
		build := exec.Command("go", "install", goToolCache+"/cmd/"+cmd+"@"+goToolCacheVersion)
		build.Env = environ("GOBIN=" + bins)
		if out, err := build.CombinedOutput(); err != nil {
			msg := fmt.Sprintf("building %s from the module proxy: %v\n%s", cmd, err, out)
			if os.Getenv("CI") == "true" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
	}

	addr := freeAddr(t)
	server := exec.Command(filepath.Join(bins, "go-cacher-server"), "-listen", addr, "-cache-dir", t.TempDir())
	require.NoError(t, server.Start())
	t.Cleanup(func() {
		_ = server.Process.Kill()
		_ = server.Wait()
	})
	waitHTTP(t, "http://"+addr+"/")

	bin := errcodelint(t)
	dir := copyFixture(t, "vaultfix")
	machine := func(t *testing.T) (result, []string) {
		t.Helper()
		logFile := filepath.Join(t.TempDir(), "runlog")
		env := []string{
			"GOCACHE=" + t.TempDir(),
			"GOCACHEPROG=" + filepath.Join(bins, "go-cacher") + " -cache-dir=" + t.TempDir() + " -cache-server=http://" + addr,
			"ERRCODELINT_CACHE=off", // only go's cache answers
			"ERRCODELINT_RUNLOG=" + logFile,
		}
		r := run(t, dir, env, bin, "./...")
		return r, runLog(t, logFile)
	}

	first, analyzed := machine(t)
	assert.Equal(t, 3, first.code, "%s", first)
	assert.Contains(t, analyzed, "example.com/vaultfix/handler@false", "the first run analyzes")

	second, analyzed := machine(t)
	assert.Equal(t, first.code, second.code, "%s", second)
	assert.Equal(t, first.stderr, second.stderr, "the same findings")
	assert.Empty(t, analyzed, "the second run is answered by the shared cache")
}

// freeAddr is a local TCP address nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	return addr
}

// waitHTTP waits for a server to answer url.
func waitHTTP(t *testing.T, url string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the cache server does not answer: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
