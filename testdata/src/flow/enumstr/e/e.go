// Package e has enums whose String methods the engine evaluates on
// constants: a case of their own gives the text; the default is not known.
package e

// Kind is an enum whose String is a switch.
type Kind int

const (
	Malformed    Kind = iota // want `String\(\) = "malformed"`
	Unauthorized             // want `String\(\) = "unauthorized"`
	Other                    // no case: its String is the default
)

func (k Kind) String() string {
	switch k {
	case Malformed:
		return "malformed"
	case Unauthorized:
		return "unauthorized"
	}
	return "unknown"
}

// Name is a string enum; its String has an if first.
type Name string

func (n Name) String() string {
	if n == "" {
		return "none"
	}
	return string(n)
}

const (
	NoName Name = ""  // want `String\(\) = "none"`
	Named  Name = "x" // the receiver itself, not a case: not known
)
