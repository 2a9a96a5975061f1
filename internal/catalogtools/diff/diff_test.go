package diff

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogtools/internal/toolstest"

	"github.com/errcodelint/errcodelint/internal/catalogtools/format"
)

// diffLines renders changes as "breaking kind: message" lines.
func diffLines(changes []Change) []string {
	var out []string
	for _, ch := range changes {
		line := string(ch.Kind) + ": " + ch.Msg
		if ch.Breaking {
			line = "breaking " + line
		}
		out = append(out, line)
	}
	return out
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name         string
		oldHead, old string
		newHead, new string
		want         []string
	}{
		{"identical", "", "  - {code: a, status: 400}\n", "", "  - {code: a, status: 400}\n", nil},
		{"removed", "", "  - {code: a, status: 400}\n  - {code: gone_away, status: 404}\n", "", "  - {code: a, status: 400}\n",
			[]string{`breaking removed: code "gone_away" removed (was 404)`}},
		{"added", "", "  - {code: a, status: 400}\n", "", "  - {code: a, status: 400}\n  - {code: b, status: 409}\n",
			[]string{`added: code "b" added (409)`}},
		{"status changed", "", "  - {code: a, status: 400}\n", "", "  - {code: a, status: 422}\n",
			[]string{`breaking status-changed: code "a" changed status from 400 to 422`}},
		{"now reported", "", "  - {code: a, status: 502}\n", "", "  - {code: a, status: 502, reported: true}\n",
			[]string{`breaking now-reported: code "a" is now reported in a payload, no longer sent as the HTTP status`}},
		{"now sent", "", "  - {code: a, status: 502, reported: true}\n", "", "  - {code: a, status: 502}\n",
			[]string{`now-sent: code "a" is now sent as the HTTP status`}},
		{"renamed by case", "", "  - {code: secretNotFound, status: 404}\n", "", "  - {code: secret_not_found, status: 404}\n",
			[]string{`breaking renamed: code "secretNotFound" renamed to "secret_not_found"`}},
		{"renamed by typo fix", "", "  - {code: secret_not_fuond, status: 404}\n", "", "  - {code: secret_not_found, status: 404}\n",
			[]string{`breaking renamed: code "secret_not_fuond" renamed to "secret_not_found"`}},
		{"look-alike with another status is not a rename", "", "  - {code: secretNotFound, status: 404}\n", "", "  - {code: secret_not_found, status: 410}\n",
			[]string{`breaking removed: code "secretNotFound" removed (was 404)`, `added: code "secret_not_found" added (410)`}},
		{"numeric renumbered", "", "  - {code: 51010, name: BadKey, status: 400}\n", "", "  - {code: 51012, name: BadKey, status: 400}\n",
			[]string{`breaking renamed: code 51010 renamed to 51012`}},
		{"numeric name changed", "", "  - {code: 51010, name: BadKey, status: 400}\n", "", "  - {code: 51010, name: KeyBad, status: 400}\n",
			[]string{`breaking renamed: code 51010 renamed from BadKey to KeyBad`}},
		{"name dropped", "", "  - {code: 1, name: One, status: 400}\n", "", "  - {code: 1, status: 400}\n",
			[]string{`breaking renamed: code 1 lost its name One`}},
		{"name added", "", "  - {code: 1, status: 400}\n", "", "  - {code: 1, name: One, status: 400}\n",
			[]string{`name-added: code 1 named One`}},
		{"summary, group, retryable", "", "  - {code: a, status: 429, summary: old, group: G}\n", "", "  - {code: a, status: 429, summary: new, group: H, retryable: true}\n",
			[]string{`summary-changed: code "a" has a new summary`, `group-changed: code "a" moved to group "H"`, `retryable-changed: code "a" is retryable`}},
		{"no longer retryable", "", "  - {code: a, status: 429, retryable: true}\n", "", "  - {code: a, status: 429}\n",
			[]string{`retryable-changed: code "a" is no longer retryable`}},
		{"template narrowed", "", "  - {code: 'not_found|{resource}', status: 404}\n", "",
			"  - {code: 'not_found|order', status: 404}\n  - {code: 'not_found|product', status: 404}\n",
			[]string{
				`breaking narrowed: template "not_found|{resource}" narrowed: only "not_found|order", "not_found|product" match it now`,
				`added: code "not_found|order" added (404)`, `added: code "not_found|product" added (404)`,
			}},
		{"template variable renamed", "", "  - {code: 'dns_mismatch|{domain}', status: 400}\n", "", "  - {code: 'dns_mismatch|{host}', status: 400}\n",
			[]string{`widened: template "dns_mismatch|{domain}" now written "dns_mismatch|{host}"`}},
		{"template widened", "", "  - {code: 'a:b|{x}', status: 400}\n", "", "  - {code: 'a:{y}', status: 400}\n",
			[]string{`widened: template "a:b|{x}" widened to "a:{y}"`}},
		{"code now matched by a template", "", "  - {code: 'not_found|order', status: 404}\n", "", "  - {code: 'not_found|{resource}', status: 404}\n",
			[]string{`widened: code "not_found|order" is now matched by "not_found|{resource}"`, `added: code "not_found|{resource}" added (404)`}},
		{"template with another status", "", "  - {code: 'not_found|order', status: 404}\n", "", "  - {code: 'not_found|{resource}', status: 410}\n",
			[]string{`breaking status-changed: code "not_found|order" is now matched by "not_found|{resource}", with status 410 instead of 404`, `added: code "not_found|{resource}" added (410)`}},
		{"status added to a code", "", "  - {code: malformed, status: 400}\n", "", "  - {code: malformed, status: [400, 404]}\n",
			[]string{`status-added: code "malformed" is now also sent with status 404; not breaking: clients that branch on the code still match it`}},
		{"status removed from a code", "", "  - {code: malformed, status: [400, 404, 415]}\n", "", "  - {code: malformed, status: [400, 415]}\n",
			[]string{`breaking status-changed: code "malformed" is no longer sent with status 404 (now 400, 415)`}},
		{"statuses swapped and default changed", "", "  - {code: malformed, status: [400, 404]}\n", "", "  - {code: malformed, status: [404, 405]}\n",
			[]string{
				`breaking status-changed: code "malformed" is no longer sent with status 400 (now 404, 405)`,
				`status-added: code "malformed" is now also sent with status 405; not breaking: clients that branch on the code still match it`,
				`default-status: code "malformed" has the default status 404 instead of 400`,
			}},
		{"default reordered only", "", "  - {code: malformed, status: [400, 404]}\n", "", "  - {code: malformed, status: [404, 400]}\n",
			[]string{`default-status: code "malformed" has the default status 404 instead of 400`}},
		{"removed code of several statuses", "", "  - {code: a, status: 400}\n  - {code: malformed, status: [400, 404]}\n", "", "  - {code: a, status: 400}\n",
			[]string{`breaking removed: code "malformed" removed (was 400, 404)`}},
		{"added code of several statuses", "", "  - {code: a, status: 400}\n", "", "  - {code: a, status: 400}\n  - {code: b, status: [409, 412]}\n",
			[]string{`added: code "b" added (409, 412)`}},
		{"code added at a status of one code", "", "  - {code: a, status: 400}\n  - {code: secret_not_found, status: 404}\n", "",
			"  - {code: a, status: 400}\n  - {code: secret_not_found, status: 404}\n  - {code: key_not_found, status: 404}\n",
			[]string{
				`added: code "key_not_found" added (404)`,
				`breaking ambiguous: status 404 now has "key_not_found" besides "secret_not_found": clients that branch on 404 to mean "secret_not_found" can no longer tell them apart; they must branch on the code`,
			}},
		{"status gained makes another status ambiguous", "", "  - {code: malformed, status: 400}\n  - {code: gone, status: 410}\n", "",
			"  - {code: malformed, status: [400, 410]}\n  - {code: gone, status: 410}\n",
			[]string{
				`status-added: code "malformed" is now also sent with status 410; not breaking: clients that branch on the code still match it`,
				`breaking ambiguous: status 410 now has "malformed" besides "gone": clients that branch on 410 to mean "gone" can no longer tell them apart; they must branch on the code`,
			}},
		{"code added at a status of several codes", "", "  - {code: a, status: 404}\n  - {code: b, status: 404}\n", "",
			"  - {code: a, status: 404}\n  - {code: b, status: 404}\n  - {code: c, status: 404}\n",
			[]string{`added: code "c" added (404)`}},
		{"reported code added beside one", "", "  - {code: a, status: 502}\n", "", "  - {code: a, status: 502}\n  - {code: b, status: 502, reported: true}\n",
			[]string{`added: code "b" added (502)`}},
		{"wire", "wire: {code: error.code, prefix: 'urn:a:'}\n", "  - {code: a, status: 400}\n", "wire: {code: 'errors[].code', status: status, format: xml}\n", "  - {code: a, status: 400}\n",
			[]string{
				`breaking wire-changed: wire.code changed from "error.code" to "errors[].code"`,
				`breaking wire-changed: wire.prefix "urn:a:" removed`,
				`breaking wire-changed: wire.format changed from "json" to "xml"`,
				`wire-changed: wire.status "status" added`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			oldCat := toolstest.ParseCodes(t, "old.yaml", tt.oldHead, tt.old)
			newCat := toolstest.ParseCodes(t, "new.yaml", tt.newHead, tt.new)
			assert.Equal(t, tt.want, diffLines(Diff(oldCat, newCat)))
		})
	}
}

func TestDiffPositions(t *testing.T) {
	oldCat := toolstest.ParseCodes(t, "old.yaml", "", "  - code: a\n    status: 400\n  - code: b\n    status: 404\n")
	newCat := toolstest.ParseCodes(t, "new.yaml", "", "  - code: a\n    status: 422\n")
	changes := Diff(oldCat, newCat)
	require.Len(t, changes, 2)
	ambiguous := Diff(toolstest.ParseCodes(t, "old.yaml", "", "  - {code: a, status: 404}\n"),
		toolstest.ParseCodes(t, "new.yaml", "", "  - {code: a, status: 404}\n  - code: b\n    status: 404\n"))
	require.Len(t, ambiguous, 2)
	assert.Equal(t, "new.yaml:5:13", ambiguous[1].Pos().String(), "an ambiguous status shows at the added code's status")
	assert.Equal(t, "new.yaml:4:13", changes[0].Pos().String(), "a status change shows at the new status")
	assert.Equal(t, "old.yaml:5:11", changes[1].Pos().String(), "a removed code shows in the old catalog")
}

// mutateStyle reloads a style's catalog after f has changed a copy of its
// codes.
func mutateStyle(t *testing.T, c *catalog.Catalog, f func([]*catalog.Code) []*catalog.Code) *catalog.Catalog {
	t.Helper()
	clone := *c
	clone.Codes = nil
	for _, code := range c.Codes {
		cp := *code
		clone.Codes = append(clone.Codes, &cp)
	}
	clone.Codes = f(clone.Codes)
	out, err := catalog.Parse("new.yaml", format.Format(&clone))
	require.NoError(t, err)
	return out
}

// TestDiffStyles diffs each style's catalog with itself (no change) and
// with a copy that removes, re-statuses, reports, re-summarizes and adds
// codes.
func TestDiffStyles(t *testing.T) {
	for _, s := range toolstest.Styles {
		t.Run(s.Name, func(t *testing.T) {
			c := toolstest.LoadStyle(t, s.Name)
			assert.Empty(t, Diff(c, c))
			changed := mutateStyle(t, c, func(codes []*catalog.Code) []*catalog.Code {
				codes[1].Status = 418
				codes[2].Reported = true
				codes[3].Summary = "Reworded"
				added := &catalog.Code{Value: "brand_new", Status: 409}
				if codes[0].Numeric {
					added = &catalog.Code{Value: "999", Numeric: true, Int: 999, Status: 409}
				}
				return append(codes[1:], added)
			})
			changes := Diff(c, changed)
			var kinds []ChangeKind
			for _, ch := range changes {
				kinds = append(kinds, ch.Kind)
			}
			assert.Equal(t, []ChangeKind{Removed, StatusChanged, NowReported, SummaryChanged, Added}, kinds, diffLines(changes))
		})
	}
}
