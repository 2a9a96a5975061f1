package catalog

import (
	"strings"
	"unicode"
)

// A catalog's codes share a lexicon: the characters they are written with
// and how long they are. invalid_request, urn:…:badNonce, BLOB_UNKNOWN and
// 51010 are codes of their catalogs; "Internal server error." is a message
// in a catalog whose codes hold no space and no period. The lexicon is read
// from the codes themselves (a template's literal parts), so that it needs
// no setting.

// lexicon is what a code of the catalog can look like.
type lexicon struct {
	letters, digits bool
	others          string // the other characters the codes use, each once
	longest         int    // the longest code, in bytes
}

// lexiconOf reads the lexicon of codes.
func lexiconOf(codes []*Code) lexicon {
	var l lexicon
	for _, code := range codes {
		text := code.Value
		if code.Template != nil {
			text = ""
			for _, p := range code.Template.pattern.Parts() {
				text += p.Lit
			}
		}
		l.longest = max(l.longest, len(code.Value))
		for _, r := range text {
			switch {
			case unicode.IsLetter(r):
				l.letters = true
			case unicode.IsDigit(r):
				l.digits = true
			case !strings.ContainsRune(l.others, r):
				l.others += string(r)
			}
		}
	}
	return l
}

// fits reports whether s could be written in the lexicon: only the kinds
// of character the codes use (letters in either case), and no longer than
// twice the longest code and a little more.
func (l lexicon) fits(s string) bool {
	if len(s) > 2*l.longest+8 {
		return false
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !l.letters {
				return false
			}
		case unicode.IsDigit(r):
			if !l.digits {
				return false
			}
		case !strings.ContainsRune(l.others, r):
			return false
		}
	}
	return true
}

// IsMessage reports whether s, found where the code of an inferred body
// goes, is a message rather than a code: written outside the catalog's
// lexicon (with wire.prefix stripped when s carries it), and no near miss
// of a cataloged code (Suggest finds none). A message there is another
// API's body, or text, not a wrong code.
func (c *Catalog) IsMessage(s string) bool {
	if c.Numeric() || len(c.Codes) == 0 {
		return false // a numeric catalog reads text as numbers or names
	}
	s = c.unprefixed(s)
	if c.lexicon().fits(s) {
		return false
	}
	return c.Suggest(s) == ""
}

// lexicon is the catalog's lexicon, read when it was loaded.
func (c *Catalog) lexicon() lexicon {
	if c.lex == nil { // a Catalog built by hand
		return lexiconOf(c.Codes)
	}
	return *c.lex
}
