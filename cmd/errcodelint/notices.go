package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/notice"
)

// Notices are what errcode reports with -errcode.notices, per package with
// HTTP code, as data (notice.Notice, see analyzer/errcode/notices.go):
// whether a catalog governs it, whether the catalog's wire matched its
// bodies, and whether it decodes responses into types the checks cannot
// read a code from. They are not findings. The standalone command asks
// its units for them, takes them out of the packages' diagnostics, and
// says once what they add up to: how many packages the checks were off
// for, which catalogs' wire matched nothing in any package, and which
// clients are out of statusbranch's sight.

// splitNotices removes the notices from t and returns the lines to print
// for them, none when every package with HTTP code had a catalog whose
// wire matched and no client was out of sight. rest is t without them: a
// package or pass left with no diagnostic is left out, as go vet leaves
// it out.
func splitNotices(t jsonTree) (notices []string, rest jsonTree) {
	uncovered := make(map[string]bool)          // package clause files
	matched := make(map[string]bool)            // catalog → matched in some package
	wires := make(map[string]string)            // catalog → its wire.code
	clients := make(map[string]map[string]bool) // catalog → directories of clients out of sight
	rest = make(jsonTree)
	for id, byAnalyzer := range t {
		for name, raw := range byAnalyzer {
			var diags []json.RawMessage
			if !bytes.HasPrefix(bytes.TrimSpace(raw), []byte("[")) || json.Unmarshal(raw, &diags) != nil {
				keep(rest, id, name, raw) // an error, or not ours to read
				continue
			}
			kept := diags[:0]
			for _, d := range diags {
				var jd struct{ Category, Posn, Message string }
				n, ok := notice.Notice{}, json.Unmarshal(d, &jd) == nil
				if ok {
					n, ok = notice.Parse(jd.Category, jd.Message)
				}
				if !ok {
					kept = append(kept, d)
					continue
				}
				file := parsePosn(jd.Posn).file // a package and its test variant count once
				switch n.Kind {
				case notice.NoCatalog:
					uncovered[file] = true
				case notice.Wire:
					matched[n.Catalog] = matched[n.Catalog] || n.Matched
					wires[n.Catalog] = n.Wire
				case notice.Client:
					if clients[n.Catalog] == nil {
						clients[n.Catalog] = make(map[string]bool)
					}
					clients[n.Catalog][filepath.Dir(file)] = true
					wires[n.Catalog] = n.Wire
				}
			}
			if len(kept) == len(diags) {
				keep(rest, id, name, raw)
			} else if len(kept) > 0 {
				data, err := json.Marshal(kept)
				if err != nil {
					data = raw
				}
				keep(rest, id, name, data)
			}
		}
	}
	if n := len(uncovered); n > 0 {
		notices = append(notices, fmt.Sprintf("errcodelint: no errcodes.yaml found for %s with HTTP code (upward from each to its module root); the code checks are off for them: add one or pass -catalog", plural(n, "package", "packages")))
	}
	for _, cat := range sortedKeys(matched) {
		if !matched[cat] {
			notices = append(notices, fmt.Sprintf("errcodelint: warning: %s: wire.code %q matches no body type or write in the analyzed packages; check the catalog's wire", displayPath(cat), wires[cat]))
		}
	}
	for _, cat := range sortedKeys(clients) {
		dirs := sortedKeys(clients[cat])
		for i, d := range dirs {
			dirs[i] = displayPath(d)
		}
		verb := "decode"
		if len(dirs) == 1 {
			verb = "decodes"
		}
		notices = append(notices, fmt.Sprintf("errcodelint: %s: %s (%s) %s responses into types of their own with no field at wire.code %q, and the catalog names no go.error_types: statusbranch sees no code read there; if they are this API's errors, name the error type in go.error_types",
			displayPath(cat), plural(len(dirs), "package", "packages"), strings.Join(dirs, ", "), verb, wires[cat]))
	}
	return notices, rest
}

func keep(t jsonTree, id, name string, raw json.RawMessage) {
	if t[id] == nil {
		t[id] = make(map[string]json.RawMessage)
	}
	t[id][name] = raw
}

// displayPath is path relative to the working directory when it lies
// below it.
func displayPath(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}
