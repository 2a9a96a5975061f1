package catalogcmd

import (
	"encoding/json"
	"flag"
	"fmt"

	"github.com/errcodelint/errcodelint/catalog"

	"github.com/errcodelint/errcodelint/internal/catalogtools/diff"
)

var diffCommand = &command{
	name:    "diff",
	args:    "OLD NEW",
	summary: "list the changes between two catalogs; exit 1 if any breaks clients",
	help: `Diff compares two versions of a catalog from a client's point of view.

Breaking: a code removed or renamed (a removed code and an added look-alike
with the same status, or a changed name), a changed status or a status
removed from a code of several, a code moved to reported, a template
narrowed (some of its codes no longer match), a change of wire.code,
wire.prefix or wire.format, and a code added at a status that had exactly
one code (clients that branch on that status can no longer tell the codes
apart).
Not breaking: an added code, a status added to a code, a new default status,
a code now matched by a template with the same statuses, new summaries,
groups, names and retryable marks.

Each change is printed as FILE:LINE:COL: message, positioned in NEW when the
code is still there and in OLD when it is gone; -json prints them as one
JSON object. Diff exits 1 when a change is breaking (or a catalog does not
load), 0 otherwise, 2 on a bad command line.`,
	flags: func(fs *flag.FlagSet) {
		fs.Bool("json", false, "print the changes as JSON")
	},
	run: runDiff,
}

func runDiff(e *env, fs *flag.FlagSet, args []string) int {
	cats, _, code, ok := loadArgs(e, fs, args, 2)
	if !ok {
		return code
	}
	oldCat, newCat := cats[0], cats[1]
	changes := diff.Diff(oldCat, newCat)
	breaking := 0
	for _, ch := range changes {
		if ch.Breaking {
			breaking++
		}
	}
	var err error
	if flagBool(fs, "json") {
		err = printDiffJSON(e, oldCat, newCat, changes, breaking)
	} else {
		printDiffText(e, newCat, changes, breaking)
	}
	if err != nil {
		e.errorf("%s: %v", fs.Name(), err)
		return exitFail
	}
	if breaking > 0 {
		return exitFail
	}
	return exitOK
}

// changePos is where a change shows; catalog-wide changes show at NEW.
func changePos(newCat *catalog.Catalog, ch diff.Change) string {
	p := ch.Pos()
	if p.File == "" {
		p.File = newCat.Path
	}
	return p.String()
}

func printDiffText(e *env, newCat *catalog.Catalog, changes []diff.Change, breaking int) {
	for _, ch := range changes {
		tag := ""
		if ch.Breaking {
			tag = "breaking: "
		}
		fmt.Fprintf(e.stdout, "%s: %s%s\n", changePos(newCat, ch), tag, ch.Msg)
	}
	if len(changes) == 0 {
		fmt.Fprintln(e.stdout, "no changes")
		return
	}
	fmt.Fprintf(e.stdout, "%s, %s\n", count(breaking, "breaking change", "breaking changes"),
		count(len(changes)-breaking, "other change", "other changes"))
}

// jsonCode is one side of a change in -json output.
type jsonCode struct {
	Pos      string `json:"pos"`
	Status   int    `json:"status"`
	Name     string `json:"name,omitempty"`
	Reported bool   `json:"reported,omitempty"`
}

type jsonChange struct {
	Kind     diff.ChangeKind `json:"kind"`
	Breaking bool            `json:"breaking"`
	Code     string          `json:"code,omitempty"`
	Pos      string          `json:"pos"`
	Message  string          `json:"message"`
	Old      *jsonCode       `json:"old,omitempty"`
	New      *jsonCode       `json:"new,omitempty"`
}

type jsonDiff struct {
	Old      string       `json:"old"`
	New      string       `json:"new"`
	Breaking int          `json:"breaking"`
	Changes  []jsonChange `json:"changes"`
}

func toJSONCode(c *catalog.Code) *jsonCode {
	if c == nil {
		return nil
	}
	return &jsonCode{Pos: c.Pos.String(), Status: c.Status, Name: c.Name, Reported: c.Reported}
}

func printDiffJSON(e *env, oldCat, newCat *catalog.Catalog, changes []diff.Change, breaking int) error {
	out := jsonDiff{Old: oldCat.Path, New: newCat.Path, Breaking: breaking, Changes: []jsonChange{}}
	for _, ch := range changes {
		jc := jsonChange{Kind: ch.Kind, Breaking: ch.Breaking, Pos: changePos(newCat, ch), Message: ch.Msg,
			Old: toJSONCode(ch.Old), New: toJSONCode(ch.New)}
		switch {
		case ch.Old != nil:
			jc.Code = ch.Old.Value
		case ch.New != nil:
			jc.Code = ch.New.Value
		}
		out.Changes = append(out.Changes, jc)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
