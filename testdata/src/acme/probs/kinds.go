package probs

import "net/http"

// Kind is an enum whose String gives the code (idiom 2).
type Kind int

const (
	KindMalformed Kind = iota
	KindBadCSR
	KindOrderNotReady
	KindServerInternal
)

func (k Kind) String() string {
	switch k {
	case KindMalformed:
		return "malformed"
	case KindBadCSR:
		return "badCSR"
	case KindOrderNotReady:
		return "orderNotReady"
	case KindServerInternal:
		return "serverInternal"
	}
	return "unknown"
}

type meta struct {
	typ    string
	status int
}

// kinds maps each kind to its wire type and status.
var kinds = map[Kind]meta{
	KindMalformed:      {typ: ErrorNS + KindMalformed.String(), status: http.StatusBadRequest},
	KindBadCSR:         {typ: ErrorNS + KindBadCSR.String(), status: http.StatusForbidden}, // want `code "badCSR" is mapped to status 403; the catalog says 400 \(errcodes.yaml:\d+\)`
	KindOrderNotReady:  {typ: ErrorNS + KindOrderNotReady.String(), status: http.StatusForbidden},
	KindServerInternal: {typ: ErrorNS + KindServerInternal.String(), status: http.StatusInternalServerError},
}
