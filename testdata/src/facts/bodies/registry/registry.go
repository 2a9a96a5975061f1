package registry // want package:`registered facts/bodies/registry.Code\(BLOB_UNKNOWN DENIED access denied blob unknown\)\}`

// Package registry registers its codes with descriptors; the fact keeps
// each descriptor's short texts, not its long description, by the type
// the registered values have. A literal with no error status is not a
// descriptor.

type Code int

type Descriptor struct {
	Value       string
	Message     string
	Description string
	Status      int
}

func Register(d Descriptor) Code { return Code(d.Status) }

var (
	BlobUnknown = Register(Descriptor{Value: "BLOB_UNKNOWN", Message: "blob unknown", Status: 404})
	Denied      = Register(Descriptor{Value: "DENIED", Message: "access denied", Status: 403, Description: "The access controller denied access for the operation on a resource; see the documentation of the token service for the scopes each operation needs."})
	Accepted    = Register(Descriptor{Value: "ACCEPTED", Status: 202})
)
