package report

import (
	"go/ast"
	"go/token"
	"math"
)

// directives are the directives of one package that apply to the pass.
type directives struct {
	files     map[*token.File]*fileDirectives
	malformed []malformed
}

type malformed struct {
	pos  token.Pos
	kind Kind
	err  error
}

// fileDirectives are one file's well-formed directives for the pass;
// the lines they silence are worked out when a finding first lands in
// the file.
type fileDirectives struct {
	fset     *token.FileSet
	syntax   *ast.File
	tok      *token.File
	list     []*directive
	resolved bool
}

type directive struct {
	Directive
	comment  *ast.Comment
	group    *ast.CommentGroup
	itself   bool // names the pass itself (see Directive.Names)
	from, to int  // the lines silenced, once resolved
	used     bool
}

// directives reads the package's comments once, on first need. Test
// files that are not reported are left out: their directives neither
// silence nor are reported.
func (r *Reporter) directives() *directives {
	if r.dirs != nil {
		return r.dirs
	}
	ds := &directives{files: make(map[*token.File]*fileDirectives)}
	r.dirs = ds
	for _, f := range r.pass.Files {
		if r.Skipped(f.Package) {
			continue
		}
		var fd *fileDirectives
		for _, g := range f.Comments {
			for _, c := range g.List {
				d, ok, err := Parse(c.Text)
				if !ok {
					continue
				}
				applies, itself := d.Names(r.pass.Analyzer.Name)
				if !applies {
					continue // another linter's: left alone
				}
				if err != nil {
					ds.malformed = append(ds.malformed, malformed{c.Pos(), d.Kind, err})
					continue
				}
				if fd == nil {
					tok := r.pass.Fset.File(f.FileStart)
					fd = &fileDirectives{fset: r.pass.Fset, syntax: f, tok: tok}
					ds.files[tok] = fd
				}
				fd.list = append(fd.list, &directive{Directive: d, comment: c, group: g, itself: itself})
			}
		}
	}
	return ds
}

// silenced reports whether a directive silences check id at pos, and
// marks every directive that does as used.
func (r *Reporter) silenced(pos token.Pos, id string) bool {
	tok := r.pass.Fset.File(pos)
	if tok == nil {
		return false
	}
	fd := r.directives().files[tok]
	if fd == nil {
		return false
	}
	fd.resolve()
	line := tok.PositionFor(pos, false).Line
	silenced := false
	for _, d := range fd.list {
		if d.from <= line && line <= d.to && d.Silences(id) {
			d.used = true
			silenced = true
		}
	}
	return silenced
}

// resolve works out the lines each directive of the file silences.
//
// A lint:ignore silences the line where the node its comment is attached
// to starts (ast.CommentMap's association, as staticcheck does): the
// statement or declaration it precedes, or the one it trails. A comment
// attached to no node silences its own line.
//
// A nolint silences the lines of its comment group and, when a node
// starts on the line after the group at the group's column, all of that
// node's lines (golangci-lint's ranges).
//
// A lint:file-ignore silences the whole file.
func (fd *fileDirectives) resolve() {
	if fd.resolved {
		return
	}
	fd.resolved = true
	line := func(p token.Pos) int { return fd.tok.PositionFor(p, false).Line }
	var groups []*ast.CommentGroup
	var nolints []*directive
	for _, d := range fd.list {
		switch d.Kind {
		case FileIgnore:
			d.from, d.to = 1, math.MaxInt
		case LineIgnore:
			d.from = line(d.comment.Pos())
			d.to = d.from
			groups = append(groups, d.group)
		case Nolint:
			d.from, d.to = line(d.group.Pos()), line(d.group.End())
			nolints = append(nolints, d)
		}
	}
	if len(groups) > 0 {
		// Only the directives' groups: the map is then cheap to build.
		for node, cgs := range ast.NewCommentMap(fd.fset, fd.syntax, groups) {
			start := line(node.Pos())
			for _, g := range cgs {
				for _, d := range fd.list {
					if d.Kind == LineIgnore && d.group == g {
						d.from, d.to = start, start
					}
				}
			}
		}
	}
	if len(nolints) == 0 {
		return
	}
	type anchor struct {
		next, col int // the line after the group, and its column
		d         *directive
	}
	anchors := make([]anchor, len(nolints))
	for i, d := range nolints {
		anchors[i] = anchor{d.to + 1, fd.tok.PositionFor(d.group.Pos(), false).Column, d}
	}
	ast.Inspect(fd.syntax, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		p := fd.tok.PositionFor(n.Pos(), false)
		for _, a := range anchors {
			if p.Line == a.next && p.Column == a.col {
				a.d.to = max(a.d.to, line(n.End()))
			}
		}
		return true
	})
}
