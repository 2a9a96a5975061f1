package main

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogid"
)

// versionFlag is -V=full, the protocol by which go vet asks a vet tool for
// its identity and caches the tool's results under it (with the flags and
// each package's inputs). The identity covers what the results depend on
// besides those: the executable, and the content of the catalogs the run
// can see, so that editing a catalog invalidates go vet's cached findings.
// Those catalogs are the files named by $ERRCODELINT_CATALOG and by
// $ERRCODELINT_VET_CATALOGS (the standalone command's -catalog flags: go
// vet asks with no flags), and every catalog file in the module or
// workspace go vet runs in. Discovered catalogs count by their path in the
// module, explicit ones by their content only, so that checkouts at other
// places share cached results.
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
	fmt.Printf("%s version devel comments-go-here buildID=%s\n", exe, toolID(exe))
	os.Exit(0)
	return nil
}

// toolID is the hex ID of the executable exe with the catalogs of the run.
func toolID(exe string) string {
	h := sha256.New()
	h.Write(exeHash(exe))
	explicit := filepath.SplitList(os.Getenv(vetCatalogsEnv))
	catalogid.Hash(h, append(explicit, idCatalogPath(os.Getenv(catalog.EnvVar))))
	return fmt.Sprintf("%02x", h.Sum(nil))
}

// idCatalogPath places a relative $ERRCODELINT_CATALOG as the units do
// (resolveUnitCatalogs): go vet asks for the ID in the directory it was
// started in, which is the units' first choice, and their second is the
// root of the main module, found from there.
func idCatalogPath(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if _, err := os.Stat(filepath.Join(wd, p)); err != nil {
		if root := moduleRoot(wd); root != "" {
			if _, err := os.Stat(filepath.Join(root, p)); err == nil {
				return filepath.Join(root, p)
			}
		}
	}
	return filepath.Join(wd, p)
}

// exeHash is the SHA-256 of the executable. go vet asks for the ID on
// every run: the hash is kept in the user's cache directory, keyed by the
// executable's path, size and modification time, and computed again when
// any of them changes.
func exeHash(exe string) []byte {
	sum := func() []byte {
		h := sha256.New()
		if err := catalogid.HashFile(h, exe); err != nil {
			// No ID is safe to cache under: make one that matches nothing.
			fmt.Fprintf(h, "unhashable %s %v %d", exe, err, time.Now().UnixNano())
		}
		return h.Sum(nil)
	}
	st, err := os.Stat(exe)
	dir, derr := os.UserCacheDir()
	if err != nil || derr != nil {
		return sum()
	}
	stamp := fmt.Sprintf("%s\x00%d\x00%d", exe, st.Size(), st.ModTime().UnixNano())
	key := sha256.Sum256([]byte(stamp))
	file := filepath.Join(dir, "errcodelint", "exe", fmt.Sprintf("%x", key[:16]))
	if data, err := os.ReadFile(file); err == nil && len(data) == sha256.Size {
		return data
	}
	h := sum()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err == nil {
		// Written whole or not at all: a reader never sees half a hash.
		tmp := fmt.Sprintf("%s.%d.tmp", file, os.Getpid())
		if os.WriteFile(tmp, h, 0o644) == nil {
			_ = os.Rename(tmp, file)
		}
	}
	return h
}
