package catalog

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseErrors pins the exact, positioned message for each kind of bad
// catalog. Each input is written as it would be in a file; positions count
// from its first line.
func TestParseErrors(t *testing.T) {
	const head = "version: 1\ncodes:\n"
	tests := []struct {
		name, src, want string
	}{
		{"empty file", "", "c.yaml:1:1: catalog is empty; it needs version and codes"},
		{"comment only", "# nothing\n", "c.yaml:1:1: catalog is empty; it needs version and codes"},
		{"not a mapping", "- a\n- b\n", "c.yaml:1:1: the catalog must be a mapping, not a list"},
		{"scalar root", "hello\n", `c.yaml:1:1: the catalog must be a mapping, not string "hello"`},
		{"syntax error", "version: 1\ncodes: [\n", "c.yaml:2:1: syntax error: did not find expected node content"},
		{"tab indentation", "version: 1\ncodes:\n\t- code: a\n", "c.yaml:3:1: syntax error: found character that cannot start any token"},
		{"missing version", "codes:\n  - code: a\n    status: 400\n", `c.yaml:1:1: the catalog is missing "version"`},
		{"missing codes", "version: 1\n", `c.yaml:1:1: the catalog is missing "codes"`},
		{"version 2", "version: 2\ncodes:\n  - code: a\n    status: 400\n", "c.yaml:1:10: unsupported version 2; this errcodelint reads version 1"},
		{"version string", "version: one\ncodes:\n  - code: a\n    status: 400\n", `c.yaml:1:10: version must be an integer, not string "one"`},
		{"unknown top key", "version: 1\ncode:\n  - code: a\n", `c.yaml:1:1: the catalog is missing "codes"` + "\n" + `c.yaml:2:1: unknown key "code" in the catalog; did you mean "codes"?`},
		{"unknown code key", head + "  - code: a\n    stauts: 404\n", `c.yaml:3:5: a code is missing "status"` + "\n" + `c.yaml:4:5: unknown key "stauts" in a code; did you mean "status"?`},
		{"duplicate key", head + "  - code: a\n    status: 400\n    status: 404\n", `c.yaml:5:5: duplicate key "status" (first at 4:5)`},
		{"codes not a list", "version: 1\ncodes: {a: 1}\n", "c.yaml:2:8: codes must be a list, not a mapping"},
		{"codes empty", "version: 1\ncodes: []\n", "c.yaml:2:8: codes is empty; a catalog needs at least one code, or operations"},
		{"code entry scalar", head + "  - secret_not_found\n", `c.yaml:3:5: a code must be a mapping, not string "secret_not_found"`},
		{"missing code", head + "  - status: 404\n", `c.yaml:3:5: a code is missing "code"`},
		{"duplicate code", head + "  - code: secret_not_found\n    status: 404\n  - code: secret_not_found\n    status: 404\n", `c.yaml:5:11: duplicate code "secret_not_found" (first at 3:11)`},
		{"duplicate numeric code", head + "  - code: 51010\n    status: 403\n  - code: 51010\n    status: 400\n", `c.yaml:5:11: duplicate code 51010 (first at 3:11)`},
		{"duplicate name", head + "  - code: 1\n    name: A\n    status: 400\n  - code: 2\n    name: A\n    status: 400\n", `c.yaml:6:11: duplicate name "A" (first at 3:11)`},
		{"status too small", head + "  - code: a\n    status: 99\n", "c.yaml:4:13: status 99 is not an HTTP status"},
		{"status too large", head + "  - code: a\n    status: 600\n", "c.yaml:4:13: status 600 is not an HTTP status"},
		{"success status", head + "  - code: a\n    status: 200\n", "c.yaml:4:13: status 200 is not an error status; error codes take a 4xx or 5xx status"},
		{"redirect status", head + "  - code: a\n    status: 302\n", "c.yaml:4:13: status 302 is not an error status; error codes take a 4xx or 5xx status"},
		{"status string", head + "  - code: a\n    status: \"404\"\n", `c.yaml:4:13: status must be an integer, not string "404"`},
		{"status float", head + "  - code: a\n    status: 404.5\n", "c.yaml:4:13: status must be an integer, not number 404.5"},
		{"status huge", head + "  - code: a\n    status: 99999999999999999999\n", `c.yaml:4:13: status must be an integer, not number 99999999999999999999`},
		{"status list empty", head + "  - code: a\n    status: []\n", "c.yaml:4:13: status is an empty list; give at least one status"},
		{"status list duplicate", head + "  - code: a\n    status: [400, 404, 400]\n", "c.yaml:4:24: status lists 400 twice"},
		{"status list not HTTP", head + "  - code: a\n    status: [400, 99]\n", "c.yaml:4:19: status 99 is not an HTTP status"},
		{"status list success", head + "  - code: a\n    status: [400, 204]\n", "c.yaml:4:19: status 204 is not an error status; error codes take a 4xx or 5xx status"},
		{"status list string", head + "  - code: a\n    status: [400, \"404\"]\n", `c.yaml:4:19: status must be an integer, not string "404"`},
		{"status list block", head + "  - code: a\n    status:\n      - 400\n      - 400\n", "c.yaml:6:9: status lists 400 twice"},
		{"status list nested", head + "  - code: a\n    status: [[400]]\n", "c.yaml:4:14: status must be an integer, not a list"},
		{"empty code", head + "  - code: \"\"\n    status: 400\n", "c.yaml:3:11: code is empty"},
		{"code with spaces", head + "  - code: \" a\"\n    status: 400\n", `c.yaml:3:11: code " a" has surrounding or inner white space`},
		{"code null", head + "  - code:\n    status: 400\n", "c.yaml:3:10: code must be a string, not null"},
		{"code bool", head + "  - code: true\n    status: 400\n", "c.yaml:3:11: code must be a string, not boolean true"},
		{"code float", head + "  - code: 1.0\n    status: 400\n", "c.yaml:3:11: code must be a string or an integer, not number 1.0; quote it if it is text"},
		{"negative code", head + "  - code: -5\n    status: 400\n", "c.yaml:3:11: code -5 is negative"},
		{"mixed code kinds", head + "  - code: 51010\n    status: 403\n  - code: a\n    status: 400\n", `c.yaml:5:11: code "a" is a string but the first code, at 3:11, is an integer; a catalog's codes are all strings or all integers`},
		{"template unclosed", head + "  - code: \"not_found|{resource\"\n    status: 404\n", `c.yaml:3:11: malformed template "not_found|{resource": "{" without "}"`},
		{"template stray close", head + "  - code: \"not_found}\"\n    status: 404\n", `c.yaml:3:11: malformed template "not_found}": "}" without "{"`},
		{"template empty var", head + "  - code: \"not_found|{}\"\n    status: 404\n", `c.yaml:3:11: malformed template "not_found|{}": variable name "" is not an identifier`},
		{"template nested", head + "  - code: \"a{b{c}}\"\n    status: 404\n", `c.yaml:3:11: malformed template "a{b{c}}": "{" without "}"`},
		{"template touching vars", head + "  - code: \"a{b}{c}\"\n    status: 404\n", `c.yaml:3:11: malformed template "a{b}{c}": variables {b} and {c} touch; put text between them`},
		{"template only var", head + "  - code: \"{x}\"\n    status: 404\n", `c.yaml:3:11: malformed template "{x}": a template needs fixed text besides its variables`},
		{"reported not bool", head + "  - code: a\n    status: 502\n    reported: yes\n", `c.yaml:5:15: reported must be true or false, not string "yes"`},
		{"summary not string", head + "  - code: a\n    status: 400\n    summary: [x]\n", "c.yaml:5:14: summary must be a string, not a list"},
		{"prefix repeated", "version: 1\nwire:\n  prefix: \"urn:x:\"\ncodes:\n  - code: \"urn:x:a\"\n    status: 400\n", `c.yaml:5:11: code "urn:x:a" repeats wire.prefix; write "a"`},
		{"wire unknown key", "version: 1\nwire:\n  cod: error.code\ncodes:\n  - code: a\n    status: 400\n", `c.yaml:3:3: unknown key "cod" in wire; did you mean "code"?`},
		{"wire bad path", "version: 1\nwire:\n  code: error..code\ncodes:\n  - code: a\n    status: 400\n", `c.yaml:3:9: wire.code: malformed path "error..code": each step is a field name, optionally followed by []`},
		{"wire path ends in array", "version: 1\nwire:\n  code: errors[]\ncodes:\n  - code: a\n    status: 400\n", `c.yaml:3:9: wire.code: malformed path "errors[]": it must end at a field, not an array`},
		{"wire format", "version: 1\nwire:\n  format: protobuf\ncodes:\n  - code: a\n    status: 400\n", `c.yaml:3:11: wire.format "protobuf" is neither json nor xml`},
		{"retry_after not list", "version: 1\nrules:\n  retry_after: 429\ncodes:\n  - code: a\n    status: 400\n", "c.yaml:3:16: rules.retry_after must be a list of statuses, not integer 429"},
		{"retry_after bad status", "version: 1\nrules:\n  retry_after: [429, 200]\ncodes:\n  - code: a\n    status: 400\n", "c.yaml:3:22: rules.retry_after status 200 is not an error status; error codes take a 4xx or 5xx status"},
		{"retry_after twice", "version: 1\nrules:\n  retry_after: [429, 429]\ncodes:\n  - code: a\n    status: 400\n", "c.yaml:3:22: rules.retry_after lists 429 twice"},
		{"code_type unqualified", "version: 1\ngo:\n  code_type: Code\ncodes:\n  - code: a\n    status: 400\n", `c.yaml:3:14: go.code_type "Code" must be an import path and a type name, like example.com/api/apierr.Code`},
		{"emitter bad func", "version: 1\ngo:\n  emitters:\n    - func: WriteError\n      status: 1\n      code: 2\ncodes:\n  - code: a\n    status: 400\n", `c.yaml:4:13: func "WriteError" must name a function as pkg/path.Func or (*pkg/path.Type).Method`},
		{"emitter missing code", "version: 1\ngo:\n  emitters:\n    - func: example.com/x.F\n      status: 1\ncodes:\n  - code: a\n    status: 400\n", `c.yaml:4:7: an emitter needs code (the parameter holding the code) or error (the parameter holding an error whose code is sent)`},
		{"emitter code and error", "version: 1\ngo:\n  emitters:\n    - func: example.com/x.F\n      status: 1\n      code: 2\n      error: 3\ncodes:\n  - code: a\n    status: 400\n", `c.yaml:4:7: an emitter names its code parameter (code) or its error parameter (error), not both`},
		{"emitter fallback without error", "version: 1\ngo:\n  emitters:\n    - func: example.com/x.F\n      status: 1\n      code: 2\n      fallback: error\ncodes:\n  - code: a\n    status: 400\n", `c.yaml:7:17: fallback goes with error: it is the code sent for an error of no declared type`},
		{"emitter empty fallback", "version: 1\ngo:\n  emitters:\n    - func: example.com/x.F\n      status: 1\n      error: 2\n      fallback: \" \"\ncodes:\n  - code: a\n    status: 400\n", `c.yaml:7:17: fallback is empty; give the code the function sends for an error of no declared type`},
		{"emitter status is the error", "version: 1\ngo:\n  emitters:\n    - func: example.com/x.F\n      status: 1\n      error: 1\ncodes:\n  - code: a\n    status: 400\n", `c.yaml:4:7: an emitter's status and code cannot be the same parameter 1`},
		{"emitter same param", "version: 1\ngo:\n  emitters:\n    - func: example.com/x.F\n      status: 1\n      code: 1\ncodes:\n  - code: a\n    status: 400\n", "c.yaml:4:7: an emitter's status and code cannot be the same parameter 1"},
		{"emitter bad param", "version: 1\ngo:\n  emitters:\n    - func: example.com/x.F\n      status: -1\n      code: c\ncodes:\n  - code: a\n    status: 400\n", "c.yaml:5:15: status parameter index -1 is negative"},
		{"error type without fields", "version: 1\ngo:\n  error_types:\n    - type: example.com/x.E\ncodes:\n  - code: a\n    status: 400\n", "c.yaml:4:7: an error type needs a status field, a code field or both"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("c.yaml", []byte(tt.src))
			require.Error(t, err)
			assert.Nil(t, c)
			assert.Equal(t, tt.want, err.Error())
			var list ErrorList
			require.ErrorAs(t, err, &list)
		})
	}
}

// TestParseSyntaxErrorLine: a syntax error deep in the file is reported
// at the line of the defect, not where the list holding it began (line
// 3, the YAML parser's own position). Forty good codes come first.
func TestParseSyntaxErrorLine(t *testing.T) {
	var good strings.Builder
	good.WriteString("version: 1\napi: X\ncodes:\n")
	for i := range 40 {
		fmt.Fprintf(&good, "  - code: c%d\n    status: 400\n", i)
	}
	const first = 84 // the first line after the good codes
	tests := []struct {
		name, tail, want string
	}{
		{"key indented too far", "  - code: d\n    status: 400\n   summary: bad\n",
			fmt.Sprintf("c.yaml:%d:4: syntax error: did not find expected '-' indicator", first+2)},
		{"key indented too little", "  - code: d\n    status: 400\n  summary: bad\n",
			fmt.Sprintf("c.yaml:%d:3: syntax error: did not find expected '-' indicator", first+2)},
		{"tab", "  - code: d\n\tstatus: 400\n",
			fmt.Sprintf("c.yaml:%d:1: syntax error: found a tab character that violates indentation", first+1)},
		{"unclosed flow list", "  - code: d\n    status: [400, 401\n  - code: e\n    status: 400\n",
			fmt.Sprintf("c.yaml:%d:5: syntax error: did not find expected ',' or ']'", first+1)},
		{"unclosed quote", "  - code: \"d\n    status: 400\n",
			fmt.Sprintf("c.yaml:%d:3: syntax error: found unexpected end of stream", first)},
		{"duplicate key", "  - code: d\n    status: 400\n    status: 404\n",
			fmt.Sprintf(`c.yaml:%d:5: duplicate key "status" (first at %d:5)`, first+2, first+1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(good.String()+tt.tail))
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

// TestParseStatusList: a code sent with several statuses lists them; the
// first is the default, and a single status reads as a list of one.
func TestParseStatusList(t *testing.T) {
	c, err := Parse("c.yaml", []byte(`version: 1
codes:
  - code: malformed
    status: [400, 404, 405, 415]
  - code: not_found
    status: 404
  - code: payload_failed
    status: [502, 503]
    reported: true
`))
	require.NoError(t, err)
	malformed, notFound, reported := c.Codes[0], c.Codes[1], c.Codes[2]
	assert.Equal(t, 400, malformed.Status)
	assert.Equal(t, []int{400, 404, 405, 415}, malformed.Statuses)
	assert.Equal(t, []int{404}, notFound.Statuses)
	assert.Equal(t, []int{502, 503}, reported.Statuses)
	assert.True(t, malformed.HasStatus(415))
	assert.False(t, malformed.HasStatus(409))
	assert.Equal(t, "c.yaml:4:13", malformed.StatusPos.String())
	codes := func(cs []*Code) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Value)
		}
		return out
	}
	assert.Equal(t, []string{"malformed", "not_found"}, codes(c.SentWith(404)))
	assert.Equal(t, []string{"malformed"}, codes(c.SentWith(415)))
	assert.Empty(t, c.SentWith(503), "reported codes are not sent")
	assert.Equal(t, []int{400, 404, 405, 415, 502, 503}, c.Statuses())
	assert.True(t, (&Code{Status: 404}).HasStatus(404), "a Code built by hand has its Status")
}

func TestParseDefaults(t *testing.T) {
	c, err := Parse("c.yaml", []byte("version: 1\ncodes:\n  - code: a\n    status: 400\n"))
	require.NoError(t, err)
	assert.Equal(t, []int{429}, c.Rules.RetryAfter)
	assert.Equal(t, "code", c.Wire.Code)
	assert.Equal(t, []Segment{{Name: "code"}}, c.Wire.CodePath)
	assert.Equal(t, "json", c.Wire.Format)
	assert.Equal(t, Pos{File: "c.yaml", Line: 3, Col: 11}, c.Codes[0].Pos)
	assert.Equal(t, "c.yaml:3", c.Codes[0].Ref())
}

func TestParseJSON(t *testing.T) {
	src := `{"version": 1, "wire": {"code": "errors[].code"},
  "codes": [{"code": "not_found|{resource}", "status": 404}, {"code": "x", "status": 400}]}`
	c, err := Parse("errcodes.json", []byte(src))
	require.NoError(t, err)
	assert.Equal(t, []Segment{{Name: "errors", Array: true}, {Name: "code"}}, c.Wire.CodePath)
	code, ok := c.Lookup("not_found|order")
	require.True(t, ok)
	assert.Equal(t, 404, code.Status)
	assert.Equal(t, []string{"resource"}, code.Template.Vars)

	_, err = Parse("errcodes.json", []byte(`{"version": 1, "codes": [{"code": "x", "status": 400}]`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "errcodes.json:1:")
}

func TestErrorListLimit(t *testing.T) {
	src := "version: 1\ncodes:\n"
	for range 12 {
		src += "  - code: a\n    status: 1\n"
	}
	_, err := Parse("c.yaml", []byte(src))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "(and ")
	var list ErrorList
	require.ErrorAs(t, err, &list)
	assert.Greater(t, len(list), 10)
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("version: 1\ncodes:\n  - code: a\n    status: 400\n"))
	f.Add([]byte("version: 1\nwire: {code: errors[].code, prefix: 'p:'}\ncodes:\n  - {code: 'a|{b}', status: 404, name: X, reported: true}\n"))
	f.Add([]byte(`{"version":1,"codes":[{"code":51010,"status":403,"name":"A"}]}`))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("version: 1\ngo:\n  emitters:\n    - {func: '(*a/b.T).M', status: 0, code: c}\ncodes: []\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("f.yaml", data)
		if err == nil {
			// A valid catalog answers every look-up without panicking.
			for _, code := range c.Codes {
				c.Lookup(code.Value)
				c.SentWith(code.Status)
			}
			c.Suggest(string(data))
			c.Match(Literal(string(data)).Concat(Hole()))
		} else if c != nil {
			t.Fatal("Parse returned a catalog and an error")
		}
	})
}

// A file named .json is read as JSON: what only YAML takes (a trailing
// comma, a comment, single quotes) is an error at its place.
func TestParseJSONStrict(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"trailing comma in a list", "{\"version\": 1,\n \"codes\": [{\"code\": \"x\", \"status\": 400},]}",
			"errcodes.json:2:41: syntax error: invalid character ']' looking for beginning of value"},
		{"trailing comma in an object", `{"version": 1, "codes": [{"code": "x", "status": 400,}]}`,
			"errcodes.json:1:54: syntax error: invalid character '}' looking for beginning of object key string"},
		{"comment", "# codes\n{\"version\": 1, \"codes\": [{\"code\": \"x\", \"status\": 400}]}",
			"errcodes.json:1:1: syntax error: invalid character '#' looking for beginning of value"},
		{"single quotes", `{'version': 1, "codes": [{"code": "x", "status": 400}]}`,
			"errcodes.json:1:2: syntax error: invalid character '\\'' looking for beginning of object key string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("errcodes.json", []byte(tt.src))
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
	// The same text in a YAML file is YAML.
	_, err := Parse("errcodes.yaml", []byte(tests[0].src))
	require.NoError(t, err)
}
