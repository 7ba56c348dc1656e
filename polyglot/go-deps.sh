#!/usr/bin/env bash
# The Go module of @cdktf/provider-tfe, generated with jsii-pacmak from its npm package.
#
# The Go module proxy serves github.com/hashicorp/terraform-cdk-go/cdktf v0.21.0 (and
# constructs-go, jsii-runtime-go), but answers "403 Forbidden: This module version is not
# available" for github.com/cdktf/cdktf-provider-tfe-go/tfe/v12 (the module path the
# provider's assembly names, targets.go) at v12.5.1 and every other version. jsii-pacmak
# generates (and `go build`s) the same module from the npm package's .jsii; it is kept in
# $POLYGLOT_CACHE/go-deps/<versions>/go/tfe and used through `replace` directives.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

out="$CACHE/go-deps/$DEPS_KEY"
if [ ! -f "$out/.complete" ]; then
  log "generating the Go module of @cdktf/provider-tfe $TFE_VERSION (once; cached in $out)"
  rm -rf "$out"
  npx jsii-pacmak --target go --outdir "$out" node_modules/@cdktf/provider-tfe
  touch "$out/.complete"
fi
