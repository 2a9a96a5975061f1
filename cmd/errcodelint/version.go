package main

import (
	"crypto/sha256"
	"fmt"
	"os"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogid"
)

// versionFlag is -V=full, the protocol by which go vet asks a vet tool for
// its identity and caches the tool's results under it (with the flags and
// each package's inputs). The identity covers what the results depend on
// besides those: the executable's content, and the catalogs the run can
// see (catalogid): every catalog file of the main modules, and the file
// $ERRCODELINT_CATALOG names. go vet asks with no flags, so a catalog
// flag's file cannot be covered: a unit of go vet accepts one only when it
// is a catalog file of its main module (unit.go).
type versionFlag struct{}

func (versionFlag) IsBoolFlag() bool { return true }
func (versionFlag) Get() any         { return nil }
func (versionFlag) String() string   { return "" }

func (versionFlag) Set(s string) error {
	if s != "full" {
		return fmt.Errorf("unsupported flag value: -V=%s (use -V=full)", s)
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	id, err := toolID()
	if err != nil {
		return err
	}
	fmt.Printf("%s version devel comments-go-here buildID=%s\n", exe, id)
	os.Exit(0)
	return nil
}

// toolID is the hex identity of the running executable with the
// catalogs of the run.
func toolID() (string, error) {
	_, exeSum, err := selfExecutable()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "errcodelint %s\n", exeSum)
	catalogid.Hash(h, []string{os.Getenv(catalog.EnvVar)}, catalogid.Roots())
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}
