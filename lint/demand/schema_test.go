package demand

import (
	"encoding/json"
	"os"
	"sort"
	"testing"
)

// TestSchemaMatchesTheParser: docs/demand-list.schema.json names the keys,
// scope classes and built-in parsers the parser accepts, no more and no
// fewer, so an editor checking a list against the schema agrees with
// gwlint.
func TestSchemaMatchesTheParser(t *testing.T) {
	data, err := os.ReadFile("../../docs/demand-list.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Properties struct {
			Classes struct {
				PropertyNames struct {
					Not struct {
						Enum []string `json:"enum"`
					} `json:"not"`
				} `json:"propertyNames"`
			} `json:"classes"`
			Scope struct {
				Properties map[string]any `json:"properties"`
			} `json:"scope"`
		} `json:"properties"`
		Defs struct {
			Kind struct {
				Properties map[string]any `json:"properties"`
			} `json:"kind"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	same := func(what string, got []string, want []string) {
		t.Helper()
		g, w := append([]string{}, got...), append([]string{}, want...)
		sort.Strings(g)
		sort.Strings(w)
		if len(g) != len(w) {
			t.Errorf("%s: schema %v, parser %v", what, g, w)
			return
		}
		for i := range g {
			if g[i] != w[i] {
				t.Errorf("%s: schema %v, parser %v", what, g, w)
				return
			}
		}
	}
	keys := func(m map[string]any) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		return out
	}
	same("kind keys", keys(schema.Defs.Kind.Properties), kindKeys)
	same("scope classes", keys(schema.Properties.Scope.Properties), scopeClasses)
	same("built-in parsers", schema.Properties.Classes.PropertyNames.Not.Enum, builtinSlots)
}
