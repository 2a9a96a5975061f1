// Package catalogid hashes the catalogs a run can see, for the caches that
// key results on them but do not ask errcodelint which files it read:
// go vet's, through the command's -V=full identity, and golangci-lint's,
// through the plugin's settings.
//
// What a run can see is what discovery (catalog.Find) finds from the
// directory of any package of the main modules, and the files named
// explicitly. Discovery looks upward from a package's directory to its
// module root, so every catalog it can find lies below the root of a
// main module: Hash walks each of them whole (no directory is skipped,
// whatever its name or size, except those whose names start with a dot,
// which no package can live in), and records each catalog name it meets
// by its absolute path and what it is: a regular file's content, or the
// kind of anything else, which is never opened (a FIFO would block); and
// so the OpenAPI document each catalog points at.
package catalogid

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/errcodelint/errcodelint/catalog"
)

// Hash writes to w what the run can see of the catalogs: each explicit
// file (absolute, or relative to a main module's root) and every catalog
// file below the roots.
func Hash(w io.Writer, explicit []string, roots []string) {
	hash(w, explicit, roots, false)
}

// hash is Hash; with pin, each regular file it reads is pinned
// (catalog.Pin) with the content it hashed.
func hash(w io.Writer, explicit []string, roots []string, pin bool) {
	for _, p := range explicit {
		if p == "" {
			continue
		}
		if filepath.IsAbs(p) {
			describeCatalog(w, "explicit", p, pin)
			continue
		}
		for _, r := range roots {
			describeCatalog(w, "explicit", filepath.Join(r, p), pin)
		}
	}
	for _, r := range roots {
		fmt.Fprintf(w, "root %q\n", r)
		for _, p := range Visible(r) {
			describeCatalog(w, "found", p, pin)
		}
	}
}

// describeCatalog writes the catalog file at path as a line headed by
// label, and a line for the OpenAPI document it points at, if any
// (catalog.Documents): the catalog's codes and operations come from it.
func describeCatalog(w io.Writer, label, path string, pin bool) {
	line, data := describe(path, pin)
	fmt.Fprintf(w, "%s %s\n", label, line)
	abs, err := filepath.Abs(path)
	if err != nil {
		return
	}
	for _, doc := range catalog.Documents(abs, data) {
		line, _ := describe(doc, pin)
		fmt.Fprintf(w, "%s document %s\n", label, line)
	}
}

// Sum is the hex SHA-256 of what Hash writes for the roots of the
// working directory.
func Sum(explicit []string) string {
	h := sha256.New()
	Hash(h, explicit, Roots())
	return hex.EncodeToString(h.Sum(nil))
}

// SumPinned is Sum, and pins every catalog file it hashed, so that the
// passes of this process read the content the sum covers even if a file
// is edited while they run: a driver that keys results on the sum and
// analyzes in the same process (golangci-lint) cannot then store one
// version's findings under another's key.
func SumPinned(explicit []string) string {
	h := sha256.New()
	hash(h, explicit, Roots(), true)
	return hex.EncodeToString(h.Sum(nil))
}

// describe is the file at path as a line: its content's hash, or what
// it is when it is not a regular file that can be read; and the content.
// It reads one byte more than the larger of a catalog's and a document's
// bound, as Load would find the file too large. With pin, the content is
// pinned.
func describe(path string, pin bool) (string, []byte) {
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return fmt.Sprintf("%q missing", path), nil
	case !st.Mode().IsRegular():
		return fmt.Sprintf("%q mode %s", path, st.Mode().Type()), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Sprintf("%q unreadable %v", path, err), nil
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, catalog.MaxDocumentSize+1))
	if err != nil {
		return fmt.Sprintf("%q unreadable %v", path, err), nil
	}
	if pin {
		if abs, err := filepath.Abs(path); err == nil {
			catalog.Pin(abs, data)
		}
	}
	return fmt.Sprintf("%q sha256 %x", path, sha256.Sum256(data)), data
}

// Roots are the directories whose catalogs a run from the working
// directory may see: the main modules' roots, as the go command lists
// them (go list -m: the module, or every module of the workspace,
// wherever GOWORK puts it), else the working directory.
func Roots() []string {
	cmd := exec.Command("go", "list", "-m", "-f", "{{.Dir}}")
	out, err := cmd.Output()
	var roots []string
	if err == nil {
		for _, d := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			if d != "" {
				roots = append(roots, d)
			}
		}
	}
	if len(roots) == 0 {
		wd, err := os.Getwd()
		if err != nil {
			wd = "."
		}
		roots = []string{wd}
	}
	slices.Sort(roots)
	return slices.Compact(roots)
}

// Visible lists, sorted and absolute, every entry below root named as a
// catalog, whatever it is (a directory or a FIFO so named is listed: the
// run reports it).
func Visible(root string) []string {
	var out []string
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if slices.Contains(catalog.FileNames, d.Name()) {
			if abs, err := filepath.Abs(p); err == nil {
				out = append(out, abs)
			}
		}
		if d.IsDir() && p != root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		return nil
	})
	slices.Sort(out)
	return out
}
