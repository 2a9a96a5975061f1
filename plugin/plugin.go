// Package plugin registers errcodelint as a golangci-lint v2 module plugin
// named "errcodelint".
//
// Build a golangci-lint that includes it with `golangci-lint custom` and a
// .custom-gcl.yml naming this package, then enable it in .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable: [errcodelint]
//	  settings:
//	    custom:
//	      errcodelint:
//	        type: module
//	        settings:
//	          catalog: api/errcodes.yaml   # default: found upward from each package
//	          disable: [statusbranch]      # or enable: [errcode, retryafter]
//	          # disable also takes checks: [retryafter/header-key]
//	          strict: false                # statusbranch -strict
//
// The settings are applied through the passes' own flags, so a setting is
// checked exactly as the same flag is on the command line: a catalog that
// does not load is an error before any package is analyzed. Unknown and
// ill-typed settings are errors that name the key. Every setting is
// optional: the settings block may be empty or left out.
//
// golangci-lint caches each package's issues. The plugin keys them on the
// catalogs the run can see, through the name of one more analyzer that
// reports nothing (see catalogsKey): a catalog edit is seen on the next
// run, whatever the settings block looks like.
package plugin

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/errcode"
	"github.com/errcodelint/errcodelint/analyzer/retryafter"
	"github.com/errcodelint/errcodelint/analyzer/statusbranch"
	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogid"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

// Name is the linter's name in .golangci.yml and in //nolint comments.
const Name = "errcodelint"

func init() {
	register.Plugin(Name, New)
}

// Settings are the plugin's settings, under
// linters.settings.custom.errcodelint.settings in .golangci.yml.
type Settings struct {
	// Catalog is the catalog file for every pass; "" finds errcodes.yaml
	// upward from each package. A relative path is relative to the
	// directory of golangci-lint's configuration file, as golangci-lint's
	// own paths are: the file named by -c/--config, else the .golangci.yml
	// (.yaml, .toml, .json) golangci-lint finds in the working directory,
	// else in the directory of its first package argument and upward from
	// there, else in the home directory (see ConfigDir). With --no-config,
	// or no file found, it is relative to the working directory.
	Catalog string `json:"catalog"`
	// Enable lists the passes to run; empty means all of them.
	Enable []string `json:"enable"`
	// Disable lists passes not to run, and checks ("retryafter/header-key",
	// as errcodelint help lists them) of the passes that run.
	Disable []string `json:"disable"`
	// Strict sets statusbranch's -strict flag.
	Strict bool `json:"strict"`
}

// passes are errcodelint's passes; each call of new builds a fresh analyzer
// with its own flags, so that settings never reach the package-level
// Analyzers that go vet and nogo use, nor another plugin instance.
var passes = []struct {
	name   string
	checks []string // the names of its checks ("header-key")
	new    func() *analysis.Analyzer
}{
	{"errcode", checkNames(errcode.Checks), func() *analysis.Analyzer { return errcode.New(errcode.Defaults()) }},
	{"retryafter", checkNames(retryafter.Checks), func() *analysis.Analyzer { return retryafter.New(retryafter.Defaults()) }},
	{"statusbranch", checkNames(statusbranch.Checks), func() *analysis.Analyzer { return statusbranch.New(statusbranch.Defaults()) }},
}

// checkNames are the names of a pass's checks, its Checks.
func checkNames[C interface{ Name() string }](checks []C) []string {
	names := make([]string, len(checks))
	for i, c := range checks {
		names[i] = c.Name()
	}
	return names
}

type plugin struct {
	analyzers []*analysis.Analyzer
}

// New decodes golangci-lint's raw settings and builds the enabled passes
// with the settings applied, followed by the analyzer that keys
// golangci-lint's cache on the catalogs (see catalogsKey). It is the
// plugin's register.NewPlugin; golangci-lint calls it once per run, so the
// catalogs are hashed once per run, not per package.
func New(raw any) (register.LinterPlugin, error) {
	s, err := decode(raw)
	if err != nil {
		return nil, err
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("working directory: %w", err)
	}
	if s.Catalog != "" && !filepath.IsAbs(s.Catalog) {
		home, _ := os.UserHomeDir()
		s.Catalog = filepath.Join(ConfigDir(os.Args[1:], wd, home), s.Catalog)
	}
	names, err := s.passes()
	if err != nil {
		return nil, err
	}
	analyzers := make([]*analysis.Analyzer, 0, len(names)+1)
	for _, p := range passes {
		if slices.Contains(names, p.name) {
			analyzers = append(analyzers, p.new())
		}
	}
	if err := s.apply(analyzers); err != nil {
		return nil, err
	}
	sum := catalogid.SumPinned(explicitCatalogs(s.Catalog, os.Getenv(catalog.EnvVar), wd))
	return &plugin{analyzers: append(analyzers, catalogsKey(sum))}, nil
}

// explicitCatalogs are the catalog files a run reads without discovery,
// absolute: the catalog setting (made absolute by New) and
// $ERRCODELINT_CATALOG, which the passes open relative to the working
// directory wd, golangci-lint's. Either may be "".
func explicitCatalogs(setting, env, wd string) []string {
	if env != "" && !filepath.IsAbs(env) {
		env = filepath.Join(wd, env)
	}
	return []string{setting, env}
}

// KeyPrefix begins the name of the analyzer catalogsKey returns; the rest
// of the name is the catalogs' hash.
const KeyPrefix = "catalogs_"

// catalogsKey returns an analyzer that reports nothing, named KeyPrefix
// followed by sum, the hash of the catalogs the run can see.
//
// golangci-lint v2 caches a linter's issues per package under a key made
// of the package's Go files and its dependencies' (pkg/goanalysis and
// internal/cache), salted with its version, linters.settings, the build
// tags and go.mod (pkg/commands/run.go, initHashSalt), and named after the
// linter's analyzers ("lint/result:" and their sorted names,
// getIssuesCacheKey). The catalogs are in none of these: an edit would
// replay the issues of the catalog as it was. The analyzers' names are
// the one part of the key a plugin always controls, whatever the settings
// block looks like (golangci-lint passes no settings at all for an empty
// block or none), so the hash goes there. It keys errcodelint's issues
// only: other linters' issues and the passes' facts (keyed per analyzer)
// stay cached. integration/golangci_test.go proves it against the
// golangci-lint release it pins.
func catalogsKey(sum string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: KeyPrefix + sum,
		Doc:  "keys golangci-lint's cache of errcodelint's issues on the catalogs; reports nothing",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
}

func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode asks for type information: every pass needs it.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// decode decodes raw settings, rejecting unknown keys and ill-typed values
// with errors that name the key.
func decode(raw any) (Settings, error) {
	// DecodeSettings rejects unknown keys too, but its error does not list
	// the keys there are.
	if m, ok := raw.(map[string]any); ok {
		keys := settingKeys()
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if !slices.Contains(keys, k) {
				return Settings{}, fmt.Errorf("unknown setting %q (settings: %s)", k, strings.Join(keys, ", "))
			}
		}
	}
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			key, _, _ := strings.Cut(te.Field, ".")
			return Settings{}, fmt.Errorf("setting %q: got %s, want %s", key, te.Value, describe(fieldType(key)))
		}
		return Settings{}, fmt.Errorf("settings: %w", err)
	}
	return s, nil
}

// passes returns the names of the passes to run.
func (s Settings) passes() ([]string, error) {
	var all []string
	for _, p := range passes {
		all = append(all, p.name)
	}
	for _, name := range s.Enable {
		if !slices.Contains(all, name) {
			if isCheck(name) {
				return nil, fmt.Errorf(`setting "enable": %q is a check; enable takes passes (%s), disable takes passes and checks`, name, strings.Join(all, ", "))
			}
			return nil, fmt.Errorf(`setting "enable": unknown pass %q (passes: %s)`, name, strings.Join(all, ", "))
		}
	}
	for _, name := range s.Disable {
		if slices.Contains(all, name) {
			continue
		}
		if pass, _, found := strings.Cut(name, "/"); found && slices.Contains(all, pass) {
			if !isCheck(name) {
				return nil, fmt.Errorf(`setting "disable": pass %s has no check %q (its checks: %s)`, pass, name, strings.Join(checkIDs(pass), ", "))
			}
			continue
		}
		return nil, fmt.Errorf(`setting "disable": unknown pass or check %q (passes: %s; errcodelint help NAME lists a pass's checks)`, name, strings.Join(all, ", "))
	}
	names := all
	if len(s.Enable) > 0 {
		names = s.Enable
	}
	var run []string
	for _, name := range all {
		if !slices.Contains(names, name) {
			continue
		}
		if slices.Contains(s.Disable, name) {
			if len(s.Enable) > 0 {
				return nil, fmt.Errorf("pass %q is both enabled and disabled", name)
			}
			continue
		}
		run = append(run, name)
	}
	if len(run) == 0 {
		return nil, errors.New(`setting "disable": no pass left to run`)
	}
	return run, nil
}

// isCheck reports whether id is a check's ID: "pass/check".
func isCheck(id string) bool {
	pass, name, _ := strings.Cut(id, "/")
	return slices.Contains(checkIDs(pass), pass+"/"+name)
}

// checkIDs are the IDs of pass's checks.
func checkIDs(pass string) []string {
	var ids []string
	for _, p := range passes {
		if p.name == pass {
			for _, name := range p.checks {
				ids = append(ids, pass+"/"+name)
			}
		}
	}
	return ids
}

// apply sets each given setting as the flag of the same name on every
// analyzer that has one, and the checks disable names as each pass's
// -checks. A setting no enabled pass takes is an error, not silently
// ignored.
func (s Settings) apply(analyzers []*analysis.Analyzer) error {
	for _, a := range analyzers {
		var off []string
		for _, id := range s.Disable {
			if name, ok := strings.CutPrefix(id, a.Name+"/"); ok {
				off = append(off, "-"+name)
			}
		}
		if len(off) > 0 {
			if err := a.Flags.Set("checks", strings.Join(off, ",")); err != nil {
				return fmt.Errorf(`setting "disable": %w`, err)
			}
		}
	}
	type setting struct{ key, value string }
	var flags []setting
	if s.Catalog != "" {
		flags = append(flags, setting{"catalog", s.Catalog})
	}
	if s.Strict {
		flags = append(flags, setting{"strict", "true"})
	}
	for _, f := range flags {
		taken := false
		for _, a := range analyzers {
			if a.Flags.Lookup(f.key) == nil {
				continue
			}
			taken = true
			if err := a.Flags.Set(f.key, f.value); err != nil {
				return fmt.Errorf("setting %q: %w", f.key, err)
			}
		}
		if !taken {
			return fmt.Errorf("setting %q: no enabled pass takes it", f.key)
		}
	}
	return nil
}

// settingKeys are the keys Settings decodes, from its json tags.
func settingKeys() []string {
	t := reflect.TypeFor[Settings]()
	keys := make([]string, t.NumField())
	for i := range keys {
		keys[i], _, _ = strings.Cut(t.Field(i).Tag.Get("json"), ",")
	}
	return keys
}

// fieldType is the type of the Settings field decoded from key.
func fieldType(key string) reflect.Type {
	t := reflect.TypeFor[Settings]()
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); name == key {
			return t.Field(i).Type
		}
	}
	return nil
}

// describe names the kind of value a setting of type t takes.
func describe(t reflect.Type) string {
	switch {
	case t == nil:
		return "another type"
	case t.Kind() == reflect.String:
		return "a string"
	case t.Kind() == reflect.Bool:
		return "true or false"
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		return "a list of names"
	}
	return t.String()
}

// configExts are the extensions golangci-lint (through viper) tries for
// .golangci, in its order.
var configExts = []string{"json", "toml", "yaml", "yml", "properties", "props", "prop", "hcl", "tfvars", "dotenv", "env", "ini"}

// ConfigDir is the directory of the configuration file golangci-lint
// reads, run with args (its command line, less the program) in the
// working directory wd, with home the user's home directory ("" for
// none). It follows golangci-lint v2's pkg/config: the file given with
// -c/--config (relative to wd); else .golangci with one of viper's
// extensions in wd, then in the directory of the first package argument
// (the argument itself when it is a directory) and each directory above
// it, then in home. The plugin is not told which file was read, and cannot
// see golangci-lint's flags: an argument counts as the first package when
// it is not a flag and names a directory or file (or ends in /...), so
// that flag values are not taken for it. With --no-config, or when no file
// is found, it is wd.
func ConfigDir(args []string, wd, home string) string {
	abs := func(p string) string {
		if filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(wd, p)
	}
	first := ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case i == 0 && a == "run":
			// golangci-lint's command.
		case a == "--":
			if first == "" && i+1 < len(args) {
				first = args[i+1]
			}
			i = len(args)
		case a == "--no-config" || a == "--no-config=true":
			return wd
		case a == "-c" || a == "--config":
			if i+1 < len(args) {
				return filepath.Dir(abs(args[i+1]))
			}
		case strings.HasPrefix(a, "--config="):
			return filepath.Dir(abs(strings.TrimPrefix(a, "--config=")))
		case strings.HasPrefix(a, "-c=") || (strings.HasPrefix(a, "-c") && !strings.HasPrefix(a, "--") && len(a) > 2):
			return filepath.Dir(abs(strings.TrimPrefix(strings.TrimPrefix(a, "-c"), "=")))
		case first == "" && !strings.HasPrefix(a, "-") && isPackageArg(abs(a)):
			first = a
		}
	}
	dirs := []string{wd}
	if first == "" {
		first = "./..."
	}
	dir := abs(first)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		dir = filepath.Dir(dir)
	}
	for {
		dirs = append(dirs, dir)
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	if home != "" {
		dirs = append(dirs, home)
	}
	for _, d := range dirs {
		for _, ext := range configExts {
			if st, err := os.Stat(filepath.Join(d, ".golangci."+ext)); err == nil && !st.IsDir() {
				return d
			}
		}
	}
	return wd
}

// isPackageArg reports whether an argument (made absolute) can be a
// package pattern golangci-lint starts its search from.
func isPackageArg(p string) bool {
	if strings.HasSuffix(p, string(filepath.Separator)+"...") {
		p = strings.TrimSuffix(p, string(filepath.Separator)+"...")
	}
	_, err := os.Stat(p)
	return err == nil
}
