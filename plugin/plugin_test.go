package plugin_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/errcodelint/errcodelint/analyzer/errcode"
	"github.com/errcodelint/errcodelint/analyzer/statusbranch"
	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/plugin"
	"github.com/golangci/plugin-module-register/register"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis"
)

const catalogFile = "../testdata/catalogs/platform.yaml"

// build builds the plugin as golangci-lint does: by name, from raw
// settings, and returns its passes: every analyzer it gives golangci-lint
// but the last, the catalogs' key, which buildAll checks.
func build(t *testing.T, settings any) ([]*analysis.Analyzer, error) {
	t.Helper()
	all, err := buildAll(t, settings)
	if err != nil {
		return nil, err
	}
	return all[:len(all)-1], nil
}

// buildAll builds the plugin and returns every analyzer it gives
// golangci-lint: the passes, then the analyzer that keys golangci-lint's
// cache on the catalogs, a valid analyzer that reports nothing.
func buildAll(t *testing.T, settings any) ([]*analysis.Analyzer, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin("errcodelint")
	require.NoError(t, err)
	p, err := newPlugin(settings)
	if err != nil {
		return nil, err
	}
	assert.Equal(t, register.LoadModeTypesInfo, p.GetLoadMode())
	all, err := p.BuildAnalyzers()
	require.NoError(t, err)
	require.NotEmpty(t, all)
	require.NoError(t, analysis.Validate(all))
	key := all[len(all)-1]
	assert.Regexp(t, `^`+plugin.KeyPrefix+`[0-9a-f]{64}$`, key.Name)
	assert.Empty(t, key.Requires, "the key runs alone, on nothing")
	res, err := key.Run(&analysis.Pass{Report: func(d analysis.Diagnostic) {
		t.Errorf("the catalogs' key reported %q", d.Message)
	}})
	assert.NoError(t, err)
	assert.Nil(t, res)
	return all, nil
}

// key is the name of the analyzer that keys golangci-lint's cache on the
// catalogs, for settings.
func key(t *testing.T, settings any) string {
	t.Helper()
	all, err := buildAll(t, settings)
	require.NoError(t, err)
	return all[len(all)-1].Name
}

func names(analyzers []*analysis.Analyzer) []string {
	var names []string
	for _, a := range analyzers {
		names = append(names, a.Name)
	}
	return names
}

func flag(t *testing.T, a *analysis.Analyzer, name string) string {
	t.Helper()
	f := a.Flags.Lookup(name)
	require.NotNil(t, f, "%s has no -%s flag", a.Name, name)
	return f.Value.String()
}

func TestDefaults(t *testing.T) {
	for _, settings := range []any{nil, map[string]any{}} {
		analyzers, err := build(t, settings)
		require.NoError(t, err)
		assert.Equal(t, []string{"errcode", "retryafter", "statusbranch"}, names(analyzers))
		for _, a := range analyzers {
			assert.Empty(t, flag(t, a, "catalog"), a.Name)
		}
		assert.Equal(t, "false", flag(t, analyzers[2], "strict"))
	}
}

func TestSettingsApplyThroughFlags(t *testing.T) {
	analyzers, err := build(t, map[string]any{
		"catalog": catalogFile,
		"strict":  true,
	})
	require.NoError(t, err)
	require.Len(t, analyzers, 3)
	// No golangci-lint configuration above the test: relative to the
	// working directory.
	abs, err := filepath.Abs(catalogFile)
	require.NoError(t, err)
	for _, a := range analyzers {
		assert.Equal(t, abs, flag(t, a, "catalog"), a.Name)
	}
	assert.Equal(t, "true", flag(t, analyzers[2], "strict"))
}

func TestFreshAnalyzers(t *testing.T) {
	first, err := build(t, map[string]any{"catalog": catalogFile, "strict": true})
	require.NoError(t, err)
	second, err := build(t, nil)
	require.NoError(t, err)
	for i := range first {
		assert.NotSame(t, first[i], second[i], first[i].Name)
	}
	assert.NotSame(t, errcode.Analyzer, first[0])
	// Settings change the plugin's analyzers only, never the package-level
	// ones that go vet and nogo use, nor another plugin instance's.
	assert.Empty(t, flag(t, second[0], "catalog"))
	assert.Empty(t, flag(t, errcode.Analyzer, "catalog"))
	assert.Equal(t, "false", flag(t, statusbranch.Analyzer, "strict"))
}

func TestEnableDisable(t *testing.T) {
	tests := []struct {
		settings map[string]any
		want     []string
	}{
		{map[string]any{"enable": []any{"errcode"}}, []string{"errcode"}},
		{map[string]any{"enable": []any{"statusbranch", "errcode"}}, []string{"errcode", "statusbranch"}},
		{map[string]any{"disable": []any{"statusbranch"}}, []string{"errcode", "retryafter"}},
		{map[string]any{"enable": []any{}, "disable": []any{"errcode", "retryafter"}}, []string{"statusbranch"}},
		{map[string]any{"enable": []any{"statusbranch"}, "strict": true}, []string{"statusbranch"}},
	}
	for _, tt := range tests {
		analyzers, err := build(t, tt.settings)
		require.NoError(t, err, "%v", tt.settings)
		assert.Equal(t, tt.want, names(analyzers), "%v", tt.settings)
	}
}

// disable takes check IDs too, applied as each pass's -checks; a check of
// a pass that does not run is no error.
func TestDisableChecks(t *testing.T) {
	analyzers, err := build(t, map[string]any{"disable": []any{"retryafter/header-key", "errcode/body-status", "retryafter/value"}})
	require.NoError(t, err)
	require.Equal(t, []string{"errcode", "retryafter", "statusbranch"}, names(analyzers))
	assert.Equal(t, "-body-status", flag(t, analyzers[0], "checks"))
	assert.Equal(t, "-header-key,-value", flag(t, analyzers[1], "checks"))
	assert.Empty(t, flag(t, analyzers[2], "checks"))

	analyzers, err = build(t, map[string]any{"disable": []any{"statusbranch", "statusbranch/shared-status"}})
	require.NoError(t, err)
	assert.Equal(t, []string{"errcode", "retryafter"}, names(analyzers))
	for _, a := range analyzers {
		assert.Empty(t, flag(t, a, "checks"), a.Name)
	}
}

func TestBadSettings(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "errcodes.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("version: 1\ncodes:\n  - code: x\n    stauts: 404\n"), 0o644))

	tests := []struct {
		settings any
		want     string // the whole error, or its prefix when prefix is set
		prefix   bool   // catalog errors belong to the catalog package
	}{
		{
			settings: map[string]any{"catlog": "errcodes.yaml"},
			want:     `unknown setting "catlog" (settings: catalog, enable, disable, strict)`,
		},
		{
			settings: map[string]any{"catalog": 42},
			want:     `setting "catalog": got number, want a string`,
		},
		{
			settings: map[string]any{"strict": "yes"},
			want:     `setting "strict": got string, want true or false`,
		},
		{
			settings: map[string]any{"enable": "errcode"},
			want:     `setting "enable": got string, want a list of names`,
		},
		{
			settings: map[string]any{"disable": []any{"errcode", 3}},
			want:     `setting "disable": got number, want a list of names`,
		},
		{
			settings: map[string]any{"enable": []any{"errcodes"}},
			want:     `setting "enable": unknown pass "errcodes" (passes: errcode, retryafter, statusbranch)`,
		},
		{
			settings: map[string]any{"disable": []any{"retry-after"}},
			want:     `setting "disable": unknown pass or check "retry-after" (passes: errcode, retryafter, statusbranch; errcodelint help NAME lists a pass's checks)`,
		},
		{
			settings: map[string]any{"disable": []any{"retryafter/header-keys"}},
			want:     `setting "disable": pass retryafter has no check "retryafter/header-keys" (its checks: retryafter/missing, retryafter/late-header, retryafter/value, retryafter/header-key, retryafter/directive)`,
		},
		{
			settings: map[string]any{"enable": []any{"errcode/status"}},
			want:     `setting "enable": "errcode/status" is a check; enable takes passes (errcode, retryafter, statusbranch), disable takes passes and checks`,
		},
		{
			settings: map[string]any{"enable": []any{"errcode"}, "disable": []any{"errcode"}},
			want:     `pass "errcode" is both enabled and disabled`,
		},
		{
			settings: map[string]any{"disable": []any{"errcode", "retryafter", "statusbranch"}},
			want:     `setting "disable": no pass left to run`,
		},
		{
			settings: map[string]any{"disable": []any{"statusbranch"}, "strict": true},
			want:     `setting "strict": no enabled pass takes it`,
		},
		{
			settings: []any{"catalog"},
			want:     `settings: decoding settings: json: cannot unmarshal array into Go value of type plugin.Settings`,
		},
		{
			settings: map[string]any{"catalog": filepath.Join(t.TempDir(), "missing.yaml")},
			want:     `setting "catalog": `,
			prefix:   true,
		},
		{
			settings: map[string]any{"catalog": bad},
			want:     `setting "catalog": ` + bad + `:3:5: `,
			prefix:   true,
		},
	}
	for _, tt := range tests {
		_, err := build(t, tt.settings)
		if !assert.Error(t, err, "%v", tt.settings) {
			continue
		}
		if tt.prefix {
			assert.True(t, strings.HasPrefix(err.Error(), tt.want), "%v: got %q, want prefix %q", tt.settings, err, tt.want)
			continue
		}
		assert.EqualError(t, err, tt.want, "%v", tt.settings)
	}
}

// golangci-lint keys its cache of a linter's issues on the names of the
// linter's analyzers: the last one's name carries the catalogs' hash, so
// that a catalog edit invalidates cached findings.
func TestKeyCoversConfiguredCatalog(t *testing.T) {
	data, err := os.ReadFile(catalogFile)
	require.NoError(t, err)
	cat := filepath.Join(t.TempDir(), "errcodes.yaml")
	require.NoError(t, os.WriteFile(cat, data, 0o644))

	settings := map[string]any{"catalog": cat}
	first := key(t, settings)
	assert.Equal(t, map[string]any{"catalog": cat}, settings, "golangci-lint's settings are left as they are")

	// golangci-lint may build the plugin again from the same settings.
	assert.Equal(t, first, key(t, settings))

	require.NoError(t, os.WriteFile(cat, append(data, "# edited\n"...), 0o644))
	assert.NotEqual(t, first, key(t, settings), "an edit changes the key")
}

// module writes a module at dir, holding files (path → content), and
// returns dir.
func module(t *testing.T, dir string, files map[string]string) string {
	t.Helper()
	files["go.mod"] = "module example.com/" + filepath.Base(dir) + "\n\ngo 1.26\n"
	for name, content := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return dir
}

// appendTo appends text to the file at path.
func appendTo(t *testing.T, path, text string) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, append(data, text...), 0o644))
}

// With no settings (golangci-lint passes nil for an empty settings block
// and for none) the key covers every catalog below the main module's
// root, wherever golangci-lint runs from in it.
func TestKeyCoversDiscoveredCatalogs(t *testing.T) {
	t.Setenv("GOWORK", "off")
	t.Setenv(catalog.EnvVar, "")
	root := module(t, t.TempDir(), map[string]string{
		"errcodes.yaml":              "version: 1\n",
		"svc/api/errcodes.yml":       "version: 1\n",
		"svc/handler/handler.go":     "package handler\n",
		"tools/nested/errcodes.json": "{}\n",
	})
	t.Chdir(filepath.Join(root, "svc", "handler"))

	first := key(t, nil)
	assert.Equal(t, first, key(t, map[string]any{}), "no settings and empty settings see the same catalogs")
	for _, name := range []string{"errcodes.yaml", "svc/api/errcodes.yml", "tools/nested/errcodes.json"} {
		appendTo(t, filepath.Join(root, name), "# edited\n")
		assert.NotEqual(t, first, key(t, nil), "after editing %s", name)
		first = key(t, nil)
	}
	require.NoError(t, os.WriteFile(filepath.Join(root, "svc", ".errcodes.yaml"), []byte("version: 1\n"), 0o644))
	assert.NotEqual(t, first, key(t, nil), "a new catalog changes the key")
}

// In a workspace every module's catalogs count, as go list -m lists the
// modules.
func TestKeyCoversWorkspaceModules(t *testing.T) {
	t.Setenv(catalog.EnvVar, "")
	root := t.TempDir()
	t.Setenv("GOWORK", filepath.Join(root, "go.work"))
	module(t, filepath.Join(root, "a"), map[string]string{"a.go": "package a\n"})
	b := module(t, filepath.Join(root, "b"), map[string]string{"errcodes.yaml": "version: 1\n"})
	require.NoError(t, os.WriteFile(filepath.Join(root, "go.work"), []byte("go 1.26\n\nuse (\n\t./a\n\t./b\n)\n"), 0o644))
	t.Chdir(filepath.Join(root, "a"))

	first := key(t, nil)
	appendTo(t, filepath.Join(b, "errcodes.yaml"), "# edited\n")
	assert.NotEqual(t, first, key(t, nil), "an edit in another module of the workspace changes the key")
}

// $ERRCODELINT_CATALOG is opened relative to the working directory, and
// hashed from there, not from the module's root.
func TestKeyCoversEnvCatalog(t *testing.T) {
	t.Setenv("GOWORK", "off")
	root := module(t, t.TempDir(), map[string]string{
		"api.yaml":     "version: 1\n",
		"svc/api.yaml": "version: 1\n",
	})
	t.Chdir(filepath.Join(root, "svc"))
	t.Setenv(catalog.EnvVar, "api.yaml")

	first := key(t, nil)
	appendTo(t, filepath.Join(root, "svc", "api.yaml"), "# edited\n")
	assert.NotEqual(t, first, key(t, nil), "an edit of the catalog the variable names changes the key")

	t.Setenv(catalog.EnvVar, filepath.Join(root, "api.yaml"))
	first = key(t, nil)
	appendTo(t, filepath.Join(root, "api.yaml"), "# edited\n")
	assert.NotEqual(t, first, key(t, nil), "an absolute path too")
}

// A relative catalog is relative to golangci-lint's configuration file,
// found as golangci-lint finds it.
func TestConfigDir(t *testing.T) {
	root := t.TempDir()
	mkdir := func(parts ...string) string {
		d := filepath.Join(append([]string{root}, parts...)...)
		require.NoError(t, os.MkdirAll(d, 0o755))
		return d
	}
	write := func(dir, name string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte("version: \"2\"\n"), 0o644))
	}
	repo := mkdir("repo")
	svc := mkdir("repo", "svc", "api")
	lint := mkdir("repo", "lint")
	home := mkdir("home")
	write(repo, ".golangci.yml")
	write(lint, ".golangci.toml")

	for _, tc := range []struct {
		name     string
		args     []string
		wd, want string
	}{
		{"in the working directory", []string{"run", "./..."}, repo, repo},
		{"upward from the working directory", []string{"run"}, svc, repo},
		{"upward from the first package", []string{"run", "--timeout", "5m", "./repo/svc/api/..."}, root, repo},
		{"a flag value is no package", []string{"run", "--timeout", "5m"}, root, root},
		{"-c", []string{"run", "-c", "lint/.golangci.toml", "./..."}, repo, lint},
		{"-c=", []string{"run", "-c=lint/.golangci.toml"}, repo, lint},
		{"-cFILE", []string{"run", "-clint/.golangci.toml"}, repo, lint},
		{"--config", []string{"run", "--config", filepath.Join(lint, ".golangci.toml")}, svc, lint},
		{"--config=", []string{"run", "--config=../../lint/.golangci.toml"}, svc, lint},
		{"--no-config", []string{"run", "--no-config", "./..."}, svc, svc},
		{"none found", []string{"run", "./..."}, root, root},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, plugin.ConfigDir(tc.args, tc.wd, ""))
		})
	}
	t.Run("home", func(t *testing.T) {
		write(home, ".golangci.json")
		assert.Equal(t, home, plugin.ConfigDir([]string{"run"}, root, home))
	})
}

// The passes of the run read the catalogs as the key hashed them: an edit
// made while golangci-lint runs cannot put one version's issues under
// another's key.
func TestCatalogsPinnedAsKeyed(t *testing.T) {
	t.Setenv("GOWORK", "off")
	t.Setenv(catalog.EnvVar, "")
	root := module(t, t.TempDir(), map[string]string{
		"errcodes.yaml":          "version: 1\ncodes:\n  - code: a\n    status: 400\n",
		"svc/handler/handler.go": "package handler\n",
	})
	t.Chdir(filepath.Join(root, "svc", "handler"))
	key(t, nil)
	require.NoError(t, os.WriteFile(filepath.Join(root, "errcodes.yaml"), []byte("version: 1\ncodes:\n  - code: a\n    status: 404\n"), 0o644))
	c, err := catalog.Load(filepath.Join(root, "errcodes.yaml"))
	require.NoError(t, err)
	code, ok := c.Lookup("a")
	require.True(t, ok)
	assert.Equal(t, 400, code.Status, "the content the key covers")
}
