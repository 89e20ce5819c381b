#!/usr/bin/env bash
# Builds gwlint's release binaries: static (CGO_ENABLED=0), -trimpath,
# stripped, stamped with the version, commit and commit date, one per
# target, with SHA256SUMS beside them, then checks the sums and the size.
#
#   scripts/release.sh [VERSION] [OUTDIR]
#
# VERSION defaults to lint.Version (lint/files.go) and must agree with it;
# OUTDIR defaults to dist/VERSION. GWLINT_TARGETS (space-separated
# GOOS/GOARCH) builds fewer targets, as the tests do.
set -euo pipefail
cd "$(dirname "$0")/.."

want=$(sed -n 's/^const Version = "\(.*\)"$/\1/p' lint/files.go)
version="${1:-$want}"
version="${version#v}"
if [ "$version" != "$want" ]; then
  echo "release: version $version does not match lint.Version $want in lint/files.go" >&2
  exit 2
fi
out="${2:-dist/v$version}"
targets="${GWLINT_TARGETS:-windows/amd64 windows/arm64 linux/amd64 linux/arm64 linux/loong64 darwin/arm64 darwin/amd64}"
max_bytes=$((25 * 1000 * 1000))

commit=$(git rev-parse HEAD 2>/dev/null || echo "")
date=$(git log -1 --format=%cI 2>/dev/null || echo "")
if [ -n "$commit" ] && [ -n "$(git status --porcelain 2>/dev/null)" ]; then
  echo "release: warning: the work tree has uncommitted changes; the binaries say commit $commit all the same" >&2
fi

mkdir -p "$out"
rm -f "$out"/gwlint_* "$out"/SHA256SUMS
ldflags="-s -w -buildid= -X main.version=$version -X main.commit=$commit -X main.date=$date"
for t in $targets; do
  goos=${t%/*} goarch=${t#*/}
  name="gwlint_${version}_${goos}_${goarch}"
  [ "$goos" = windows ] && name="$name.exe"
  CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath -ldflags "$ldflags" -o "$out/$name" ./cmd/gwlint
  size=$(wc -c < "$out/$name")
  if [ "$size" -ge "$max_bytes" ]; then
    echo "release: $name is $size bytes, over the 25 MB limit" >&2
    exit 1
  fi
  printf '%-40s %10d bytes\n' "$name" "$size"
done
(cd "$out" && sha256sum gwlint_* > SHA256SUMS && sha256sum --quiet -c SHA256SUMS)
echo "release: $out/SHA256SUMS checked"
