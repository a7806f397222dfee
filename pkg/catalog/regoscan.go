package catalog

import "unicode/utf8"

// regoScanner counts the tokens of Rego source as its bytes are written,
// in pieces of any size, without holding the source or allocating per
// token. It follows OPA's lexer wherever that decides what is code: where
// strings, raw strings, template strings and comments begin and end. The
// count is:
//
//   - an identifier, keyword or number (a run of ASCII letters, digits and
//     '_'): one;
//   - any other byte of code that is not whitespace: one each, so ":=" is
//     two and a multi-byte character is one for each of its bytes;
//   - a string or raw string: one, whatever it holds;
//   - a template string: one, plus one for each "{" that opens an
//     expression, whose code is counted as code;
//   - a comment: one, plus one for each ASCII punctuation character in it,
//     since a METADATA comment block is YAML that OPA decodes ("[]," in a
//     comment is a value as it is in code).
//
// OPA's lexer never makes more tokens than are counted here (it reads "1.5"
// and ":=" as one, this counts three and two), and a module OPA parses has
// at most 4 AST nodes a token plus 8 (checked by FuzzRegoTokens), so the
// count bounds the memory a parse takes.
type regoScanner struct {
	tokens int
	state  scanState
	// hexLeft counts the characters still to skip after `\u` in a string:
	// OPA's lexer skips the "u" and three more characters, whatever they
	// are, and a character is a UTF-8 sequence as utf8.DecodeRune reads it.
	hexLeft int
	pending [utf8.UTFMax]byte // the bytes of a character being skipped
	npend   int
	// open holds the template-string expressions entered and not yet
	// closed, innermost last: the "{" nesting inside the expression, shifted
	// left once, with the low bit set for a raw template string (`...`).
	// Every element follows a counted token, so it is never longer than the
	// count.
	open []uint64
}

type scanState uint8

const (
	inCode scanState = iota
	inWord
	inComment
	afterDollar     // "$", which may begin a template string
	inString        // "..."
	inStringEscape  // after a backslash in "..."
	inStringHex     // skipping the characters after `\u` in "..."
	inRawString     // `...`
	inTemplate      // $"..."
	inTemplateEsc   // after a backslash in $"..."
	inTemplateHex   // skipping the characters after `\u` in $"..."
	inRawTemplate   // $`...`
	inRawTemplateBS // after a backslash in $`...`
)

// Write counts the tokens of p; it never fails.
func (s *regoScanner) Write(p []byte) (int, error) {
	for _, c := range p {
		s.step(c)
	}
	return len(p), nil
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func isRegoSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// step reads one byte. A byte that ends a state without belonging to it is
// read again in the state that follows (the loop), as OPA's lexer leaves it
// unread.
func (s *regoScanner) step(c byte) {
	for {
		switch s.state {
		case inCode:
			s.code(c)
		case inWord:
			if !isWordByte(c) {
				s.state = inCode
				continue
			}
		case inComment:
			switch {
			case c == '\n':
				s.state = inCode
			case c > ' ' && c < utf8.RuneSelf-1 && !isWordByte(c):
				s.tokens++
			}
		case afterDollar:
			switch c {
			case '"':
				s.state = inTemplate
			case '`':
				s.state = inRawTemplate
			default:
				s.state = inCode // OPA reports a lone "$"
				continue
			}
		case inString, inTemplate:
			s.quoted(c)
		case inStringEscape, inTemplateEsc:
			if !s.escape(c) {
				continue
			}
		case inStringHex, inTemplateHex:
			s.hex(c)
		case inRawString:
			if c == '`' {
				s.state = inCode
			}
		case inRawTemplate:
			switch c {
			case '`':
				s.state = inCode
			case '{':
				s.enter(true)
			case '\\':
				s.state = inRawTemplateBS
			}
		case inRawTemplateBS:
			s.state = inRawTemplate
			if c != '{' { // only `\{` is an escape in a raw template
				continue
			}
		}
		return
	}
}

// code reads a byte of code.
func (s *regoScanner) code(c byte) {
	if isRegoSpace(c) {
		return
	}
	s.tokens++
	switch {
	case isWordByte(c):
		s.state = inWord
	case c == '#':
		s.state = inComment
	case c == '"':
		s.state = inString
	case c == '`':
		s.state = inRawString
	case c == '$':
		s.state = afterDollar
	case c == '{' && len(s.open) > 0:
		s.open[len(s.open)-1] += 2
	case c == '}' && len(s.open) > 0:
		top := s.open[len(s.open)-1]
		switch {
		case top>>1 > 0:
			s.open[len(s.open)-1] -= 2
		case top&1 == 1:
			s.open = s.open[:len(s.open)-1]
			s.state = inRawTemplate
		default:
			s.open = s.open[:len(s.open)-1]
			s.state = inTemplate
		}
	}
}

// quoted reads a byte of a string or template string: both end at a quote
// or, unterminated, at the end of the line.
func (s *regoScanner) quoted(c byte) {
	template := s.state == inTemplate
	switch {
	case c == '"' || c == '\n':
		s.state = inCode
	case c == '\\' && template:
		s.state = inTemplateEsc
	case c == '\\':
		s.state = inStringEscape
	case c == '{' && template:
		s.enter(false)
	}
}

// escape reads the byte after a backslash in a string or template string,
// reporting whether it belongs to the escape.
func (s *regoScanner) escape(c byte) bool {
	template := s.state == inTemplateEsc
	back, hex := inString, inStringHex
	if template {
		back, hex = inTemplate, inTemplateHex
	}
	switch c {
	case '\\', '"', '/', 'b', 'f', 'n', 'r', 't':
		s.state = back
	case '{':
		s.state = back
		return template
	case 'u':
		s.state, s.hexLeft = hex, 3
	default:
		s.state = back // OPA reports the escape and reads c as text
		return false
	}
	return true
}

// hex skips one byte of the three characters after `\u`. A character ends
// once utf8.FullRune says the bytes held decide it; bytes past the last
// character are read again as string.
func (s *regoScanner) hex(c byte) {
	s.pending[s.npend] = c
	s.npend++
	for s.npend > 0 && utf8.FullRune(s.pending[:s.npend]) {
		_, w := utf8.DecodeRune(s.pending[:s.npend])
		s.npend = copy(s.pending[:], s.pending[w:s.npend])
		if s.hexLeft--; s.hexLeft == 0 {
			if s.state == inTemplateHex {
				s.state = inTemplate
			} else {
				s.state = inString
			}
			rest := s.pending
			n := s.npend
			s.npend = 0
			for _, b := range rest[:n] {
				s.step(b)
			}
			return
		}
	}
}

// enter opens a template-string expression.
func (s *regoScanner) enter(raw bool) {
	s.tokens++
	var top uint64
	if raw {
		top = 1
	}
	s.open = append(s.open, top)
	s.state = inCode
}
