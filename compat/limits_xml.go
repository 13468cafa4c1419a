package compat

import (
	"bytes"
	"fmt"

	"github.com/managedos/managedos/internal/errtext"
)

// Kinds of XML plist element, as howett.net/plist's XML parser reads them.
const (
	xmlUnknown = iota
	xmlPlist   // the <plist> wrapper
	xmlArray   // <array>
	xmlDict    // <dict>
	xmlKey     // <key>, only in a <dict>
	xmlScalar  // <string>, <integer>, <real>, <date>, <data>, <true>, <false>
)

func xmlKind(name []byte) int {
	switch string(name) {
	case "plist":
		return xmlPlist
	case "array":
		return xmlArray
	case "dict":
		return xmlDict
	case "key":
		return xmlKey
	case "string", "integer", "real", "date", "data", "true", "false":
		return xmlScalar
	}
	return xmlUnknown
}

// xmlScan is one pass of the XML plist check. It reads markup the way encoding/xml
// tokenises it (comments, CDATA sections, processing instructions, directives with
// their internal subset, quoted attribute values) so that it counts exactly the
// elements howett.net/plist's recursive parser would descend into; it stops where
// that parser stops, at the end of the first value.
type xmlScan struct {
	textScan
	leaf     int // kind of the open key or scalar element, or xmlUnknown
	leafName []byte
	run      int // bytes of text since the last tag
	runStart int
	wrapped  bool // inside <plist>
	started  bool // the first value has begun
}

func (l Limits) checkXMLPlist(data []byte) error {
	s := xmlScan{textScan: textScan{Limits: l, format: "XML plist", data: data}}
	return s.scan()
}

func (s *xmlScan) scan() error {
	data := s.data
	i := 0
	if bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		i = 3 // a UTF-8 byte order mark
	}
	i = skipSpace(data, i)
	if i == len(data) || data[i] != '<' {
		return fmt.Errorf("compat: not an XML or binary property list (it starts with %s): %w", errtext.Quote(string(data[:min(len(data), 16)])), ErrMalformed)
	}
	for {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			return s.malformed(len(data), "cut short: the first value is not closed")
		}
		if err := s.text(i, i+j); err != nil {
			return err
		}
		i += j
		if i+1 == len(data) {
			return s.malformed(i, "cut short after <")
		}
		var err error
		done := false
		switch data[i+1] {
		case '/':
			i, done, err = s.endTag(i)
		case '?':
			i, err = s.skipTo(i, i+2, "?>", "processing instruction")
		case '!':
			i, err = s.bang(i)
		default:
			i, done, err = s.startTag(i)
		}
		if err != nil || done {
			return err
		}
	}
}

// text accounts for the text data[from:to] between two pieces of markup.
func (s *xmlScan) text(from, to int) error {
	if from == to {
		return nil
	}
	if !s.started && !s.wrapped {
		if k := skipSpace(s.data[:to], from); k < to {
			return s.malformed(k, "text before the first element")
		}
	}
	return s.addRun(from, to-from)
}

// addRun adds n bytes, starting at from, to the current run of text.
func (s *xmlScan) addRun(from, n int) error {
	if s.run == 0 {
		s.runStart = from
	}
	s.run += n
	if s.run > s.MaxStringBytes {
		what := "text"
		if s.leaf != xmlUnknown {
			what = "<" + string(s.leafName) + ">"
		}
		return s.tooLarge(s.runStart, "MaxStringBytes", int64(s.MaxStringBytes), int64(s.run), what)
	}
	return nil
}

// skipTo skips markup from start to the end of the first terminator found from
// i, checking its length.
func (s *xmlScan) skipTo(start, i int, terminator, what string) (int, error) {
	k := bytes.Index(s.data[i:], []byte(terminator))
	if k < 0 {
		return 0, s.malformed(start, "cut short: %s not closed", what)
	}
	end := i + k + len(terminator)
	if n := end - start; n > s.MaxStringBytes {
		return 0, s.tooLarge(start, "MaxStringBytes", int64(s.MaxStringBytes), int64(n), what)
	}
	return end, nil
}

// bang reads markup starting "<!" at i: a comment, a CDATA section or a
// directive such as <!DOCTYPE ...>.
func (s *xmlScan) bang(i int) (int, error) {
	data := s.data
	switch {
	case bytes.HasPrefix(data[i:], []byte("<!--")):
		// encoding/xml ends a comment at the first "--", which must be followed by ">".
		k := bytes.Index(data[i+4:], []byte("--"))
		if k < 0 || i+4+k+2 >= len(data) {
			return 0, s.malformed(i, "cut short: comment not closed")
		}
		end := i + 4 + k + 2
		if data[end] != '>' {
			return 0, s.malformed(end-2, `"--" inside a comment`)
		}
		if n := end + 1 - i; n > s.MaxStringBytes {
			return 0, s.tooLarge(i, "MaxStringBytes", int64(s.MaxStringBytes), int64(n), "comment")
		}
		return end + 1, nil
	case bytes.HasPrefix(data[i:], []byte("<![CDATA[")):
		if !s.started && !s.wrapped {
			return 0, s.malformed(i, "text before the first element")
		}
		k := bytes.Index(data[i+9:], []byte("]]>"))
		if k < 0 {
			return 0, s.malformed(i, "cut short: CDATA section not closed")
		}
		return i + 9 + k + 3, s.addRun(i+9, k)
	case i+2 < len(data) && (data[i+2] == '-' || data[i+2] == '['):
		return 0, s.malformed(i, "neither a comment nor a CDATA section")
	}
	return s.directive(i)
}

// directive skips a directive as encoding/xml does: up to the first ">" outside
// quotes and nested "<...>", with comments inside skipped.
func (s *xmlScan) directive(i int) (int, error) {
	data := s.data
	var quote byte
	depth := 0
	for j := i + 3; j < len(data); j++ {
		c := data[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '>' && depth == 0:
			if n := j + 1 - i; n > s.MaxStringBytes {
				return 0, s.tooLarge(i, "MaxStringBytes", int64(s.MaxStringBytes), int64(n), "directive")
			}
			return j + 1, nil
		case c == '\'' || c == '"':
			quote = c
		case c == '>':
			depth--
		case c == '<':
			if bytes.HasPrefix(data[j+1:], []byte("!--")) {
				k := bytes.Index(data[j+4:], []byte("-->"))
				if k < 0 {
					return 0, s.malformed(j, "cut short: comment not closed")
				}
				j += 4 + k + 2
				continue
			}
			depth++
		}
	}
	return 0, s.malformed(i, "cut short: directive not closed")
}

// startTag reads a start tag at i and returns where the markup ends and whether
// the first value is complete (a self-closing first value).
func (s *xmlScan) startTag(i int) (int, bool, error) {
	name, end, selfClosing, err := s.tag(i, i+1)
	if err != nil {
		return 0, false, err
	}
	kind := xmlKind(name)
	top := s.frames.top()
	switch {
	case s.leaf != xmlUnknown:
		return 0, false, s.malformed(i, "element <%s> inside <%s>", errtext.Quote(string(name)), string(s.leafName))
	case kind == xmlUnknown:
		return 0, false, s.malformed(i, "unknown element <%s>", errtext.Quote(string(name)))
	case kind == xmlPlist:
		if s.wrapped || s.started {
			return 0, false, s.malformed(i, "<plist> inside the document")
		}
		s.wrapped = true
		s.run = 0
		return end, selfClosing, nil
	case kind == xmlKey && (top == nil || !top.dict):
		return 0, false, s.malformed(i, "<key> outside a dictionary")
	}
	s.started = true
	s.run = 0
	if err := s.element(i); err != nil {
		return 0, false, err
	}
	switch kind {
	case xmlArray, xmlDict:
		if err := s.open(i, kind == xmlDict); err != nil {
			return 0, false, err
		}
		if selfClosing {
			s.frames.pop()
			return end, s.frames.depth() == 0, nil
		}
	default:
		if selfClosing {
			return end, s.frames.depth() == 0, nil
		}
		s.leaf, s.leafName = kind, name
	}
	return end, false, nil
}

// endTag reads an end tag at i and returns where it ends and whether the first
// value (or an empty <plist>) is complete.
func (s *xmlScan) endTag(i int) (int, bool, error) {
	data := s.data
	j := i + 2
	k := j
	for k < len(data) && !isSpace(data[k]) && data[k] != '>' {
		k++
	}
	name := data[j:k]
	k = skipSpace(data, k)
	if k == len(data) || data[k] != '>' || len(name) == 0 {
		return 0, false, s.malformed(i, "end tag not closed by >")
	}
	end := k + 1
	top := s.frames.top()
	switch kind := xmlKind(name); {
	case s.leaf != xmlUnknown:
		if !bytes.Equal(name, s.leafName) {
			return 0, false, s.malformed(i, "<%s> closed by </%s>", string(s.leafName), errtext.Quote(string(name)))
		}
		if s.leaf == xmlKey {
			top.keyStart, top.keyEnd = s.runStart, s.runStart+s.run
		}
		s.leaf, s.leafName, s.run = xmlUnknown, nil, 0
		return end, top == nil, nil
	case (kind == xmlArray || kind == xmlDict) && top != nil && top.dict == (kind == xmlDict):
		s.frames.pop()
		s.run = 0
		return end, s.frames.depth() == 0, nil
	case kind == xmlPlist && s.wrapped && !s.started:
		return end, true, nil // an empty <plist/>: no value
	}
	return 0, false, s.malformed(i, "unexpected end tag </%s>", errtext.Quote(string(name)))
}

// tag reads a start tag's name and attributes from j, just after "<".
func (s *xmlScan) tag(i, j int) (name []byte, end int, selfClosing bool, err error) {
	data := s.data
	k := j
	for k < len(data) && !isSpace(data[k]) && data[k] != '>' && data[k] != '/' {
		k++
	}
	name = data[j:k]
	if len(name) == 0 {
		return nil, 0, false, s.malformed(i, "expected an element name after <")
	}
	for {
		k = skipSpace(data, k)
		switch {
		case k == len(data):
			return nil, 0, false, s.malformed(i, "cut short: tag not closed")
		case data[k] == '>':
			return name, k + 1, false, nil
		case data[k] == '/':
			if k+1 == len(data) || data[k+1] != '>' {
				return nil, 0, false, s.malformed(k, "expected /> in a tag")
			}
			return name, k + 2, true, nil
		}
		// An attribute: name, "=", and a quoted value.
		a := k
		for k < len(data) && !isSpace(data[k]) && data[k] != '=' && data[k] != '>' && data[k] != '/' {
			k++
		}
		k = skipSpace(data, k)
		if k == a || k == len(data) || data[k] != '=' {
			return nil, 0, false, s.malformed(a, "attribute without a value")
		}
		k = skipSpace(data, k+1)
		if k == len(data) || (data[k] != '"' && data[k] != '\'') {
			return nil, 0, false, s.malformed(a, "attribute value not quoted")
		}
		q := bytes.IndexByte(data[k+1:], data[k])
		if q < 0 {
			return nil, 0, false, s.malformed(a, "cut short: attribute value not closed")
		}
		if q > s.MaxStringBytes {
			return nil, 0, false, s.tooLarge(a, "MaxStringBytes", int64(s.MaxStringBytes), int64(q), "attribute")
		}
		k += q + 2
	}
}
