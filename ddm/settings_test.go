package ddm

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSettingsTurnsAutomaticDownloadOff(t *testing.T) {
	p := SettingsPayload{
		AutomaticActions:           &AutomaticActions{Download: AlwaysOff},
		RapidSecurityResponse:      &RapidSecurityResponseSettings{EnableRollback: new(false)},
		Deferrals:                  &Deferrals{MajorPeriodInDays: 30},
		Notifications:              new(true),
		AllowStandardUserOSUpdates: new(false),
	}
	s, err := NewSettings("", p)
	require.NoError(t, err)
	b, err := s.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"Type":"com.apple.configuration.softwareupdate.settings","Identifier":"managedos.softwareupdate.settings","ServerToken":"`+s.ServerToken()+`","Payload":{"Notifications":true,"Deferrals":{"MajorPeriodInDays":30},"AutomaticActions":{"Download":"AlwaysOff"},"RapidSecurityResponse":{"EnableRollback":false},"AllowStandardUserOSUpdates":false}}`, string(b))

	again, err := NewSettings("", p)
	require.NoError(t, err)
	assert.Equal(t, s.ServerToken(), again.ServerToken())
	changed, err := NewSettings("", SettingsPayload{AutomaticActions: &AutomaticActions{Download: Allowed}})
	require.NoError(t, err)
	assert.NotEqual(t, s.ServerToken(), changed.ServerToken())
}

func TestEmptySettingsLeaveEverythingToApple(t *testing.T) {
	s, err := NewSettings("com.example.su", SettingsPayload{})
	require.NoError(t, err)
	b, err := s.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `{"Type":"com.apple.configuration.softwareupdate.settings","Identifier":"com.example.su","ServerToken":"`+s.ServerToken()+`","Payload":{}}`, string(b))
}

func TestSettingsRefuseValuesOutsideApplesRange(t *testing.T) {
	tests := []struct {
		name string
		p    SettingsPayload
		says string
	}{
		{"deferral of 91 days", SettingsPayload{Deferrals: &Deferrals{MinorPeriodInDays: 91}}, "Deferrals.MinorPeriodInDays 91"},
		{"negative deferral", SettingsPayload{Deferrals: &Deferrals{SystemPeriodInDays: -1}}, "Deferrals.SystemPeriodInDays -1"},
		{"unknown automatic action", SettingsPayload{AutomaticActions: &AutomaticActions{InstallOSUpdates: "Sometimes"}}, `AutomaticActions.InstallOSUpdates "Sometimes"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewSettings("", tt.p)
			require.ErrorIs(t, err, ErrInvalidSetting)
			assert.Contains(t, err.Error(), tt.says)
		})
	}
	_, err := NewSettings("bad id", SettingsPayload{})
	assert.ErrorIs(t, err, ErrInvalidIdentifier)
	_, err = Settings{}.MarshalJSON()
	assert.ErrorIs(t, err, ErrInvalidDeclaration)
}

func TestSettingsPayloadValidateNamesEveryProblemOnce(t *testing.T) {
	p := SettingsPayload{
		Deferrals:        &Deferrals{MajorPeriodInDays: 91, MinorPeriodInDays: 7, SystemPeriodInDays: -1},
		AutomaticActions: &AutomaticActions{Download: "alwaysoff", InstallOSUpdates: Allowed, InstallSecurityUpdate: "Never"},
	}
	err := p.Validate()
	require.ErrorIs(t, err, ErrInvalidSetting)
	keys := []string{"Deferrals.MajorPeriodInDays", "Deferrals.SystemPeriodInDays", "AutomaticActions.Download", "AutomaticActions.InstallSecurityUpdate"}
	assert.Equal(t, keys, problemKeys(t, err))
	_, err = NewSettings("", p)
	assert.Equal(t, keys, problemKeys(t, err), "the builder's error")
	assert.NoError(t, SettingsPayload{Deferrals: &Deferrals{MinorPeriodInDays: 7}}.Validate())
}
