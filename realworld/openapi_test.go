package realworld

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogtools/format"
	"github.com/errcodelint/errcodelint/internal/catalogtools/openapi"
)

// openAPIs are real OpenAPI 3 documents as Go modules ship them, pinned.
// Each golden file, realworld/openapi/NAME.golden.yaml, was judged by
// reading the document: every code, status and wire path in it is what
// the document says (see realworld/openapi/README.md).
var openAPIs = []struct {
	name    string
	module  string // module@version
	spec    string // the document's path in the module
	details string
}{
	{"okta", "github.com/okta/okta-sdk-golang/v5@v5.0.2", "okta/api/openapi.yaml",
		"codes in response examples, at errorCode; one SET error with an enum on err"},
	{"hydra", "github.com/ory/hydra-client-go/v2@v2.2.1", "api/openapi.yaml",
		"OAuth 2.0 error objects (code in error) and Ory errors (code in id); no code named"},
	{"kratos", "github.com/ory/kratos-client-go@v1.2.1", "api/openapi.yaml",
		"Ory errors: the HTTP status in code, the error's name in id; no code named"},
	{"ory-network", "github.com/ory/client-go@v1.22.92", "api/openapi.yaml",
		"Ory's errors with status_code beside an error name in prose and an id whose enum lists 2 codes, on a schema every status shares"},
	{"pagerduty", "github.com/speakeasy-api/openapi@v1.26.3", "jsonschema/oas3/testdata/pagerduty.json",
		"an integer error.code that is no HTTP status; its one example sits on a schema shared by every status"},
	{"stripe", "github.com/pb33f/libopenapi@v0.42.5", "test_specs/stripe.yaml",
		"error.code with no enum, under default responses only; the error embeds the API's resources"},
}

// TestOpenAPIRoundTrip imports each real document and compares what the
// importer read (the catalog as format.Format writes it, and every
// report) with its golden file. Set ERRCODELINT_UPDATE_GOLDEN=1 to
// rewrite the golden files, then judge the difference by reading.
//
// It fetches the modules from the module proxy: it runs only with
// -realworld (go test ./realworld -realworld -run OpenAPI).
func TestOpenAPIRoundTrip(t *testing.T) {
	if !*realWorld {
		t.Skip("fetches real modules: run with go test ./realworld -realworld -run OpenAPI")
	}
	for _, api := range openAPIs {
		t.Run(api.name, func(t *testing.T) {
			dir := downloadModule(t, api.module)
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(api.spec)))
			if err != nil {
				t.Fatal(err)
			}
			// Named by its path in the module, so that reports carry no
			// path of this machine.
			res, err := openapi.Import(api.spec, data, openapi.Options{})
			got := renderImport(api.module, api.spec, res, err)
			if res != nil && res.Catalog != nil {
				if _, err := catalog.Parse("errcodes.yaml", format.Format(res.Catalog)); err != nil {
					t.Errorf("the imported catalog does not load: %v", err)
				}
			}
			golden := filepath.Join("openapi", api.name+".golden.yaml")
			if os.Getenv("ERRCODELINT_UPDATE_GOLDEN") != "" {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s: the import differs from %s:\n%s", api.name, golden, lineDiff(string(want), got))
			}
			codes := 0
			if res != nil && res.Catalog != nil {
				codes = len(res.Catalog.Codes)
			}
			responses, unread := 0, 0
			if res != nil {
				responses, unread = res.Responses, len(res.Unread)
			}
			t.Logf("%s: %d error responses, %d codes, %d unread (%s)", api.name, responses, codes, unread, api.details)
		})
	}
}

// downloadModule fetches module@version and returns its directory.
func downloadModule(t *testing.T, mv string) string {
	t.Helper()
	cmd := exec.Command("go", "mod", "download", "-json", mv)
	cmd.Dir = t.TempDir() // outside this module: download only
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var info struct{ Dir, Error string }
	if jerr := json.Unmarshal(stdout.Bytes(), &info); jerr != nil || info.Dir == "" {
		t.Fatalf("go mod download %s: %v %s %s", mv, err, info.Error, stderr.String())
	}
	return info.Dir
}

// renderImport writes what Import returned as the golden file holds it:
// a comment block with the error responses read, every unread part,
// note and error, then the catalog.
func renderImport(mv, spec string, res *openapi.Result, err error) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s %s\n", mv, spec)
	if res != nil {
		fmt.Fprintf(&b, "# error responses: %d\n", res.Responses)
		for _, u := range res.Unread {
			fmt.Fprintf(&b, "# unread: %s\n", u.Error())
		}
		for _, n := range res.Notes {
			fmt.Fprintf(&b, "# note: %s\n", n.String())
		}
	}
	if err != nil {
		fmt.Fprintf(&b, "# error: %s\n", err)
	}
	if res != nil && res.Catalog != nil {
		b.Write(format.Format(res.Catalog))
	}
	return b.String()
}

// lineDiff lists the lines only one side has, in order.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	inW, inG := make(map[string]int), make(map[string]int)
	for _, l := range w {
		inW[l]++
	}
	for _, l := range g {
		inG[l]++
	}
	var b strings.Builder
	for _, l := range w {
		if inG[l] == 0 {
			fmt.Fprintf(&b, "- %s\n", l)
		}
	}
	for _, l := range g {
		if inW[l] == 0 {
			fmt.Fprintf(&b, "+ %s\n", l)
		}
	}
	if b.Len() == 0 {
		return "(the same lines, in another order)"
	}
	return b.String()
}
