package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/errcodelint/errcodelint/analyzer/errcode"
)

// Notices are what errcode reports with -errcode.notices, one per package
// (see analyzer/errcode/notices.go): whether a catalog governs a package
// with HTTP code, and whether the catalog's wire matched its bodies. They
// are not findings. The standalone command asks its units for them,
// takes them out of the packages' diagnostics, and says once what they add
// up to: how many packages the checks were off for, and which catalogs'
// wire matched nothing in any package.

// splitNotices removes the notices from t and returns the lines to print
// for them, none when every package with HTTP code had a catalog whose
// wire matched. rest is t without them: a package or pass left with no
// diagnostic is left out, as go vet leaves it out.
func splitNotices(t jsonTree) (notices []string, rest jsonTree) {
	uncovered := make(map[string]bool) // package clause positions
	matched := make(map[string]bool)   // catalog → matched in some package
	wires := make(map[string]string)   // catalog → its wire.code
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
				var n struct{ Category, Posn, Message string }
				if json.Unmarshal(d, &n) != nil || n.Category != errcode.NoticeCategory {
					kept = append(kept, d)
					continue
				}
				switch {
				case n.Message == errcode.NoticeNoCatalog:
					file := parsePosn(n.Posn).file
					uncovered[file] = true // a package and its test variant count once
				case strings.HasPrefix(n.Message, errcode.NoticeMatched+" "):
					if cat, wire, ok := wireNotice(n.Message, errcode.NoticeMatched); ok {
						matched[cat], wires[cat] = true, wire
					}
				case strings.HasPrefix(n.Message, errcode.NoticeUnmatched+" "):
					if cat, wire, ok := wireNotice(n.Message, errcode.NoticeUnmatched); ok {
						if _, seen := matched[cat]; !seen {
							matched[cat] = false
						}
						wires[cat] = wire
					}
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
		pkgs := "packages"
		if n == 1 {
			pkgs = "package"
		}
		notices = append(notices, fmt.Sprintf("errcodelint: no errcodes.yaml found for %d %s with HTTP code (upward from each to its module root); the code checks are off for them: add one or pass -catalog", n, pkgs))
	}
	for _, cat := range sortedKeys(matched) {
		if !matched[cat] {
			notices = append(notices, fmt.Sprintf("errcodelint: warning: %s: wire.code %q matches no body type or write in the analyzed packages; check the catalog's wire", displayPath(cat), wires[cat]))
		}
	}
	return notices, rest
}

func keep(t jsonTree, id, name string, raw json.RawMessage) {
	if t[id] == nil {
		t[id] = make(map[string]json.RawMessage)
	}
	t[id][name] = raw
}

// wireNotice parses `VERB "CATALOG" "WIRE"`.
func wireNotice(msg, verb string) (cat, wire string, ok bool) {
	rest := strings.TrimPrefix(msg, verb+" ")
	q, err := strconv.QuotedPrefix(rest)
	if err != nil {
		return "", "", false
	}
	cat, _ = strconv.Unquote(q)
	wire, err = strconv.Unquote(strings.TrimPrefix(rest[len(q):], " "))
	return cat, wire, err == nil
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
