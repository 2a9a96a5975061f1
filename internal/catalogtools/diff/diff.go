// Package diff compares two versions of a catalog from a client's point of
// view: which changes break clients written against the old one.
package diff

import (
	"fmt"
	"strings"

	"github.com/errcodelint/errcodelint/catalog"
)

// A ChangeKind names one kind of difference between two catalogs.
type ChangeKind string

// The kinds of change Diff reports. The first group breaks clients; the
// second does not.
const (
	Removed       ChangeKind = "removed"        // a code is gone
	Renamed       ChangeKind = "renamed"        // a code is gone and a look-alike added, or a name changed
	StatusChanged ChangeKind = "status-changed" // a code has another status
	NowReported   ChangeKind = "now-reported"   // a code's status moved into a payload
	Narrowed      ChangeKind = "narrowed"       // a template matches fewer codes
	WireChanged   ChangeKind = "wire-changed"   // codes travel elsewhere or in another form

	Added            ChangeKind = "added"             // a new code
	Widened          ChangeKind = "widened"           // a code is now matched by a template
	NowSent          ChangeKind = "now-sent"          // a reported code is now sent as the HTTP status
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
	case ch.New != nil && ch.Kind == StatusChanged:
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
// a changed name); a changed status; a code moved to reported; a template
// narrowed (some of its instances no longer match any code); a change of
// wire.code, wire.prefix or wire.format, or wire.status dropped.
// Not breaking: an added code, a code now matched by a template with the
// same status, a reported code now sent, new summaries, groups, names and
// retryable marks.
//
// Changes come in a stable order: wire first, then old codes in file
// order, then added codes in file order.
func Diff(oldCat, newCat *catalog.Catalog) []Change {
	d := &differ{old: oldCat, new: newCat, byValue: make(map[string]*catalog.Code), used: make(map[*catalog.Code]bool)}
	for _, code := range newCat.Codes {
		d.byValue[code.Value] = code
	}
	d.wire()
	for _, o := range oldCat.Codes {
		d.code(o)
	}
	for _, n := range newCat.Codes {
		if !d.used[n] {
			d.add(Added, false, nil, n, "code %s added (%d)", n.Quoted(), n.Status)
		}
	}
	return d.changes
}

type differ struct {
	old, new *catalog.Catalog
	byValue  map[string]*catalog.Code // new codes by their text, templates included
	used     map[*catalog.Code]bool   // new codes accounted for by an old one
	changes  []Change
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
	d.add(Removed, true, o, nil, "code %s removed (was %d)", o.Quoted(), o.Status)
}

// same compares a code with its counterpart.
func (d *differ) same(o, n *catalog.Code) {
	q := o.Quoted()
	if o.Status != n.Status {
		d.add(StatusChanged, true, o, n, "code %s changed status from %d to %d", q, o.Status, n.Status)
	}
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
	if o.Status != n.Status {
		d.add(StatusChanged, true, o, n, "code %s is now matched by %s, with status %d instead of %d", o.Quoted(), n.Quoted(), n.Status, o.Status)
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

// lookalike returns the added code an old code was likely renamed to: a
// new code with the same status that no old code has, equal once case and
// separators are folded or close by edit distance; for numeric codes, the
// one with the same name.
func (d *differ) lookalike(o *catalog.Code) *catalog.Code {
	var candidates []string
	byValue := make(map[string]*catalog.Code)
	for _, n := range d.new.Codes {
		if d.used[n] || n.Status != o.Status || d.inOld(n) {
			continue
		}
		if o.Numeric && o.Name != "" && n.Name == o.Name {
			return n
		}
		candidates = append(candidates, n.Value)
		byValue[n.Value] = n
	}
	if o.Numeric {
		return nil
	}
	return byValue[catalog.Closest(o.Value, candidates)]
}

func (d *differ) inOld(n *catalog.Code) bool {
	for _, o := range d.old.Codes {
		if o.Value == n.Value {
			return true
		}
	}
	return false
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
