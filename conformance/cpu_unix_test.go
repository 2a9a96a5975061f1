//go:build unix

package conformance

import (
	"syscall"
	"testing"
	"time"
)

// reportCPU reports the process's CPU time (user and system, all threads)
// per operation as "cpu-ns/op": on a shared machine wall time measures the
// neighbours as much as the code.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
