package main_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A child of the in-process engine that crashes makes errcodelint exit 1,
// not the 2 Go exits with, which means bad flags: here the child is made
// to crash as a Go program does when it gets SIGQUIT (a goroutine dump,
// exit 2). Linux only: the child is found through /proc.
func TestChildCrash(t *testing.T) {
	bin := build(t)
	cmd := exec.Command(bin, "-format", "json", ".")
	cmd.Dir = interleave(t)
	cmd.Env = append(os.Environ(), "ERRCODELINT_CATALOG=", "ERRCODELINT_ENGINE=inprocess")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Start())
	child := waitChild(t, cmd.Process.Pid)
	// Let the child's runtime install its signal handlers: a Go program
	// that gets SIGQUIT then dumps its goroutines and exits 2.
	time.Sleep(100 * time.Millisecond)
	require.NoError(t, syscall.Kill(child, syscall.SIGQUIT))
	err := cmd.Wait()
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "%v\n%s", err, stderr.String())
	assert.Equal(t, 1, exit.ExitCode(), "%s", stderr.String())
	assert.Contains(t, stderr.String(), "goroutine ", "the child's stderr, as it is")
	assert.True(t, strings.HasSuffix(stderr.String(), "errcodelint: the analysis crashed: SIGQUIT: quit\n"), "%s", stderr.String())
	assert.Empty(t, stdout.String())
}

// waitChild waits for the in-process engine's child of pid to start, and
// returns its pid: the process whose parent is pid and whose first
// argument is the engine's child marker, not the go commands the engine
// runs before it.
func waitChild(t *testing.T, pid int) int {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		stats, _ := filepath.Glob("/proc/[0-9]*/stat")
		for _, stat := range stats {
			data, err := os.ReadFile(stat)
			if err != nil {
				continue
			}
			// pid (comm) state ppid ...
			fields := strings.Fields(string(data[bytes.LastIndexByte(data, ')')+1:]))
			if len(fields) < 2 || fields[1] != strconv.Itoa(pid) {
				continue
			}
			args, err := os.ReadFile(filepath.Join(filepath.Dir(stat), "cmdline"))
			if argv := strings.Split(string(args), "\x00"); err != nil || len(argv) < 2 || argv[1] != "-errcodelint-inprocess-child" {
				continue
			}
			child, err := strconv.Atoi(filepath.Base(filepath.Dir(stat)))
			require.NoError(t, err)
			return child
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the in-process engine started no child")
	return 0
}
