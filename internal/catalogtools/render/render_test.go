package render

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogtools/internal/toolstest"
)

// TestRenderGolden renders each style's catalog as Markdown and HTML.
func TestRenderGolden(t *testing.T) {
	renderers := []struct {
		ext    string
		render func(*bytes.Buffer, *catalog.Catalog) error
	}{
		{"md", func(b *bytes.Buffer, c *catalog.Catalog) error { return Markdown(b, c) }},
		{"html", func(b *bytes.Buffer, c *catalog.Catalog) error { return HTML(b, c) }},
	}
	for _, s := range toolstest.Styles {
		for _, r := range renderers {
			t.Run(s.Name+"."+r.ext, func(t *testing.T) {
				c := toolstest.LoadStyle(t, s.Name)
				var first, second bytes.Buffer
				require.NoError(t, r.render(&first, c))
				require.NoError(t, r.render(&second, c))
				assert.Equal(t, first.String(), second.String(), "rendering is deterministic")
				toolstest.Golden(t, filepath.Join("testdata", s.Name+"."+r.ext), first.Bytes())
			})
		}
	}
}

func TestSections(t *testing.T) {
	c, err := catalog.Parse("c.yaml", []byte(`version: 1
codes:
  - {code: a, status: 400, group: One}
  - {code: b, status: 404}
  - {code: c, status: 404, group: Two}
  - {code: d, status: 400, group: One}
`))
	require.NoError(t, err)
	var got [][]string
	for _, s := range Sections(c) {
		row := []string{s.Group}
		for _, code := range s.Codes {
			row = append(row, code.Value)
		}
		got = append(got, row)
	}
	assert.Equal(t, [][]string{{"One", "a", "d"}, {"Two", "c"}, {"", "b"}}, got)
}

func TestStatusIndex(t *testing.T) {
	c := toolstest.LoadStyle(t, "platform")
	index := StatusIndex(c)
	byStatus := make(map[int]StatusCount)
	for _, s := range index {
		byStatus[s.Status] = s
	}
	assert.Equal(t, "22 codes", byStatus[404].Describe())
	assert.Equal(t, "Not Found", byStatus[404].Text())
	assert.Equal(t, "5 codes (1 reported)", byStatus[502].Describe())
	assert.Equal(t, "1 code", byStatus[422].Describe())
	assert.Equal(t, 400, index[0].Status, "ascending")
}

func TestRenderEscapes(t *testing.T) {
	c, err := catalog.Parse("c.yaml", []byte(`version: 1
api: A <b> & c
codes:
  - code: "not_found|{kind}"
    status: 404
    summary: "pipes | stars * and <tags>"
`))
	require.NoError(t, err)
	var md, html bytes.Buffer
	require.NoError(t, Markdown(&md, c))
	require.NoError(t, HTML(&html, c))
	assert.Contains(t, md.String(), "| 404 | `not_found\\|{kind}` | pipes \\| stars \\* and &lt;tags> |\n")
	assert.Contains(t, md.String(), "## Codes\n")
	assert.Contains(t, html.String(), "<title>A &lt;b&gt; &amp; c error codes</title>")
	assert.Contains(t, html.String(), "<td>pipes | stars * and &lt;tags&gt;</td>")
}

// TestRenderStatusList shows every status of a code of several, default
// first, and counts the code under each in the index.
func TestRenderStatusList(t *testing.T) {
	c := toolstest.ParseCodes(t, "c.yaml", "", "  - {code: malformed, status: [400, 404, 415]}\n  - {code: gone, status: 404}\n")
	var md, html bytes.Buffer
	require.NoError(t, Markdown(&md, c))
	require.NoError(t, HTML(&html, c))
	assert.Contains(t, md.String(), "| 400, 404, 415 | `malformed` |")
	assert.Contains(t, md.String(), "| 404 Not Found | 2 codes |")
	assert.Contains(t, md.String(), "| 415 Unsupported Media Type | 1 code |")
	assert.Contains(t, md.String(), "2 codes over 3 statuses.")
	assert.Contains(t, html.String(), "<tr><td>400, 404, 415</td><td><code>malformed</code></td>")
}

// TestRenderOperations: a catalog's operations close the reference, each
// with its route, its error responses and their codes, in both renderings.
func TestRenderOperations(t *testing.T) {
	c, err := catalog.Parse("ops.yaml", []byte(`version: 1
codes:
  - code: secret_not_found
    status: 404
  - code: "a|b"
    status: [400, 404]
operations:
  - id: getSecret
    route: GET /v1/secrets/{id}
    spec: api.yaml:120
    responses:
      "404": [secret_not_found, "a|b"]
      "400": []
  - route: DELETE /v1/secrets/{id}
    responses:
      default: []
`))
	require.NoError(t, err)
	var md, html bytes.Buffer
	require.NoError(t, Markdown(&md, c))
	require.NoError(t, HTML(&html, c))
	assert.Contains(t, md.String(), "\n## Operations\n\n| Operation | Route | Error responses | Defined at |\n|---|---|---|---|\n"+
		"| getSecret | `GET /v1/secrets/{id}` | 404: `secret_not_found`, `a\\|b`; 400: any code | api.yaml:120 |\n"+
		"|  | `DELETE /v1/secrets/{id}` | default: any code | ops.yaml:14 |\n")
	assert.Contains(t, html.String(), `<tr><td>getSecret</td><td><code>GET /v1/secrets/{id}</code></td><td>404: <code>secret_not_found</code>, <code>a|b</code>; 400: any code</td><td>api.yaml:120</td></tr>`)
	assert.Contains(t, html.String(), `<h2 id="operations">Operations</h2>`)
}
