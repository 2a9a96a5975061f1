package catalog

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseEmitterErrors: go.emitters entries that cannot name a function
// and two of its parameters are catalog errors at load time, at the
// offending value.
func TestParseEmitterErrors(t *testing.T) {
	const tail = "codes:\n  - code: a\n    status: 400\n"
	emitter := func(body string) string { return "version: 1\ngo:\n  emitters:\n" + body + tail }
	tests := []struct{ name, src, want string }{
		{"negative index", emitter("    - func: example.com/x.F\n      status: -1\n      code: 2\n"), "c.yaml:5:15: status parameter index -1 is negative"},
		{"index too large", emitter("    - func: example.com/x.F\n      status: 1\n      code: 256\n"), "c.yaml:6:13: code parameter index 256 is out of range; a function has at most 255 parameters"},
		{"hex index", emitter("    - func: example.com/x.F\n      status: 0x1\n      code: 2\n"), ""},
		{"empty func", emitter("    - func: \"\"\n      status: 1\n      code: 2\n"), "c.yaml:4:13: func is empty; name a function as pkg/path.Func or (*pkg/path.Type).Method"},
		{"blank func", emitter("    - func: \"  \"\n      status: 1\n      code: 2\n"), "c.yaml:4:13: func is empty; name a function as pkg/path.Func or (*pkg/path.Type).Method"},
		{"func null", emitter("    - func:\n      status: 1\n      code: 2\n"), "c.yaml:4:12: func must be a string, not null"},
		{"keyword name", emitter("    - func: example.com/x.F\n      status: func\n      code: 2\n"), `c.yaml:5:15: status parameter name "func" is a Go keyword`},
		{"blank name", emitter("    - func: example.com/x.F\n      status: _\n      code: 2\n"), `c.yaml:5:15: status parameter name "_" is blank; name the parameter or give its index`},
		{"field path", emitter("    - func: example.com/x.F\n      status: prob.HTTPStatus\n      code: 2\n"), `c.yaml:5:15: status must be a parameter index or name, not string "prob.HTTPStatus"`},
		{"list param", emitter("    - func: example.com/x.F\n      status: [1]\n      code: 2\n"), "c.yaml:5:15: status must be a parameter index or name, not a list"},
		{"entry scalar", emitter("    - example.com/x.F\n"), `c.yaml:4:7: an emitter must be a mapping, not string "example.com/x.F"`},
		{"entry list", emitter("    - [example.com/x.F, 1, 2]\n"), "c.yaml:4:7: an emitter must be a mapping, not a list"},
		{"unknown key", emitter("    - func: example.com/x.F\n      status: 1\n      code: 2\n      writer: 0\n"), `c.yaml:7:7: unknown key "writer" in an emitter`},
		{"emitters mapping", "version: 1\ngo:\n  emitters:\n    func: example.com/x.F\n" + tail, "c.yaml:4:5: go.emitters must be a list, not a mapping"},
		{"same index by name and index", emitter("    - func: example.com/x.F\n      status: 1\n      code: 1\n"), "c.yaml:4:7: an emitter's status and code cannot be the same parameter 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("c.yaml", []byte(tt.src))
			if tt.want == "" {
				require.NoError(t, err)
				require.Len(t, c.Go.Emitters, 1)
				assert.Equal(t, Param{Index: 1}, c.Go.Emitters[0].Status)
				return
			}
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}
