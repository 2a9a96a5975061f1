// Package diff compares two versions of a catalog from a client's point of
// view: which changes break clients written against the old one.
package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/errcodelint/errcodelint/catalog"

	"github.com/errcodelint/errcodelint/internal/catalogtools/internal/text"
)

// A ChangeKind names one kind of difference between two catalogs.
type ChangeKind string

// The kinds of change Diff reports. The first group breaks clients; the
// second does not.
const (
	Removed       ChangeKind = "removed"        // a code is gone
	Renamed       ChangeKind = "renamed"        // a code is gone and a look-alike added, or a name changed
	StatusChanged ChangeKind = "status-changed" // a code has another status, or lost one of several
	Ambiguous     ChangeKind = "ambiguous"      // a status with one code now has several
	NowReported   ChangeKind = "now-reported"   // a code's status moved into a payload
	Narrowed      ChangeKind = "narrowed"       // a template matches fewer codes
	WireChanged   ChangeKind = "wire-changed"   // codes travel elsewhere or in another form

	Added            ChangeKind = "added"             // a new code
	Widened          ChangeKind = "widened"           // a code is now matched by a template
	NowSent          ChangeKind = "now-sent"          // a reported code is now sent as the HTTP status
	StatusAdded      ChangeKind = "status-added"      // a code is sent with one more status
	DefaultStatus    ChangeKind = "default-status"    // the first of a code's statuses changed
	NameAdded        ChangeKind = "name-added"        // a code got a name
	SummaryChanged   ChangeKind = "summary-changed"   // new or changed summary
	GroupChanged     ChangeKind = "group-changed"     // the code moved to another group
	RetryableChanged ChangeKind = "retryable-changed" // clients may (no longer) retry the code
)

// A Change is one difference between an old and a new catalog.
type Change struct {
	Kind     ChangeKind
	Breaking bool          // clients written against the old catalog may break
	Old, New *catalog.Code // the code in each catalog; nil when it has none there
	Msg      string
}

// Pos is where the change shows: in the new catalog when the code is
// still there (at its status when the status changed), else in the old.
func (ch Change) Pos() catalog.Pos {
	switch {
	case ch.New != nil && (ch.Kind == StatusChanged || ch.Kind == StatusAdded || ch.Kind == DefaultStatus || ch.Kind == Ambiguous):
		return ch.New.StatusPos
	case ch.New != nil:
		return ch.New.Pos
	case ch.Old != nil:
		return ch.Old.Pos
	}
	return catalog.Pos{}
}

// Diff compares two versions of a catalog from a client's point of view:
// what a client written against oldCat may no longer rely on in newCat.
//
// Breaking: a code removed; renamed (a removed code and an added one that
// differ only by case or separators, or closely, with the same status; or
// a changed name); a changed status, or a status removed from a code of
// several; a code moved to reported; a template narrowed (some of its
// instances no longer match any code); a change of wire.code, wire.prefix
// or wire.format, or wire.status dropped; a code added at a status that
// had exactly one code, which makes clients' branches on that status
// ambiguous.
// Not breaking: an added code, a status added to a code (clients that
// branch on the code still match it), a new default among a code's
// statuses, a code now matched by a template with the same statuses, a
// reported code now sent, new summaries, groups, names and retryable
// marks.
//
// Changes come in a stable order: wire first, then old codes in file
// order, then added codes in file order, then ambiguous statuses in
// ascending order.
func Diff(oldCat, newCat *catalog.Catalog) []Change {
	d := &differ{old: oldCat, new: newCat, byValue: make(map[string]*catalog.Code), used: make(map[*catalog.Code]bool), budget: lookalikeBudget}
	for _, code := range newCat.Codes {
		d.byValue[code.Value] = code
	}
	d.wire()
	for _, o := range oldCat.Codes {
		d.code(o)
	}
	for _, n := range newCat.Codes {
		if !d.used[n] {
			d.add(Added, false, nil, n, "code %s added (%s)", n.Quoted(), statusList(n))
		}
	}
	d.ambiguous()
	return d.changes
}

// statusList reads a code's statuses: "404" or "400, 404, 415".
func statusList(c *catalog.Code) string { return text.JoinInts(c.AllStatuses(), ", ") }

// minus returns the statuses of a that b lacks, in a's order.
func minus(a, b []int) []int {
	var out []int
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// ambiguous reports each status that the old catalog sent with exactly
// one code and the new one sends with that code and others: a client that
// branched on the status to mean that code can no longer tell them apart.
func (d *differ) ambiguous() {
	for _, st := range d.new.Statuses() {
		before := d.old.SentWith(st)
		if len(before) != 1 {
			continue
		}
		only := before[0]
		var kept *catalog.Code
		var added []*catalog.Code
		for _, n := range d.new.SentWith(st) {
			if n.Value == only.Value {
				kept = n
			} else {
				added = append(added, n)
			}
		}
		if kept == nil || len(added) == 0 {
			continue
		}
		d.add(Ambiguous, true, only, added[0], "status %d now has %s besides %s: clients that branch on %d to mean %s can no longer tell them apart; they must branch on the code",
			st, quoteCodes(added, 4), only.Quoted(), st, only.Quoted())
	}
}

type differ struct {
	old, new *catalog.Catalog
	byValue  map[string]*catalog.Code // new codes by their text, templates included
	used     map[*catalog.Code]bool   // new codes accounted for by an old one
	changes  []Change

	// For look-alikes: new codes no old code has, by status and by folded
	// form; and the edit-distance comparisons left.
	added       map[int][]*catalog.Code
	addedByFold map[string][]*catalog.Code
	budget      int
}

func (d *differ) add(kind ChangeKind, breaking bool, o, n *catalog.Code, format string, args ...any) {
	d.changes = append(d.changes, Change{Kind: kind, Breaking: breaking, Old: o, New: n, Msg: fmt.Sprintf(format, args...)})
}

func (d *differ) wire() {
	ow, nw := d.old.Wire, d.new.Wire
	field := func(name, o, n string, breakingWhenAdded bool) {
		switch {
		case o == n:
		case o == "":
			d.add(WireChanged, breakingWhenAdded, nil, nil, "%s %q added", name, n)
		case n == "":
			d.add(WireChanged, true, nil, nil, "%s %q removed", name, o)
		default:
			d.add(WireChanged, true, nil, nil, "%s changed from %q to %q", name, o, n)
		}
	}
	field("wire.code", ow.Code, nw.Code, true)
	field("wire.prefix", ow.Prefix, nw.Prefix, true)
	field("wire.format", ow.Format, nw.Format, true)
	field("wire.status", ow.Status, nw.Status, false)
}

// code finds what became of an old code.
func (d *differ) code(o *catalog.Code) {
	if n, ok := d.byValue[o.Value]; ok && o.Numeric == n.Numeric {
		d.used[n] = true
		d.same(o, n)
		return
	}
	if n := d.cover(o); n != nil && o.Template != nil {
		d.used[n] = true
		verb := "widened to"
		if o.Template.Matches(n.Template.Pattern().Instance("\x00")) {
			verb = "now written"
		}
		d.add(Widened, false, o, n, "template %s %s %s", o.Quoted(), verb, n.Quoted())
		d.same(o, n)
		return
	} else if n != nil {
		d.covered(o, n)
		return
	}
	if o.Template != nil {
		if rest := d.intersecting(o); len(rest) > 0 {
			verb := "match"
			if len(rest) == 1 {
				verb = "matches"
			}
			d.add(Narrowed, true, o, nil, "template %s narrowed: only %s %s it now", o.Quoted(), quoteCodes(rest, 4), verb)
			return
		}
	}
	if n := d.lookalike(o); n != nil {
		d.used[n] = true
		d.add(Renamed, true, o, n, "code %s renamed to %s", o.Quoted(), n.Quoted())
		d.same(o, n)
		return
	}
	d.add(Removed, true, o, nil, "code %s removed (was %s)", o.Quoted(), statusList(o))
}

// same compares a code with its counterpart.
func (d *differ) same(o, n *catalog.Code) {
	q := o.Quoted()
	d.statuses(o, n)
	switch {
	case !o.Reported && n.Reported:
		d.add(NowReported, true, o, n, "code %s is now reported in a payload, no longer sent as the HTTP status", q)
	case o.Reported && !n.Reported:
		d.add(NowSent, false, o, n, "code %s is now sent as the HTTP status", q)
	}
	switch {
	case o.Name == n.Name:
	case o.Name == "":
		d.add(NameAdded, false, o, n, "code %s named %s", q, n.Name)
	case n.Name == "":
		d.add(Renamed, true, o, n, "code %s lost its name %s", q, o.Name)
	default:
		d.add(Renamed, true, o, n, "code %s renamed from %s to %s", q, o.Name, n.Name)
	}
	if o.Summary != n.Summary {
		d.add(SummaryChanged, false, o, n, "code %s has a new summary", q)
	}
	if o.Group != n.Group && n.Group != "" {
		d.add(GroupChanged, false, o, n, "code %s moved to group %q", q, n.Group)
	}
	if o.Retryable != n.Retryable {
		not := ""
		if !n.Retryable {
			not = "no longer "
		}
		d.add(RetryableChanged, false, o, n, "code %s is %sretryable", q, not)
	}
}

// statuses compares the statuses of a code and its counterpart. A client
// may rely on each status the old catalog gave the code: losing one breaks
// it; gaining one does not, since a client that branches on the code still
// matches it.
func (d *differ) statuses(o, n *catalog.Code) {
	q := o.Quoted()
	os, ns := o.AllStatuses(), n.AllStatuses()
	if len(os) == 1 && len(ns) == 1 {
		if o.Status != n.Status {
			d.add(StatusChanged, true, o, n, "code %s changed status from %d to %d", q, o.Status, n.Status)
		}
		return
	}
	if lost := minus(os, ns); len(lost) > 0 {
		d.add(StatusChanged, true, o, n, "code %s is no longer sent with status %s (now %s)", q, text.JoinInts(lost, ", "), statusList(n))
	}
	if gained := minus(ns, os); len(gained) > 0 {
		d.add(StatusAdded, false, o, n, "code %s is now also sent with status %s; not breaking: clients that branch on the code still match it", q, text.JoinInts(gained, ", "))
	}
	if o.Status != n.Status {
		d.add(DefaultStatus, false, o, n, "code %s has the default status %d instead of %d", q, n.Status, o.Status)
	}
}

// cover returns the new code that matches every instance of o: for a
// plain code, the one Lookup finds; for a template, a template whose
// pattern contains o's.
func (d *differ) cover(o *catalog.Code) *catalog.Code {
	if o.Template == nil {
		if o.Numeric {
			n, _ := d.new.LookupInt(o.Int)
			return n
		}
		n, _ := d.new.Lookup(o.Value)
		return n
	}
	// o's instances all match t exactly when t matches o with each
	// variable part as one character no literal part holds.
	probe := o.Template.Pattern().Instance("\x00")
	for _, t := range d.new.Templates() {
		if t.Template.Matches(probe) {
			return t
		}
	}
	return nil
}

// covered reports on an old plain code that a new template covers.
func (d *differ) covered(o, n *catalog.Code) {
	if len(minus(o.AllStatuses(), n.AllStatuses())) > 0 {
		d.add(StatusChanged, true, o, n, "code %s is now matched by %s, with status %s instead of %s", o.Quoted(), n.Quoted(), statusList(n), statusList(o))
		return
	}
	if !o.Reported && n.Reported {
		d.add(NowReported, true, o, n, "code %s is now matched by %s, which is reported in a payload, not sent", o.Quoted(), n.Quoted())
		return
	}
	d.add(Widened, false, o, n, "code %s is now matched by %s", o.Quoted(), n.Quoted())
}

// intersecting returns the new codes that match some, but not all, of a
// template's instances.
func (d *differ) intersecting(o *catalog.Code) []*catalog.Code {
	var out []*catalog.Code
	for _, n := range d.new.Codes {
		if o.Template.Pattern().Intersects(n.Pattern()) {
			out = append(out, n)
		}
	}
	return out
}

// lookalikeBudget bounds the edit-distance comparisons one Diff makes
// to find renamed codes: a diff of thousands of removed and thousands of
// added codes is a rewrite, not a list of renames, and comparing every pair
// would cost minutes. Past the budget, look-alikes are still found when
// they differ only by case or separators.
const lookalikeBudget = 1 << 18

// lookalike returns the added code an old code was likely renamed to: a
// new code with the same status that no old code has, equal once case and
// separators are folded or close by edit distance; for numeric codes, the
// one with the same name.
func (d *differ) lookalike(o *catalog.Code) *catalog.Code {
	d.indexAdded()
	if o.Numeric {
		if o.Name == "" {
			return nil
		}
		for _, n := range d.added[o.Status] {
			if !d.used[n] && n.Name == o.Name {
				return n
			}
		}
		return nil
	}
	for _, n := range d.addedByFold[catalog.Fold(o.Value)] {
		if !d.used[n] && n.Status == o.Status && n.Value != o.Value {
			return n
		}
	}
	candidates := d.added[o.Status]
	if len(candidates) > d.budget {
		return nil
	}
	d.budget -= len(candidates)
	var values []string
	for _, n := range candidates {
		if !d.used[n] {
			values = append(values, n.Value)
		}
	}
	if v := catalog.Nearest(o.Value, values); v != "" {
		return d.byValue[v]
	}
	return nil
}

// indexAdded files the new codes that no old code has, by status and by
// folded form, in file order, once.
func (d *differ) indexAdded() {
	if d.added != nil {
		return
	}
	old := make(map[string]bool, len(d.old.Codes))
	for _, o := range d.old.Codes {
		old[o.Value] = true
	}
	d.added = make(map[int][]*catalog.Code)
	d.addedByFold = make(map[string][]*catalog.Code)
	for _, n := range d.new.Codes {
		if old[n.Value] {
			continue
		}
		d.added[n.Status] = append(d.added[n.Status], n)
		if !n.Numeric {
			key := catalog.Fold(n.Value)
			d.addedByFold[key] = append(d.addedByFold[key], n)
		}
	}
}

// quoteCodes lists up to most codes, and how many more there are.
func quoteCodes(codes []*catalog.Code, most int) string {
	var parts []string
	for i, c := range codes {
		if i == most {
			parts = append(parts, fmt.Sprintf("%d more", len(codes)-most))
			break
		}
		parts = append(parts, c.Quoted())
	}
	return strings.Join(parts, ", ")
}
