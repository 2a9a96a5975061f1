package main

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
)

// go vet keys a unit's cached results on the package and its inputs, not
// on whether the unit only computed facts for a package that another
// imports (VetxOnly) or also reported on it. A package of the user's
// module with no test files of its own is one unit in both roles: vetted
// first as a dependency, its findings-free result is cached, and a later
// run that names it replays that result, so its findings are lost
// silently. (A package with tests is named as its test variant, which is
// another unit.)
//
// errcodelint therefore analyzes such a package in full even when go vet
// asks for facts only: the result is the same in both roles, and its
// findings are printed by a run that names only its importers too. The
// standalone command leaves those out (engine.go); a plain go vet run
// prints them.

// fullUnit returns the configuration file of a unit to analyze in full,
// a copy of cfg's with VetxOnly off, when cfg is a facts-only unit of a
// package of the main module that has no test files of its own; else
// file itself.
func fullUnit(file string, cfg *unitConfig) string {
	if !cfg.VetxOnly || cfg.ModulePath == "" || cfg.ModuleVersion != "" || strings.Contains(cfg.ID, " ") || hasOwnTests(cfg.Dir) {
		return file
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return file
	}
	var raw map[string]json.RawMessage
	if json.Unmarshal(data, &raw) != nil {
		return file
	}
	raw["VetxOnly"] = json.RawMessage("false")
	out, err := json.Marshal(raw)
	if err != nil {
		return file
	}
	full := strings.TrimSuffix(file, ".cfg") + "-full.cfg"
	if os.WriteFile(full, out, 0o644) != nil {
		return file
	}
	cfg.VetxOnly = false
	return full
}

// hasOwnTests reports whether dir has test files of its own package
// (package p, not p_test): go vet then names the package by its test
// variant.
func hasOwnTests(dir string) bool {
	if dir == "" {
		return true // not known: leave the unit as go vet asked
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
	fset := token.NewFileSet()
	for _, f := range files {
		clause, err := parser.ParseFile(fset, f, nil, parser.PackageClauseOnly)
		if err != nil || !strings.HasSuffix(clause.Name.Name, "_test") {
			return true
		}
	}
	return false
}
