package main

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSplitNotices(t *testing.T) {
	const finding = `{"posn":"/m/a/a.go:9:2","end":"/m/a/a.go:9:9","message":"code \"x\" is not in the catalog"}`
	notice := func(posn, msg string) string {
		data, err := json.Marshal(map[string]string{"category": "errcodelint-notice", "posn": posn, "end": posn, "message": msg})
		require.NoError(t, err)
		return string(data)
	}
	tree := jsonTree{
		"m/a": {
			"errcode":    json.RawMessage(`[` + finding + `,` + notice("/m/a/a.go:1:1", `wire matched "/m/api.yaml" "error.code"`) + `]`),
			"retryafter": json.RawMessage(`[` + finding + `]`),
		},
		"m/b": {"errcode": json.RawMessage(`[` + notice("/m/b/b.go:1:1", "no catalog") + `]`)},
		// The test variant of b: the same package, counted once.
		"m/b [m/b.test]": {"errcode": json.RawMessage(`[` + notice("/m/b/b.go:1:1", "no catalog") + `]`)},
		"m/c":            {"errcode": json.RawMessage(`[` + notice("/m/c/c.go:3:1", "no catalog") + `]`)},
		"m/d":            {"errcode": json.RawMessage(`[` + notice("/m/d/d.go:1:1", `wire unmatched "/m/api.yaml" "error.code"`) + `]`)},
		"m/e":            {"errcode": json.RawMessage(`[` + notice("/m/e/e.go:1:1", `wire unmatched "/x/other.yaml" "code"`) + `]`)},
		"m/f":            {"errcode": json.RawMessage(`{"error":"boom"}`)},
	}
	notices, rest := splitNotices(tree)
	assert.Equal(t, []string{
		"errcodelint: no errcodes.yaml found for 2 packages with HTTP code (upward from each to its module root); the code checks are off for them: add one or pass -catalog",
		`errcodelint: warning: /x/other.yaml: wire.code "code" matches no body type or write in the analyzed packages; check the catalog's wire`,
	}, notices)
	assert.Equal(t, jsonTree{
		"m/a": {
			"errcode":    json.RawMessage(`[` + finding + `]`),
			"retryafter": json.RawMessage(`[` + finding + `]`),
		},
		"m/f": {"errcode": json.RawMessage(`{"error":"boom"}`)},
	}, rest)
}

func TestSplitNoticesNone(t *testing.T) {
	tree := jsonTree{"m/a": {"errcode": json.RawMessage(`[{"category":"errcodelint-notice","posn":"/m/a/a.go:1:1","message":"wire matched \"/m/api.yaml\" \"code\""}]`)}}
	notices, rest := splitNotices(tree)
	assert.Empty(t, notices)
	assert.Empty(t, rest)

	notices, _ = splitNotices(jsonTree{"m/b": {"errcode": json.RawMessage(`[{"category":"errcodelint-notice","posn":"/m/b/b.go:1:1","message":"no catalog"}]`)}})
	assert.Equal(t, []string{"errcodelint: no errcodes.yaml found for 1 package with HTTP code (upward from each to its module root); the code checks are off for them: add one or pass -catalog"}, notices)
}

// Either engine is asked for notices unless errcode is off, or fixes are
// asked.
func TestVetArgsNotices(t *testing.T) {
	t.Setenv(engineEnv, "")
	t.Setenv("ERRCODELINT_CATALOG", "")
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"./..."}, true},
		{[]string{"-json", "./..."}, true},
		{[]string{"-errcode=false", "./..."}, false},
		{[]string{"-fix", "./..."}, false},
	} {
		r, ferr := parseStandaloneRun(tc.args, freshAnalyzers())
		require.Nil(t, ferr, "%q", tc.args)
		require.NotNil(t, r, "%q", tc.args)
		assert.Equal(t, tc.want, slices.Contains(r.noticeArgs(), "-errcode.notices"), "%q", tc.args)
		assert.Equal(t, tc.want, slices.Contains(r.childArgs(), "-errcode.notices"), "%q", tc.args)
	}
}
