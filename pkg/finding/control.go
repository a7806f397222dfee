package finding

import (
	"strconv"
	"strings"
)

// ControlLess orders control ids naturally, so that "AC-3" < "AC-21" and
// "2.1.4" < "2.1.10": the order of the frameworks' own documents.
func ControlLess(a, b string) bool {
	for a != "" && b != "" {
		ra, rb := leadingRun(a), leadingRun(b)
		if ra != rb {
			na, ea := strconv.Atoi(ra)
			nb, eb := strconv.Atoi(rb)
			if ea == nil && eb == nil && na != nb {
				return na < nb
			}
			return ra < rb
		}
		a, b = a[len(ra):], b[len(rb):]
	}
	return len(a) < len(b)
}

// leadingRun returns the leading run of digits, or of non-digits, of s.
func leadingRun(s string) string {
	digit := s[0] >= '0' && s[0] <= '9'
	i := strings.IndexFunc(s, func(r rune) bool { return (r >= '0' && r <= '9') != digit })
	if i < 0 {
		return s
	}
	return s[:i]
}
