package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/errcodelint/errcodelint/catalog"
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
	if p := os.Getenv(catalog.EnvVar); p != "" {
		explicit = append(explicit, p)
	}
	for _, p := range explicit {
		fmt.Fprintf(h, "\x00explicit\x00")
		_ = hashFile(h, p) // a catalog that cannot be read is reported by the run
	}
	root := walkRoot()
	for _, p := range visibleCatalogs(root) {
		rel, err := filepath.Rel(root, p)
		if err != nil {
			rel = p
		}
		fmt.Fprintf(h, "\x00%s\x00", filepath.ToSlash(rel))
		_ = hashFile(h, p)
	}
	return fmt.Sprintf("%02x", h.Sum(nil))
}

// walkRoot is the directory whose catalogs a run from the working
// directory may see: the workspace's (go.work) or the module's (go.mod)
// root above it, else the working directory itself.
func walkRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	var mod string
	for dir := wd; ; {
		if os.Getenv("GOWORK") != "off" && exists(filepath.Join(dir, "go.work")) {
			return dir
		}
		if mod == "" && exists(filepath.Join(dir, "go.mod")) {
			mod = dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	if mod != "" {
		return mod
	}
	return wd
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// exeHash is the SHA-256 of the executable. go vet asks for the ID on
// every run: the hash is kept in the user's cache directory, keyed by the
// executable's path, size and modification time, and computed again when
// any of them changes.
func exeHash(exe string) []byte {
	sum := func() []byte {
		h := sha256.New()
		if err := hashFile(h, exe); err != nil {
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

// visibleCatalogs lists, sorted, the catalog files below root.
func visibleCatalogs(root string) []string {
	var out []string
	seen := 0
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
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
