package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The standalone engine asks the go command which packages to analyze
// and what each one is made of, through its documented interface: go list
// -json. It then plans the same units go vet would run: each package the
// patterns name, analyzed for findings (its test variants in its place
// when it has tests), and every package they import, analyzed for the
// facts and types its importers need.

// A listedPackage is what the engine reads of go list -json.
type listedPackage struct {
	ImportPath      string // with the variant, "p [p.test]"
	Name            string
	Dir             string
	ForTest         string
	DepOnly         bool
	Standard        bool
	CompiledGoFiles []string
	IgnoredGoFiles  []string
	Imports         []string
	ImportMap       map[string]string
	Module          *analysis.Module
	Error           *packageError
	DepsErrors      []*packageError
}

// A packageError is an error go list reports for a package.
type packageError struct {
	Pos string
	Err string
}

func (e *packageError) String() string {
	if e.Pos == "" {
		return e.Err
	}
	return e.Pos + ": " + e.Err
}

// listFields are the fields the engine asks go list for.
const listFields = "ImportPath,Name,Dir,ForTest,DepOnly,Standard,CompiledGoFiles,IgnoredGoFiles,Imports,ImportMap,Module,Error,DepsErrors"

// goList lists the packages matched by patterns and their dependencies,
// with their test variants, dependencies first. buildFlags (-tags) go to
// the go command as they are.
func goList(env, buildFlags, patterns []string) ([]*listedPackage, error) {
	args := append([]string{"list", "-e", "-deps", "-test", "-compiled", "-json=" + listFields}, buildFlags...)
	args = append(append(args, "--"), patterns...)
	cmd := exec.Command("go", args...)
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, errors.New(msg)
	}
	var pkgs []*listedPackage
	dec := json.NewDecoder(&stdout)
	for {
		p := new(listedPackage)
		if err := dec.Decode(p); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("reading go list's output: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, nil
}

// goVersion is the go command's version ("go1.26.0"): the language
// version of packages outside any module, as go vet gives them.
func goVersion(env []string) (string, error) {
	cmd := exec.Command("go", "env", "GOVERSION")
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go env GOVERSION: %v", err)
	}
	return strings.TrimSpace(string(out)), nil
}

// A unit is one package to analyze: for findings (a root) or for the
// facts and types its importers need.
type unit struct {
	pkg  *listedPackage
	root bool
	deps []*unit // the packages it imports, by their unit
}

// isTestMain reports whether p is the main package go test generates for
// a package's tests ("p.test"). It is told by its path and name, not by
// its files: a package whose dependency does not build has no compiled
// files either, and its error must be said.
func isTestMain(p *listedPackage) bool {
	return p.ForTest == "" && p.Name == "main" && strings.HasSuffix(p.ImportPath, ".test")
}

// packagePath is the package's path without its variant: "p [p.test]"
// is package p.
func packagePath(id string) string {
	path, _, _ := strings.Cut(id, " ")
	return path
}

// planUnits returns the units to run for pkgs (as goList lists them),
// dependencies first. The roots are the packages the patterns name, as
// go vet chooses them: a package with tests of its own is analyzed as its
// test variant "p [p.test]", which holds the same files and its tests,
// and its external tests as "p_test [p.test]". Test mains (p.test) are
// not analyzed. errs holds what go list reported for the roots and the
// packages they need.
func planUnits(pkgs []*listedPackage) (units []*unit, errs []string) {
	byID := make(map[string]*listedPackage, len(pkgs))
	for _, p := range pkgs {
		byID[p.ImportPath] = p
	}
	isRoot := func(p *listedPackage) bool {
		if p.DepOnly || isTestMain(p) {
			return false // a dependency, or a test main (its files are generated)
		}
		if len(p.CompiledGoFiles) == 0 && p.Error == nil && len(p.DepsErrors) == 0 {
			return false // no file of its own to analyze (a directory of external tests), and nothing wrong
		}
		if p.ForTest == "" && byID[p.ImportPath+" ["+p.ImportPath+".test]"] != nil {
			return false // analyzed as its test variant
		}
		return true
	}
	made := make(map[string]*unit)
	var visit func(p *listedPackage) *unit
	visit = func(p *listedPackage) *unit {
		if u, ok := made[p.ImportPath]; ok {
			return u
		}
		u := &unit{pkg: p}
		made[p.ImportPath] = u
		for _, id := range p.Imports {
			if id == "unsafe" || id == "C" {
				continue
			}
			if dep := byID[id]; dep != nil {
				u.deps = append(u.deps, visit(dep))
			}
		}
		units = append(units, u) // after its dependencies
		return u
	}
	seen := make(map[string]bool)
	for _, p := range pkgs {
		if !isRoot(p) {
			continue
		}
		visit(p).root = true
		for _, e := range append([]*packageError{p.Error}, p.DepsErrors...) {
			if e != nil && !seen[e.String()] {
				seen[e.String()] = true
				errs = append(errs, e.String())
			}
		}
	}
	return units, errs
}

// goFiles are the absolute paths of the unit's Go files as the compiler
// sees them (cgo's output in place of cgo files).
func (u *unit) goFiles() []string {
	files := make([]string, len(u.pkg.CompiledGoFiles))
	for i, f := range u.pkg.CompiledGoFiles {
		if !filepath.IsAbs(f) {
			f = filepath.Join(u.pkg.Dir, f)
		}
		files[i] = f
	}
	return files
}

// languageVersion is the unit's Go language version, as go vet gives it:
// its module's go line (1.16 when it has none), else the go command's.
func (u *unit) languageVersion(local string) string {
	m := u.pkg.Module
	switch {
	case m == nil:
		return local
	case m.GoVersion == "":
		return "go1.16"
	}
	return "go" + m.GoVersion
}

// importMap maps each import path written in the unit's files to the
// package path it denotes, as go vet's unit configuration does.
func (u *unit) importMap() map[string]string {
	m := make(map[string]string)
	for _, id := range u.pkg.Imports {
		path := packagePath(id)
		m[path] = path
	}
	for from, to := range u.pkg.ImportMap {
		m[from] = packagePath(to)
	}
	return m
}
