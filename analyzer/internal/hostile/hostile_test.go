package hostile_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	// The command is built and run in a child process, where go test's
	// cache does not look: importing the passes makes their changes rerun
	// the suite.
	_ "github.com/errcodelint/errcodelint/analyzer/errcode"
	_ "github.com/errcodelint/errcodelint/analyzer/retryafter"
	_ "github.com/errcodelint/errcodelint/analyzer/statusbranch"
)

// deadline bounds each run of the command; a run past it is a hang.
const deadline = 5 * time.Minute

var binDir string // holds the errcodelint command, built once

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "errcodelint-hostile")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// build builds the command, once for the test binary, on first use (a
// -short run builds nothing).
var build = sync.OnceValues(func() (string, error) {
	bin := filepath.Join(binDir, "errcodelint")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/errcodelint/errcodelint/cmd/errcodelint").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("building errcodelint: %v\n%s", err, out)
	}
	return bin, nil
})

// A hostile case: the packages to run on, the exit codes that count as a
// result (0 clean, 3 findings) or a clean error (1), and what the output
// must say.
type hostileCase struct {
	name    string
	pkg     string   // package pattern, relative to the module
	exits   []int    // acceptable exit codes
	want    []string // regexps the output must match
	notWant []string // regexps it must not match
	gen     func(t *testing.T, dir string)
	cgo     bool // needs a C compiler
}

var cases = []hostileCase{
	{name: "type error", pkg: "./typeerror", exits: []int{1},
		want: []string{`typeerror\.go:11:22: undefined: undefinedStatus`}},
	{name: "syntax error", pkg: "./syntaxerror", exits: []int{1}, gen: genSyntaxError,
		want: []string{`syntaxerror\.go:7:35: missing ','`}},
	{name: "no Go files", pkg: "./empty", exits: []int{1},
		want: []string{`no Go files in .*empty`}},
	{name: "cgo", pkg: "./cgo", exits: []int{3}, cgo: true,
		want: []string{`cgo\.go:18:22: code "secret_not_found" is sent with status 400; the catalog says 404`}},
	{name: "generated files", pkg: "./generated", exits: []int{0, 3}},
	{name: "generated files only", pkg: "./genonly", exits: []int{0}},
	// self(w, 404, 409, …) does not swap (404 < 409): it sends
	// secret_exists with 404, which the engine's summaries follow.
	{name: "emitters calling each other", pkg: "./recursion", exits: []int{3},
		want: []string{`recursion\.go:54:10: code "secret_exists" is sent with status 404; the catalog says 409`}},
	{name: "generics", pkg: "./generics", exits: []int{3},
		want: []string{`generics\.go:39:10: code "secret_not_found" is sent with status 400`}},
	{name: "method values and closures", pkg: "./methodvalues", exits: []int{3},
		want: []string{
			`methodvalues\.go:20:22: code "secret_not_found" is sent with status 409`,
			`methodvalues\.go:30:23: code "secret_exists" is sent with status 418`,
			`methodvalues\.go:39:38: code "secret_exists" is sent with status 500`,
			`methodvalues\.go:40:35: code "secret_exists" is sent with status 404`,
		},
		// Calls through a func value or a field are not followed.
		notWant: []string{`methodvalues\.go:(34|38):`}},
	{name: "closures returned and nested", pkg: "./closures", exits: []int{3},
		want: []string{`closures\.go:24:33: code "secret_not_found" is sent with status 409`}},
	{name: "net/http under other names", pkg: "./aliases", exits: []int{3},
		want: []string{`aliases\.go:17:16: code "secret_not_found" is sent with status 409`}},
	{name: "huge function", pkg: "./huge", exits: []int{3}, gen: genHuge,
		want: []string{`huge\.go:\d+:\d+: status 429 is written without a Retry-After header`}},
	{name: "deep nesting", pkg: "./deep", exits: []int{3}, gen: genDeep(400),
		want: []string{`deep\.go:\d+:\d+: code "secret_exists" is sent with status 404`}},
	{name: "nesting past the parser's limit", pkg: "./deep", exits: []int{1}, gen: genDeep(1000),
		want: []string{`deep\.go:\d+:\d+: exceeded max scope depth`}},
	{name: "huge table", pkg: "./table", exits: []int{3}, gen: genTable,
		want: []string{`table\.go:\d+:\d+: code "secret_exists" is mapped to status 404`}},
	{name: "local assigned from itself", pkg: "./selfassign", exits: []int{0}, gen: genSelfAssign},
	{name: "client of 3,000 methods", pkg: "./bigclient", exits: []int{3}, gen: genBigClient,
		want: []string{`client\.go:\d+:\d+: branching on status 409 cannot tell secret_exists from version_conflict`}},
}

// Each case runs the command on a copy of testdata/mod (plus the files its
// gen writes), in a fresh process with a deadline.
func TestHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and runs it on each case, every run loading net/http from source (minutes on 2 cores): run without -short")
	}
	bin, err := build()
	require.NoError(t, err)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if c.cgo && !haveCC() {
				if os.Getenv("CI") != "" {
					t.Fatal("no C compiler, required under CI (.ci/run installs gcc)")
				}
				t.Skip("no C compiler: cgo cannot run")
			}
			dir := t.TempDir()
			copyDir(t, filepath.Join("testdata", "mod"), dir)
			if c.gen != nil {
				c.gen(t, dir)
			}
			out, code, err := run(bin, dir, c.pkg)
			require.NoError(t, err, "%s", out)
			assert.NotRegexp(t, `panic:|goroutine \d+ \[|runtime error`, out, "a crash")
			assert.True(t, slices.Contains(c.exits, code), "exit %d, want one of %v:\n%s", code, c.exits, out)
			for _, w := range c.want {
				assert.Regexp(t, regexp.MustCompile(w), out)
			}
			for _, w := range c.notWant {
				assert.NotRegexp(t, regexp.MustCompile(w), out)
			}
		})
	}
}

// run runs the command bin on pkg in dir and returns its output and exit
// code; err is a hang or a failure to start.
func run(bin, dir, pkg string) (string, int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, pkg)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "ERRCODELINT_CATALOG=", "CGO_ENABLED=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ctx.Err() != nil {
		return out.String(), -1, fmt.Errorf("no result in %s: a hang", deadline)
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return out.String(), exit.ExitCode(), nil
	}
	return out.String(), 0, err
}

func haveCC() bool {
	out, err := exec.Command("go", "env", "CC").Output()
	if err != nil {
		return false
	}
	fields := strings.Fields(string(out))
	if len(fields) == 0 {
		return false
	}
	_, err = exec.LookPath(fields[0])
	return err == nil
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	require.NoError(t, err)
}

func writeFile(t *testing.T, dir, rel, text string) {
	t.Helper()
	path := filepath.Join(dir, rel)
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
}

const handlerHeader = `package %s

import (
	"net/http"
	"strconv"

	"hostile/httpx"
)

var _ = strconv.Itoa
`

// genHuge writes a handler of 10,000 statements: branches that set
// headers, locals reassigned, emissions, and a 429 at the end without
// Retry-After.
func genHuge(t *testing.T, dir string) {
	var b strings.Builder
	fmt.Fprintf(&b, handlerHeader, "huge")
	b.WriteString("func handle(w http.ResponseWriter, r *http.Request, n int) {\n\ts := \"secret_not_found\"\n")
	for i := 0; i < 10000; i++ {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "\tn += %d\n", i)
		case 1:
			fmt.Fprintf(&b, "\tif n > %d {\n\t\tw.Header().Set(\"X-Step\", strconv.Itoa(n))\n\t}\n", i)
		case 2:
			b.WriteString("\ts = s + \"\"\n")
		case 3:
			if i%100 == 3 {
				b.WriteString("\thttpx.WriteError(w, http.StatusNotFound, \"secret_not_found\", s)\n")
			} else {
				b.WriteString("\tn = n * 2\n")
			}
		}
	}
	b.WriteString("\tw.WriteHeader(http.StatusTooManyRequests)\n}\n")
	writeFile(t, dir, "huge/huge.go", b.String())
}

// genDeep nests depth ifs, and builds a code from 2,000 parts in 500
// parentheses. go/parser stops near 500 ifs (two scopes each).
func genDeep(depth int) func(t *testing.T, dir string) {
	return func(t *testing.T, dir string) {
		var b strings.Builder
		fmt.Fprintf(&b, handlerHeader, "deep")
		b.WriteString("func handle(w http.ResponseWriter, n int) {\n")
		for i := 0; i < depth; i++ {
			fmt.Fprintf(&b, "if n > %d {\n", i)
		}
		b.WriteString("httpx.WriteError(w, http.StatusNotFound, \"secret_exists\", \"deep\")\n")
		for i := 0; i < depth; i++ {
			b.WriteString("}\n")
		}
		b.WriteString("code := " + strings.Repeat("(", 500) + `"secret"` + strings.Repeat(")", 500))
		b.WriteString(strings.Repeat(` + ""`, 2000) + " + \"_not_found\"\n")
		b.WriteString("httpx.WriteError(w, http.StatusNotFound, code, \"parts\")\n}\n")
		writeFile(t, dir, "deep/deep.go", b.String())
	}
}

// genTable writes a code table of 10,000 rows, one of them wrong.
func genTable(t *testing.T, dir string) {
	var b strings.Builder
	b.WriteString("package table\n\nvar statusOf = map[string]int{\n")
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&b, "\t\"not_a_code_%d\": %d,\n", i, 400+i%100)
	}
	b.WriteString("\t\"secret_exists\": 404,\n}\n")
	writeFile(t, dir, "table/table.go", b.String())
}

// genSelfAssign doubles a local 64 times before sending it: its value
// is out of reach, and finding that out must not take forever.
func genSelfAssign(t *testing.T, dir string) {
	var b strings.Builder
	fmt.Fprintf(&b, handlerHeader, "selfassign")
	b.WriteString("func handle(w http.ResponseWriter) {\n\tcode := \"secret_not_found\"\n")
	b.WriteString(strings.Repeat("\tcode = code + code\n", 64))
	b.WriteString("\thttpx.WriteError(w, http.StatusNotFound, code, \"x\")\n}\n")
	writeFile(t, dir, "selfassign/selfassign.go", b.String())
}

// genSyntaxError writes a file that does not parse (kept out of the
// repository, where gofmt would trip on it).
func genSyntaxError(t *testing.T, dir string) {
	writeFile(t, dir, "syntaxerror/syntaxerror.go", `// Package syntaxerror does not parse.
package syntaxerror

import "net/http"

func handle(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound
}
`)
}

// genBigClient writes a client package of 3,000 methods, each branching on
// the response's status, as generated API clients do. Each branch asks
// where its response came from (a HEAD request has no body), which once
// walked the whole package for every branch: 15 times slower than the
// load here.
func genBigClient(t *testing.T, dir string) {
	var b strings.Builder
	b.WriteString("package bigclient\n\nimport (\n\t\"encoding/json\"\n\t\"errors\"\n\t\"net/http\"\n)\n\nvar errConflict = errors.New(\"conflict\")\n\n")
	// The API's error body, decoded: the responses are the API's.
	b.WriteString("type apiError struct {\n\tError struct {\n\t\tCode string `json:\"code\"`\n\t} `json:\"error\"`\n}\n\n")
	b.WriteString("func decode(resp *http.Response) (apiError, error) {\n\tvar e apiError\n\terr := json.NewDecoder(resp.Body).Decode(&e)\n\treturn e, err\n}\n\n")
	b.WriteString("type Client struct {\n\thc   *http.Client\n\tbase string\n}\n")
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&b, `
func (c *Client) Put%d(id string) error {
	req, err := http.NewRequest(http.MethodPut, c.base+"/r%d/"+id, nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusConflict {
		return errConflict
	}
	return nil
}
`, i, i)
	}
	writeFile(t, dir, "bigclient/client.go", b.String())
}
