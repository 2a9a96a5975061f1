package main

import (
	"syscall"
)

// selfPath is the executable the children run: on Linux, the very file
// this process runs, even if its path has since been given another
// build, so that a unit's results come from the executable its key names.
const selfPath = "/proc/self/exe"

// childAttr ties a child's life to this process: it is killed when the
// engine dies, however the engine ends.
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
