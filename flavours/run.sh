#!/usr/bin/env bash
# Builds and checks the CDK Terrain (cdktn) flavour of the library in flavours/cdktn, from this
# source tree (see README, "Using CDK Terrain"):
#
#   1. its dependencies (npm ci) on the current Node LTS, with no EBADENGINE warning;
#   2. the tfe bindings: the committed provider schema against the provider binary (when
#      ../shared/tools or TFE_PROVIDER_MIRROR has it), generation, jsii, and the same public
#      surface as @cdktf/provider-tfe 12.5.1;
#   3. the library: sources staged (flavours/build.ts), jsii, the whole jest suite on the LTS and
#      on the lowest Node version the flavour declares;
#   4. the example platform synthesized by both flavours: identical apart from the framework
#      version; `terraform validate` with the real provider on every stack of the cdktn output;
#   5. packages: the npm tarballs and the Python wheels (jsii-pacmak); the Python, Java and Go
#      examples against the wheels, jars and modules, compared with TypeScript; the tarballs and
#      wheels installed into fresh projects outside the repository, which synthesize a small platform.
#
#   bash flavours/run.sh            (after `npm ci` at the root; the cdktf flavour's example is
#                                    synthesized first when examples/platform/cdktf.out is missing)
#
# Node versions come from npm (`npx -p node@V`); NODE_LTS overrides the LTS (default 24).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
F=flavours/cdktn
LTS="${NODE_LTS:-24}"
LOWEST="$(node -p 'require("./flavours/cdktn/package.json").engines.node.replace(/^>=\s*/, "")')"
CACHE="${CDKTN_FLAVOUR_CACHE:-/tmp/cdktf-tfe-constructs-cdktn}"
M2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
mkdir -p "$CACHE"
T0=$SECONDS

log() { echo "== cdktn flavour: $*"; }
# on_node VERSION COMMAND...: runs COMMAND with that Node version first on PATH.
on_node() { local v="$1"; shift; npx -y -p "node@$v" -- "$@"; }
timed() {
  local label="$1"; shift
  local t=$SECONDS
  "$@"
  echo "   $label: $((SECONDS - t)) s"
}
build() { on_node "$LTS" npx ts-node --project flavours/tsconfig.json --transpile-only flavours/build.ts "$@"; }

log "Node $(on_node "$LTS" node --version) (LTS) and $(on_node "$LOWEST" node --version) (the lowest declared: >= $LOWEST)"

# --- 1. dependencies ---------------------------------------------------------------------
log "npm ci on Node $LTS"
(cd "$F" && on_node "$LTS" npm ci --no-audit --no-fund 2>&1) | tee "$CACHE/npm-ci.log"
if grep -q EBADENGINE "$CACHE/npm-ci.log"; then
  echo "npm ci on Node $LTS warned EBADENGINE (above)" >&2
  exit 1
fi

# --- 2. bindings --------------------------------------------------------------------------
eval "$(bash e2e/tools.sh 2> /dev/null)"
if [ -n "${TFE_PROVIDER_MIRROR:-}" ]; then
  log "the committed provider schema is the one the provider binary serves"
  TFE_PROVIDER_MIRROR="$TFE_PROVIDER_MIRROR" build schema --check
else
  log "no hashicorp/tfe 0.71.0 binary here: the committed schema is used unchecked"
fi
log "tfe bindings: generate and compile"
timed "generate" build bindings
(cd "$F/provider-tfe" && timed "jsii (bindings)" on_node "$LTS" ../node_modules/.bin/jsii --silence-warnings=reserved-word)
build surface

# --- 3. library ---------------------------------------------------------------------------
log "library: stage the sources and compile"
build stage
(cd "$F" && timed "jsii (library)" on_node "$LTS" node_modules/.bin/jsii --silence-warnings=reserved-word --silence-warnings=metadata/missing-dev-dependency)
for v in "$LTS" "$LOWEST"; do
  log "jest on Node $v"
  (cd "$F" && timed "jest (Node $v)" on_node "$v" node_modules/.bin/jest --coverage=false --ci)
done

# --- 4. the example platform --------------------------------------------------------------
[ -f examples/platform/cdktf.out/manifest.json ] || npm run example > /dev/null
log "the example platform, synthesized by the cdktn flavour, against the cdktf flavour's"
rm -rf "$F/examples/platform/cdktf.out"
(cd "$F/examples/platform" && timed "synth" on_node "$LTS" ../../node_modules/.bin/ts-node --project tsconfig.json main.ts > /dev/null)
node polyglot/compare.js --framework-version --ref examples/platform/cdktf.out cdktn="$F/examples/platform/cdktf.out"

if [ -n "${TFE_PROVIDER_MIRROR:-}" ]; then
  log "terraform validate, with hashicorp/tfe 0.71.0, on every stack the cdktn flavour synthesized"
  printf 'provider_installation {\n  filesystem_mirror {\n    path = "%s"\n  }\n}\n' "$TFE_PROVIDER_MIRROR" > "$CACHE/cli.tfrc"
  for stack in "$F"/examples/platform/cdktf.out/stacks/*/; do
    name="$(basename "$stack")"
    rm -rf "$CACHE/validate/$name" && mkdir -p "$CACHE/validate" && cp -r "$stack" "$CACHE/validate/$name"
    (cd "$CACHE/validate/$name" && TF_CLI_CONFIG_FILE="$CACHE/cli.tfrc" terraform init -backend=false -input=false -no-color > /dev/null \
      && TF_CLI_CONFIG_FILE="$CACHE/cli.tfrc" terraform validate -no-color | grep . | sed "s|^|   $name: |")
  done
else
  log "no hashicorp/tfe 0.71.0 binary here: terraform validate skipped"
fi

# --- 5. packages --------------------------------------------------------------------------
log "packages: npm pack and jsii-pacmak (js, python)"
rm -rf "$F/dist" "$F/provider-tfe/dist"
(cd "$F/provider-tfe" && timed "pacmak (bindings)" on_node "$LTS" ../node_modules/.bin/jsii-pacmak --target js --target python)
(cd "$F" && timed "pacmak (library)" on_node "$LTS" node_modules/.bin/jsii-pacmak --target js --target python)
ls -1 "$F"/provider-tfe/dist/js/*.tgz "$F"/provider-tfe/dist/python/*.whl "$F"/dist/js/*.tgz "$F"/dist/python/*.whl

log "Python: the example platform against the wheels (jsii runtime on Node $LTS), compared with TypeScript"
VENV="$CACHE/venv"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
FRAMEWORK_VERSION="$(node -p 'require("./flavours/cdktn/node_modules/cdktn/package.json").version')"
CONSTRUCTS_VERSION="$(node -p 'require("./flavours/cdktn/node_modules/constructs/package.json").version')"
timed "pip install" "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
  "cdktn==$FRAMEWORK_VERSION" "constructs==$CONSTRUCTS_VERSION"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$F"/provider-tfe/dist/python/*.whl "$F"/dist/python/*.whl
rm -rf "$F/examples/python/cdktf.out"
(cd "$F/examples/python" && timed "synth python" on_node "$LTS" "$VENV/bin/python" main.py > /dev/null)
node polyglot/compare.js --ref "$F/examples/platform/cdktf.out" python-cdktn="$F/examples/python/cdktf.out"

log "Java: the example platform against the jars (Maven, local repository $M2; jsii runtime on Node $LTS), compared with TypeScript"
# Maven Central has no io.cdktn:cdktn: its jar is built from the npm package's own assembly (once per version).
JDEPS="$CACHE/java-deps/cdktn-$FRAMEWORK_VERSION"
if [ ! -f "$JDEPS/.complete" ]; then
  rm -rf "$JDEPS"
  timed "pacmak (cdktn, java)" on_node "$LTS" "$F/node_modules/.bin/jsii-pacmak" --target java --outdir "$JDEPS" \
    --maven-local-repository "$M2" "$F/node_modules/cdktn"
  touch "$JDEPS/.complete"
fi
# install_jar DIR: the jar and pom jsii-pacmak wrote in DIR (a Maven repository layout), into $M2.
install_jar() {
  local pom; pom="$(find "$1" -name '*.pom' | head -1)"
  mvn -B -q -Dmaven.repo.local="$M2" org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file -Dfile="${pom%.pom}.jar" -DpomFile="$pom"
}
install_jar "$JDEPS/java"
(cd "$F/provider-tfe" && timed "pacmak (bindings, java)" on_node "$LTS" ../node_modules/.bin/jsii-pacmak --target java --maven-local-repository "$M2")
install_jar "$F/provider-tfe/dist/java"
(cd "$F" && timed "pacmak (library, java)" on_node "$LTS" node_modules/.bin/jsii-pacmak --target java --maven-local-repository "$M2")
install_jar "$F/dist/java"
rm -rf "$F/examples/java/cdktf.out"
(cd "$F/examples/java" && timed "mvn compile exec:java (synth java)" on_node "$LTS" mvn -B -q -Dmaven.repo.local="$M2" \
  -Dcdktf.version="$FRAMEWORK_VERSION" -Dcdktf-provider-tfe.version="$(node -p 'require("../../provider-tfe/package.json").version')" \
  -Dcdktf-tfe-constructs.version=0.0.0 compile exec:java)
node polyglot/compare.js --ref "$F/examples/platform/cdktf.out" java-cdktn="$F/examples/java/cdktf.out"

log "Go: the example platform against the modules (jsii-pacmak of cdktn, the bindings and the library; jsii runtime on Node $LTS), compared with TypeScript"
# The Go module proxy serves none of the three: jsii-pacmak generates them together (each finds the
# others in the output directory), and the example's module file replaces them with those directories.
GO_OUT="$CACHE/go"
rm -rf "$GO_OUT"
(cd "$F" && timed "pacmak (go: cdktn, bindings, library)" on_node "$LTS" node_modules/.bin/jsii-pacmak --target go --outdir "$GO_OUT" \
  node_modules/cdktn provider-tfe .)
modfile="$CACHE/go-example.mod"
cp "$F/examples/go/go.mod" "$modfile"
for dir in "$GO_OUT"/go/*/; do
  module="$(sed -n 's/^module //p' "$dir/go.mod")"
  (cd "$F/examples/go" && go mod edit -modfile="$modfile" -replace="$module=$dir")
done
rm -rf "$F/examples/go/cdktf.out"
(cd "$F/examples/go" && timed "go mod tidy" go mod tidy -modfile="$modfile" && timed "go build" go build -modfile="$modfile" -o "$CACHE/go-platform" . \
  && timed "synth go" on_node "$LTS" "$CACHE/go-platform" > /dev/null)
node polyglot/compare.js --ref "$F/examples/platform/cdktf.out" go-cdktn="$F/examples/go/cdktf.out"

log "a fresh npm project outside the repository: the tarballs install and synthesize"
bash flavours/fresh-project.sh "$LTS" "$F" "$FRAMEWORK_VERSION" "$CONSTRUCTS_VERSION"

log "done in $((SECONDS - T0)) s"
