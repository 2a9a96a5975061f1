// Package e has enums whose String methods are facts.
package e

// Kind is an enum whose String is a switch.
type Kind int

const (
	Malformed Kind = iota
	Unauthorized
)

func (k Kind) String() string { // want String:"strings 0→\"malformed\" 1→\"unauthorized\""
	switch k {
	case Malformed:
		return "malformed"
	case Unauthorized:
		return "unauthorized"
	}
	return "unknown"
}

// Name is a string enum; its String has an if first: no fact.
type Name string

func (n Name) String() string {
	if n == "" {
		return "none"
	}
	return string(n)
}
