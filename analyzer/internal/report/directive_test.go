package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		text string
		ok   bool
		want Directive
		err  string
	}{
		{text: "//lint:ignore errcode the legacy API", ok: true,
			want: Directive{Kind: LineIgnore, Checks: []string{"errcode"}, Reason: "the legacy API"}},
		{text: "//lint:file-ignore errcode,RetryAfter,,SA1019 generated", ok: true,
			want: Directive{Kind: FileIgnore, Checks: []string{"errcode", "retryafter", "sa1019"}, Reason: "generated"}},
		{text: "//lint:ignore errcode\tthe  legacy   API ", ok: true,
			want: Directive{Kind: LineIgnore, Checks: []string{"errcode"}, Reason: "the legacy API"}},
		{text: "//lint:ignore errcode", ok: true,
			want: Directive{Kind: LineIgnore, Checks: []string{"errcode"}}, err: "a reason is required"},
		{text: "//lint:file-ignore errcodelint   ", ok: true,
			want: Directive{Kind: FileIgnore, Checks: []string{"errcodelint"}}, err: "a reason is required"},
		// Names no check: staticcheck's to report, not ours.
		{text: "//lint:ignore"},
		{text: "//lint:ignore , reason"},
		// Other lint: commands, and lookalikes.
		{text: "//lint:sorted"},
		{text: "// lint:ignore errcode reason"},
		{text: "//lint:ignoreerrcode reason"},
		{text: "/* lint:ignore errcode reason */"},
		{text: "// a comment"},

		{text: "//nolint", ok: true, want: Directive{Kind: Nolint}},
		{text: "// nolint", ok: true, want: Directive{Kind: Nolint}},
		{text: "//nolint // why", ok: true, want: Directive{Kind: Nolint, Reason: "why"}},
		{text: "//nolint:all", ok: true, want: Directive{Kind: Nolint}},
		{text: "//nolint:errcode,all", ok: true, want: Directive{Kind: Nolint}},
		{text: "//nolint:"},
		{text: "//nolint: , // why"},
		{text: "//nolint:errcode", ok: true, want: Directive{Kind: Nolint, Checks: []string{"errcode"}}},
		{text: "//nolint:ErrCode, gosec // the legacy API // twice", ok: true,
			want: Directive{Kind: Nolint, Checks: []string{"errcode", "gosec"}, Reason: "the legacy API // twice"}},
		{text: "//nolintlint"},
		{text: "//nolint-errcode"},
		{text: "/* nolint */"},
	} {
		t.Run(tt.text, func(t *testing.T) {
			d, ok, err := Parse(tt.text)
			require.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, d)
			if tt.err == "" {
				assert.NoError(t, err)
			} else {
				assert.EqualError(t, err, tt.err)
			}
		})
	}
}

func TestNames(t *testing.T) {
	for _, tt := range []struct {
		text            string
		applies, itself bool
	}{
		{"//lint:ignore errcode r", true, true},
		{"//lint:ignore ErrCode r", true, true},
		{"//lint:ignore retryafter,errcode r", true, true},
		{"//lint:ignore errcodelint r", true, false},
		{"//lint:ignore errcodelint,errcode r", true, true},
		{"//lint:ignore retryafter r", false, false},
		{"//lint:ignore errcode/status r", true, true},
		{"//lint:ignore retryafter/missing r", false, false},
		{"//lint:ignore errcodes/status r", false, false},
		{"//lint:ignore SA1019 r", false, false},
		{"//lint:ignore all r", false, false}, // nolint's word only
		{"//nolint", true, false},
		{"//nolint:all", true, false},
		{"//nolint:errcodelint", true, false},
		{"//nolint:errcode", true, true},
		{"//nolint:gosec", false, false},
	} {
		t.Run(tt.text, func(t *testing.T) {
			d, ok, _ := Parse(tt.text)
			require.True(t, ok)
			applies, itself := d.Names("errcode")
			assert.Equal(t, tt.applies, applies, "applies")
			assert.Equal(t, tt.itself, itself, "itself")
		})
	}
}

func TestSilences(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"//lint:ignore errcode r", true},
		{"//lint:ignore errcode/status r", true},
		{"//lint:ignore ErrCode/Status r", true},
		{"//lint:ignore errcode/unknown-code r", false},
		{"//lint:ignore errcodelint r", true},
		{"//lint:ignore retryafter r", false},
		{"//nolint", true},
		{"//nolint:errcode/status", true},
		{"//nolint:gosec", false},
	} {
		t.Run(tt.text, func(t *testing.T) {
			d, ok, _ := Parse(tt.text)
			require.True(t, ok)
			assert.Equal(t, tt.want, d.Silences("errcode/status"))
		})
	}
}
