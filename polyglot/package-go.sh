#!/usr/bin/env bash
# `jsii-pacmak --target go` of this library into dist/go, against the provider's Go module
# from go-deps.sh (the module proxy does not serve it).
#
# jsii-pacmak finds a dependency's Go module in its own output directory, so the library is
# generated into a staging directory next to (a link to) the provider's module, and its
# package directory then copied to dist/go. Without a Go target in the assembly (projen's
# `publishToGo`), the staging copy of the package gets one: GO_MODULE below.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
GO_MODULE="${GO_MODULE:-github.com/cdktf-tfe-constructs/cdktf-tfe-constructs-go}"

bash polyglot/go-deps.sh
deps="$CACHE/go-deps/$DEPS_KEY/go"

stage="$CACHE/go-stage"
rm -rf "$stage" && mkdir -p "$stage/out/go"
ln -s "$deps/tfe" "$stage/out/go/tfe"

pkgdir="$ROOT"
if ! node -e 'process.exit(JSON.parse(require("fs").readFileSync(".jsii")).targets.go ? 0 : 1)'; then
  log "the assembly has no Go target: packaging a copy with targets.go.moduleName = $GO_MODULE"
  pkgdir="$stage/package"
  npm pack --silent --pack-destination "$stage" >/dev/null
  tar -xzf "$stage"/*.tgz -C "$stage"
  ln -s "$ROOT/node_modules" "$pkgdir/node_modules"
  node - "$pkgdir" "$GO_MODULE" <<'JS'
const fs = require('fs');
const [dir, moduleName] = process.argv.slice(2);
for (const [file, get] of [['.jsii', (j) => j], ['package.json', (j) => j.jsii]]) {
  const json = JSON.parse(fs.readFileSync(`${dir}/${file}`, 'utf8'));
  get(json).targets.go = { moduleName };
  fs.writeFileSync(`${dir}/${file}`, JSON.stringify(json, null, 2));
}
JS
fi

npx jsii-pacmak -v --target go --outdir "$stage/out" "$pkgdir"
pkg="$(node -p "require('./package.json').name.replace(/[^a-z0-9]/gi, '').toLowerCase()")"
rm -rf "dist/go/$pkg" && mkdir -p dist/go
cp -r "$stage/out/go/$pkg" "dist/go/$pkg"
log "dist/go/$pkg: module $(sed -n 's/^module //p' "dist/go/$pkg/go.mod")"
