// Package statusbranch defines an Analyzer that reports clients that branch on an HTTP status the catalog gives to several error codes, where only the error code tells them apart.
//
// # Analyzer statusbranch
//
// statusbranch: report client branches on a status that several codes share
package statusbranch
