// Command golangci-lint is golangci-lint with errcodelint's module plugin
// built in: what `golangci-lint custom` builds from a .custom-gcl.yml
// naming github.com/errcodelint/errcodelint/plugin, without the git clone.
// The integration tests build it in a module whose go.mod requires
// golangci-lint and replaces errcodelint with the checkout.
package main

import (
	"fmt"
	"os"
	"runtime"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/errcodelint/errcodelint/plugin"
)

func main() {
	info := commands.BuildInfo{
		Version:   "custom-errcodelint",
		Commit:    "(unknown)",
		Date:      "(unknown)",
		GoVersion: runtime.Version(),
	}
	if err := commands.Execute(info); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
