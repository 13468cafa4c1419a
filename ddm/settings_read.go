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
	var w declarationKeys[SettingsPayload]
	var p problems
	if err := p.decode(o, data, &w); err != nil {
		return SettingsContent{}, err
	}
	p.envelope(SettingsType, w.Type, w.Identifier, w.ServerToken)
	p.addEach(w.Payload.Validate())
	return SettingsContent{Identifier: w.Identifier, ServerToken: w.ServerToken, Payload: w.Payload}, p.err(settingsKeys)
}

// settingsKeys are a settings declaration's keys in the order the builder writes
// them, the order its problems are reported in.
var settingsKeys = []string{"Type", "Identifier", "ServerToken", "Payload", "Notifications",
	"Deferrals", "Deferrals.MajorPeriodInDays", "Deferrals.MinorPeriodInDays", "Deferrals.SystemPeriodInDays",
	"AutomaticActions", "AutomaticActions.Download", "AutomaticActions.InstallOSUpdates", "AutomaticActions.InstallSecurityUpdate",
	"RapidSecurityResponse", "RapidSecurityResponse.Enable", "RapidSecurityResponse.EnableRollback", "AllowStandardUserOSUpdates"}
