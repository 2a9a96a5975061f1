package retryafter

import (
	"github.com/errcodelint/errcodelint/analyzer/internal/catalogs"
	"golang.org/x/tools/go/analysis"
)

// Config is the retryafter pass's configuration; each field is also a flag.
type Config struct {
	Catalog string // -catalog: the error-code catalog file ("" to discover)
}

// Defaults is the configuration of Analyzer.
func Defaults() Config { return Config{} }

// Analyzer is the retryafter pass with the default configuration, for drivers
// and Bazel nogo.
var Analyzer = New(Defaults())

// New returns a retryafter analyzer bound to its own copy of cfg; its flags
// change that copy only.
func New(cfg Config) *analysis.Analyzer {
	r := &runner{src: catalogs.Source{Path: cfg.Catalog}}
	a := &analysis.Analyzer{
		Name: "retryafter",
		Doc:  "report rate-limited responses that do not say when to retry",
		URL:  "https://pkg.go.dev/github.com/errcodelint/errcodelint/analyzer/retryafter",
		Run:  r.run,
	}
	r.src.Bind(&a.Flags)
	return a
}

type runner struct {
	src catalogs.Source
}

func (r *runner) run(pass *analysis.Pass) (any, error) {
	if _, err := r.src.For(pass); err != nil {
		return nil, err
	}
	return nil, nil
}
