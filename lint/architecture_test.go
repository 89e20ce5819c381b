package lint

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const modulePath = "github.com/gwlint/gwlint/"

// TestArchitectureImports reads the import table of ARCHITECTURE.md and
// checks every package of the module against it: a package imports only
// the gwlint packages its row allows, and every package has a row.
func TestArchitectureImports(t *testing.T) {
	doc, err := os.ReadFile("../ARCHITECTURE.md")
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]map[string]bool{}
	row := regexp.MustCompile("(?m)^\\| `([^`]+)` \\| (.+) \\|$")
	for _, m := range row.FindAllStringSubmatch(string(doc), -1) {
		set := map[string]bool{}
		for _, dep := range regexp.MustCompile("`([^`]+)`").FindAllStringSubmatch(m[2], -1) {
			set[dep[1]] = true
		}
		if strings.TrimSpace(m[2]) == "any" {
			set = nil
		}
		allowed[m[1]] = set
	}
	if len(allowed) < 10 {
		t.Fatalf("only %d rows read from the table in ARCHITECTURE.md", len(allowed))
	}
	imports := moduleImports(t, "..")
	if len(imports) < 10 {
		t.Fatalf("only %d packages found", len(imports))
	}
	pkgs := make([]string, 0, len(imports))
	for p := range imports {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	for _, pkg := range pkgs {
		set, ok := allowed[pkg]
		if !ok {
			t.Errorf("%s is not in the import table of ARCHITECTURE.md: add its row", pkg)
			continue
		}
		if set == nil {
			continue
		}
		for dep := range imports[pkg] {
			if !set[dep] {
				t.Errorf("%s imports %s, which ARCHITECTURE.md does not allow", pkg, dep)
			}
		}
	}
}

// moduleImports maps each package directory under root (relative, with
// slashes) to the gwlint packages its non-test files import.
func moduleImports(t *testing.T, root string) map[string]map[string]bool {
	t.Helper()
	out := map[string]map[string]bool{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (name == "testdata" || strings.HasPrefix(name, ".") || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		pkg := filepath.ToSlash(rel)
		if out[pkg] == nil {
			out[pkg] = map[string]bool{}
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(p, modulePath) {
				out[pkg][strings.TrimPrefix(p, modulePath)] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
