// Package corpus writes a synthetic Go service for benchmarking
// errcodelint: a module of N packages in the five catalog styles of
// testdata/catalogs, with servers (handlers, response helpers, wrappers of
// the helpers across packages, code tables) and clients, and a deliberate
// mistake here and there so that the passes have work.
//
// The module is example.com/svc. Each style has a directory with its
// catalog (errcodes.yaml), a code package (apierr), a helper package
// (httpx), and its share of the N packages: service packages (svcNNNN),
// each importing a parent service package, and one in four a model package
// (modelNNNN) that does not import net/http. The output is deterministic.
package corpus

import (
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/errcodelint/errcodelint/catalog"
)

// Write writes a corpus of n packages into dir, with the catalogs found in
// catalogs (testdata/catalogs of this repository).
func Write(dir string, n int, catalogs string) error {
	if n < 1 {
		return fmt.Errorf("corpus: %d packages", n)
	}
	var styles []*style
	for _, name := range []string{"platform", "acme", "certcentral", "camelcase", "numeric"} {
		s, err := loadStyle(filepath.Join(catalogs, name+".yaml"), name)
		if err != nil {
			return err
		}
		styles = append(styles, s)
	}
	w := &writer{root: dir}
	w.file("go.mod", "module "+module+"\n\ngo 1.26\n", false)
	counts := make([]int, len(styles))
	for i := 0; i < n; i++ {
		counts[i%len(styles)]++
	}
	for k, s := range styles {
		src, err := os.ReadFile(filepath.Join(catalogs, s.name+".yaml"))
		if err != nil {
			return err
		}
		w.file(filepath.Join(s.name, "errcodes.yaml"), string(src)+"go:\n  code_type: "+module+"/"+s.name+"/apierr.Code\n", false)
		w.file(filepath.Join(s.name, "apierr", "apierr.go"), s.apierr(), true)
		w.file(filepath.Join(s.name, "httpx", "httpx.go"), s.httpx(), true)
		for j := 0; j < counts[k]; j++ {
			g := &unit{s: s, j: j, count: counts[k], seed: j*len(styles) + k}
			if g.isModel(j) {
				w.file(filepath.Join(s.name, g.name(j), "model.go"), g.model(), true)
				continue
			}
			w.file(filepath.Join(s.name, g.name(j), "handlers.go"), g.handlers(), true)
			w.file(filepath.Join(s.name, g.name(j), "tables.go"), g.tables(), true)
			w.file(filepath.Join(s.name, g.name(j), "client.go"), g.client(), true)
			w.file(filepath.Join(s.name, g.name(j), "store.go"), g.store(), true)
		}
	}
	return w.err
}

const module = "example.com/svc"

// A style is one way of shaping error bodies, after one catalog.
type style struct {
	name string
	cat  *catalog.Catalog
	// codes are the catalog's plain codes (not templates, not reported),
	// each with the Go identifier of its constant.
	codes []code
	tmpl  *catalog.Code // a template, if the catalog has one
}

type code struct {
	c     *catalog.Code
	ident string
}

func loadStyle(path, name string) (*style, error) {
	cat, err := catalog.Load(path)
	if err != nil {
		return nil, err
	}
	s := &style{name: name, cat: cat}
	seen := map[string]bool{}
	for _, c := range cat.Codes {
		switch {
		case c.Template != nil:
			if s.tmpl == nil {
				s.tmpl = c
			}
		case !c.Reported:
			id := ident(c)
			for seen[id] {
				id += "X"
			}
			seen[id] = true
			s.codes = append(s.codes, code{c: c, ident: id})
		}
	}
	if len(s.codes) < 4 {
		return nil, fmt.Errorf("%s: too few codes for a corpus", path)
	}
	return s, nil
}

// ident is the Go name of a code's constant: its name, or its text in
// CamelCase.
func ident(c *catalog.Code) string {
	src := c.Value
	if c.Name != "" {
		src = c.Name
	}
	var b strings.Builder
	up := true
	for _, r := range src {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) && b.Len() > 0:
			if up {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			up = false
		default:
			up = true
		}
	}
	if b.Len() == 0 {
		return "Code" + strconv.Itoa(int(c.Int))
	}
	return b.String()
}

type writer struct {
	root string
	err  error
}

func (w *writer) file(rel, text string, gofmt bool) {
	if w.err != nil {
		return
	}
	data := []byte(text)
	if gofmt {
		var err error
		if data, err = format.Source(data); err != nil {
			w.err = fmt.Errorf("%s: %v\n%s", rel, err, text)
			return
		}
	}
	path := filepath.Join(w.root, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		w.err = err
		return
	}
	w.err = os.WriteFile(path, data, 0o644)
}

// statusExpr spells a status as servers do: net/http's constant for the
// common ones, a number for the rest.
func statusExpr(n int) string {
	switch n {
	case 400:
		return "http.StatusBadRequest"
	case 401:
		return "http.StatusUnauthorized"
	case 403:
		return "http.StatusForbidden"
	case 404:
		return "http.StatusNotFound"
	case 409:
		return "http.StatusConflict"
	case 429:
		return "http.StatusTooManyRequests"
	case 500:
		return "http.StatusInternalServerError"
	case 503:
		return "http.StatusServiceUnavailable"
	}
	return strconv.Itoa(n)
}

func (s *style) numeric() bool { return s.cat.Numeric() }

// literal is the Go text of a code's value as its constant holds it.
func (s *style) literal(c *catalog.Code) string {
	switch {
	case s.numeric():
		return c.Value
	case s.cat.Wire.Prefix != "":
		return "prefix + " + strconv.Quote(c.Value)
	}
	return strconv.Quote(c.Value)
}

// body is a composite literal of the style's error body carrying code,
// message and status expressions.
func (s *style) body(pkg, codeX, msgX, statusX string) string {
	switch s.name {
	case "platform":
		return fmt.Sprintf("%sBody{Error: %sDetail{Code: %s, Message: %s}}", pkg, pkg, codeX, msgX)
	case "acme":
		return fmt.Sprintf("%sProblem{Type: %s, Detail: %s, Status: %s}", pkg, codeX, msgX, statusX)
	case "certcentral":
		return fmt.Sprintf("%sBody{Errors: []%sError{{Code: %s, Message: %s}}}", pkg, pkg, codeX, msgX)
	case "camelcase":
		return fmt.Sprintf("%sErrorBody{Code: %s, Message: %s}", pkg, codeX, msgX)
	}
	return fmt.Sprintf("%sBody{Code: %s, Message: %s}", pkg, codeX, msgX)
}

// encoder is the package that encodes the style's bodies.
func (s *style) encoder() string {
	if s.cat.Wire.Format == "xml" {
		return "xml"
	}
	return "json"
}

// codeField is the Go selector of the code in a decoded body.
func (s *style) codeField() string {
	switch s.name {
	case "platform":
		return "body.Error.Code"
	case "acme":
		return "body.Type"
	case "certcentral":
		return "body.Errors[0].Code"
	}
	return "body.Code"
}

func (s *style) apierr() string {
	var b strings.Builder
	fmt.Fprintf(&b, "// Package apierr holds the %s error codes and bodies.\npackage apierr\n\n", s.cat.API)
	if s.tmpl != nil {
		b.WriteString("import \"fmt\"\n\n")
	}
	if s.cat.Wire.Format == "xml" {
		b.WriteString("import \"encoding/xml\"\n\n")
	}
	if s.numeric() {
		b.WriteString("// Code is an error code.\ntype Code int\n\n")
	} else {
		b.WriteString("// Code is an error code.\ntype Code string\n\n")
	}
	if p := s.cat.Wire.Prefix; p != "" {
		fmt.Fprintf(&b, "const prefix = %q\n\n", p)
	}
	b.WriteString("const (\n")
	for _, c := range s.codes {
		fmt.Fprintf(&b, "\t%s Code = %s\n", c.ident, s.literal(c.c))
	}
	b.WriteString(")\n\n")
	if s.tmpl != nil {
		lit := s.tmpl.Template.Prefix()
		fmt.Fprintf(&b, "// Templated returns an instance of %q.\nfunc Templated(part string) Code { return Code(fmt.Sprintf(%q, part)) }\n\n", s.tmpl.Value, lit+"%s")
	}
	b.WriteString("// Status is the status each code is sent with.\nfunc (c Code) Status() int {\n\tswitch c {\n")
	for i, c := range s.codes {
		if i >= 24 {
			break
		}
		fmt.Fprintf(&b, "\tcase %s:\n\t\treturn %d\n", c.ident, c.c.Status)
	}
	b.WriteString("\t}\n\treturn 500\n}\n\n")
	switch s.name {
	case "platform":
		b.WriteString("type Body struct {\n\tError Detail `json:\"error\"`\n}\n\ntype Detail struct {\n\tCode    Code   `json:\"code\"`\n\tMessage string `json:\"message\"`\n}\n")
	case "acme":
		b.WriteString("type Problem struct {\n\tType   Code   `json:\"type\"`\n\tDetail string `json:\"detail\"`\n\tStatus int    `json:\"status\"`\n}\n")
	case "certcentral":
		b.WriteString("type Body struct {\n\tErrors []Error `json:\"errors\"`\n}\n\ntype Error struct {\n\tCode    Code   `json:\"code\"`\n\tMessage string `json:\"message\"`\n}\n")
	case "camelcase":
		b.WriteString("type ErrorBody struct {\n\tXMLName xml.Name `xml:\"Error\"`\n\tCode    Code     `xml:\"Code\"`\n\tMessage string   `xml:\"Message\"`\n}\n")
	default:
		b.WriteString("type Body struct {\n\tCode    Code   `json:\"code\"`\n\tMessage string `json:\"message\"`\n}\n")
	}
	return b.String()
}

func (s *style) httpx() string {
	var b strings.Builder
	fmt.Fprintf(&b, `// Package httpx writes %s error responses.
package httpx

import (
	"encoding/%s"
	"net/http"

	"%s/%s/apierr"
)

// WriteError writes status and a body carrying code.
func WriteError(w http.ResponseWriter, status int, code apierr.Code, msg string) {
	w.Header().Set("Content-Type", "application/%s")
	if status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", "30")
	}
	w.WriteHeader(status)
	%s.NewEncoder(w).Encode(%s)
}

// Fail wraps WriteError.
func Fail(w http.ResponseWriter, code apierr.Code, status int) {
	WriteError(w, status, code, "request failed")
}

// NotFound fixes the status.
func NotFound(w http.ResponseWriter, code apierr.Code) {
	Fail(w, code, http.StatusNotFound)
}

// Health writes a bare status: not an error code.
func Health(w http.ResponseWriter, ok bool) {
	if !ok {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}
`, s.cat.API, s.encoder(), module, s.name, s.encoder(), s.encoder(), s.body("apierr.", "code", "msg", "status"))
	return b.String()
}

// A unit is one generated package of a style.
type unit struct {
	s     *style
	j     int // index within the style
	count int // packages of the style
	seed  int // index across styles
}

func (g *unit) isModel(j int) bool { return j%4 == 3 }

func (g *unit) name(j int) string {
	if g.isModel(j) {
		return fmt.Sprintf("model%04d", j)
	}
	return fmt.Sprintf("svc%04d", j)
}

// parent is the service package this one imports (a tree, so that facts
// cross packages without making one long chain), or -1.
func (g *unit) parent() int {
	if g.j == 0 {
		return -1
	}
	p := (g.j - 1) / 2
	for p > 0 && g.isModel(p) {
		p--
	}
	return p
}

// model is the model package this one imports, or -1.
func (g *unit) model() string {
	var b strings.Builder
	fmt.Fprintf(&b, "// Package %s is domain code: it writes no response.\npackage %s\n\n", g.name(g.j), g.name(g.j))
	b.WriteString("import (\n\t\"errors\"\n\t\"sort\"\n\t\"strconv\"\n\t\"strings\"\n)\n\n")
	b.WriteString(`// Kind is an enum whose String maps constants to text.
type Kind int

const (
	KindNone Kind = iota
	KindOrder
	KindProduct
	KindRoute
)

func (k Kind) String() string {
	switch k {
	case KindOrder:
		return "order"
	case KindProduct:
		return "product"
	case KindRoute:
		return "route"
	}
	return "none"
}

// ErrInvalid is returned for input that does not parse.
var ErrInvalid = errors.New("invalid input")

`)
	b.WriteString(filler(g.seed, "Record"))
	fmt.Fprintf(&b, `
// Parse reads a record from "id:name:tag,tag".
func Parse(s string) (Record, error) {
	parts := strings.SplitN(s, ":", 3)
	if len(parts) != 3 {
		return Record{}, ErrInvalid
	}
	id, err := strconv.Atoi(parts[0])
	if err != nil {
		return Record{}, ErrInvalid
	}
	tags := strings.Split(parts[2], ",")
	sort.Strings(tags)
	return Record{ID: id + %d, Name: parts[1], Tags: tags}, nil
}
`, g.seed)
	return b.String()
}

// filler is ordinary code of the size real packages carry: a record type,
// a store, string handling and sorting.
func filler(seed int, rec string) string {
	return fmt.Sprintf(`// %[1]s is one stored item.
type %[1]s struct {
	ID    int
	Name  string
	Tags  []string
	Score float64
}

// Store keeps records in memory.
type Store struct {
	items map[int]%[1]s
	order []int
}

// NewStore returns an empty store.
func NewStore() *Store { return &Store{items: make(map[int]%[1]s)} }

// Put adds or replaces a record.
func (s *Store) Put(r %[1]s) {
	if _, ok := s.items[r.ID]; !ok {
		s.order = append(s.order, r.ID)
	}
	r.Name = normalize(r.Name)
	s.items[r.ID] = r
}

// Get returns the record with id.
func (s *Store) Get(id int) (%[1]s, bool) {
	r, ok := s.items[id]
	return r, ok
}

// Top returns the n best-scored records.
func (s *Store) Top(n int) []%[1]s {
	out := make([]%[1]s, 0, len(s.items))
	for _, id := range s.order {
		out = append(out, s.items[id])
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].ID < out[j].ID
	})
	if n < len(out) {
		out = out[:n]
	}
	return out
}

// Tagged returns the records carrying every tag.
func (s *Store) Tagged(tags ...string) []%[1]s {
	var out []%[1]s
	for _, id := range s.order {
		r := s.items[id]
		all := true
		for _, t := range tags {
			found := false
			for _, have := range r.Tags {
				if strings.EqualFold(have, t) {
					found = true
					break
				}
			}
			if !found {
				all = false
				break
			}
		}
		if all {
			out = append(out, r)
		}
	}
	return out
}

func normalize(s string) string {
	s = strings.TrimSpace(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-':
			b.WriteByte('_')
		}
	}
	return b.String()
}

func weigh(rs []%[1]s) float64 {
	total := 0.0
	for i, r := range rs {
		w := float64(len(r.Tags)+1) * r.Score
		if i%%2 == 0 {
			w *= 1.5
		}
		total += w + float64(%[2]d%%7)
	}
	if len(rs) == 0 {
		return 0
	}
	return total / float64(len(rs))
}
`, rec, seed)
}

// pick returns the k-th code for this unit, deterministically.
func (g *unit) pick(k int) code {
	cs := g.s.codes
	return cs[(g.seed*7+k*3)%len(cs)]
}

// pickStatus returns a code with the status, if the catalog has one.
func (g *unit) pickStatus(status, k int) (code, bool) {
	var with []code
	for _, c := range g.s.codes {
		if c.c.Status == status {
			with = append(with, c)
		}
	}
	if len(with) == 0 {
		return code{}, false
	}
	return with[(g.seed+k)%len(with)], true
}

// wrongStatus is a status other than c's: a deliberate mistake.
func wrongStatus(c code) int {
	if c.c.Status == 400 {
		return 409
	}
	return 400
}

const handlersPerPackage = 6

func (g *unit) handlers() string {
	s := g.s
	var b strings.Builder
	pkg := g.name(g.j)
	fmt.Fprintf(&b, "// Package %s serves part of the %s API.\npackage %s\n\n", pkg, s.cat.API, pkg)
	b.WriteString("import (\n\t\"encoding/" + s.encoder() + "\"\n\t\"net/http\"\n\t\"strconv\"\n\n")
	fmt.Fprintf(&b, "\t\"%s/%s/apierr\"\n\t\"%s/%s/httpx\"\n", module, s.name, module, s.name)
	if p := g.parent(); p >= 0 {
		fmt.Fprintf(&b, "\tparent \"%s/%s/%s\"\n", module, s.name, g.name(p))
	}
	if m := g.j | 3; m < g.count {
		fmt.Fprintf(&b, "\t\"%s/%s/%s\"\n", module, s.name, g.name(m))
	}
	b.WriteString(")\n\n")
	b.WriteString("// Server holds the package's handlers.\ntype Server struct {\n\tstore *Store\n}\n\n")
	// Fail is this package's wrapper of the helpers: an emitter found
	// through facts, and called from the packages below.
	b.WriteString("// Fail writes an error response through the shared helper.\nfunc Fail(w http.ResponseWriter, code apierr.Code, status int) {\n")
	if g.parent() >= 0 {
		b.WriteString("\tparent.Fail(w, code, status)\n}\n\n")
	} else {
		b.WriteString("\thttpx.Fail(w, code, status)\n}\n\n")
	}
	if m := g.j | 3; m < g.count {
		fmt.Fprintf(&b, "// Kind reads a record kind from a model.\nfunc Kind(k %s.Kind) string { return k.String() }\n\n", g.name(m))
	}
	for h := 0; h < handlersPerPackage; h++ {
		c1, c2, c3 := g.pick(h), g.pick(h+1), g.pick(h+2)
		st1 := statusExpr(c1.c.Status)
		if (g.seed+h)%9 == 0 {
			st1 = statusExpr(wrongStatus(c1)) // mistake: the wrong status
		}
		code2 := "apierr." + c2.ident
		if (g.seed+h)%13 == 0 && !s.numeric() {
			code2 = "apierr.Code(" + strconv.Quote(c2.c.Value+"x") + ")" // mistake: not in the catalog
		}
		notFound := "Fail(w, apierr." + c3.ident + ", " + statusExpr(c3.c.Status) + ")"
		if c, ok := g.pickStatus(404, h); ok {
			notFound = "httpx.NotFound(w, apierr." + c.ident + ")"
		}
		fmt.Fprintf(&b, `// handle%[1]d serves one route.
func (s *Server) handle%[1]d(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	if id == "" {
		httpx.WriteError(w, %[2]s, apierr.%[3]s, "missing id")
		return
	}
	n, err := strconv.Atoi(id)
	if err != nil {
		httpx.Fail(w, %[4]s, %[5]s)
		return
	}
	item, ok := s.store.Get(n)
	if !ok {
		%[6]s
		return
	}
	w.Header().Set("Content-Type", "application/%[7]s")
	%[7]s.NewEncoder(w).Encode(item)
}

`, h, st1, c1.ident, code2, statusExpr(c2.c.Status), notFound, s.encoder())
	}
	// A direct write: status and body on the same writer.
	c := g.pick(9)
	st := c.c.Status
	if g.j%5 == 1 {
		st = wrongStatus(c) // mistake
	}
	fmt.Fprintf(&b, `// direct writes its error itself.
func (s *Server) direct(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(%s)
	%s.NewEncoder(w).Encode(%s)
}

`, statusExpr(st), s.encoder(), s.body("apierr.", "apierr."+c.ident, `"direct"`, strconv.Itoa(st)))
	// A rate-limited response: with Retry-After, and (some packages)
	// without: a mistake.
	if rl, ok := g.pickStatus(429, 0); ok {
		set := "\tw.Header().Set(\"Retry-After\", strconv.Itoa(60))\n"
		if g.seed%3 == 0 {
			set = ""
		}
		fmt.Fprintf(&b, `// limited answers a client over its quota.
func (s *Server) limited(w http.ResponseWriter, r *http.Request) {
%s	w.WriteHeader(http.StatusTooManyRequests)
	%s.NewEncoder(w).Encode(%s)
}

`, set, s.encoder(), s.body("apierr.", "apierr."+rl.ident, `"slow down"`, "429"))
	}
	if s.tmpl != nil {
		fmt.Fprintf(&b, `// templated sends an instance of a templated code.
func (s *Server) templated(w http.ResponseWriter, kind string) {
	httpx.WriteError(w, %s, apierr.Templated(kind), "no such "+kind)
}

`, statusExpr(s.tmpl.Status))
	}
	b.WriteString(`// Routes registers the handlers.
func (s *Server) Routes(mux *http.ServeMux) {
`)
	for h := 0; h < handlersPerPackage; h++ {
		fmt.Fprintf(&b, "\tmux.HandleFunc(\"GET /%s/%d\", s.handle%d)\n", pkg, h, h)
	}
	b.WriteString("\tmux.HandleFunc(\"GET /" + pkg + "/direct\", s.direct)\n")
	b.WriteString("\tmux.HandleFunc(\"GET /" + pkg + "/health\", func(w http.ResponseWriter, r *http.Request) { httpx.Health(w, s.store != nil) })\n")
	b.WriteString("}\n")
	return b.String()
}

func (g *unit) tables() string {
	s := g.s
	var b strings.Builder
	pkg := g.name(g.j)
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"net/http\"\n\n\t\"%s/%s/apierr\"\n)\n\n", pkg, module, s.name)
	b.WriteString("// statusOf maps codes to statuses: each row is checked against the catalog.\nvar statusOf = map[apierr.Code]int{\n")
	seen := map[string]bool{}
	for k := 0; k < 8; k++ {
		c := g.pick(10 + k)
		if seen[c.ident] {
			continue
		}
		seen[c.ident] = true
		st := c.c.Status
		if k == 3 && g.seed%4 == 2 {
			st = wrongStatus(c) // mistake
		}
		fmt.Fprintf(&b, "\tapierr.%s: %s,\n", c.ident, statusExpr(st))
	}
	b.WriteString("}\n\n")
	b.WriteString("// rows pairs codes with statuses, field by field.\nvar rows = []struct {\n\tCode   apierr.Code\n\tStatus int\n}{\n")
	for k := 0; k < 4; k++ {
		c := g.pick(20 + k)
		fmt.Fprintf(&b, "\t{Code: apierr.%s, Status: %s},\n", c.ident, statusExpr(c.c.Status))
	}
	b.WriteString("}\n\n")
	b.WriteString(`// statusFor looks a code up, as a SendError would.
func statusFor(c apierr.Code) int {
	if s, ok := statusOf[c]; ok {
		return s
	}
	for _, r := range rows {
		if r.Code == c {
			return r.Status
		}
	}
	return http.StatusInternalServerError
}
`)
	return b.String()
}

func (g *unit) client() string {
	s := g.s
	var b strings.Builder
	pkg := g.name(g.j)
	fmt.Fprintf(&b, `package %s

import (
	"context"
	"encoding/%s"
	"errors"
	"fmt"
	"net/http"

	"%s/%s/apierr"
)

// Client calls the API.
type Client struct {
	base string
	hc   *http.Client
}

var errGone = errors.New("gone")

`, pkg, s.encoder(), module, s.name)
	// A status that several codes share: branching on it is reported.
	shared := 0
	for _, st := range s.cat.Statuses() {
		if len(s.cat.SentWith(st)) > 1 && st >= 400 {
			shared = st
			break
		}
	}
	for h := 0; h < 2; h++ {
		c1, c2 := g.pick(30+h), g.pick(31+h)
		branch := fmt.Sprintf("resp.StatusCode == %s", statusExpr(shared))
		if shared == 0 || (g.seed+h)%2 == 1 {
			branch = "resp.StatusCode == http.StatusGone" // not an error status of the catalog
		}
		bogus := ""
		if (g.seed+h)%7 == 0 && !s.numeric() {
			bogus = fmt.Sprintf("\tcase %q:\n\t\treturn errGone\n", c1.c.Value+"_typo") // mistake
		}
		fmt.Fprintf(&b, `// Get%[1]d fetches a resource.
func (c *Client) Get%[1]d(ctx context.Context, id string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/%[2]s/"+id, nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if %[3]s {
		return errGone
	}
	if resp.StatusCode >= 400 {
		var body %[4]s
		if err := %[5]s.NewDecoder(resp.Body).Decode(&body); err != nil {
			return err
		}
		switch %[6]s {
		case apierr.%[7]s:
			return errGone
		case apierr.%[8]s:
			return fmt.Errorf("retry: %%d", resp.StatusCode)
%[9]s		}
		return fmt.Errorf("status %%d", resp.StatusCode)
	}
	return nil
}

`, h, pkg, branch, g.bodyType(), s.encoder(), s.codeField(), c1.ident, c2.ident, bogus)
	}
	return b.String()
}

func (g *unit) bodyType() string {
	switch g.s.name {
	case "acme":
		return "apierr.Problem"
	case "camelcase":
		return "apierr.ErrorBody"
	}
	return "apierr.Body"
}

func (g *unit) store() string {
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"sort\"\n\t\"strings\"\n)\n\n", g.name(g.j))
	b.WriteString(filler(g.seed, "Item"))
	return b.String()
}
