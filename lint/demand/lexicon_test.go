package demand

import (
	"strings"
	"testing"
)

// TestBuiltinExamples: every example of the shipped kinds behaves as it
// claims through the model, with the marked span covered.
func TestBuiltinExamples(t *testing.T) {
	if err := Builtin().Check(); err != nil {
		t.Fatal(err)
	}
}

func TestBuiltinCompiles(t *testing.T) {
	lx := Builtin()
	if len(lx.Kinds) == 0 {
		t.Fatal("no kinds")
	}
	for _, k := range lx.Kinds {
		if !strings.HasPrefix(k.Path, "dict/demand/") {
			t.Errorf("%s: kind from %s", k.Rule, k.Path)
		}
	}
}
