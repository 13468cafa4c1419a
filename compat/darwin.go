package compat

// Darwin releases track macOS majors: macOS 10.y is Darwin y+4 (10.15 is Darwin 19),
// macOS 11 to 15 are Darwin 20 to 24, and from Tahoe Apple numbers macOS by year, so
// macOS 26 is Darwin 25 and each later major stays one ahead of its Darwin number.
const (
	darwinOfMacOS11   = 20 // Big Sur
	darwinOfMacOS26   = 25 // Tahoe, the first year-numbered release
	darwinOfMacOS1015 = 19
)

// DarwinMajor returns the Darwin major version of v's release, the number that
// starts its builds: 22 for 13.x (22F82), 25 for 26.x (25A354), 19 for 10.15.x. It
// returns 0 for the zero Version and for releases before Mac OS X 10.0.
func (v Version) DarwinMajor() int {
	switch m := v.Major(); {
	case m == 10:
		return v.Minor() + 4
	case m >= 26:
		return m - 1
	case m >= 11:
		return m + darwinOfMacOS11 - 11
	}
	return 0
}

// Release returns the macOS major release b belongs to, as its first version (print
// it with [Version.ReleaseName], as Apple names majors): 13 for 22F82, 26 for 25A354,
// 10.15 for 19H2. It returns the zero Version for the zero Build and for Darwin
// majors before 10.0 (Darwin 4) or between 10.15 and 11 that never shipped.
func (b Build) Release() Version {
	switch d := b.Major(); {
	case d >= darwinOfMacOS26:
		return newVersion(uint16(d+1), 0, 0, 0)
	case d >= darwinOfMacOS11:
		return newVersion(uint16(d-darwinOfMacOS11+11), 0, 0, 0)
	case d >= 4 && d <= darwinOfMacOS1015:
		return newVersion(10, uint16(d-4), 0, 0)
	}
	return Version{}
}
