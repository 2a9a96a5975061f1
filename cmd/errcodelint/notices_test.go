package main

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/notice"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSplitNotices(t *testing.T) {
	const finding = `{"posn":"/m/a/a.go:9:2","end":"/m/a/a.go:9:9","message":"code \"x\" is not in the catalog"}`
	noticeAt := func(posn string, n notice.Notice) string {
		msg, err := json.Marshal(n)
		require.NoError(t, err)
		data, err := json.Marshal(map[string]string{"category": notice.Category, "posn": posn, "end": posn, "message": string(msg)})
		require.NoError(t, err)
		return string(data)
	}
	noCatalog := notice.Notice{Kind: notice.NoCatalog}
	wire := func(cat, wire string, matched bool) notice.Notice {
		return notice.Notice{Kind: notice.Wire, Catalog: cat, Wire: wire, Matched: matched}
	}
	tree := jsonTree{
		"m/a": {
			"errcode":    json.RawMessage(`[` + finding + `,` + noticeAt("/m/a/a.go:1:1", wire("/m/api.yaml", "error.code", true)) + `]`),
			"retryafter": json.RawMessage(`[` + finding + `]`),
		},
		"m/b": {"errcode": json.RawMessage(`[` + noticeAt("/m/b/b.go:1:1", noCatalog) + `]`)},
		// The test variant of b: the same package, counted once.
		"m/b [m/b.test]": {"errcode": json.RawMessage(`[` + noticeAt("/m/b/b.go:1:1", noCatalog) + `]`)},
		"m/c":            {"errcode": json.RawMessage(`[` + noticeAt("/m/c/c.go:3:1", noCatalog) + `]`)},
		"m/d":            {"errcode": json.RawMessage(`[` + noticeAt("/m/d/d.go:1:1", wire("/m/api.yaml", "error.code", false)) + `]`)},
		"m/e":            {"errcode": json.RawMessage(`[` + noticeAt("/m/e/e.go:1:1", wire("/x/other.yaml", "code", false)) + `]`)},
		"m/f":            {"errcode": json.RawMessage(`{"error":"boom"}`)},
		// Two clients of api.yaml out of its checks' sight, one of them
		// in its test variant too.
		"m/g": {"errcode": json.RawMessage(`[` + noticeAt("/m/g/g.go:1:1", wire("/m/api.yaml", "error.code", false)) + `,` +
			noticeAt("/m/g/g.go:1:1", notice.Notice{Kind: notice.Client, Catalog: "/m/api.yaml", Wire: "error.code"}) + `]`)},
		"m/g [m/g.test]": {"errcode": json.RawMessage(`[` + noticeAt("/m/g/g.go:1:1", notice.Notice{Kind: notice.Client, Catalog: "/m/api.yaml", Wire: "error.code"}) + `]`)},
		"m/h":            {"errcode": json.RawMessage(`[` + noticeAt("/m/h/h.go:1:1", notice.Notice{Kind: notice.Client, Catalog: "/m/api.yaml", Wire: "error.code"}) + `]`)},
		// Text that is not a notice's data stays a finding.
		"m/i": {"errcode": json.RawMessage(`[{"category":"errcodelint-notice","posn":"/m/i/i.go:1:1","end":"/m/i/i.go:1:1","message":"no catalog"}]`)},
	}
	notices, rest := splitNotices(tree)
	assert.Equal(t, []string{
		"errcodelint: no errcodes.yaml found for 2 packages with HTTP code (upward from each to its module root); the code checks are off for them: add one or pass -catalog",
		`errcodelint: warning: /x/other.yaml: wire.code "code" matches no body type or write in the analyzed packages; check the catalog's wire`,
		`errcodelint: /m/api.yaml: 2 packages (/m/g, /m/h) decode responses into types of their own with no field at wire.code "error.code", and the catalog names no go.error_types: statusbranch sees no code read there; if they are this API's errors, name the error type in go.error_types`,
	}, notices)
	assert.Equal(t, jsonTree{
		"m/a": {
			"errcode":    json.RawMessage(`[` + finding + `]`),
			"retryafter": json.RawMessage(`[` + finding + `]`),
		},
		"m/f": {"errcode": json.RawMessage(`{"error":"boom"}`)},
		"m/i": {"errcode": json.RawMessage(`[{"category":"errcodelint-notice","posn":"/m/i/i.go:1:1","end":"/m/i/i.go:1:1","message":"no catalog"}]`)},
	}, rest)
}

func TestSplitNoticesNone(t *testing.T) {
	tree := jsonTree{"m/a": {"errcode": json.RawMessage(`[{"category":"errcodelint-notice","posn":"/m/a/a.go:1:1","message":"{\"kind\":\"wire\",\"catalog\":\"/m/api.yaml\",\"wire\":\"code\",\"matched\":true}"}]`)}}
	notices, rest := splitNotices(tree)
	assert.Empty(t, notices)
	assert.Empty(t, rest)

	notices, _ = splitNotices(jsonTree{"m/b": {"errcode": json.RawMessage(`[{"category":"errcodelint-notice","posn":"/m/b/b.go:1:1","message":"{\"kind\":\"no-catalog\"}"}]`)}})
	assert.Equal(t, []string{"errcodelint: no errcodes.yaml found for 1 package with HTTP code (upward from each to its module root); the code checks are off for them: add one or pass -catalog"}, notices)
}

// Either engine asks errcode and statusbranch for notices, each unless it
// is off, and neither when fixes are asked.
func TestVetArgsNotices(t *testing.T) {
	t.Setenv(engineEnv, "")
	t.Setenv("ERRCODELINT_CATALOG", "")
	for _, tc := range []struct {
		args                  []string
		errcode, statusbranch bool
	}{
		{[]string{"./..."}, true, true},
		{[]string{"-json", "./..."}, true, true},
		{[]string{"-errcode=false", "./..."}, false, true},
		{[]string{"-statusbranch=false", "./..."}, true, false},
		{[]string{"-fix", "./..."}, false, false},
	} {
		r, ferr := parseStandaloneRun(tc.args, freshAnalyzers())
		require.Nil(t, ferr, "%q", tc.args)
		require.NotNil(t, r, "%q", tc.args)
		for _, args := range [][]string{r.noticeArgs(), r.childArgs()} {
			assert.Equal(t, tc.errcode, slices.Contains(args, "-errcode.notices"), "%q", tc.args)
			assert.Equal(t, tc.statusbranch, slices.Contains(args, "-statusbranch.notices"), "%q", tc.args)
		}
	}
}
