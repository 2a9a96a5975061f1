package conformance

import (
	"bufio"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reportChild makes TestReportLocation's child process run
// TestReportLocationChild, which fails on purpose.
const reportChild = "CONFORMANCE_REPORT_CHILD"

// TestReportLocationChild sends bad responses through the wrappers with a
// real *testing.T; it runs only in TestReportLocation's child process.
func TestReportLocationChild(t *testing.T) {
	if os.Getenv(reportChild) == "" {
		t.Skip("run by TestReportLocation")
	}
	chk := New(load(t, "platform"))
	bad := respond(400, jsonCT, `{"error":{"code":"secret_not_found"}}`)
	srv := httptest.NewServer(bad)
	defer srv.Close()
	client := &http.Client{Transport: chk.Transport(t, srv.Client().Transport)}
	resp, err := client.Get(srv.URL + "/transport") // report: transport
	require.NoError(t, err)
	resp.Body.Close()

	chk.Handler(t, bad).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/direct", nil)) // report: direct

	mux := http.NewServeMux()
	mux.Handle("/", chk.Handler(t, bad))
	mux.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/mux", nil)) // report: mux

	served := httptest.NewServer(chk.Handler(t, bad)) // report: served
	defer served.Close()
	resp, err = served.Client().Get(served.URL + "/served")
	require.NoError(t, err)
	resp.Body.Close()
	served.Close() // the check runs before the handler returns
}

// TestReportLocation: a violation is reported at the line of the test
// that sent the request, whether the test called the handler or went
// through an http.Client; a handler run by a server, at the line that
// wrapped it.
func TestReportLocation(t *testing.T) {
	if os.Getenv(reportChild) != "" {
		t.Skip("in the child")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestReportLocationChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), reportChild+"=1")
	out, err := cmd.CombinedOutput()
	require.Error(t, err, "the child test fails on purpose:\n%s", out)

	lines := markedLines(t, "report_test.go")
	msg := func(path string) string {
		return fmt.Sprintf(`conformance: GET %s: 400: code "secret_not_found" is sent with status 400; the catalog says 404 (%s)`,
			path, ref(t, load(t, "platform"), "secret_not_found"))
	}
	var got []string
	for l := range strings.Lines(string(out)) {
		if strings.Contains(l, "conformance: GET") {
			got = append(got, strings.TrimSpace(l))
		}
	}
	assert.Equal(t, []string{
		fmt.Sprintf("report_test.go:%d: %s", lines["transport"], msg("/transport")),
		fmt.Sprintf("report_test.go:%d: %s", lines["direct"], msg("/direct")),
		fmt.Sprintf("report_test.go:%d: %s", lines["mux"], msg("/mux")),
		fmt.Sprintf("report_test.go:%d: %s", lines["served"], msg("/served")),
	}, got, "child output:\n%s", out)
}

// markedLines returns the lines of a file marked "// report: name", by name.
func markedLines(t *testing.T, file string) map[string]int {
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()
	out := map[string]int{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if _, name, ok := strings.Cut(sc.Text(), "// report: "); ok && !strings.Contains(name, `"`) {
			out[name] = n
		}
	}
	require.NoError(t, sc.Err())
	return out
}
