package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogtools/internal/toolstest"

	"github.com/errcodelint/errcodelint/internal/catalogtools/format"
)

// TestImportGolden imports the references under testdata/import, written
// for these tests, and compares the catalog and the report of unread rows
// and notes with their golden files.
func TestImportGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.*"))
	require.NoError(t, err)
	var n int
	for _, in := range inputs {
		if strings.HasSuffix(in, ".yaml") || strings.HasSuffix(in, ".report") {
			continue
		}
		n++
		t.Run(filepath.Base(in), func(t *testing.T) {
			data, err := os.ReadFile(in)
			require.NoError(t, err)
			im, err := Import(filepath.Base(in), data, Options{API: "Test"})
			require.NoError(t, err)
			base := strings.TrimSuffix(in, filepath.Ext(in))
			toolstest.Golden(t, base+".yaml", format.Format(im.Catalog))
			toolstest.Golden(t, base+".report", []byte(importReport(im)))
		})
	}
	assert.Equal(t, 3, n, "inputs under testdata/import")
}

func importReport(im *Imported) string {
	var b strings.Builder
	fmt.Fprintf(&b, "rows %d, codes %d, unread %d\n", im.Rows, len(im.Catalog.Codes), len(im.Unread))
	for _, u := range im.Unread {
		fmt.Fprintf(&b, "%v\n", u)
	}
	for _, n := range im.Notes {
		fmt.Fprintf(&b, "%v\n", n)
	}
	for i, code := range im.Catalog.Codes {
		fmt.Fprintf(&b, "line %d: %s\n", im.Lines[i], code.Value)
	}
	return b.String()
}

// TestImportEveryRowAccounted checks, on the golden inputs, that every
// table row is either imported or reported: none is dropped silently.
func TestImportEveryRowAccounted(t *testing.T) {
	for _, name := range []string{"pipes.md", "numeric.txt", "tabs.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(t, err)
		im, err := Import(name, data, Options{})
		require.NoError(t, err)
		assert.Equal(t, im.Rows, len(im.Catalog.Codes)+len(im.Unread), name)
		assert.Len(t, im.Lines, len(im.Catalog.Codes))
	}
}

func TestImportErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"no table", "Just prose.\nNo table here.\n", "ref.md:1:1: no error-code table found; want a header row with an HTTP status column and a code column"},
		{"header without status", "| Name | Code |\n|---|---|\n| a | b |\n", "ref.md:1:1: no error-code table found; want a header row with an HTTP status column and a code column"},
		{"nothing readable", "| HTTP | Code |\n|---|---|\n| 200 | ok |\n", "ref.md:1:1: no row of the tables could be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Import("ref.md", []byte(tt.src), Options{})
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

// TestImportRows pins how single rows read, one table each.
func TestImportRows(t *testing.T) {
	tests := []struct {
		name, header, row string
		code              string // "" when the row is unread
		status            int
		unread            string
		good              string // a readable row to follow; "| 500 | other_code |" when empty
	}{
		{"plain", "| HTTP | Code |", "| 404 | gone |", "gone", 404, "", ""},
		{"code first", "| Type | HTTP status | Cause |", "badThing | 400 | it is bad |", "badThing", 400, "", "other | 500 | x |"},
		{"backquotes", "| Status | Code |", "| 400 | `quoted_code` |", "quoted_code", 400, "", ""},
		{"bold heading", "| **HTTP** | **Error code** |", "| 400 | bold |", "bold", 400, "", ""},
		{"angle template", "| HTTP | Code |", "| 400 | invalid_chars:<param.name> |", "invalid_chars:{param.name}", 400, "", ""},
		{"angle with space", "| HTTP | Code |", "| 400 | bad:<field name> |", "bad:{field_name}", 400, "", ""},
		{"brace template", "| HTTP | Code |", "| 404 | not_found|{kind} |", "not_found|{kind}", 404, "", ""},
		{"variable word", "| HTTP | Code |", "| 400 | dns_missing|variable |", "dns_missing|{variable}", 400, "", ""},
		{"two variables", "| HTTP | Code |", "| 400 | a|variable|variable |", "a|{variable}|{variable2}", 400, "", ""},
		{"trailing separator", "| HTTP | Code |", "| 400 | required_param: |", "required_param:{param}", 400, "", ""},
		{"pipe inside code", "| HTTP | Code | Meaning |", "| 403 | access_denied|missing_permission | no |", "access_denied|missing_permission", 403, "", ""},
		{"numeric codes", "| HTTP | Code |", "| 400 | 1234 |", "1234", 400, "", ""},
		{"status class", "| HTTP | Code |", "| 4xx | vague |", "", 0, `ref.md:3:1: status cell "4xx" is not an HTTP status`, ""},
		{"success status", "| HTTP | Code |", "| 200 | fine |", "", 0, "ref.md:3:1: status 200 is not an error status (4xx or 5xx)", ""},
		{"empty status", "| HTTP | Code |", "| | nothing |", "", 0, "ref.md:3:1: status cell is empty", ""},
		{"spaces in code", "| HTTP | Code |", "| 400 | two words |", "", 0, `ref.md:3:1: code cell "two words" is not a code: it has spaces`, ""},
		{"empty code", "| HTTP | Code |", "| 400 | |", "", 0, "ref.md:3:1: code cell is empty", ""},
		{"bad template", "| HTTP | Code |", "| 400 | a{b |", "", 0, `ref.md:3:1: code cell "a{b": malformed template "a{b": "{" without "}"`, ""},
		{"too few cells", "| Code | Meaning | HTTP |", "| lonely |", "", 0, "ref.md:3:1: row has 1 cell; the header wants a status in column 3 and a code in column 1", "| fine | ok | 500 |"},
		{"two cells", "| Code | Meaning | HTTP |", "| pair | short |", "", 0, "ref.md:3:1: row has 2 cells; the header wants a status in column 3 and a code in column 1", "| fine | ok | 500 |"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A good row after the one under test keeps Import from failing
			// when that one is unread.
			good := tt.good
			if good == "" {
				good = "| 500 | other_code |"
			}
			src := tt.header + "\n|---|---|\n" + tt.row + "\n" + good + "\n"
			im, err := Import("ref.md", []byte(src), Options{})
			require.NoError(t, err)
			if tt.unread != "" {
				require.Len(t, im.Unread, 1)
				assert.Equal(t, tt.unread, im.Unread[0].Error())
				return
			}
			require.Empty(t, im.Unread)
			require.NotEmpty(t, im.Catalog.Codes)
			assert.Equal(t, tt.code, im.Catalog.Codes[0].Value)
			assert.Equal(t, tt.status, im.Catalog.Codes[0].Status)
		})
	}
}

// TestImportStatusCells: a cell of several statuses becomes a list, the
// first the default; a status may carry its reason phrase.
func TestImportStatusCells(t *testing.T) {
	tests := []struct {
		cell   string
		want   []int
		unread string
	}{
		{"404", []int{404}, ""},
		{"404 Not Found", []int{404}, ""},
		{"400, 404", []int{400, 404}, ""},
		{"400 Bad Request, 404 Not Found, 415 Unsupported Media Type", []int{400, 404, 415}, ""},
		{"400 / 404", []int{400, 404}, ""},
		{"400 or 409", []int{400, 409}, ""},
		{"400, 400", nil, `ref.md:3:1: status cell "400, 400" lists 400 twice`},
		{"400, 200", nil, "ref.md:3:1: status 200 is not an error status (4xx or 5xx)"},
		{"400, ", nil, `ref.md:3:1: status cell "400," is not an HTTP status`},
		{"Not Found", nil, `ref.md:3:1: status cell "Not Found" is not an HTTP status`},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			src := "| HTTP | Code |\n|---|---|\n| " + tt.cell + " | malformed |\n| 500 | other_code |\n"
			im, err := Import("ref.md", []byte(src), Options{})
			require.NoError(t, err)
			if tt.unread != "" {
				require.Len(t, im.Unread, 1)
				assert.Equal(t, tt.unread, im.Unread[0].Error())
				return
			}
			require.Empty(t, im.Unread)
			code := im.Catalog.Codes[0]
			assert.Equal(t, tt.want, code.Statuses)
			assert.Equal(t, tt.want[0], code.Status)
		})
	}
}

func TestSplitName(t *testing.T) {
	tests := []struct{ in, name, rest string }{
		{"InvalidCsrSignatureThe provided CSR", "InvalidCsrSignature", "The provided CSR"},
		{"SignerNotFoundA signer", "SignerNotFound", "A signer"},
		{"BadRequestAn unspecified error", "BadRequest", "An unspecified error"},
		{"IdpUnavailableThe IDP", "IdpUnavailable", "The IDP"},
		{"Lonely", "Lonely", ""},
	}
	for _, tt := range tests {
		name, rest := splitName(tt.in)
		assert.Equal(t, tt.name, name, tt.in)
		assert.Equal(t, tt.rest, rest, tt.in)
	}
}

func TestSummarize(t *testing.T) {
	assert.Equal(t, "First sentence", summarize("First  sentence. Second one."))
	assert.Equal(t, "No period", summarize("No period"))
	long := strings.Repeat("word ", 40)
	got := summarize(long)
	assert.True(t, strings.HasSuffix(got, "…"), got)
	assert.LessOrEqual(t, len([]rune(got)), 121)
}

// seedsDir is ../shared/seeds beside the repository: the reference pages
// the five catalog styles were written from. They are not part of the
// repository; without them the seed tests fail under CI and skip
// elsewhere.
func seedsDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(toolstest.Root(), "..", "shared", "seeds")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("seed references not found: %v", err)
		}
		t.Skipf("seed references not found (%v); set CI to make this a failure", err)
	}
	return dir
}

// seedFile returns the seed reference numbered seed ("000").
func seedFile(t *testing.T, seed string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(seedsDir(t), seed+"_*.txt"))
	require.NoError(t, err)
	require.Len(t, files, 1, "seed %s", seed)
	return files[0]
}

// TestImportSeeds imports each seed reference and holds the result to the
// hand-written catalog of its style: every imported row resolves there
// with the same status, and every hand-written code is hit by some row.
func TestImportSeeds(t *testing.T) {
	want := map[string]struct{ rows, unread, notes int }{
		"acme":        {7, 0, 0},
		"platform":    {73, 0, 1},
		"certcentral": {99, 0, 1},
		"camelcase":   {17, 0, 1},
		"numeric":     {55, 0, 1},
	}
	for _, s := range toolstest.Styles {
		t.Run(s.Name, func(t *testing.T) {
			path := seedFile(t, s.Seed)
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			im, err := Import(path, data, Options{})
			require.NoError(t, err)
			assert.Equal(t, want[s.Name].rows, im.Rows, "rows")
			assert.Len(t, im.Unread, want[s.Name].unread, "unread: %v", im.Unread)
			assert.Len(t, im.Notes, want[s.Name].notes, "notes: %v", im.Notes)
			assert.Equal(t, im.Rows, len(im.Catalog.Codes)+len(im.Unread))

			hand := toolstest.LoadStyle(t, s.Name)
			hit := make(map[*catalog.Code]bool)
			for i, code := range im.Catalog.Codes {
				h, ok := lookupImported(hand, code)
				if !assert.True(t, ok, "%s:%d: imported code %s is not in %s", path, im.Lines[i], code.Quoted(), s.Name) {
					continue
				}
				assert.Equal(t, h.Status, code.Status, "%s:%d: status of %s", path, im.Lines[i], code.Quoted())
				hit[h] = true
			}
			for _, h := range hand.Codes {
				assert.True(t, hit[h], "%s: hand-written code %s is hit by no imported row", h.Pos, h.Quoted())
			}
			checkSeedExtras(t, s.Name, hand, im.Catalog)
		})
	}
}

// lookupImported finds an imported code in the hand-written catalog: a
// template's own text stands for one of its instances.
func lookupImported(hand *catalog.Catalog, code *catalog.Code) (*catalog.Code, bool) {
	if code.Numeric {
		return hand.LookupInt(code.Int)
	}
	return hand.Lookup(code.Value)
}

// checkSeedExtras compares what more than code and status each style's
// reference says: names, groups, reported statuses, the wire.
func checkSeedExtras(t *testing.T, style string, hand, imported *catalog.Catalog) {
	t.Helper()
	switch style {
	case "acme", "certcentral":
		assert.Equal(t, hand.Wire, imported.Wire, "wire read from the example body")
	case "platform":
		for i, code := range imported.Codes {
			assert.Equal(t, hand.Codes[i].Group, code.Group, code.Value)
			assert.Equal(t, hand.Codes[i].Reported, code.Reported, code.Value)
		}
	case "numeric":
		for i, code := range imported.Codes {
			assert.Equal(t, hand.Codes[i].Name, code.Name, code.Value)
			assert.Equal(t, hand.Codes[i].Group, code.Group, code.Value)
		}
	}
}

// TestImportWireFromExample: the example error body gives wire.code,
// whether it shows a placeholder or a real code of the tables; without
// one, a note says wire.code keeps its default.
func TestImportWireFromExample(t *testing.T) {
	const table = "| HTTP | Code |\n|---|---|\n| 404 | user_not_found |\n| 400 | badNonce |\n| 409 | 7710 |\n"
	tests := []struct {
		name, body string
		want       catalog.Wire
		note       bool
	}{
		{"placeholder", `{"error": {"code": "<error_code>", "status": 404}}`, catalog.Wire{Code: "error.code", Status: "error.status"}, false},
		{"real code", `{"error":{"code":"user_not_found"}}`, catalog.Wire{Code: "error.code"}, false},
		{"real code in an array", `{"errors": [{"message": "x", "reason": "user_not_found", "status": 404}]}`, catalog.Wire{Code: "errors[].reason", Status: "errors[].status"}, false},
		{"prefixed code", `{"type": "urn:ietf:params:acme:error:badNonce", "detail": "x", "status": 400}`, catalog.Wire{Code: "type", Prefix: "urn:ietf:params:acme:error:", Status: "status"}, false},
		{"numeric code", `{"status": 409, "error_code": 7710}`, catalog.Wire{Code: "error_code", Status: "status"}, false},
		{"no body", "", catalog.Wire{Code: "code"}, true},
		{"body without a code", `{"message": "something else"}`, catalog.Wire{Code: "code"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			im, err := Import("ref.md", []byte(tt.body+"\n\n"+table), Options{})
			require.NoError(t, err)
			w := im.Catalog.Wire
			assert.Equal(t, tt.want.Code, w.Code)
			assert.Equal(t, tt.want.Status, w.Status)
			assert.Equal(t, tt.want.Prefix, w.Prefix)
			var notes []string
			for _, n := range im.Notes {
				notes = append(notes, n.String())
			}
			if tt.note {
				assert.Equal(t, []string{`ref.md:1:1: warning: no example error body shows where codes travel; wire.code is left at its default "code", a top-level field`}, notes)
			} else {
				assert.Empty(t, notes)
			}
		})
	}
}
