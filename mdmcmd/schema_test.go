package mdmcmd

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDeviceInformationKeysAreApples checks every key DeviceInformation asks for and
// reads against Apple's schema: each is a query key and a response key.
func TestDeviceInformationKeysAreApples(t *testing.T) {
	const file = "testdata/schema/information.device.yaml"
	request, response := readSchemaKeys(t, file, "payloadkeys"), readSchemaKeys(t, file, "responsekeys")
	for _, key := range DeviceInformationQueries() {
		assert.Contains(t, request, "Queries.QueriesItem."+key, "query %s", key)
		assert.Contains(t, response, "QueryResponses."+key, "response %s", key)
	}
	for _, key := range []string{"CatalogURL", "IsDefaultCatalog", "PreviousScanDate", "PreviousScanResult", "PerformPeriodicCheck",
		"AutoCheckEnabled", "BackgroundDownloadEnabled", "AutomaticAppInstallationEnabled", "AutomaticOSInstallationEnabled", "AutomaticSecurityUpdatesEnabled"} {
		assert.Contains(t, response, "QueryResponses.OSUpdateSettings."+key, "OSUpdateSettings %s", key)
	}
}

// TestAvailableOSUpdatesKeysAreApples checks every item key the parser reads against
// Apple's schema.
func TestAvailableOSUpdatesKeysAreApples(t *testing.T) {
	response := readSchemaKeys(t, "testdata/schema/system.update.available.yaml", "responsekeys")
	for _, key := range []string{"ProductKey", "HumanReadableName", "Version", "Build", "DownloadSize", "InstallSize", "AppIdentifiersToClose",
		"IsCritical", "IsConfigDataUpdate", "IsFirmwareUpdate", "IsMajorOSUpdate", "RestartRequired", "AllowsInstallLater", "DeferredUntil",
		"RequiresBootstrapToken", "IsSecurityResponse", "SupplementalBuildVersion", "SupplementalOSVersionExtra", "MetadataURL"} {
		assert.Contains(t, response, "AvailableOSUpdates.AvailableOSUpdatesItem."+key, key)
	}
}
