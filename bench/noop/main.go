// Command noop is errcodelint's driver with one analyzer that requires the
// inspect pass and reports nothing: the baseline of bench/run.sh.
package main

import (
	"github.com/errcodelint/errcodelint/bench/internal/noop"
	"golang.org/x/tools/go/analysis/multichecker"
)

func main() { multichecker.Main(noop.Analyzer) }
