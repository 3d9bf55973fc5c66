#!/usr/bin/env bash
# Refreshes the vendored GraphiQL files from npm: installs vendor/package-lock.json (npm ci) in a temporary folder and
# copies the minified browser builds and their licences into vendor/. To move to newer versions, change
# vendor/package.json, run `npm install --package-lock-only` in vendor/, then this script, and commit the diff.
# The gateway serves these files itself (GraphiQLPage.cs): no CDN and no external font at run time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/vendor/package.json" "$here/vendor/package-lock.json" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --silent --ignore-scripts)
m="$work/node_modules"
cp "$m/graphiql/graphiql.min.js" "$m/graphiql/graphiql.min.css" "$here/vendor/"
cp "$m/react/umd/react.production.min.js" "$m/react-dom/umd/react-dom.production.min.js" "$here/vendor/"
cp "$m/graphiql/LICENSE" "$here/vendor/LICENSE.graphiql"
cp "$m/react/LICENSE" "$here/vendor/LICENSE.react"
cp "$m/react-dom/LICENSE" "$here/vendor/LICENSE.react-dom"
# The bundle refers to its source map, which is not shipped: drop the reference so browsers do not ask for it.
sed -i '/^\/\/# sourceMappingURL=/d' "$here/vendor/"*.min.js
echo "refresh.sh: vendored graphiql $(node -p "require('$m/graphiql/package.json').version"), react $(node -p "require('$m/react/package.json').version")"
