package catalog

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// opsHead is a catalog's codes, before its operations; operations start
// at line 9.
const opsHead = `version: 1
codes:
  - code: secret_not_found
    status: 404
  - code: invalid_path
    status: [400, 404]
  - code: rate_limited
    status: 429
`

func TestOperations(t *testing.T) {
	c, err := Parse("c.yaml", []byte(opsHead+`operations:
  - id: getSecret
    route: GET /v1/secrets/{id}
    spec: api.yaml:120
    responses:
      "404": [secret_not_found, invalid_path]
      "400": []
      5XX: []
  - route: DELETE /v1/secrets/{name}
    responses:
      default: []
  - id: listSecrets
    responses:
      4XX: [rate_limited]
`))
	require.NoError(t, err)
	require.Len(t, c.Operations, 3)

	get := c.Operations[0]
	assert.Equal(t, "getSecret", get.ID)
	assert.Equal(t, "GET", get.Method)
	assert.Equal(t, "/v1/secrets/{id}", get.Path)
	assert.Equal(t, "getSecret (GET /v1/secrets/{id})", get.Name())
	assert.Equal(t, "api.yaml:120", get.Ref())
	assert.Equal(t, Pos{File: "c.yaml", Line: 10, Col: 5}, get.Pos)
	assert.Equal(t, `404, 400 or 5XX`, get.Statuses())

	nf, _ := c.Lookup("secret_not_found")
	ip, _ := c.Lookup("invalid_path")
	rl, _ := c.Lookup("rate_limited")
	r := get.Response(404)
	require.NotNil(t, r)
	assert.Equal(t, []*Code{nf, ip}, r.Codes)
	assert.True(t, r.Carries(nf))
	assert.False(t, r.Carries(rl))
	assert.True(t, get.Response(400).Carries(ip), "a response naming no codes carries any")
	assert.Equal(t, "5XX", get.Response(503).Key())
	assert.Nil(t, get.Response(409), "409 is neither listed nor in a listed class")

	del := c.Operations[1]
	assert.Equal(t, "DELETE /v1/secrets/{name}", del.Name())
	assert.Equal(t, "c.yaml:17", del.Ref(), "no spec: the catalog's line")
	assert.Equal(t, "default", del.Response(409).Key())

	list := c.Operations[2]
	assert.Equal(t, "listSecrets", list.Name())
	assert.True(t, list.Response(429).Carries(rl))
	assert.Nil(t, list.Response(500))

	assert.Equal(t, []*Operation{get}, c.OperationsAt("GET", "/v1/secrets/{secretId}"), "parameter names do not matter")
	assert.Equal(t, []*Operation{get, del}, c.OperationsAt("", "/v1/secrets/{x}"), "a route of any method is every operation on its path")
	assert.Empty(t, c.OperationsAt("PUT", "/v1/secrets/{id}"))
	assert.Empty(t, c.OperationsAt("GET", "/v1/secrets"))
	assert.Equal(t, get, c.OperationByID("GetSecret"))
	assert.Equal(t, get, c.OperationByID("get_secret"))
	assert.Nil(t, c.OperationByID("getSecrets"))
}

func TestPathKey(t *testing.T) {
	for in, want := range map[string]string{
		"/v1/secrets/{id}":           "/v1/secrets/{}",
		"/v1/{a}/b/{c}":              "/v1/{}/b/{}",
		"/v1/secrets":                "/v1/secrets",
		"/v1/{unclosed":              "/v1/{unclosed",
		"/files/{name}.json":         "/files/{}.json",
		"/orgs/{org}/members/{user}": "/orgs/{}/members/{}",
	} {
		assert.Equal(t, want, PathKey(in), in)
	}
}

// TestOperationErrors pins the exact, positioned message for each kind of
// bad operations entry.
func TestOperationErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"not a list", "operations: {}\n", "c.yaml:9:13: operations must be a list, not a mapping"},
		{"entry scalar", "operations:\n  - getSecret\n", `c.yaml:10:5: an operation must be a mapping, not string "getSecret"`},
		{"no name", "operations:\n  - responses:\n      \"404\": []\n", "c.yaml:10:5: an operation needs an id, a route, or both"},
		{"no responses", "operations:\n  - id: a\n", `c.yaml:10:5: an operation is missing "responses"`},
		{"unknown key", "operations:\n  - id: a\n    respones: {}\n", `c.yaml:10:5: an operation is missing "responses"` + "\n" + `c.yaml:11:5: unknown key "respones" in an operation; did you mean "responses"?`},
		{"empty id", "operations:\n  - id: \"\"\n    responses:\n      \"404\": []\n", "c.yaml:10:9: id is empty; leave it out instead"},
		{"route no path", "operations:\n  - route: GET\n    responses:\n      \"404\": []\n", `c.yaml:10:12: route "GET" must be a method and a path, as in "GET /v1/secrets/{id}"`},
		{"route lower method", "operations:\n  - route: get /a\n    responses:\n      \"404\": []\n", `c.yaml:10:12: route "get /a": "get" is not an HTTP method in upper case`},
		{"route relative", "operations:\n  - route: GET a/b\n    responses:\n      \"404\": []\n", `c.yaml:10:12: route "GET a/b": the path must start with / and hold no space`},
		{"route braces", "operations:\n  - route: GET /a/{id\n    responses:\n      \"404\": []\n", `c.yaml:10:12: route "GET /a/{id": the path's braces do not pair`},
		{"responses list", "operations:\n  - id: a\n    responses: [404]\n", "c.yaml:11:16: responses must be a mapping from a status to its codes, not a list"},
		{"responses empty", "operations:\n  - id: a\n    responses: {}\n", "c.yaml:11:16: responses is empty; an operation documents at least one error response"},
		{"response word", "operations:\n  - id: a\n    responses:\n      missing: []\n", `c.yaml:12:7: response "missing" is not a status, 4XX, 5XX or default`},
		{"response success", "operations:\n  - id: a\n    responses:\n      200: []\n", "c.yaml:12:7: response 200 is not an error status; operations list their 4xx and 5xx responses"},
		{"response not HTTP", "operations:\n  - id: a\n    responses:\n      999: []\n", "c.yaml:12:7: response 999 is not an HTTP status"},
		{"response twice", "operations:\n  - id: a\n    responses:\n      4XX: []\n      4xx: []\n", "c.yaml:13:7: duplicate response 4XX (first at 12:7)"},
		{"codes not a list", "operations:\n  - id: a\n    responses:\n      \"404\": secret_not_found\n", `c.yaml:12:14: response 404 must list its codes ([] for none named), not string "secret_not_found"`},
		{"unknown code", "operations:\n  - id: a\n    responses:\n      \"404\": [secret_notfound]\n", `c.yaml:12:15: response 404 lists code "secret_notfound", which is not in the catalog; did you mean "secret_not_found"?`},
		{"code twice", "operations:\n  - id: a\n    responses:\n      \"404\": [invalid_path, invalid_path]\n", `c.yaml:12:29: response 404 lists code "invalid_path" twice`},
		{"code null", "operations:\n  - id: a\n    responses:\n      \"404\": [~]\n", "c.yaml:12:15: response 404 lists null, not a code"},
		{"code other status", "operations:\n  - id: a\n    responses:\n      \"400\": [secret_not_found]\n", `c.yaml:12:15: response 400 lists code "secret_not_found", which the catalog sends with 404 (c.yaml:3)`},
		{"duplicate id", "operations:\n  - id: getSecret\n    responses: {\"404\": []}\n  - id: GetSecret\n    responses: {\"404\": []}\n", `c.yaml:12:5: duplicate operation id "GetSecret" (first at 10:5)`},
		{"duplicate route", "operations:\n  - route: GET /a/{id}\n    responses: {\"404\": []}\n  - route: GET /a/{name}\n    responses: {\"404\": []}\n", `c.yaml:12:5: duplicate operation route "GET /a/{name}" (first at 10:5)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(opsHead+tt.src))
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

// TestOperationFor: which operation a concrete request is for.
func TestOperationFor(t *testing.T) {
	c, err := Parse("c.yaml", []byte(opsHead+`operations:
  - id: getSecret
    route: GET /v1/secrets/{id}
    responses: {"404": []}
  - id: countSecrets
    route: GET /v1/secrets/count
    responses: {"400": []}
  - id: listSecrets
    route: GET /v1/secrets
    responses: {"400": []}
  - id: deleteSecret
    route: DELETE /v1/secrets/{name}
    responses: {"404": []}
  - id: getVersion
    route: GET /v1/secrets/{id}/versions/{version}
    responses: {"404": []}
  - id: getFile
    route: GET /files/{name}.json
    responses: {"404": []}
  - id: cancelJob
    route: POST /v1/jobs/{id}:cancel
    responses: {"409": []}
  - id: anyVersion
    route: GET /v1/{a}/{b}/versions/{c}
    responses: {"404": []}
  - id: root
    route: GET /
    responses: {"404": []}
  - id: idOnly
    responses: {"404": []}
`))
	require.NoError(t, err)
	tests := []struct {
		method, path string
		want         string // the operation's id; "" for none
	}{
		{"GET", "/v1/secrets/a", "getSecret"},
		{"GET", "/v1/secrets/count", "countSecrets"}, // a literal segment beats a parameter
		{"GET", "/v1/secrets/counts", "getSecret"},
		{"GET", "/v1/secrets", "listSecrets"},
		{"DELETE", "/v1/secrets/a", "deleteSecret"},
		{"GET", "/v1/secrets/a/versions/2", "getVersion"}, // 3 literal segments of 5 over 2
		{"GET", "/v1/x/a/versions/2", "anyVersion"},
		{"GET", "/files/report.json", "getFile"},
		{"GET", "/files/a.b.json", "getFile"},
		{"POST", "/v1/jobs/7:cancel", "cancelJob"},
		{"GET", "/", "root"},
		{"GET", "/v1/secrets/a b", "getSecret"},   // a decoded %20
		{"GET", "/v1/secrets/a%2Fb", "getSecret"}, // the path is decoded: "%2F" here is literal text
		{"GET", "/v1/secrets/a/b", ""},            // "a%2Fb" decoded: two segments

		{"PUT", "/v1/secrets/a", ""},           // no operation for the method
		{"HEAD", "/v1/secrets/a", "getSecret"}, // no HEAD operation: GET's, as Go serves HEAD
		{"HEAD", "/v1/jobs/7:cancel", ""},      // HEAD falls back to GET only
		{"get", "/v1/secrets/a", ""},           // methods are upper case
		{"GET", "/v1/secrets/", ""},            // a parameter matches no empty segment
		{"GET", "/v1/secrets/a/", ""},          // no trailing-slash leniency
		{"GET", "/v1/secrets//", ""},           // nor an empty segment
		{"GET", "/v1/Secrets/a", ""},           // literals are case-sensitive
		{"GET", "/files/.json", ""},            // the parameter matches nothing
		{"GET", "/files/report.xml", ""},       // the literal part differs
		{"POST", "/v1/jobs/7", ""},             // ":cancel" missing
		{"GET", "/v2/secrets/a", ""},           // no such template
		{"GET", "v1/secrets/a", ""},            // not a path
		{"GET", "", ""},                        // not a path
		{"GET", "/v1/secrets/a/versions", ""},
	}
	for _, tt := range tests {
		got := c.OperationFor(tt.method, tt.path)
		if tt.want == "" {
			assert.Nil(t, got, "%s %s: %v", tt.method, tt.path, got)
			continue
		}
		if assert.NotNil(t, got, "%s %s", tt.method, tt.path) {
			assert.Equal(t, tt.want, got.ID, "%s %s", tt.method, tt.path)
		}
	}
}

// TestOperationForTie: of two templates with as many literal segments,
// the first in the catalog wins.
func TestOperationForTie(t *testing.T) {
	c, err := Parse("c.yaml", []byte(opsHead+`operations:
  - id: byOwner
    route: GET /v1/{owner}/secrets
    responses: {"404": []}
  - id: byKind
    route: GET /v1/secrets/{kind}
    responses: {"404": []}
`))
	require.NoError(t, err)
	assert.Equal(t, "byOwner", c.OperationFor("GET", "/v1/secrets/secrets").ID)
	assert.Equal(t, "byKind", c.OperationFor("GET", "/v1/secrets/x").ID)
	assert.Nil(t, (&Catalog{}).OperationFor("GET", "/v1/secrets/x"), "a catalog without operations")
}

// TestOperationForHead: a HEAD operation of the document is a HEAD
// request's, before the GET operation on the same path.
func TestOperationForHead(t *testing.T) {
	c, err := Parse("c.yaml", []byte(opsHead+`operations:
  - id: getSecret
    route: GET /v1/secrets/{id}
    responses: {"404": []}
  - id: checkSecret
    route: HEAD /v1/secrets/{id}
    responses: {"404": []}
`))
	require.NoError(t, err)
	assert.Equal(t, "checkSecret", c.OperationFor("HEAD", "/v1/secrets/x").ID)
	assert.Equal(t, "getSecret", c.OperationFor("GET", "/v1/secrets/x").ID)
}

// TestBasePaths: a route or a request under one of the catalog's base
// paths (its document's servers) is the operation's without it.
func TestBasePaths(t *testing.T) {
	c, err := Parse("c.yaml", []byte(opsHead+`base_paths: [/v1.57, /api/v2]
operations:
  - id: getSecret
    route: GET /secrets/{id}
    responses:
      "404": []
  - id: listSecrets
    route: GET /secrets
    responses:
      "429": []
`))
	require.NoError(t, err)
	assert.Equal(t, []string{"/v1.57", "/api/v2"}, c.BasePaths)
	get, list := c.Operations[0], c.Operations[1]
	for _, route := range []string{"/secrets/{id}", "/v1.57/secrets/{name}", "/v{version}/secrets/{id}", "/api/v2/secrets/{id}", "/api/{v}/secrets/{id}"} {
		assert.Equal(t, []*Operation{get}, c.OperationsAt("GET", route), route)
	}
	for _, route := range []string{"/v1/secrets/{id}", "/v1.57", "/api/secrets/{id}", "/other/v1.57/secrets/{id}", "/v1.570/secrets/{id}"} {
		assert.Empty(t, c.OperationsAt("GET", route), route)
	}
	assert.Equal(t, get, c.OperationFor("GET", "/v1.57/secrets/x"))
	assert.Equal(t, list, c.OperationFor("GET", "/api/v2/secrets"))
	assert.Equal(t, get, c.OperationFor("GET", "/secrets/x"))
	assert.Nil(t, c.OperationFor("GET", "/v1.56/secrets/x"), "a request names its base path literally")
	assert.Nil(t, c.OperationFor("GET", "/v1.57"))

	for src, want := range map[string]string{
		"base_paths: /v1\n":           "c.yaml:9:13: base_paths must be a list of paths, not string \"/v1\"",
		"base_paths: [v1]\n":          `c.yaml:9:14: base path "v1" must start with / and hold no space, query or fragment`,
		"base_paths: [/]\n":           `c.yaml:9:14: base path "/" is the root; leave it out`,
		"base_paths: [/v1, /v1]\n":    `c.yaml:9:19: base path "/v1" is listed twice`,
		"base_paths: [\"/v1?x=1\"]\n": `c.yaml:9:14: base path "/v1?x=1" must start with / and hold no space, query or fragment`,
		"base_paths: [1]\n":           "c.yaml:9:14: a base path must be a string, not integer 1",
	} {
		_, err := Parse("c.yaml", []byte(opsHead+src))
		if assert.Error(t, err, src) {
			assert.Equal(t, want, err.Error(), src)
		}
	}
}

// TestOperationsOnly: an API whose document names no code still documents
// each operation's error statuses; a catalog of operations alone holds
// them.
func TestOperationsOnly(t *testing.T) {
	c, err := Parse("c.yaml", []byte(`version: 1
codes: []
operations:
  - route: GET /containers/{id}/logs
    responses:
      "404": []
      "500": []
`))
	require.NoError(t, err)
	assert.Empty(t, c.Codes)
	require.Len(t, c.Operations, 1)
	assert.NotNil(t, c.Operations[0].Response(404))
	assert.Nil(t, c.Operations[0].Response(400))

	_, err = Parse("c.yaml", []byte("version: 1\ncodes: []\noperations:\n  - route: GET\n    responses: {\"404\": []}\n"))
	require.Error(t, err)
	assert.Equal(t, `c.yaml:4:12: route "GET" must be a method and a path, as in "GET /v1/secrets/{id}"`, err.Error(), "the operations' own error, not codes is empty as well")
	_, err = Parse("c.yaml", []byte("version: 1\ncodes: [{code: x, status: 400}]\noperations:\n  - route: GET /a\n    responses: {\"404\": [x]}\n"))
	require.Error(t, err)
	assert.Equal(t, `c.yaml:5:25: response 404 lists code "x", which the catalog sends with 400 (c.yaml:2)`, err.Error())
}
