// Package hostile holds errcodelint's hostile-input suite (hostile_test.go):
// code that does not type-check or parse, cgo, generated files, a function
// of 10,000 statements, deep nesting, emitters that call each other,
// generics, method values and closures as handlers. The command must give
// a result or a clean error on each, within a deadline: never a panic,
// never a hang.
package hostile
