package integration

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// TestPreCommit installs the hooks of .pre-commit-hooks.yaml with Debian's
// pre-commit, from a git copy of this checkout, into a git repository
// holding the fixture module; then commits to it.
func TestPreCommit(t *testing.T) {
	slowSuite(t)
	git := lookTool(t, "git")
	preCommit := lookTool(t, "pre-commit")
	env := preCommitEnv(t)
	hooks, rev := hooksRepo(t, git, env)

	// The fixture without the files that have findings: handler/handler.go,
	// and router/router.go, which registers one of its handlers (and would
	// not build without it).
	repo := copyFixture(t, "vaultfix")
	bad := filepath.Join(repo, "handler", "handler.go")
	badSrc, err := os.ReadFile(bad)
	require.NoError(t, err)
	require.NoError(t, os.Remove(bad))
	router := filepath.Join(repo, "router", "router.go")
	routerSrc, err := os.ReadFile(router)
	require.NoError(t, err)
	require.NoError(t, os.Remove(router))
	mustRun(t, repo, env, git, "init", "--quiet")
	writeYAML(t, filepath.Join(repo, ".pre-commit-config.yaml"), map[string]any{
		"repos": []any{map[string]any{
			"repo": hooks,
			"rev":  rev,
			"hooks": []any{
				map[string]any{"id": "errcodelint"},
				// A repo-relative catalog, as a shared config names it:
				// go vet runs the tool in each package's directory, and
				// the tool places the path where go vet was started.
				map[string]any{"id": "errcodelint-vet", "args": []string{"-catalog=errcodes.yaml", "./..."}},
			},
		}},
	})
	mustRun(t, repo, env, preCommit, "install")

	t.Run("good commit", func(t *testing.T) {
		mustRun(t, repo, env, git, "add", "-A")
		r := mustRun(t, repo, env, git, "commit", "--quiet", "-m", "good")
		// git passes the hook's output on to its stderr.
		assert.Regexp(t, `(?m)^errcodelint\.+Passed$`, r.stderr, "%s", r)
		assert.Regexp(t, `(?m)^errcodelint \(go vet\)\.+Passed$`, r.stderr, "%s", r)
	})

	t.Run("bad commit", func(t *testing.T) {
		require.NoError(t, os.WriteFile(bad, badSrc, 0o644))
		require.NoError(t, os.WriteFile(router, routerSrc, 0o644))
		mustRun(t, repo, env, git, "add", "-A")
		r := run(t, repo, env, git, "commit", "--quiet", "-m", "bad")
		assert.NotZero(t, r.code, "the commit must be stopped\n%s", r)
		assert.Regexp(t, `(?m)^errcodelint\.+Failed$`, r.stderr, "%s", r)
		assert.Regexp(t, `(?m)^errcodelint \(go vet\)\.+Failed$`, r.stderr, "%s", r)
		// Each hook prints every finding, the errcodelint hook with its
		// check (the command's text), the vet hook as go vet does; both
		// name files from the repository's root, where pre-commit runs
		// them.
		ref := catalogRef(t, filepath.Join(repo, "errcodes.yaml"), "secret_not_found")
		for _, p := range []printer{standalone, goVet} {
			for _, w := range flatten(handlerFindings(t, repo, ref), p) {
				line := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(w.posn) + `: (?:` + w.message + `)$`)
				assert.Len(t, line.FindAllString(r.stderr, -1), 1, "%s, from its hook\n%s", w, r)
			}
		}
		count := mustRun(t, repo, env, git, "rev-list", "--count", "HEAD")
		assert.Equal(t, "1", strings.TrimSpace(count.stdout), "the bad commit was made")
	})

	t.Run("vet hook without errcodelint", func(t *testing.T) {
		// The vet hook's own entry, in a local hook that runs it as is
		// (language: system), with no errcodelint on PATH.
		entry, args := hookCommand(t, "errcodelint-vet")
		config := filepath.Join(t.TempDir(), "local.yaml")
		writeYAML(t, config, map[string]any{
			"repos": []any{map[string]any{
				"repo": "local",
				"hooks": []any{map[string]any{
					"id":             "errcodelint-vet",
					"name":           "errcodelint-vet",
					"entry":          entry,
					"args":           args,
					"language":       "system",
					"pass_filenames": false,
				}},
			}},
		})
		path := pathWithout(t, "errcodelint")
		r := run(t, repo, append(env, "PATH="+path), preCommit, "run", "--config", config, "--all-files", "errcodelint-vet")
		assert.NotZero(t, r.code, "the hook must fail without errcodelint\n%s", r)
		assert.Contains(t, r.stdout+r.stderr, "errcodelint-vet: errcodelint is not on PATH", "%s", r)
	})
}

// preCommitEnv isolates git and pre-commit from the user's configuration
// and caches. Go's caches stay shared: pre-commit's go install of the
// hooks builds with them.
func preCommitEnv(t *testing.T) []string {
	t.Helper()
	home := t.TempDir()
	gitconfig := filepath.Join(home, "gitconfig")
	require.NoError(t, os.WriteFile(gitconfig, nil, 0o644))
	modcache := mustRun(t, ".", nil, "go", "env", "GOMODCACHE").stdout
	return []string{
		"PRE_COMMIT_HOME=" + filepath.Join(home, "pre-commit"),
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_CONFIG_GLOBAL=" + gitconfig,
		"GIT_AUTHOR_NAME=errcodelint test", "GIT_AUTHOR_EMAIL=test@errcodelint.invalid",
		"GIT_COMMITTER_NAME=errcodelint test", "GIT_COMMITTER_EMAIL=test@errcodelint.invalid",
		// pre-commit sets GOPATH to its own directory: without this, go
		// install would download every module again.
		"GOMODCACHE=" + strings.TrimSpace(modcache),
	}
}

// hooksRepo makes a git repository holding this checkout's files as they
// are (committed or not), for .pre-commit-config.yaml to point at, and
// returns its path and commit.
func hooksRepo(t *testing.T, git string, env []string) (dir, rev string) {
	t.Helper()
	root := repoRoot(t)
	dir = filepath.Join(t.TempDir(), "errcodelint")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		switch {
		case d.Name() == ".git" && d.IsDir():
			return filepath.SkipDir
		case d.Name() == ".git":
			// A worktree's link to its repository. (SkipDir from a file
			// would skip the rest of its directory.)
			return nil
		case d.IsDir():
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		case !d.Type().IsRegular():
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, info.Mode().Perm())
	})
	require.NoError(t, err)
	mustRun(t, dir, env, git, "init", "--quiet")
	mustRun(t, dir, env, git, "add", "-A")
	mustRun(t, dir, env, git, "commit", "--quiet", "--no-verify", "-m", "errcodelint under test")
	rev = strings.TrimSpace(mustRun(t, dir, env, git, "rev-parse", "HEAD").stdout)
	return dir, rev
}

// hookCommand returns the entry and args of hook id in .pre-commit-hooks.yaml.
func hookCommand(t *testing.T, id string) (entry string, args []string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), ".pre-commit-hooks.yaml"))
	require.NoError(t, err)
	var hooks []struct {
		ID    string
		Entry string
		Args  []string
	}
	require.NoError(t, yaml.Unmarshal(data, &hooks))
	for _, h := range hooks {
		if h.ID == id {
			return h.Entry, h.Args
		}
	}
	t.Fatalf(".pre-commit-hooks.yaml has no hook %q", id)
	return "", nil
}

// pathWithout is $PATH without the directories that hold a program name.
func pathWithout(t *testing.T, name string) string {
	t.Helper()
	var keep []string
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if _, err := exec.LookPath(filepath.Join(dir, name)); err != nil {
			keep = append(keep, dir)
		}
	}
	return strings.Join(keep, string(filepath.ListSeparator))
}

func writeYAML(t *testing.T, path string, v any) {
	t.Helper()
	data, err := yaml.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, data, 0o644))
}
