package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/errcodelint/errcodelint/catalog"
)

// versionFlag is -V=full, the protocol by which go vet asks a vet tool for
// its identity and caches the tool's results under it. The identity covers
// the executable and the catalogs the run can see, so that editing a
// catalog invalidates go vet's cached findings: $ERRCODELINT_CATALOG and
// every catalog file below the working directory, where go vet asks.
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
	h := sha256.New()
	if err := hashFile(h, exe); err != nil {
		return err
	}
	for _, p := range visibleCatalogs() {
		fmt.Fprintf(h, "\x00%s\x00", p)
		_ = hashFile(h, p) // a catalog that cannot be read is reported by the run
	}
	fmt.Printf("%s version devel comments-go-here buildID=%02x\n", exe, h.Sum(nil))
	os.Exit(0)
	return nil
}

func hashFile(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

// maxCatalogWalk bounds the walk for catalogs: a tree larger than this is
// not a module whose catalogs go vet will find.
const maxCatalogWalk = 200000

// visibleCatalogs lists, sorted, the catalog files a run from the working
// directory may use.
func visibleCatalogs() []string {
	var out []string
	if p := os.Getenv(catalog.EnvVar); p != "" {
		out = append(out, p)
	}
	seen := 0
	_ = filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if seen++; seen > maxCatalogWalk {
			return filepath.SkipAll
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "vendor", "node_modules":
				return filepath.SkipDir
			}
			return nil
		}
		if slices.Contains(catalog.FileNames, d.Name()) {
			if abs, err := filepath.Abs(p); err == nil {
				out = append(out, abs)
			}
		}
		return nil
	})
	slices.Sort(out)
	return out
}
