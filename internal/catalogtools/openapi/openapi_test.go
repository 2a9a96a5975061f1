package openapi

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogtools/format"
)

var update = flag.Bool("update", false, "rewrite the golden catalogs")

// TestImportSpecs reads each spec in testdata, one per code source,
// version and encoding, and compares the catalog with its golden file.
func TestImportSpecs(t *testing.T) {
	for _, tc := range []struct {
		spec   string
		source string
		codes  map[string][]int
		wire   catalog.Wire
	}{
		{"vault30.yaml", "enum narrowed per response with allOf", map[string][]int{
			"secret_not_found": {404}, "mount_not_found": {404}, "rate_limited": {429}, "quota_exceeded": {429},
			"secret_version_conflict": {409}, "secret_locked": {409},
		}, catalog.Wire{Code: "error.code"}},
		{"acme31.json", "examples and example", map[string][]int{
			"malformed": {400, 404}, "badNonce": {400}, "badCSR": {400}, "unauthorized": {403}, "orderNotReady": {403},
			"rateLimited": {429}, "serverInternal": {500},
		}, catalog.Wire{Code: "type", Status: "status", Prefix: "urn:ietf:params:acme:error:"}},
		{"orders30.json", "x-error-codes on responses", map[string][]int{
			"not_found|order": {404}, "required_param": {400}, "invalid_json": {400}, "rate_limited": {429},
		}, catalog.Wire{Code: "errors[].code"}},
		{"keys31.yaml", "x-error-codes on a schema", map[string][]int{
			"InvalidKeySpec": {400, 403, 422}, "AccessDenied": {403},
		}, catalog.Wire{Code: "code"}},
		{"ca31.yaml", "numeric codes: enum, example, and x-error-codes on a nested schema", map[string][]int{
			"5104001": {400}, "5104002": {400}, "51010": {403}, "5101003": {400, 403, 503},
		}, catalog.Wire{Code: "error.code"}},
		{"tickets31.yaml", "examples at errorCode, shared by $ref", map[string][]int{
			"TD-0400": {400}, "TD-0404": {404}, "TD-0409": {409}, "TD-0412": {400}, "TD-0429": {429},
		}, catalog.Wire{Code: "errorCode"}},
		{"tokens30.yaml", "OAuth 2.0 error objects: enum and example on error", map[string][]int{
			"invalid_request": {400}, "invalid_grant": {400}, "unsupported_grant_type": {400}, "invalid_scope": {400},
			"invalid_client": {401}, "unsupported_token_type": {400},
		}, catalog.Wire{Code: "error"}},
		{"sessions30.json", "an HTTP status in code, the error's name in id beside it", map[string][]int{
			"session_unknown": {404}, "session_expired": {401}, "session_revoked": {401}, "session_busy": {409},
		}, catalog.Wire{Code: "error.id"}},
	} {
		t.Run(tc.spec, func(t *testing.T) {
			path := filepath.Join("testdata", tc.spec)
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			require.True(t, Is(data))
			res, err := Import(path, data, Options{})
			require.NoError(t, err, tc.source)
			assert.Empty(t, res.Unread)
			assert.Empty(t, res.Notes)
			got := make(map[string][]int)
			for _, c := range res.Catalog.Codes {
				got[c.Value] = c.Statuses
			}
			assert.Equal(t, tc.codes, got, tc.source)
			assert.Equal(t, tc.wire.Code, res.Catalog.Wire.Code)
			assert.Equal(t, tc.wire.Status, res.Catalog.Wire.Status)
			assert.Equal(t, tc.wire.Prefix, res.Catalog.Wire.Prefix)

			out := format.Format(res.Catalog)
			_, err = catalog.Parse("errcodes.yaml", out)
			require.NoError(t, err)
			golden := strings.TrimSuffix(path, filepath.Ext(path)) + ".golden.yaml"
			if *update {
				require.NoError(t, os.WriteFile(golden, out, 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(out))
		})
	}
}

func TestImportOptions(t *testing.T) {
	path := filepath.Join("testdata", "orders30.json")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	res, err := Import(path, data, Options{API: "Orders API", NoSummaries: true})
	require.NoError(t, err)
	assert.Equal(t, "Orders API", res.Catalog.API)
	for _, c := range res.Catalog.Codes {
		assert.Empty(t, c.Summary, c.Value)
	}
	assert.Equal(t, 3, res.Responses)
}

// TestImportCodeProperty: which property of an error object holds the
// code, for the shapes real documents use; each document has one error
// response, 400, whose schema is given.
func TestImportCodeProperty(t *testing.T) {
	for _, tc := range []struct {
		name   string
		schema string // the properties of the 400 response's schema
		wire   string
		codes  []string
	}{
		{"error_code beside an HTTP status in code",
			`{code: {type: integer, description: the HTTP status}, error_code: {type: string, enum: [weak_key]}, msg: {type: string}}`,
			"error_code", []string{"weak_key"}},
		{"a status named only by its values",
			`{code: {type: integer, enum: [400]}, reason: {type: string, enum: [field_missing]}}`,
			"reason", []string{"field_missing"}},
		{"an integer code that is no status stays the code",
			`{code: {type: integer, enum: [2001, 2100]}, id: {type: string}}`,
			"code", []string{"2001", "2100"}},
		{"a status with a prose reason beside it stays the code",
			`{code: {type: integer, enum: [400], description: status}, reason: {type: string, description: Human-readable text}}`,
			"code", []string{"400"}},
		{"an id with no status beside it is not a code",
			`{error: {properties: {id: {type: string, enum: [flow_1]}, code: {type: string, enum: [flow_invalid]}}}}`,
			"error.code", []string{"flow_invalid"}},
		{"Code, capitalized, in an array",
			`{Errors: {type: array, items: {properties: {Code: {type: string, enum: ["4045"]}, Details: {type: string}}}}}`,
			"Errors[].Code", []string{"4045"}},
		{"beside a status_code, an id with the codes wins over an error name",
			`{error: {type: string, description: the error's name}, error_description: {type: string}, id: {type: string, enum: [quota_hit]}, status_code: {type: integer}}`,
			"id", []string{"quota_hit"}},
		{"an OAuth error that carries its status",
			`{error: {type: string, enum: [invalid_grant]}, error_description: {type: string}, status_code: {type: integer, example: 400}}`,
			"error", []string{"invalid_grant"}},
		{"a SET delivery error",
			`{err: {type: string, enum: [invalid_key, invalid_issuer]}, description: {type: string}}`,
			"err", []string{"invalid_key", "invalid_issuer"}},
		{"an OAuth error whose error is an object is not one",
			`{error: {properties: {code: {enum: [nested]}}}, error_description: {type: string}}`,
			"error.code", []string{"nested"}},
		{"a 3.1 type list",
			`{code: {type: [integer, "null"], description: HTTP status code}, type: {type: [string, "null"], enum: [quota]}}`,
			"type", []string{"quota"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := `openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /a:
    post:
      responses:
        "400":
          content:
            application/json:
              schema:
                properties: ` + tc.schema + "\n"
			res, err := Import("x.yaml", []byte(doc), Options{})
			require.NoError(t, err)
			assert.Empty(t, res.Unread)
			assert.Equal(t, tc.wire, res.Catalog.Wire.Code)
			var codes []string
			for _, c := range res.Catalog.Codes {
				codes = append(codes, c.Value)
				assert.Equal(t, 400, c.Status, c.Value)
			}
			assert.Equal(t, tc.codes, codes)
		})
	}
}

// errorSchema is a 3.0 document head with an error schema whose code is
// at error.code; the bad-input cases add their paths.
const head = `openapi: 3.0.0
info: {title: T, version: "1"}
components:
  schemas:
    Error:
      properties:
        error:
          properties:
            code: {type: string, enum: [boom]}
`

// TestImportBad: what cannot be read is reported at its position, with
// the exact text; a document that is not OpenAPI 3 fails.
func TestImportBad(t *testing.T) {
	for _, tc := range []struct {
		name   string
		doc    string
		err    string   // Import's error, "" for none
		unread []string // Result.Unread
		notes  []string
	}{
		{name: "swagger 2", doc: "swagger: \"2.0\"\npaths: {}\n",
			err: `x.yaml:1:10: not an OpenAPI 3 document: swagger "2.0" is OpenAPI 2; convert it to OpenAPI 3 first`},
		{name: "no openapi key", doc: "info: {title: T}\n",
			err: `x.yaml:1:1: not an OpenAPI 3 document: no top-level openapi key`},
		{name: "openapi 4", doc: "\nopenapi: 4.0.0\n",
			err: `x.yaml:2:10: not an OpenAPI 3 document: openapi is "4.0.0", want 3.0.x or 3.1.x`},
		{name: "not a mapping", doc: "- openapi\n",
			err: `x.yaml:1:1: not an OpenAPI 3 document: the top level is not a mapping`},
		{name: "syntax", doc: "openapi: 3.0.0\npaths: {\n",
			err: `x.yaml:2:1: not YAML or JSON: did not find expected node content`},
		{name: "unresolvable ref", doc: head + `paths:
  /a:
    get:
      responses:
        "404":
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Eror"}
        "400":
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
`,
			unread: []string{`x.yaml:17:30: $ref "#/components/schemas/Eror" does not resolve`}},
		{name: "external ref", doc: head + `paths:
  /a:
    get:
      responses:
        "404": {$ref: "common.yaml#/responses/NotFound"}
        "400":
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
`,
			unread: []string{`x.yaml:14:23: $ref "common.yaml#/responses/NotFound" points outside the document; only local references (#/...) are read`}},
		{name: "no code property", doc: head + `paths:
  /a:
    get:
      responses:
        "400":
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
        "500":
          content:
            application/json:
              schema:
                properties:
                  message: {type: string}
`,
			unread: []string{`x.yaml:22:17: the schema of error response 500 has no code property: want code, error.code, errors[].code, errorCode, error_code, an OAuth or SET error, or a problem type`}},
		{name: "no status", doc: head + `paths:
  /a:
    get:
      responses:
        "400":
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
        default:
          x-error-codes: [internal]
`,
			unread: []string{`x.yaml:19:27: code "internal" has no status: only default, 4XX or 5XX responses use it`}},
		{name: "bad extension", doc: head + `paths:
  /a:
    get:
      responses:
        "400":
          x-error-codes: internal
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
`,
			unread: []string{`x.yaml:15:26: x-error-codes is not a list: want codes, or mappings with code and summary`}},
		{name: "bad extension entries", doc: head + `paths:
  /a:
    get:
      responses:
        "400":
          x-error-codes: [~, {summary: no code}, [nested], "  ", ok_code]
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
`,
			unread: []string{
				`x.yaml:15:27: x-error-codes entry is null, not a code`,
				`x.yaml:15:30: x-error-codes entry has no code`,
				`x.yaml:15:50: x-error-codes entry is not a code or a mapping with code and summary`,
				`x.yaml:15:60: code is empty`,
			}},
		{name: "ref cycle", doc: head + `paths:
  /a:
    get:
      responses:
        "400": {$ref: "#/x/a"}
x:
  a: {$ref: "#/x/b"}
  b: {$ref: "#/x/a"}
`,
			unread: []string{`x.yaml:17:6: $ref chain is longer than 32 steps (a cycle?)`},
			notes: []string{`x.yaml:1:1: warning: no error schema or example shows where codes travel; wire.code is left at its default "code", a top-level field`,
				`x.yaml:1:1: warning: no error code found in 1 error response: want an enum on the code property, examples, or x-error-codes; the catalog holds the operations' error statuses only`}},
		{name: "shared schema with no code property", doc: head + `    Plain:
      properties:
        message: {type: string}
paths:
  /a:
    get:
      responses:
        "400":
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
        "404":
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Plain"}
    post:
      responses:
        "409":
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Plain"}
        "410":
          content:
            application/json:
              schema: {$ref: "#/x/Gone"}
x:
  Gone: {$ref: "#/components/schemas/Plain"}
`,
			unread: []string{`x.yaml:11:7: schema #/components/schemas/Plain has no code property (3 error responses use it): want code, error.code, errors[].code, errorCode, error_code, an OAuth or SET error, or a problem type`}},
		{name: "an id beside a status in words is not a code", doc: `openapi: 3.0.0
info: {title: T, version: "1"}
paths:
  /a:
    get:
      responses:
        "404":
          content:
            application/json:
              schema:
                properties:
                  id: {type: string, enum: [r1]}
                  status: {type: string, description: the status text}
`,
			unread: []string{`x.yaml:11:17: the schema of error response 404 has no code property: want code, error.code, errors[].code, errorCode, error_code, an OAuth or SET error, or a problem type`},
			notes: []string{`x.yaml:1:1: warning: no error schema or example shows where codes travel; wire.code is left at its default "code", a top-level field`,
				`x.yaml:1:1: warning: no error code found in 1 error response: want an enum on the code property, examples, or x-error-codes; the catalog holds the operations' error statuses only`}},
		{name: "codes travel but none is named", doc: `openapi: 3.0.0
info: {title: T, version: "1"}
paths:
  /a:
    get:
      responses:
        "404":
          content:
            application/json:
              schema:
                properties:
                  error: {properties: {code: {type: string}, message: {type: string}}}
`,
			notes: []string{`x.yaml:1:1: warning: no error code found in 1 error response: codes travel at error.code, but no enum or const there, no example and no x-error-codes names one; the catalog holds the operations' error statuses only`}},
		{name: "error schema embedding a large resource", doc: head + `        resource: {$ref: "#/x/A"}
paths:
  /a:
    get:
      responses:
        "400":
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
x:
  A: {properties: {a: {$ref: "#/x/B"}, b: {$ref: "#/x/B"}, c: {$ref: "#/x/B"}, d: {$ref: "#/x/B"}}}
  B: {properties: {a: {$ref: "#/x/C"}, b: {$ref: "#/x/C"}, c: {$ref: "#/x/C"}, d: {$ref: "#/x/C"}}}
  C: {properties: {a: {$ref: "#/x/D"}, b: {$ref: "#/x/D"}, c: {$ref: "#/x/D"}, d: {$ref: "#/x/D"}}}
  D: {properties: {a: {$ref: "#/x/E"}, b: {$ref: "#/x/E"}, c: {$ref: "#/x/E"}, d: {$ref: "#/x/E"}}}
  E: {properties: {a: {$ref: "#/x/F"}, b: {$ref: "#/x/F"}, c: {$ref: "#/x/F"}, d: {$ref: "#/x/F"}}}
  F: {properties: {a: {$ref: "#/x/G"}, b: {$ref: "#/x/G"}, c: {$ref: "#/x/G"}, d: {$ref: "#/x/G"}}}
  G: {properties: {a: {$ref: "#/x/H"}, b: {$ref: "#/x/H"}, c: {$ref: "#/x/H"}, d: {$ref: "#/x/H"}}}
  H: {properties: {a: {type: string}}}
`},
		{name: "self-containing schema", doc: head + `paths:
  /a:
    get:
      responses:
        "400":
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
        "500":
          content:
            application/json:
              schema: {$ref: "#/x/A"}
x:
  A: {allOf: [{$ref: "#/x/B"}, {$ref: "#/x/B"}, {$ref: "#/x/A"}]}
  B: {allOf: [{$ref: "#/x/C"}, {$ref: "#/x/C"}, {$ref: "#/x/C"}, {$ref: "#/x/C"}]}
  C: {allOf: [{$ref: "#/x/D"}, {$ref: "#/x/D"}, {$ref: "#/x/D"}, {$ref: "#/x/D"}]}
  D: {allOf: [{$ref: "#/x/E"}, {$ref: "#/x/E"}, {$ref: "#/x/E"}, {$ref: "#/x/E"}]}
  E: {allOf: [{$ref: "#/x/F"}, {$ref: "#/x/F"}, {$ref: "#/x/F"}, {$ref: "#/x/F"}]}
  F: {allOf: [{$ref: "#/x/G"}, {$ref: "#/x/G"}, {$ref: "#/x/G"}, {$ref: "#/x/G"}]}
  G: {allOf: [{$ref: "#/x/H"}, {$ref: "#/x/H"}, {$ref: "#/x/H"}, {$ref: "#/x/H"}]}
  H: {allOf: [{$ref: "#/x/A"}, {properties: {code: {enum: [deep]}}}]}
`,
			unread: []string{`x.yaml:21:23: schema has more than 10000 parts once its $refs are followed; not read`}},
		{name: "nothing", doc: head + "paths: {}\n",
			err:   `x.yaml:1:1: no error code found in 0 error responses: want an enum on the code property, examples, or x-error-codes`,
			notes: []string{`x.yaml:1:1: warning: no error schema or example shows where codes travel; wire.code is left at its default "code", a top-level field`}},
		{name: "paths differ", doc: head + `paths:
  /a:
    get:
      responses:
        "400":
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
        "401":
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
        "404":
          content:
            application/json:
              schema:
                properties:
                  code: {enum: [gone]}
`,
			notes: []string{`x.yaml:1:1: warning: error responses put the code at different paths: code (1), error.code (2); wire.code is error.code`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Import("x.yaml", []byte(tc.doc), Options{})
			if tc.err != "" {
				require.Error(t, err)
				assert.Equal(t, tc.err, err.Error())
			} else {
				require.NoError(t, err)
				_, err := catalog.Parse("errcodes.yaml", format.Format(res.Catalog))
				require.NoError(t, err)
			}
			var unread, notes []string
			if res != nil {
				for _, u := range res.Unread {
					unread = append(unread, u.Error())
				}
				for _, n := range res.Notes {
					notes = append(notes, n.String())
				}
			}
			assert.Equal(t, tc.unread, unread)
			assert.Equal(t, tc.notes, notes)
		})
	}
}

func TestIs(t *testing.T) {
	assert.True(t, Is([]byte("openapi: 3.1.0\n")))
	assert.True(t, Is([]byte(`{"openapi": "3.0.0"}`)))
	assert.False(t, Is([]byte("# Widget errors\n\n| HTTP | Code |\n|---|---|\n")))
	assert.True(t, Is([]byte("swagger: \"2.0\"\n")), "read as OpenAPI to say that 2.0 is not read")
	assert.False(t, Is([]byte("{not json")))
}

// FuzzImport: no input makes Import panic; what it returns loads.
func FuzzImport(f *testing.F) {
	for _, name := range []string{"vault30.yaml", "acme31.json", "orders30.json", "keys31.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte("openapi: 3.0.0\npaths: {/a: {get: {responses: {'400': {$ref: '#/paths'}}}}}\n"))
	f.Add([]byte("openapi: 3.0.0\npaths: &p {/a: *p}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Import("x.yaml", data, Options{})
		if err == nil {
			_, err := catalog.Parse("errcodes.yaml", format.Format(res.Catalog))
			require.NoError(t, err)
		}
	})
}

// TestImportOperations: each operation with error responses becomes one of
// the catalog's, with the codes each response names; a schema shared by
// responses of several statuses names none of them in particular.
func TestImportOperations(t *testing.T) {
	const doc = `openapi: 3.0.3
info: {title: Ops, version: "1"}
paths:
  /things/{id}:
    get:
      operationId: getThing
      responses:
        "200": {description: ok}
        "404":
          description: none
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
        "409":
          description: busy
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
              example: {code: thing_busy}
  /things/{name}:
    get:
      operationId: get_thing
      responses:
        "404":
          description: the same route again
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
  /others:
    post:
      operationId: GetThing
      responses:
        "400":
          description: bad
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Only400"}
        default:
          description: anything
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
    get:
      responses:
        "200": {description: no error response}
components:
  schemas:
    Error:
      properties:
        code: {type: string, enum: [thing_missing, thing_busy]}
    Only400:
      properties:
        code: {type: string, enum: [other_bad]}
`
	res, err := Import("ops.yaml", []byte(doc), Options{})
	require.NoError(t, err)
	var got []string
	for _, o := range res.Catalog.Operations {
		line := o.Name() + " " + o.Spec + ":"
		for _, r := range o.Responses {
			var codes []string
			for _, c := range r.Codes {
				codes = append(codes, c.Value)
			}
			line += fmt.Sprintf(" %s%v", r.Key(), codes)
		}
		got = append(got, line)
	}
	assert.Equal(t, []string{
		"getThing (GET /things/{id}) ops.yaml:5: 404[] 409[thing_busy]",
		"POST /others ops.yaml:30: 400[other_bad] default[]",
	}, got)
	var notes []string
	for _, n := range res.Notes {
		notes = append(notes, n.String())
	}
	assert.Equal(t, []string{
		"ops.yaml:21:5: warning: operation GET /things/{name} has the route of an earlier one (parameters' names aside); left out",
		`ops.yaml:30:5: warning: operationId "GetThing" is an earlier operation's, as generators name methods; the operation is imported by its route only`,
	}, notes)
}
