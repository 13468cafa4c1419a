package mdmcmd

// text reads a string key whose empty value means nothing was said: sent reports a
// non-empty string. A required key that is missing, empty or not a string is
// recorded.
func (d dict) text(key string, required bool) (s string, sent bool) {
	s = d.str(key, required)
	if x, ok := d.m[key]; ok && required && x == "" {
		d.fail(key, "empty")
	}
	return s, s != ""
}
