// Package model has no HTTP code: no notice.
package model

type Secret struct {
	Path string
}
