// Package text holds the small wording helpers the catalog tools share.
package text

import (
	"fmt"
	"strconv"
	"strings"
)

// Count reads "1 code" or "22 codes".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// JoinInts joins decimal numbers with sep.
func JoinInts(xs []int, sep string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, sep)
}

// OneLine collapses runs of white space, line breaks included, to one space.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// QuoteList renders up to most items quoted, and how many more there are.
func QuoteList(items []string, most int) string {
	var parts []string
	for i, s := range items {
		if i == most {
			parts = append(parts, fmt.Sprintf("%d more", len(items)-most))
			break
		}
		parts = append(parts, fmt.Sprintf("%q", s))
	}
	return strings.Join(parts, ", ")
}
