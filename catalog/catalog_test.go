package catalog

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func loadSeed(t *testing.T, name string) *Catalog {
	t.Helper()
	c, err := Load(filepath.Join("..", "testdata", "catalogs", name+".yaml"))
	require.NoError(t, err)
	return c
}

func countByStatus(c *Catalog) map[int]int {
	m := make(map[int]int)
	for _, code := range c.Codes {
		m[code.Status]++
	}
	return m
}

// The five catalogs in testdata model the five seed references; their counts
// are the references' own.
func TestSeedCatalogs(t *testing.T) {
	tests := []struct {
		name     string
		codes    int
		byStatus map[int]int
	}{
		{"acme", 7, map[int]int{400: 3, 403: 2, 429: 1, 500: 1}},
		{"platform", 73, map[int]int{400: 14, 401: 4, 403: 7, 404: 22, 409: 8, 410: 2, 422: 1, 429: 2, 500: 3, 502: 5, 503: 3, 504: 2}},
		{"certcentral", 97, map[int]int{400: 93, 403: 1, 404: 2, 429: 1}},
		{"camelcase", 17, map[int]int{400: 5, 403: 5, 404: 2, 429: 1, 500: 4}},
		{"numeric", 55, map[int]int{400: 10, 401: 2, 403: 9, 404: 6, 409: 6, 410: 3, 412: 1, 500: 14, 502: 2, 503: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := loadSeed(t, tt.name)
			assert.Len(t, c.Codes, tt.codes)
			assert.Equal(t, tt.byStatus, countByStatus(c))
		})
	}
}

func TestPlatformLookups(t *testing.T) {
	c := loadSeed(t, "platform")
	assert.Len(t, c.SentWith(404), 22)
	assert.Len(t, c.SentWith(409), 8)
	var rate []string
	for _, code := range c.SentWith(429) {
		rate = append(rate, code.Value)
	}
	assert.Equal(t, []string{"rate_limited", "quota_exceeded"}, rate)

	code, ok := c.Lookup("secret_not_found")
	require.True(t, ok)
	assert.Equal(t, 404, code.Status)
	assert.Equal(t, "Not found", code.Group)

	// Reported codes are cataloged but never sent with their status.
	code, ok = c.Lookup("webhook_delivery_failed")
	require.True(t, ok)
	assert.True(t, code.Reported)
	for _, sent := range c.SentWith(502) {
		assert.NotEqual(t, "webhook_delivery_failed", sent.Value)
	}

	_, ok = c.Lookup("secret_notfound")
	assert.False(t, ok)
	assert.Equal(t, "secret_not_found", c.Suggest("secret_notfound"))
	assert.Equal(t, "secret_not_found", c.Suggest("SecretNotFound"))
	assert.Empty(t, c.Suggest("completely_unrelated_words"))
	assert.Equal(t, []int{429}, c.Rules.RetryAfter)
}

func TestACMEPrefix(t *testing.T) {
	c := loadSeed(t, "acme")
	assert.Equal(t, "urn:ietf:params:acme:error:", c.Wire.Prefix)
	for _, s := range []string{"urn:ietf:params:acme:error:badNonce", "badNonce"} {
		code, ok := c.Lookup(s)
		require.True(t, ok, s)
		assert.Equal(t, "badNonce", code.Value)
		assert.Equal(t, 400, code.Status)
	}
	_, ok := c.Lookup("urn:ietf:params:acme:error:badNonse")
	assert.False(t, ok)
	assert.Equal(t, "badNonce", c.Suggest("urn:ietf:params:acme:error:badNonse"))
	assert.Equal(t, []string{"status"}, []string{c.Wire.Status})
	assert.Len(t, c.Match(Literal("urn:ietf:params:acme:error:").Concat(Hole())), 7)
}

func TestCertCentralTemplates(t *testing.T) {
	c := loadSeed(t, "certcentral")
	code, ok := c.Lookup("not_found|order")
	require.True(t, ok)
	assert.Equal(t, "not_found|{resource}", code.Value)
	assert.Equal(t, 404, code.Status)

	code, ok = c.Lookup("not_found")
	require.True(t, ok)
	assert.Equal(t, "not_found", code.Value)

	// The template's own text is not a code.
	_, ok = c.Lookup("not_found|")
	assert.False(t, ok)

	// Partly known values: "invalid_chars:" + name.
	m := c.Match(Literal("invalid_chars:").Concat(Hole()))
	require.Len(t, m, 1)
	assert.Equal(t, "invalid_chars:{param}", m[0].Value)
	assert.Empty(t, c.Match(Literal("invalid_charz:").Concat(Hole())))
	// fmt.Sprintf("not_found|%s", kind) may be the template, nothing else.
	m = c.Match(Literal("not_found|").Concat(Hole()))
	require.Len(t, m, 1)
	assert.Equal(t, "not_found|{resource}", m[0].Value)

	assert.Equal(t, []Segment{{Name: "errors", Array: true}, {Name: "code"}}, c.Wire.CodePath)
	assert.Len(t, c.SentWith(429), 1)
}

func TestNumericCatalog(t *testing.T) {
	c := loadSeed(t, "numeric")
	assert.True(t, c.Numeric())
	byNum, ok := c.LookupInt(51010)
	require.True(t, ok)
	byName, ok := c.LookupName("InvalidCsrSignature")
	require.True(t, ok)
	assert.Same(t, byNum, byName)
	assert.Equal(t, 403, byNum.Status)
	assert.Equal(t, "51010", byNum.Quoted())
	_, ok = c.LookupInt(51019)
	assert.False(t, ok)
	assert.Equal(t, []int{429, 503}, c.Rules.RetryAfter)
	assert.True(t, c.RetryAfter(503))
}

func TestCamelCaseCatalog(t *testing.T) {
	c := loadSeed(t, "camelcase")
	assert.Equal(t, "xml", c.Wire.Format)
	code, ok := c.Lookup("AccessDenied")
	require.True(t, ok)
	assert.Equal(t, 403, code.Status)
	assert.Equal(t, "AccessDenied", c.Suggest("AcessDenied"))
	assert.Equal(t, "NotFound", c.Suggest("notfound"))
}

func TestPatternIntersects(t *testing.T) {
	lit, hole := Literal, Hole
	tests := []struct {
		a, b Pattern
		want bool
	}{
		{lit("abc"), lit("abc"), true},
		{lit("abc"), lit("abd"), false},
		{lit("ab").Concat(hole()), lit("abc"), true},
		{lit("ab").Concat(hole()), lit("a"), false},
		{hole().Concat(lit("|x")), lit("a|").Concat(hole()), true},
		{lit("a").Concat(hole()).Concat(lit("z")), lit("b").Concat(hole()), false},
		{lit("a").Concat(hole()).Concat(lit("z")), hole().Concat(lit("y")), false},
		{hole(), lit("anything"), true},
		{lit("x").Concat(hole()).Concat(lit("y")).Concat(hole()), lit("xy"), true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.a.Intersects(tt.b), "%s ∩ %s", tt.a, tt.b)
		assert.Equal(t, tt.want, tt.b.Intersects(tt.a), "%s ∩ %s", tt.b, tt.a)
	}
	assert.Equal(t, "a…b", lit("a").Concat(hole()).Concat(hole()).Concat(lit("b")).String())
}

func TestDistance(t *testing.T) {
	assert.Equal(t, 0, distance("abc", "abc"))
	assert.Equal(t, 1, distance("abc", "acb"))
	assert.Equal(t, 1, distance("secret_notfound", "secret_not_found"))
	assert.Equal(t, 3, distance("", "abc"))
	assert.Equal(t, 1, distance("é", "e"))
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	write := func(rel, data string) {
		p := filepath.Join(root, rel)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	}
	const cat = "version: 1\ncodes:\n  - code: a\n    status: 400\n"
	write("mod/go.mod", "module m\n")
	write("mod/errcodes.yaml", cat)
	write("mod/svc/api/x.go", "package api\n")
	write("mod/other/.errcodes.yaml", cat)
	write("mod/inner/go.mod", "module inner\n")
	write("errcodes.yaml", cat) // above the module root: never found

	got, err := Find(filepath.Join(root, "mod/svc/api"))
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(root, "mod/errcodes.yaml"), got)

	got, err = Find(filepath.Join(root, "mod/other"))
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(root, "mod/other/.errcodes.yaml"), got)

	got, err = Find(filepath.Join(root, "mod/inner"))
	require.NoError(t, err)
	assert.Empty(t, got, "discovery stops at the module root")

	var cache Cache
	t.Setenv(EnvVar, "")
	c1, err := cache.Resolve("", filepath.Join(root, "mod/svc/api"))
	require.NoError(t, err)
	c2, err := cache.Resolve("", filepath.Join(root, "mod"))
	require.NoError(t, err)
	assert.Same(t, c1, c2, "one load per file")

	none, err := cache.Resolve("", filepath.Join(root, "mod/inner"))
	require.NoError(t, err)
	assert.Nil(t, none)

	t.Setenv(EnvVar, filepath.Join(root, "mod/other/.errcodes.yaml"))
	fromEnv, err := cache.Resolve("", filepath.Join(root, "mod/inner"))
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(root, "mod/other/.errcodes.yaml"), fromEnv.Path)

	explicit, err := cache.Resolve(filepath.Join(root, "errcodes.yaml"), filepath.Join(root, "mod"))
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(root, "errcodes.yaml"), explicit.Path)

	_, err = cache.Resolve(filepath.Join(root, "missing.yaml"), root)
	require.Error(t, err)
}

func TestStatusText(t *testing.T) {
	for want, statuses := range map[string][]int{
		"404":             {404},
		"400 or 404":      {400, 404},
		"400, 404 or 405": {400, 404, 405},
	} {
		c := &Code{Status: statuses[0], Statuses: statuses}
		assert.Equal(t, want, c.StatusText())
	}
	assert.Equal(t, "409", (&Code{Status: 409}).StatusText(), "a code built by hand without Statuses")
}
