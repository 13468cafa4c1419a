package compat

// Merge returns m brought up to date with newer, a later report about the same Mac
// that may be partial (a DDM status report carries only the items that changed):
// every field newer knows replaces m's, and every field newer leaves unknown keeps
// m's, so merging a report that says nothing returns m unchanged.
//
// Version and Build describe one install, so they move together: when newer gives
// one of them but not the other, and what it gives differs from m's, the other is
// dropped (unknown) rather than kept from before the change. BetaProgram follows Beta
// when newer knows Beta.
func (m Mac) Merge(newer Mac) Mac {
	m.Model = keepString(m.Model, newer.Model)
	m.DeviceID = keepString(m.DeviceID, newer.DeviceID)
	m.Serial = keepString(m.Serial, newer.Serial)
	m.UDID = keepString(m.UDID, newer.UDID)
	if newer.Chip != ChipUnknown {
		m.Chip = newer.Chip
	}
	switch {
	case newer.Version.IsValid() && newer.Build.IsValid():
		m.Version, m.Build = newer.Version, newer.Build
	case newer.Version.IsValid():
		if newer.Version != m.Version {
			m.Build = Build{}
		}
		m.Version = newer.Version
	case newer.Build.IsValid():
		if newer.Build != m.Build {
			m.Version = Version{}
		}
		m.Build = newer.Build
	}
	m.Supervised = keepFlag(m.Supervised, newer.Supervised)
	m.BootstrapToken = keepFlag(m.BootstrapToken, newer.BootstrapToken)
	switch {
	case newer.Beta.Known():
		m.Beta, m.BetaProgram = newer.Beta, newer.BetaProgram
	case newer.BetaProgram != "":
		m.BetaProgram = newer.BetaProgram
	}
	return m
}

func keepString(old, newer string) string {
	if newer != "" {
		return newer
	}
	return old
}

func keepFlag(old, newer Flag) Flag {
	if newer.Known() {
		return newer
	}
	return old
}

// Missing reports which prerequisites of req (a [Decision]'s Requires) the snapshot
// shows are not in place, and which it cannot tell: Supervised from m.Supervised,
// BootstrapToken from m.BootstrapToken. CachedInstaller is always unknown, since no
// report a snapshot is built from says whether the full installer is cached. Both
// are empty when m shows every prerequisite in place.
func (m Mac) Missing(req Prerequisites) (missing, unknown Prerequisites) {
	for _, c := range [...]struct {
		p    Prerequisites
		flag Flag
	}{
		{Supervised, m.Supervised},
		{BootstrapToken, m.BootstrapToken},
		{CachedInstaller, FlagUnknown},
	} {
		switch {
		case !req.Has(c.p) || c.flag == FlagTrue:
		case c.flag == FlagFalse:
			missing |= c.p
		default:
			unknown |= c.p
		}
	}
	return missing, unknown
}
