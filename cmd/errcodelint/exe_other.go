//go:build !linux

package main

import "syscall"

// selfPath is "" where the system offers no name for the running
// executable: the children run os.Executable().
const selfPath = ""

func childAttr() *syscall.SysProcAttr { return nil }
