// Package catalogid hashes the catalogs a run can see, for the caches that
// key results on them: go vet's, through the command's -V=full ID, and
// golangci-lint's, through the plugin's settings.
package catalogid

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

// Hash writes to w the content of each explicit catalog file, and the
// path below the walk root (see Root) and content of every catalog file
// there. Discovered catalogs count by their path in the module, explicit
// ones by their content only, so that checkouts at other places hash
// alike. A file that cannot be read counts as its path: the run reports it.
func Hash(w io.Writer, explicit []string) {
	for _, p := range explicit {
		if p == "" {
			continue
		}
		fmt.Fprintf(w, "\x00explicit\x00")
		if err := HashFile(w, p); err != nil {
			fmt.Fprintf(w, "unreadable %s", p)
		}
	}
	root := Root()
	for _, p := range Visible(root) {
		rel, err := filepath.Rel(root, p)
		if err != nil {
			rel = p
		}
		fmt.Fprintf(w, "\x00%s\x00", filepath.ToSlash(rel))
		_ = HashFile(w, p)
	}
}

// Sum is the hex SHA-256 of what Hash writes.
func Sum(explicit []string) string {
	h := sha256.New()
	Hash(h, explicit)
	return fmt.Sprintf("%x", h.Sum(nil))
}

// HashFile writes the content of the file at path to w (a hash).
func HashFile(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

// Root is the directory whose catalogs a run from the working directory
// may see: the workspace's (go.work) or the module's (go.mod) root above
// it, else the working directory itself.
func Root() string {
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

// maxWalk bounds the walk for catalogs: a tree larger than this is not a
// module whose catalogs a run will find.
const maxWalk = 200000

// Visible lists, sorted and absolute, the catalog files below root.
func Visible(root string) []string {
	var out []string
	seen := 0
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if seen++; seen > maxWalk {
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
