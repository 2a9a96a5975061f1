// Package errcode defines an Analyzer that reports error codes that a server sends but its catalog does not list, and codes sent with a status other than the catalog's.
//
// # Analyzer errcode
//
// errcode: report error codes missing from the catalog or sent with the wrong status
package errcode
