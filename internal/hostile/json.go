package hostile

import "strings"

// statusReport is a DDM status report whose softwareupdate.failure-reason item is
// the raw JSON given.
func statusReport(failureReason string) []byte {
	return []byte(`{"StatusItems":{"softwareupdate":{"install-state":"downloading","failure-reason":` + failureReason + `}},"Errors":[]}`)
}

// JSON returns the hostile JSON cases, for ddm.ParseStatusReport (and
// compat.Limits.CheckJSON).
func JSON() []Case {
	return []Case{
		{Name: "deep_100.json", About: "100 nested arrays", Want: TooLarge,
			Build: func() []byte {
				return repeat(`{"StatusItems":`, "[", 100, strings.Repeat("]", 100)+"}")
			}},
		{Name: "deep_1m.json", About: "a million nested arrays", Want: TooLarge, Large: true,
			Build: func() []byte { return repeat("", "[", 1_000_000, strings.Repeat("]", 1_000_000)) }},
		{Name: "many_elements.json", About: "an Errors array of 1,048,577 zeros", Want: TooLarge, Large: true,
			Build: func() []byte { return repeat(`{"StatusItems":{},"Errors":[0`, ",0", 1<<20, "]}") }},
		{Name: "long_string.json", About: "a failure reason of 2 MiB", Want: TooLarge, Large: true,
			Build: func() []byte {
				return repeat(`{"StatusItems":{"softwareupdate":{"failure-reason":{"count":1,"reason":"`, "x", 2<<20, `"}}}}`)
			}},
		{Name: "long_number.json", About: "a failure count of 2 MiB of digits", Want: TooLarge, Large: true,
			Build: func() []byte {
				return repeat(`{"StatusItems":{"softwareupdate":{"failure-reason":{"count":1`, "0", 2<<20, `}}}}`)
			}},
		{Name: "non_utf8.json", About: "a failure reason that is not UTF-8", Want: Malformed,
			Build: func() []byte { return statusReport("{\"count\":1,\"reason\":\"bad \xff\xfe\"}") }},
		{Name: "nan.json", About: "a failure count of NaN, which JSON does not have", Want: Malformed,
			Build: func() []byte { return statusReport(`{"count":NaN}`) }},
		{Name: "control_character.json", About: "a raw control character in a string", Want: Malformed,
			Build: func() []byte { return statusReport("{\"count\":1,\"reason\":\"a\x01b\"}") }},
		{Name: "bad_escape.json", About: `an escape \x, which JSON does not have`, Want: Malformed,
			Build: func() []byte { return statusReport(`{"count":1,"reason":"a\x41"}`) }},
		{Name: "truncated.json", About: "a report cut in half", Want: Malformed,
			Build: func() []byte { d := statusReport(`{"count":1}`); return d[:len(d)/2] }},
		{Name: "trailing.json", About: "a second value after the report", Want: Malformed,
			Build: func() []byte { return append(statusReport(`{"count":1}`), "{}"...) }},
		{Name: "comment.json", About: "a comment, which JSON does not have", Want: Malformed,
			Build: func() []byte { return []byte("// report\n{\"StatusItems\":{}}") }},
		{Name: "out_of_range.json", About: "a failure count of 1e400", Want: Invalid,
			Build: func() []byte { return statusReport(`{"count":1e400}`) }},
		{Name: "huge_count.json", About: "a failure count of 2^64", Want: Invalid,
			Build: func() []byte { return statusReport(`{"count":18446744073709551616}`) }},
		{Name: "date_as_number.json", About: "a failure timestamp as a number", Want: Invalid,
			Build: func() []byte { return statusReport(`{"count":1,"timestamp":1700000000}`) }},
		{Name: "bad_date.json", About: "a failure timestamp that is not RFC 3339", Want: Invalid,
			Build: func() []byte { return statusReport(`{"count":1,"timestamp":"yesterday"}`) }},
		{Name: "wrong_type.json", About: "an install state that is a number", Want: Invalid,
			Build: func() []byte { return []byte(`{"StatusItems":{"softwareupdate":{"install-state":5}}}`) }},
		{Name: "wrong_types.json", About: "every software update item of the wrong type", Want: Invalid,
			Build: func() []byte {
				return []byte(`{"StatusItems":{"softwareupdate":{"install-state":[],"pending-version":"14.2","failure-reason":[1],"install-reason":true},` +
					`"device":{"operating-system":7},"management":{"declarations":"none"}},"Errors":{}}`)
			}},
	}
}
