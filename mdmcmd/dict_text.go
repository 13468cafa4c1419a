package mdmcmd

import (
	"github.com/managedos/managedos/compat"
	"github.com/managedos/managedos/internal/errtext"
)

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

// build reads a string key holding a macOS build, such as 23E214; sent reports a
// non-empty string, valid or not. A string that is no build is recorded, and read
// as the zero Build.
func (d dict) build(key string, required bool) (b compat.Build, sent bool) {
	s, sent := d.text(key, required)
	if !sent {
		return compat.Build{}, false
	}
	b, err := compat.ParseBuild(s)
	if err != nil {
		d.fail(key, "%s is not a macOS build", errtext.Quote(s))
	}
	return b, true
}
