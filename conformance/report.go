package conformance

import (
	"flag"
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// report fails the test with the messages, each "conformance: ", at the
// line of the test that sent the request when the stack shows it.
//
// The wrappers' functions are test helpers: when a test calls them
// directly (a handler served with ServeHTTP), t.Errorf names the test's
// line. A request sent through an http.Client reaches the transport
// wrapper through net/http, whose frames t.Errorf would name instead: the
// messages then go to the test's output at the test's line, and the test
// fails. A handler run by a server has no test on its stack; its messages
// name site, the test's line that wrapped it, when known.
func report(tb testing.TB, site *runtime.Frame, msgs []string) {
	tb.Helper()
	frame, direct, found := testFrame()
	if direct || !isTesting(tb) {
		for _, msg := range msgs {
			tb.Errorf("conformance: %s", msg)
		}
		return
	}
	if !found && site != nil {
		frame, found = *site, true
	}
	at := ""
	if found {
		at = fmt.Sprintf("%s:%d: ", fileName(frame.File), frame.Line)
	}
	w := tb.Output()
	for _, msg := range msgs {
		fmt.Fprintf(w, "%sconformance: %s\n", at, msg)
	}
	tb.Fail()
}

// isTesting reports whether tb is one of package testing's own, whose
// Output is the test's log; another TB (a fake, a wrapper) gets Errorf.
func isTesting(tb testing.TB) bool {
	switch tb.(type) {
	case *testing.T, *testing.B, *testing.F:
		return true
	}
	return false
}

// pkgPath is this package's import path.
var pkgPath = reflect.TypeFor[Checker]().PkgPath()

// testFrame finds the innermost frame of a _test.go file on the stack of
// its caller. direct says that only this package's frames, which are
// helpers, come before it: t.Errorf then names it itself.
func testFrame() (frame runtime.Frame, direct, found bool) {
	var pcs [64]uintptr
	n := runtime.Callers(2, pcs[:])
	frames := runtime.CallersFrames(pcs[:n])
	direct = true
	for more := true; more; {
		var f runtime.Frame
		f, more = frames.Next()
		if strings.HasSuffix(f.File, "_test.go") {
			return f, direct, true
		}
		if !ours(f.Function) {
			direct = false
		}
	}
	return runtime.Frame{}, false, false
}

// ours reports whether the function is one of this package's.
func ours(function string) bool {
	rest, ok := strings.CutPrefix(function, pkgPath+".")
	return ok && !strings.Contains(rest, "/")
}

// fileName is a file's name as the test log shows it: its base name,
// unless the test runs with -test.fullpath.
func fileName(path string) string {
	if f := flag.Lookup("test.fullpath"); f != nil && f.Value.String() == "true" {
		return path
	}
	return filepath.Base(path)
}

// wrapSite is the test's line that calls a wrapper's constructor, or nil.
func wrapSite(tb testing.TB) *runtime.Frame {
	if tb == nil || !isTesting(tb) {
		return nil
	}
	if f, _, found := testFrame(); found {
		return &f
	}
	return nil
}
