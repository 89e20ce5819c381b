package main

import (
	"bytes"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gwlint/gwlint/lint"
	"github.com/gwlint/gwlint/lint/rules"
)

// The slow inputs of the adversarial test, which fuzzing cannot find:
// each is checked at a size and at four times it, and the processor time
// must grow about linearly. Quadratic work grows sixteenfold; the bound,
// eight, leaves room for a loaded machine and for the collector.

// scalingCase builds a draft of n units of something hostile.
type scalingCase struct {
	name  string
	file  string // its name: the extension picks the reader
	n     int    // the small size; the large one is 4n
	draft func(n int) []byte
}

func scalingCases() []scalingCase {
	return []scalingCase{
		// 1,000 demands in one sentence took 11 s: every match looked for
		// the cue words over the whole sentence again.
		{"a long sentence of demands", "burden.txt", 250, func(n int) []byte {
			return []byte("关于做好工作的通知\n\n各部门：\n" + strings.Repeat("请各地于当日下班前报送材料，要求每日上报，", n) + "\n")
		}},
		// 'x'*200000 took 30 s: every position of the run re-read it.
		{"a run of digits", "digits.txt", 50000, func(n int) []byte {
			return []byte("关于做好工作的通知\n\n各部门：\n请于" + strings.Repeat("1", n) + "日前报送。\n")
		}},
		// 30k comments took 82 s.
		{"Markdown suppressions", "suppress.md", 5000, func(n int) []byte {
			return []byte("关于做好工作的通知\n\n" + strings.Repeat("<!-- gwlint-disable-next-line punct-halfwidth -->\n各部门,请落实。\n", n))
		}},
		{"directives on one line before blank lines", "blank.md", 5000, func(n int) []byte {
			return []byte("关于做好工作的通知\n\n" + strings.Repeat("<!-- gwlint-disable-next-line -->", n) + strings.Repeat("\n", n) + "\n各部门,请落实。\n")
		}},
	}
}

// processTime is the processor time the process has used.
func processTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// checkTime is the least processor time of three checks of data.
func checkTime(tb testing.TB, run *lint.Run, name string, data []byte) time.Duration {
	tb.Helper()
	best := time.Duration(1 << 62)
	for i := 0; i < 3; i++ {
		start := processTime()
		doc, err := lint.ParseBytes(name, data)
		if err != nil {
			tb.Fatal(err)
		}
		if r := run.Check(doc); r.Err != nil {
			tb.Fatal(r.Err)
		}
		best = min(best, processTime()-start)
	}
	return max(best, time.Millisecond)
}

func TestHostileInputsScaleLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("checks drafts of up to a few hundred kilobytes, three times each")
	}
	run, err := lint.NewRun(lint.RunOptions{Registry: rules.All()})
	must(t, err)
	for _, c := range scalingCases() {
		t.Run(c.name, func(t *testing.T) {
			small := checkTime(t, run, c.file, c.draft(c.n))
			large := checkTime(t, run, c.file, c.draft(4*c.n))
			ratio := float64(large) / float64(small)
			t.Logf("%d: %v, %d: %v, ratio %.1f", c.n, small, 4*c.n, large, ratio)
			if ratio > 8 {
				t.Errorf("four times the input took %.1f times the processor time (%v against %v): not linear", ratio, large, small)
			}
		})
	}
}

// BenchmarkHostileScaling reports the time of each slow case at 1× and 4×,
// with the burden rules' long sentence, which is still quadratic (every
// match looks for narration cues in the whole sentence; owned by the
// burden rules' rewrite).
func BenchmarkHostileScaling(b *testing.B) {
	run, err := lint.NewRun(lint.RunOptions{Registry: rules.All()})
	if err != nil {
		b.Fatal(err)
	}
	cases := scalingCases()
	for _, c := range cases {
		for _, k := range []int{1, 4} {
			data := c.draft(k * c.n)
			b.Run(c.name+"/"+map[int]string{1: "1x", 4: "4x"}[k], func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					doc, err := lint.ParseBytes(c.file, bytes.Clone(data))
					if err != nil {
						b.Fatal(err)
					}
					run.Check(doc)
				}
			})
		}
	}
}
