package main

import "github.com/managedos/managedos/mdmcmd"

// parseMDMAnswer reads an MDM command result plist.
func parseMDMAnswer(data []byte) (parseOutput, error) {
	a, err := mdmcmd.ParseAnswer(data)
	if err != nil {
		return parseOutput{}, err
	}
	out := parseOutput{Type: "mdm-answer", Answer: a}
	if err := a.Err(); err != nil {
		out.Problems = []string{boundedMessage(err)}
	}
	return out, nil
}
