#!/usr/bin/env bash
# Refreshes the vendored uPlot (https://github.com/leeoniya/uPlot, MIT) from npm: the console's chart library,
# embedded in the gateway so that the console loads nothing from a CDN. Run it by hand, review the diff, commit.
#   src/Gateway/Operations/Console/assets/vendor/uplot/refresh.sh [version]
set -euo pipefail
version="${1:-1.6.32}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "uplot@$version" >/dev/null && tar xzf "uplot-$version.tgz")
cp "$work/package/dist/uPlot.iife.min.js" "$work/package/dist/uPlot.min.css" "$work/package/LICENSE" "$here/"
echo "$version" > "$here/VERSION"
echo "uPlot $version vendored into $here"
