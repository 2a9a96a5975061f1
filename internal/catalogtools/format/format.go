// Package format writes a catalog as YAML in the schema's key order.
package format

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errcodelint/errcodelint/catalog"
	"github.com/errcodelint/errcodelint/internal/catalogtools/internal/text"
)

// Format writes c as catalog YAML in the schema's key order, with a comment
// line before each run of codes of one group. It reads only c's exported
// fields, so a Catalog built by hand formats as well as a loaded one, and
// Parse reads the output back to the same catalog. Defaults are left out:
// wire.code "code", wire.format json, rules.retry_after [429].
func Format(c *catalog.Catalog) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "version: %d\n", max(c.Version, 1))
	if c.API != "" {
		fmt.Fprintf(&b, "api: %s\n", yamlString(c.API))
	}
	formatWire(&b, c.Wire)
	formatGo(&b, c.Go)
	if ra := c.Rules.RetryAfter; ra != nil && !slices.Equal(ra, catalog.DefaultRetryAfter) {
		fmt.Fprintf(&b, "rules:\n  retry_after: [%s]\n", text.JoinInts(ra, ", "))
	}
	if len(c.Codes) == 0 {
		b.WriteString("codes: []\n") // a catalog of operations alone
	} else {
		b.WriteString("codes:\n")
	}
	group := ""
	for i, code := range c.Codes {
		if code.Group != group {
			if i > 0 {
				b.WriteByte('\n')
			}
			if code.Group != "" {
				fmt.Fprintf(&b, "  # %s\n", text.OneLine(code.Group))
			}
			group = code.Group
		}
		formatCode(&b, code)
	}
	if len(c.BasePaths) > 0 || len(c.Operations) > 0 {
		b.WriteByte('\n')
	}
	if len(c.BasePaths) > 0 {
		quoted := make([]string, len(c.BasePaths))
		for i, p := range c.BasePaths {
			quoted[i] = yamlString(p)
		}
		fmt.Fprintf(&b, "base_paths: [%s]\n", strings.Join(quoted, ", "))
	}
	formatOperations(&b, c.Operations)
	return []byte(b.String())
}

// formatOperations writes the operations after the codes they name.
func formatOperations(b *strings.Builder, ops []*catalog.Operation) {
	if len(ops) == 0 {
		return
	}
	b.WriteString("operations:\n")
	for _, o := range ops {
		b.WriteString("  -")
		if o.ID != "" {
			fmt.Fprintf(b, " id: %s\n   ", yamlString(o.ID))
		}
		if o.Path != "" {
			fmt.Fprintf(b, " route: %s\n   ", yamlString(o.Route()))
		}
		if o.Spec != "" {
			fmt.Fprintf(b, " spec: %s\n   ", yamlString(o.Spec))
		}
		b.WriteString(" responses:\n")
		for _, r := range o.Responses {
			codes := make([]string, len(r.Codes))
			for i, code := range r.Codes {
				codes[i] = yamlString(code.Value)
				if code.Numeric {
					codes[i] = code.Value
				}
			}
			fmt.Fprintf(b, "      %s: [%s]\n", yamlString(r.Key()), strings.Join(codes, ", "))
		}
	}
}

func formatWire(b *strings.Builder, w catalog.Wire) {
	xml := w.Format != "" && w.Format != "json"
	if (w.Code == "" || w.Code == "code") && w.Status == "" && w.Prefix == "" && !xml {
		return
	}
	b.WriteString("wire:\n")
	code := w.Code
	if code == "" {
		code = "code"
	}
	fmt.Fprintf(b, "  code: %s\n", yamlString(code))
	if w.Status != "" {
		fmt.Fprintf(b, "  status: %s\n", yamlString(w.Status))
	}
	if w.Prefix != "" {
		fmt.Fprintf(b, "  prefix: %s\n", yamlString(w.Prefix))
	}
	if xml {
		fmt.Fprintf(b, "  format: %s\n", yamlString(w.Format))
	}
}

func formatGo(b *strings.Builder, g catalog.GoHints) {
	if g.CodeType == "" && len(g.Emitters) == 0 && len(g.ErrorTypes) == 0 {
		return
	}
	b.WriteString("go:\n")
	if g.CodeType != "" {
		fmt.Fprintf(b, "  code_type: %s\n", yamlString(g.CodeType))
	}
	if len(g.Emitters) > 0 {
		b.WriteString("  emitters:\n")
		for _, e := range g.Emitters {
			fmt.Fprintf(b, "    - func: %s\n      status: %s\n", yamlString(e.Func), formatParam(e.Status))
			if !e.ByError() {
				fmt.Fprintf(b, "      code: %s\n", formatParam(e.Code))
				continue
			}
			fmt.Fprintf(b, "      error: %s\n", formatParam(e.Error))
			if e.Fallback != "" {
				fmt.Fprintf(b, "      fallback: %s\n", yamlString(e.Fallback))
			}
		}
	}
	if len(g.ErrorTypes) > 0 {
		b.WriteString("  error_types:\n")
		for _, t := range g.ErrorTypes {
			fmt.Fprintf(b, "    - type: %s\n", yamlString(t.Type))
			if t.Status != "" {
				fmt.Fprintf(b, "      status: %s\n", yamlString(t.Status))
			}
			if t.Code != "" {
				fmt.Fprintf(b, "      code: %s\n", yamlString(t.Code))
			}
		}
	}
}

func formatParam(p catalog.Param) string {
	if p.Name != "" {
		return yamlString(p.Name)
	}
	return strconv.Itoa(p.Index)
}

func formatCode(b *strings.Builder, code *catalog.Code) {
	value := yamlString(code.Value)
	if code.Numeric {
		value = strconv.FormatInt(code.Int, 10)
	}
	fmt.Fprintf(b, "  - code: %s\n", value)
	if code.Name != "" {
		fmt.Fprintf(b, "    name: %s\n", yamlString(code.Name))
	}
	if sts := code.AllStatuses(); len(sts) > 1 {
		fmt.Fprintf(b, "    status: [%s]\n", text.JoinInts(sts, ", "))
	} else {
		fmt.Fprintf(b, "    status: %d\n", code.Status)
	}
	if code.Group != "" {
		fmt.Fprintf(b, "    group: %s\n", yamlString(code.Group))
	}
	if code.Summary != "" {
		fmt.Fprintf(b, "    summary: %s\n", yamlString(code.Summary))
	}
	if code.Reported {
		b.WriteString("    reported: true\n")
	}
	if code.Retryable {
		b.WriteString("    retryable: true\n")
	}
}

// yamlString renders s as a YAML string scalar on one line: plain when
// that reads back as the same string, quoted otherwise.
func yamlString(s string) string {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.ContainsAny(s, "\n\r\t") {
		n.Style = yaml.DoubleQuotedStyle
	}
	out, err := yaml.Marshal(n)
	if err != nil {
		return strconv.Quote(s)
	}
	return strings.TrimSuffix(string(out), "\n")
}
