package statusbranch

import (
	"github.com/errcodelint/errcodelint/analyzer/internal/catalogs"
	"golang.org/x/tools/go/analysis"
)

// Config is the statusbranch pass's configuration; each field is also a flag.
type Config struct {
	Catalog string // -catalog: the error-code catalog file ("" to discover)
	Strict  bool   // -strict: also report statuses that carry a single code
}

// Defaults is the configuration of Analyzer.
func Defaults() Config { return Config{} }

// Analyzer is the statusbranch pass with the default configuration, for
// drivers and Bazel nogo.
var Analyzer = New(Defaults())

// New returns a statusbranch analyzer bound to its own copy of cfg; its
// flags change that copy only.
func New(cfg Config) *analysis.Analyzer {
	r := &runner{src: catalogs.Source{Path: cfg.Catalog}, strict: cfg.Strict}
	a := &analysis.Analyzer{
		Name: "statusbranch",
		Doc:  "report client branches on a status that several codes share",
		URL:  "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/statusbranch",
		Run:  r.run,
	}
	r.src.Bind(&a.Flags)
	a.Flags.BoolVar(&r.strict, "strict", cfg.Strict, "also report branches on statuses that carry a single code")
	return a
}

type runner struct {
	src    catalogs.Source
	strict bool
}

func (r *runner) run(pass *analysis.Pass) (any, error) {
	if _, err := r.src.For(pass); err != nil {
		return nil, err
	}
	return nil, nil
}
