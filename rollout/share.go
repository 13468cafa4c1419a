package rollout

import "strconv"

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
	if len(s) < 2 || s[len(s)-1] != '%' {
		return 0, false
	}
	s = s[:len(s)-1]
	whole, frac := s, ""
	for i := range len(s) {
		if s[i] == '.' {
			whole, frac = s[:i], s[i+1:]
			break
		}
	}
	if whole == "" || len(whole) > 3 || len(frac) > 2 || (len(frac) == 0 && len(whole) != len(s)) {
		return 0, false
	}
	n := 0
	for _, c := range []byte(whole) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	n *= 100
	scale := 10
	for _, c := range []byte(frac) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n += int(c-'0') * scale
		scale /= 10
	}
	if n > int(Whole) {
		return 0, false
	}
	return Share(n), true
}
