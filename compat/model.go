package compat

import (
	"fmt"
	"math"
	"strings"

	"github.com/managedos/managedos/internal/errtext"
)

// modelFamily maps a range of hardware model identifiers, such as MacBookPro17,1
// through MacBookPro18,4, to the chip every model in it has.
type modelFamily struct {
	name        string
	first, last int // inclusive range of the number before the comma
	chip        Chip
}

// modelFamilies is the hardware model table behind ChipForModel. Apple silicon Macs
// began with MacBookAir10,1, MacBookPro17,1, Macmini9,1 and iMac21,1; from 2022 every
// new Mac is MacN,M, so that family is open-ended. Virtual Macs count as the chip they
// run on.
var modelFamilies = [...]modelFamily{
	{"Mac", 13, math.MaxInt, AppleSilicon},
	{"MacBookAir", 1, 9, Intel},
	{"MacBookAir", 10, 10, AppleSilicon},
	{"MacBookPro", 1, 16, Intel},
	{"MacBookPro", 17, 18, AppleSilicon},
	{"Macmini", 1, 8, Intel},
	{"Macmini", 9, 9, AppleSilicon},
	{"iMac", 4, 20, Intel},
	{"iMac", 21, 21, AppleSilicon},
	{"iMacPro", 1, 1, Intel},
	{"MacPro", 1, 7, Intel},
	{"MacBook", 1, 10, Intel},
	{"VirtualMac", 2, 2, AppleSilicon},
}

// modelSuffixes are the variant tags some inventories append to an identifier, such
// as "MacPro7,1-Rack" for the rack-mounted Mac Pro.
var modelSuffixes = [...]string{"-Rack"}

// modelLiterals are identifiers without a family number.
var modelLiterals = [...]struct {
	model string
	chip  Chip
}{
	{"VMM-x86_64", Intel}, // an Intel Mac virtual machine
}

// ChipForModel returns the chip of the Mac whose hardware model identifier is model,
// as DeviceInformation's ProductName or the device.model.identifier status item
// reports it: "MacBookPro18,3" is [AppleSilicon], "MacBookPro16,1" is [Intel], and
// any "MacN,M" with N of 13 or more is Apple silicon, including models newer than
// this library. Anything else wraps [ErrUnknownChip].
func ChipForModel(model string) (Chip, error) {
	for _, l := range modelLiterals {
		if model == l.model {
			return l.chip, nil
		}
	}
	family, number, ok := splitModel(model)
	if ok {
		for _, f := range modelFamilies {
			if f.name == family && number >= f.first && number <= f.last {
				return f.chip, nil
			}
		}
	}
	return ChipUnknown, fmt.Errorf("compat: model %s: %w", errtext.Quote(model), ErrUnknownChip)
}

// splitModel splits "MacBookPro18,3" into "MacBookPro" and 18, checking that a
// positive number follows the comma and nothing but a known variant tag follows it.
func splitModel(model string) (family string, number int, ok bool) {
	for _, s := range modelSuffixes {
		model = strings.TrimSuffix(model, s)
	}
	i := 0
	for i < len(model) && (model[i] >= 'a' && model[i] <= 'z' || model[i] >= 'A' && model[i] <= 'Z') {
		i++
	}
	family = model[:i]
	number, rest, ok := boundedNumber(model[i:], 6)
	if family == "" || !ok || number == 0 || len(rest) < 2 || rest[0] != ',' {
		return "", 0, false
	}
	if minor, tail, ok := boundedNumber(rest[1:], 6); !ok || minor == 0 || tail != "" {
		return "", 0, false
	}
	return family, number, true
}
