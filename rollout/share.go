package rollout

import (
	"strconv"
	"strings"
)

// Share is a part of the fleet in hundredths of a percent: 500 is 5%, 1225 is 12.25%
// and [Whole] (10000) is the whole fleet. The zero Share is no device at all.
type Share uint16

// Whole is the Share of the whole fleet, 100%.
const Whole Share = 10000

// String returns s as a percentage with no more decimals than it needs, such as
// "5%", "0.5%" or "12.25%".
func (s Share) String() string {
	var buf [8]byte
	return string(s.appendTo(buf[:0]))
}

func (s Share) appendTo(b []byte) []byte {
	b = strconv.AppendUint(b, uint64(s/100), 10)
	if frac := s % 100; frac != 0 {
		b = append(b, '.', byte('0'+frac/10))
		if frac%10 != 0 {
			b = append(b, byte('0'+frac%10))
		}
	}
	return append(b, '%')
}

// parseShare reads a percentage with at most two decimals and a '%' sign, such as
// "5%", "0.5%" or "100%", up to 100%.
func parseShare(s string) (Share, bool) {
	num, ok := strings.CutSuffix(s, "%")
	if !ok {
		return 0, false
	}
	whole, frac, dotted := strings.Cut(num, ".")
	w, ok := parseDigits(whole, 3)
	if !ok || dotted && frac == "" {
		return 0, false
	}
	n := w * 100
	if frac != "" {
		f, ok := parseDigits(frac, 2)
		if !ok {
			return 0, false
		}
		if len(frac) == 1 {
			f *= 10
		}
		n += f
	}
	if n > int(Whole) {
		return 0, false
	}
	return Share(n), true
}

// parseDigits reads 1 to maxLen ASCII digits and nothing else.
func parseDigits(s string, maxLen int) (int, bool) {
	if s == "" || len(s) > maxLen {
		return 0, false
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
