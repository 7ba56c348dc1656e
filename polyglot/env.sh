# Sourced by the polyglot scripts: paths, versions and the caches outside the repository.
#
#   POLYGLOT_CACHE     work and cache directory (venv, generated bindings, Go example module)
#                      default /tmp/cdktf-tfe-constructs-polyglot
#   MAVEN_REPO_LOCAL   the local Maven repository the Java bindings are installed into
#                      default ~/.m2/repository (so that `mvn` in examples/java needs no flag)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${POLYGLOT_CACHE:-/tmp/cdktf-tfe-constructs-polyglot}"
M2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
mkdir -p "$CACHE"

pkg_version() { node -p "require(process.argv[1]).version" "$ROOT/node_modules/$1/package.json"; }
CDKTF_VERSION="$(pkg_version cdktf)"
TFE_VERSION="$(pkg_version @cdktf/provider-tfe)"
PACMAK_VERSION="$(pkg_version jsii-pacmak)"
# The key of everything generated from the dependencies' npm packages.
DEPS_KEY="cdktf-$CDKTF_VERSION.tfe-$TFE_VERSION.pacmak-$PACMAK_VERSION"

# jsii's runtime prints a banner on every start under an end-of-life Node.js; it is noise here.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION:-$(node -p 'process.versions.node.split(".")[0]')}"
export MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.repo.local=$M2"

log() { echo "== polyglot: $*"; }
# Runs a command and prints how long it took.
timed() {
  local label="$1"; shift
  local t0; t0=$(date +%s.%N)
  "$@"
  awk -v label="$label" -v t0="$t0" -v t1="$(date +%s.%N)" 'BEGIN { printf "   %s: %.1fs\n", label, t1 - t0 }'
}
