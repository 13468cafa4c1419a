package mechanism

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDeliveryTokensRoundTrip(t *testing.T) {
	tests := []struct {
		d     Delivery
		token string
	}{
		{DeliveryNone, "none"},
		{MDMCommands, "mdm-commands"},
		{StartOSInstall, "startosinstall"},
		{DDM, "ddm"},
	}
	for _, tt := range tests {
		t.Run(tt.token, func(t *testing.T) {
			assert.Equal(t, tt.token, tt.d.String())
			assert.True(t, tt.d.IsValid())
			b, err := tt.d.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.token, string(b))
			var back Delivery
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, tt.d, back)
		})
	}
}

func TestInstallerTokensRoundTrip(t *testing.T) {
	tests := []struct {
		i     Installer
		token string
	}{
		{InstallerNone, "none"},
		{SoftwareUpdate, "software-update"},
		{InstallAssistant, "install-assistant"},
		{RapidSecurityResponse, "rapid-security-response"},
		{BackgroundUpdate, "background-update"},
	}
	for _, tt := range tests {
		t.Run(tt.token, func(t *testing.T) {
			assert.Equal(t, tt.token, tt.i.String())
			assert.True(t, tt.i.IsValid())
			b, err := tt.i.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.token, string(b))
			var back Installer
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, tt.i, back)
		})
	}
}

func TestUnknownTokenIsRefusedAndNamed(t *testing.T) {
	for _, text := range []string{"", "MDM-Commands", "mdm", "startOSInstall", "none "} {
		t.Run(text, func(t *testing.T) {
			d := DDM
			err := d.UnmarshalText([]byte(text))
			require.ErrorIs(t, err, ErrUnknownToken)
			assert.Contains(t, err.Error(), `"`+text+`"`)
			assert.Equal(t, DDM, d, "a failed UnmarshalText leaves the value alone")
			var i Installer
			assert.ErrorIs(t, i.UnmarshalText([]byte(text+"x")), ErrUnknownToken)
		})
	}
}

func TestOutOfRangeValuesPrintAndRefuseToMarshal(t *testing.T) {
	assert.Equal(t, "Delivery(9)", Delivery(9).String())
	assert.Equal(t, "Installer(200)", Installer(200).String())
	assert.False(t, Delivery(4).IsValid())
	assert.False(t, Installer(5).IsValid())
	_, err := Delivery(4).MarshalText()
	assert.ErrorIs(t, err, ErrUnknownToken)
	_, err = Installer(5).MarshalText()
	assert.ErrorIs(t, err, ErrUnknownToken)
}

func TestZeroValuesMeanNone(t *testing.T) {
	var d Delivery
	var i Installer
	assert.Equal(t, DeliveryNone, d)
	assert.Equal(t, InstallerNone, i)
}
