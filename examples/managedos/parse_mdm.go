package main

import "github.com/managedos/managedos/mdmcmd"

// parseMDMAnswer reads an MDM command result plist: an answer whose envelope reads is
// printed with the items that read, its problems listed; a DeviceInformation answer
// also gives the device snapshot.
func parseMDMAnswer(data []byte) (parseOutput, error) {
	a, err := mdmcmd.ParseAnswer(data)
	if a == nil {
		return parseOutput{}, err
	}
	out := parseOutput{Type: "mdm-answer", Answer: a, Problems: problems(err)}
	if a.DeviceInformation != nil {
		mac, err := a.DeviceInformation.Mac()
		out.Mac = &mac
		out.Problems = append(out.Problems, problems(err)...)
	}
	if err := a.Err(); err != nil {
		out.Problems = append(out.Problems, boundedMessage(err))
	}
	return out, nil
}
