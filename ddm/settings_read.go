package ddm

// SettingsContent is what a settings declaration holds, as [ReadSettings] reads
// it. Payload keys this package does not model (RecommendedCadence, Beta, which
// Apple does not offer on macOS) are ignored.
type SettingsContent struct {
	Identifier  string          // the declaration's Identifier
	ServerToken string          // the declaration's ServerToken, as given
	Payload     SettingsPayload // the payload as read; values outside Apple's range are kept
}

// ReadSettings reads a com.apple.configuration.softwareupdate.settings declaration
// in order to check it. It applies the rules [NewSettings] applies — the Type, an
// Identifier the builder accepts, a ServerToken, values of the JSON types Apple's
// schema gives, deferrals of 1 to 90 days, AutomaticActions values spelled as Apple
// spells them (Allowed, AlwaysOn, AlwaysOff; case matters) — and returns what it
// could read with every problem it found, each a *[KeyError] naming the key, joined.
func ReadSettings(data []byte) (SettingsContent, error) {
	return ParseOptions{}.ReadSettings(data)
}

// ReadSettings is [ReadSettings] with o's limits: data over them is an error
// wrapping compat.ErrTooLarge, and nothing is read.
func (o ParseOptions) ReadSettings(data []byte) (SettingsContent, error) {
	var w struct {
		Type        string          `json:"Type"`
		Identifier  string          `json:"Identifier"`
		ServerToken string          `json:"ServerToken"`
		Payload     SettingsPayload `json:"Payload"`
	}
	var p problems
	if err := p.decode(o, data, &w); err != nil {
		return SettingsContent{}, err
	}
	p.envelope(SettingsType, w.Type, w.Identifier, w.ServerToken)
	found := len(p.errs)
	for _, one := range settingsKeys(w.Payload) {
		if err := one.only.Validate(); err != nil {
			p.add(one.key, err)
		}
	}
	if len(p.errs) == found {
		// A rule across keys, or on a key settingsKeys does not split out.
		if err := w.Payload.Validate(); err != nil {
			p.add("Payload", err)
		}
	}
	return SettingsContent{Identifier: w.Identifier, ServerToken: w.ServerToken, Payload: w.Payload}, p.err()
}

// settingKey is one key of a settings payload, alone in a payload of its own.
type settingKey struct {
	key  string
	only SettingsPayload
}

// settingsKeys splits p into one payload per key [SettingsPayload.Validate]
// checks, so that each problem is reported under its own key: Validate stops at
// the first.
func settingsKeys(p SettingsPayload) []settingKey {
	var out []settingKey
	if d := p.Deferrals; d != nil {
		out = append(out,
			settingKey{"Deferrals.MajorPeriodInDays", SettingsPayload{Deferrals: &Deferrals{MajorPeriodInDays: d.MajorPeriodInDays}}},
			settingKey{"Deferrals.MinorPeriodInDays", SettingsPayload{Deferrals: &Deferrals{MinorPeriodInDays: d.MinorPeriodInDays}}},
			settingKey{"Deferrals.SystemPeriodInDays", SettingsPayload{Deferrals: &Deferrals{SystemPeriodInDays: d.SystemPeriodInDays}}},
		)
	}
	if a := p.AutomaticActions; a != nil {
		out = append(out,
			settingKey{"AutomaticActions.Download", SettingsPayload{AutomaticActions: &AutomaticActions{Download: a.Download}}},
			settingKey{"AutomaticActions.InstallOSUpdates", SettingsPayload{AutomaticActions: &AutomaticActions{InstallOSUpdates: a.InstallOSUpdates}}},
			settingKey{"AutomaticActions.InstallSecurityUpdate", SettingsPayload{AutomaticActions: &AutomaticActions{InstallSecurityUpdate: a.InstallSecurityUpdate}}},
		)
	}
	return out
}
