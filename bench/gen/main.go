// Command gen writes bench/internal/corpus's synthetic Go service: N
// packages in the five catalog styles, for bench/run.sh and for trying
// errcodelint at scale.
//
// Usage:
//
//	go run ./bench/gen -n 100 -o /tmp/corpus [-catalogs testdata/catalogs]
package main

import (
	"flag"
	"log"

	"github.com/errcodelint/errcodelint/bench/internal/corpus"
)

func main() {
	n := flag.Int("n", 10, "number of packages (services and models) to write")
	out := flag.String("o", "", "output `directory`")
	cats := flag.String("catalogs", "testdata/catalogs", "`directory` of the five catalogs")
	flag.Parse()
	if *out == "" || *n < 1 {
		flag.Usage()
		log.Fatal("gen: -o and a positive -n are required")
	}
	if err := corpus.Write(*out, *n, *cats); err != nil {
		log.Fatalf("gen: %v", err)
	}
}
