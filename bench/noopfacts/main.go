// Command noopfacts is noop with a fact type: the driver then loads and
// analyzes every dependency from source, as it does for errcodelint.
package main

import (
	"github.com/errcodelint/errcodelint/bench/internal/noop"
	"golang.org/x/tools/go/analysis/multichecker"
)

func main() { multichecker.Main(noop.Facts) }
