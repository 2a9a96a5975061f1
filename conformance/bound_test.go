package conformance

import (
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errcodelint/errcodelint/catalog"
)

// heapInUse is the live heap after a collection.
func heapInUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// TestViolationsBounded sends 300 responses, each with a 1 MB code that is
// not in the catalog, through a Checker that reports to a TB: what the
// Checker and the TB keep stays far below the 300 MB of codes.
func TestViolationsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("300 MB of responses")
	}
	cat := load(t, "platform")
	chk := New(cat)
	tb := &recordingTB{TB: t}
	long := strings.Repeat("x", 1_000_000)
	h := respond(404, jsonCT, `{"error":{"code":"`+long+`"}}`)
	before := heapInUse()
	for range 300 {
		chk.Handler(tb, h).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/x", nil))
	}
	retained := heapInUse() - before
	assert.Less(t, retained, int64(50<<20), "bytes kept after 300 responses")

	vs := chk.Violations()
	require.Len(t, vs, MaxViolationsPerRule)
	assert.Equal(t, map[Rule]int{RuleUncataloged: 300 - MaxViolationsPerRule}, chk.Dropped())
	short := catalog.Truncate(long)
	assert.Equal(t, short, vs[0].Code)
	assert.Equal(t, `GET /x: 404: code "`+short+`" is not in the catalog`, vs[0].String())
	// Each kept violation is reported, then one note, then nothing.
	require.Len(t, tb.errors, MaxViolationsPerRule+1)
	assert.Equal(t, "conformance: more than 100 uncataloged violations; the rest are only counted (Checker.Dropped)",
		tb.errors[MaxViolationsPerRule])
	runtime.KeepAlive(tb)
}

// TestViolationsBoundedPerRule keeps the first violations of each rule:
// one rule past its bound does not crowd out another.
func TestViolationsBoundedPerRule(t *testing.T) {
	cat := load(t, "platform")
	chk := New(cat, Collect())
	h := respond(404, jsonCT, `{"error":{"code":"nope_nope_nope"}}`)
	for range MaxViolationsPerRule + 5 {
		serve(chk, h, "GET", "/u")
	}
	serve(chk, respond(400, jsonCT, `{"error":{"code":"secret_not_found"}}`), "GET", "/s")
	vs := chk.Violations()
	require.Len(t, vs, MaxViolationsPerRule+1)
	assert.Equal(t, RuleStatus, vs[MaxViolationsPerRule].Rule)
	assert.Equal(t, map[Rule]int{RuleUncataloged: 5}, chk.Dropped())
}

// TestUncheckedBounded: the reasons for unchecked responses are kept for
// the first ones only; all are counted.
func TestUncheckedBounded(t *testing.T) {
	chk := New(load(t, "platform"), Collect())
	h := respond(400, jsonCT, "\x1f\x8b\x08garbage", "Content-Encoding", "gzip")
	for range MaxViolationsPerRule + 20 {
		serve(chk, h, "GET", "/gz")
	}
	cov := chk.Coverage()
	assert.Len(t, cov.Unchecked, MaxViolationsPerRule)
	assert.Equal(t, "GET /gz: 400: body encoded as gzip", cov.Unchecked[0])
	assert.Equal(t, MaxViolationsPerRule+20, cov.UncheckedCount)
	assert.True(t, strings.HasSuffix(cov.String(), "; 120 unchecked"), cov.String())
}
