// Package errors is a stub of github.com/pkg/errors for the tests: errors
// with a stack, made from text or wrapping a cause.
package errors

import "fmt"

type fundamental struct{ msg string }

func (f *fundamental) Error() string { return f.msg }

type withStack struct{ error }

func (w *withStack) Unwrap() error { return w.error }

func New(message string) error { return &fundamental{message} }

func Errorf(format string, args ...any) error {
	return &fundamental{fmt.Sprintf(format, args...)}
}

func WithStack(err error) error { return &withStack{err} }

func Wrap(err error, message string) error { return &withStack{fmt.Errorf("%s: %w", message, err)} }
