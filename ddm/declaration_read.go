package ddm

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/managedos/managedos/internal/errtext"
	"github.com/managedos/managedos/internal/jsonstrict"
)

// KeyError is one problem with one key of a declaration, as [ReadEnforcement] and
// [ReadSettings] report each problem they find, and [EnforcementPayload.Validate],
// [SettingsPayload.Validate] and the builders each value they refuse. Match it
// with [errors.As]; several problems come joined, one *KeyError each. Its Key is
// the key's path: "Type", "Identifier", "ServerToken" or "Payload" for the
// declaration itself, and a payload key by its path inside Payload, such as
// "TargetOSVersion" or "AutomaticActions.Download"; its Err wraps one of this
// package's sentinel errors, compat.ErrInvalidVersion or compat.ErrInvalidBuild, and
// names the key. It is the same type as mdmcmd.KeyError.
type KeyError = errtext.KeyError

// declarationKeys are the keys of a declaration's JSON that [Enforcement] and
// [Settings] read; any other key cannot be represented and is refused.
type declarationKeys[P any] struct {
	Type        string `json:"Type"`
	Identifier  string `json:"Identifier"`
	ServerToken string `json:"ServerToken"`
	Payload     P      `json:"Payload"`
}

// problems collects the problems of one declaration, at most one per key: the
// first found for a key is the one worth fixing, later ones follow from it.
type problems struct {
	errs []error
	keys []string
}

func (p *problems) add(key string, err error) {
	if p.has(key) {
		return
	}
	p.keys = append(p.keys, key)
	p.errs = append(p.errs, &KeyError{Key: key, Err: err})
}

func (p *problems) has(key string) bool { return slices.Contains(p.keys, key) }

// addEach adds each problem joined in err, a payload validator's *KeyError values,
// under its own key (one without a key is a problem of the Payload), unless the
// Payload as a whole already has one: its keys could not be read.
func (p *problems) addEach(err error) {
	if p.has("Payload") {
		return
	}
	errtext.EachProblem(err, func(key string, err error) {
		if key == "" {
			p.add("Payload", err)
			return
		}
		if !p.has(key) {
			p.keys = append(p.keys, key)
			p.errs = append(p.errs, err)
		}
	})
}

// err joins the problems, nil when there are none, in the order of their keys in
// order (the declaration's keys as the builders write them); keys not in order
// come last, as they were found.
func (p *problems) err(order []string) error {
	rank := func(err error) int {
		if i := slices.Index(order, err.(*KeyError).Key); i >= 0 {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(p.errs, func(a, b error) int { return rank(a) - rank(b) })
	return errtext.Join(p.errs...)
}

// decode checks data against o's limits and decodes it into w, a declaration's
// wire struct. Data that is not a JSON object ends the read with an error; a value
// of the wrong JSON type is a problem under its key (encoding/json reports the
// first and decodes the rest).
func (p *problems) decode(o ParseOptions, data []byte, w any) error {
	if err := o.Limits.CheckJSON(data); err != nil {
		return fmt.Errorf("ddm: declaration: %w: %w", err, ErrInvalidDeclaration)
	}
	err := json.Unmarshal(data, w)
	var syntax *json.SyntaxError
	var mistyped *json.UnmarshalTypeError
	switch {
	case err == nil:
	case errors.As(err, &mistyped) && mistyped.Field != "":
		key := strings.TrimPrefix(mistyped.Field, "Payload.")
		// mistyped.Value is "number", or "number 1.5" with the number as sent.
		p.add(key, fmt.Errorf("ddm: %s: a JSON %s where Apple's schema wants %s: %w", key, errtext.Plain(mistyped.Value), jsonstrict.Kind(mistyped.Type), ErrInvalidDeclaration))
	case errors.As(err, &syntax):
		return fmt.Errorf("ddm: declaration: not JSON: %v: %w", err, ErrInvalidDeclaration)
	default:
		return fmt.Errorf("ddm: declaration: not a JSON object: %w", ErrInvalidDeclaration)
	}
	return nil
}

// envelope checks what every declaration this package builds carries: the type
// wanted, an identifier the builders accept and a ServerToken.
func (p *problems) envelope(want, typ, identifier, token string) {
	if typ != want {
		p.add("Type", fmt.Errorf("ddm: Type %s: want %s: %w", errtext.Quote(typ), want, ErrInvalidDeclaration))
	}
	if err := checkIdentifier(identifier); err != nil {
		p.add("Identifier", err)
	}
	if token == "" {
		p.add("ServerToken", fmt.Errorf("ddm: ServerToken: missing: %w", ErrInvalidDeclaration))
	}
}
