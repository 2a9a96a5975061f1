package conformance

import (
	"bytes"
	"encoding/json"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errcodelint/errcodelint/catalog"
)

// fuzzPaths are the wire paths of the catalog styles, and a status path.
var fuzzPaths = []string{"error.code", "errors[].code", "type", "code", "status", "Error.Code", "a[].b[].c"}

// FuzzExtract feeds arbitrary bodies to the body decoders and checks the
// JSON scanner against encoding/json: both must agree on validity and find
// the same values at every path, and nothing may panic or hang.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`{"error":{"code":"secret_not_found","message":"no"}}`,
		`{"errors":[{"code":"not_found|order"},{"code":"x"}]}`,
		`{"type":"urn:ietf:params:acme:error:badNonce","status":400}`,
		`{"code":51010}`,
		`{"error":{"code":"a","code":"b"}}`,
		`{"error":{"c\u006fde":"\u00e9"}}`,
		`{"Error":{"CODE":"a","code":"b","Code":1}}`,
		`{"ERROR":{"code":"x"},"error":{"message":"y"}}`,
		`{"errors":{"code":"x"}}`,
		`{"errors":[1,"x",null,{"code":[1]}]}`,
		`<Error><Code>AccessDenied</Code><Message>no</Message></Error>`,
		`<Error><Code>1</Code><Code>2</Code></Error>`,
		`{"error":{"code":"trunc`,
		`{"a":[-0.5e+3,true,false,null,"\\\"\/\b\f\n\r\t\uABcd"]}`,
		`[1,]`,
		`{"a":01}`,
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, format := range []string{"json", "xml"} {
			for _, p := range fuzzPaths {
				w := &catalog.Wire{Format: format, CodePath: mustPath(t, p), StatusPath: mustPath(t, "status")}
				_, _, _ = decode(w, "", body)
				_, _, _ = decode(w, "application/"+format, body)
			}
		}
		valid := json.Valid(body)
		for _, p := range fuzzPaths {
			path := mustPath(t, p)
			got, ok := jsonAt(body, path)
			if ok != valid {
				t.Fatalf("scanner says valid=%v, json.Valid %v", ok, valid)
			}
			if !valid {
				continue
			}
			want := refAt(body, path, nil)
			if len(got) != len(want) {
				t.Fatalf("%s: scanner found %v, encoding/json %v", p, got, want)
			}
			for i := range got {
				if got[i].kind != want[i].kind || got[i].kind != kindOther && got[i].text != want[i].text {
					t.Fatalf("%s: value %d: scanner found %#v, encoding/json %#v", p, i, got[i], want[i])
				}
			}
		}
	})
}

func mustPath(t *testing.T, p string) []catalog.Segment {
	path, err := catalog.ParsePath(p)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// refAt is the scanner's specification: the values at path in data, a
// JSON text, as a client finds them that decodes it with encoding/json
// into a struct whose field is tagged with the path's step, one step at a
// time (keys match without regard to case; of several, the last counts),
// and decodes the leaf with UseNumber.
func refAt(data json.RawMessage, path []catalog.Segment, out []value) []value {
	if len(path) == 0 {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			panic(err) // a value of a valid text
		}
		switch v := v.(type) {
		case string:
			return append(out, value{kind: kindString, text: v})
		case json.Number:
			return append(out, value{kind: kindNumber, text: string(v)})
		}
		return append(out, value{kind: kindOther})
	}
	step := reflect.New(reflect.StructOf([]reflect.StructField{{
		Name: "F", Type: reflect.TypeFor[json.RawMessage](), Tag: reflect.StructTag(`json:"` + path[0].Name + `"`),
	}}))
	if json.Unmarshal(data, step.Interface()) != nil {
		return out // not an object
	}
	next := step.Elem().Field(0).Interface().(json.RawMessage)
	if len(next) == 0 {
		return out
	}
	if !path[0].Array {
		return refAt(next, path[1:], out)
	}
	var arr []json.RawMessage
	if json.Unmarshal(next, &arr) != nil {
		return out
	}
	for _, e := range arr {
		out = refAt(e, path[1:], out)
	}
	return out
}

func TestJSONDepthAsEncodingJSON(t *testing.T) {
	for _, depth := range []int{maxDepth, maxDepth + 1} {
		for _, open := range []string{`{"a":`, `[`} {
			closer := map[string]string{`{"a":`: `}`, `[`: `]`}[open]
			body := []byte(strings.Repeat(open, depth) + "1" + strings.Repeat(closer, depth))
			_, ok := jsonAt(body, mustPath(t, "a.b"))
			assert.Equal(t, json.Valid(body), ok, "depth %d of %s", depth, open)
		}
	}
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestXMLDepthBounded: XML stops at maxDepth nested elements, as JSON does,
// and 1 MiB of nested elements costs little memory (about 57 MB before).
func TestXMLDepthBounded(t *testing.T) {
	w := &catalog.Wire{Format: "xml", CodePath: mustPath(t, "Error.Code")}
	nested := func(depth int, leaf string) []byte {
		return []byte(strings.Repeat("<a>", depth) + leaf + strings.Repeat("</a>", depth))
	}
	_, ok, err := decode(w, "application/xml", nested(maxDepth, "1"))
	assert.NoError(t, err)
	assert.True(t, ok)
	_, _, err = decode(w, "application/xml", nested(maxDepth+1, "1"))
	assert.EqualError(t, err, "exceeded max depth of 10000 nested elements")

	body := nested((1<<20)/len("<a></a>"), "")
	n := allocated(func() {
		_, _, err = decode(w, "application/xml", body)
	})
	assert.EqualError(t, err, "exceeded max depth of 10000 nested elements")
	assert.Less(t, n, uint64(16<<20), "bytes allocated for 1 MiB of nested elements")
}

// TestXMLPathBelowRoot: a path whose first step is not the root's name
// starts below the root (AWS Query errors wrap Error in ErrorResponse).
func TestXMLPathBelowRoot(t *testing.T) {
	w := &catalog.Wire{Format: "xml", CodePath: mustPath(t, "Error.Code"), StatusPath: mustPath(t, "Status")}
	d, ok, err := decode(w, "text/xml", []byte(`<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code></Error>`+
		`<Error><Code>7</Code><Code><x/></Code></Error><Status>400</Status><x><Error><Code>deep</Code></Error></x></ErrorResponse>`))
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, []value{{kindString, "Throttling"}, {kindNumber, "7"}, {kindOther, "<Code>…"}}, d.codes)
	assert.Equal(t, []value{{kindNumber, "400"}}, d.statuses)
}
