package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/errcodelint/errcodelint/catalog"
)

// The findings of a unit depend on the catalogs its passes load: the
// files named by the catalog flags and $ERRCODELINT_CATALOG, else the one
// discovery finds from the package's directory, and the OpenAPI document
// each of them points at (catalog.Documents). The engine reads each of
// them once per run (a snapshot), keys the unit's results on the paths
// and the content it read, and hands the unit the content it keyed on
// (catalog.Pin), so that a catalog edited while the run goes on cannot
// reach results stored under its old content. After the run, the engine
// reads them again: a change makes the run fail instead of storing what
// it found.

// A snapshot is what one run read of the catalogs.
type snapshot struct {
	mu    sync.Mutex
	files map[string]*fileState // by absolute path
	found map[string]string     // directory → what discovery found
}

// A fileState is a catalog file as the run read it.
type fileState struct {
	data []byte
	sum  string // hex SHA-256 of data; "" when the file could not be read
	err  string // why it could not be read

	docsOnce sync.Once
	docs     []string // the documents it points at (catalog.Documents), absolute
}

// documents are the files the catalog at abs points at, parsed out of
// its content once per run, not once per unit.
func (f *fileState) documents(abs string) []string {
	f.docsOnce.Do(func() { f.docs = catalog.Documents(abs, f.data) })
	return f.docs
}

func newSnapshot() *snapshot {
	return &snapshot{files: make(map[string]*fileState), found: make(map[string]string)}
}

// file reads the file at the absolute path abs, once per run.
func (s *snapshot) file(abs string) *fileState {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f, ok := s.files[abs]; ok {
		return f
	}
	f := readState(abs)
	s.files[abs] = f
	return f
}

// readState reads a catalog file, or the document one points at, as
// catalog.Load would: a regular file, at most one byte more than the
// larger bound of the two (catalog.MaxDocumentSize), so that what is
// pinned is what Load would read or find too large. Anything else is
// recorded as its error, never opened (a FIFO would block).
func readState(abs string) *fileState {
	st, err := os.Stat(abs)
	if err != nil {
		return &fileState{err: "cannot stat: " + err.Error()}
	}
	if !st.Mode().IsRegular() {
		return &fileState{err: "not a regular file: " + st.Mode().Type().String()}
	}
	f, err := os.Open(abs)
	if err != nil {
		return &fileState{err: "cannot open: " + err.Error()}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, catalog.MaxDocumentSize+1))
	if err != nil {
		return &fileState{err: "cannot read: " + err.Error()}
	}
	sum := sha256.Sum256(data)
	return &fileState{data: data, sum: hex.EncodeToString(sum[:])}
}

// describe is a line for a unit's key: what the run read of the file.
func (f *fileState) describe(abs string) string {
	if f.sum == "" {
		return fmt.Sprintf("%q %s", abs, f.err)
	}
	return fmt.Sprintf("%q sha256 %s", abs, f.sum)
}

// discover is what catalog.Find says for dir, once per run: the path
// found, "" for none, or the error.
func (s *snapshot) discover(dir string) string {
	s.mu.Lock()
	found, ok := s.found[dir]
	s.mu.Unlock()
	if ok {
		return found
	}
	found = findState(dir)
	s.mu.Lock()
	s.found[dir] = found
	s.mu.Unlock()
	return found
}

// findState is catalog.Find's answer for dir as a string: "found PATH",
// "none" or "error MESSAGE".
func findState(dir string) string {
	p, err := catalog.Find(dir)
	switch {
	case err != nil:
		return "error " + err.Error()
	case p == "":
		return "none"
	}
	return "found " + p
}

// catalogs is what a root unit's findings depend on of the catalogs:
// lines for its key, and the files to pin in the unit, by absolute path.
// explicit are the catalog flags and $ERRCODELINT_CATALOG as "NAME=PATH"
// with absolute paths.
func (s *snapshot) catalogs(explicit []string, dir string) (lines []string, pin map[string]string) {
	pin = make(map[string]string)
	add := func(label, abs string) {
		f := s.file(abs)
		lines = append(lines, label+" "+f.describe(abs))
		if f.sum == "" {
			return
		}
		pin[abs] = f.sum
		for _, doc := range f.documents(abs) {
			d := s.file(doc)
			lines = append(lines, label+" document "+d.describe(doc))
			if d.sum != "" {
				pin[doc] = d.sum
			}
		}
	}
	for _, e := range explicit {
		name, path, _ := strings.Cut(e, "=")
		add(name, path)
	}
	found := s.discover(dir)
	lines = append(lines, "discovered "+found)
	if p, ok := strings.CutPrefix(found, "found "); ok {
		add("discovered", p)
	}
	return lines, pin
}

// changed lists the catalogs and discoveries of the run that are not
// what they were when the run read them.
func (s *snapshot) changed() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, abs := range sortedKeys(s.files) {
		if now := readState(abs); now.sum != s.files[abs].sum || now.err != s.files[abs].err {
			out = append(out, abs)
		}
	}
	for _, dir := range sortedKeys(s.found) {
		if now := findState(dir); now != s.found[dir] {
			out = append(out, filepath.Join(dir, catalog.FileNames[0]))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
