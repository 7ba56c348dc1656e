#!/usr/bin/env bash
# The polyglot check: builds the Python, Java and Go packages of this library with jsii-pacmak,
# synthesizes the example platform with each (examples/python, examples/java, examples/go) and
# compares every output with the TypeScript example's (polyglot/compare.js).
#
#   bash polyglot/run.sh [--only python,java,go] [--bench [REPS]]
#
#   --only   the languages to check (default: all three)
#   --bench  then run polyglot/bench.js: synth time of a 1,000-workspace organization per
#            language against TypeScript (REPS repetitions, default 3)
#
# Idempotent, non-interactive, for CI (a fresh clone after `npm ci`). Everything that can be
# cached lives outside the repository (see polyglot/env.sh): the virtual environment, the
# Java and Go bindings of cdktf/@cdktf/provider-tfe (built from their npm packages, since
# Maven Central and the Go module proxy do not serve them), this library's packages keyed by
# the content of its build (.jsii, lib/, package.json, README.md), and the Go example's module
# file. The local Maven repository (~/.m2/repository) receives the jars.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

LANGS="python,java,go"
BENCH_REPS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --only) LANGS="$2"; shift 2 ;;
    --bench) if [[ "${2:-}" =~ ^[0-9]+$ ]]; then BENCH_REPS="$2"; shift 2; else BENCH_REPS=3; shift; fi ;;
    *) echo "usage: polyglot/run.sh [--only python,java,go] [--bench [REPS]]" >&2; exit 2 ;;
  esac
done
want() { [[ ",$LANGS," == *",$1,"* ]]; }
T_START=$(date +%s.%N)

# --- The jsii build ---------------------------------------------------------------------
if [ ! -f .jsii ] || [ ! -f lib/index.js ] || [ -n "$(find src -newer lib/index.js -print -quit)" ]; then
  log "jsii build"
  timed "jsii" npx jsii --silence-warnings=reserved-word
fi

# This library's packages, cached by the content of what jsii-pacmak packs.
LIB_KEY="$(node -e '
  const crypto = require("crypto"); const fs = require("fs"); const path = require("path");
  const files = [".jsii", "package.json", "README.md"];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else files.push(p); } };
  walk("lib");
  const h = crypto.createHash("sha256");
  for (const f of files.sort()) h.update(f + "\0").update(fs.readFileSync(f)).update("\0");
  h.update(process.argv[1]);
  console.log(h.digest("hex").slice(0, 16));
' "$DEPS_KEY")"

# package TARGET DIST_SUBDIR COMMAND...: runs COMMAND unless the cache has dist/DIST_SUBDIR for LIB_KEY.
package() {
  local target="$1" sub="$2"; shift 2
  local cached="$CACHE/packages/$target/$LIB_KEY"
  if [ -f "$cached/.complete" ]; then
    log "$target package: up to date (cached, $LIB_KEY)"
  else
    log "$target package: jsii-pacmak"
    timed "package $target" "$@"
    rm -rf "$cached" && mkdir -p "$cached"
    cp -r "dist/$sub" "$cached/" && touch "$cached/.complete"
  fi
  rm -rf "dist/$sub" && mkdir -p "$(dirname "dist/$sub")"
  cp -r "$cached/$(basename "$sub")" "dist/$sub"
}
want python && package python python npx jsii-pacmak -v --target python
want java && package java java bash polyglot/package-java.sh
want go && package go go/cdktftfeconstructs bash polyglot/package-go.sh

# --- The TypeScript reference -----------------------------------------------------------
log "TypeScript example (npm run example)"
rm -rf examples/platform/cdktf.out
timed "synth typescript (npm run example)" bash -c 'npm run --silent example >/dev/null'

COMPARE=()

# --- Python -----------------------------------------------------------------------------
if want python; then
  log "Python: venv $CACHE/venv"
  [ -x "$CACHE/venv/bin/python" ] || python3 -m venv "$CACHE/venv"
  PY="$CACHE/venv/bin/python"
  # The library's wheel is always 0.0.0 locally: reinstall it (without dependencies) every time.
  timed "pip install" bash -c '
    "$1" -m pip install -q --disable-pip-version-check "cdktf==$2" "cdktf-cdktf-provider-tfe==$3"
    "$1" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps dist/python/*.whl
  ' _ "$PY" "$CDKTF_VERSION" "$TFE_VERSION"
  rm -rf examples/python/cdktf.out
  (cd examples/python && timed "synth python" "$PY" main.py)
  COMPARE+=("python=examples/python/cdktf.out")

  # The adoption generator's Python output synthesizes the same JSON as its TypeScript output
  # (both written by `cdktf-tfe adopt` from the recorded answers of test/fixtures/adopt/acme.json).
  log "Python: the program cdktf-tfe adopt writes, against its TypeScript program"
  ADOPT="$CACHE/adopt"
  rm -rf "$ADOPT" && mkdir -p "$ADOPT"
  node bin/cdktf-tfe adopt --organization acme --from-recording test/fixtures/adopt/acme.json --out "$ADOPT/ts" --library-module "$ROOT/lib" > /dev/null
  node bin/cdktf-tfe adopt --organization acme --from-recording test/fixtures/adopt/acme.json --out "$ADOPT/py" --language python > /dev/null
  (cd "$ADOPT/ts" && NODE_PATH="$ROOT/node_modules" TS_NODE_TRANSPILE_ONLY=1 timed "synth adoption typescript" "$ROOT/node_modules/.bin/ts-node" main.ts)
  (cd "$ADOPT/py" && timed "synth adoption python" "$PY" main.py)
  node polyglot/compare.js --ref "$ADOPT/ts/cdktf.out" "python-adopt=$ADOPT/py/cdktf.out"

  # The platform-file example (examples/platform-file): main.py synthesizes what main.ts does.
  log "Python: the platform-file example, against its TypeScript program"
  PF="$CACHE/platform-file"
  rm -rf "$PF" && mkdir -p "$PF"
  CDKTF_OUTDIR="$PF/ts" timed "synth platform file typescript" "$ROOT/node_modules/.bin/ts-node" --transpile-only --project e2e/tsconfig.json examples/platform-file/main.ts > /dev/null
  CDKTF_OUTDIR="$PF/py" timed "synth platform file python" "$PY" examples/platform-file/main.py
  node polyglot/compare.js --ref "$PF/ts" "python-platform-file=$PF/py"
fi

# --- Java -------------------------------------------------------------------------------
if want java; then
  log "Java: Maven, local repository $M2"
  bash polyglot/java-deps.sh
  jar_dir="$(dirname "$(find dist/java -name '*.pom' | head -1)")"
  base="$(basename "$jar_dir/"*.pom .pom)"
  version="$(basename "$jar_dir")"
  timed "mvn install-file" mvn -B -q org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file \
    -Dfile="$jar_dir/$base.jar" -DpomFile="$jar_dir/$base.pom"
  rm -rf examples/java/cdktf.out
  (cd examples/java && timed "mvn compile exec:java (synth java)" \
    mvn -B -q -Dcdktf-tfe-constructs.version="$version" compile exec:java)
  COMPARE+=("java=examples/java/cdktf.out")
fi

# --- Go ---------------------------------------------------------------------------------
if want go; then
  log "Go: module file $CACHE/go-example/go.mod (examples/go/go.mod with local replacements)"
  bash polyglot/go-deps.sh
  mkdir -p "$CACHE/go-example"
  modfile="$CACHE/go-example/go.mod"
  cp examples/go/go.mod "$modfile"
  lib_module="$(sed -n 's/^module //p' dist/go/cdktftfeconstructs/go.mod)"
  (cd examples/go && go mod edit -modfile="$modfile" \
    -replace "$lib_module=$ROOT/dist/go/cdktftfeconstructs" \
    -replace "github.com/cdktf/cdktf-provider-tfe-go/tfe/v12=$CACHE/go-deps/$DEPS_KEY/go/tfe" \
    && timed "go mod tidy" go mod tidy -modfile="$modfile")
  rm -rf examples/go/cdktf.out
  (cd examples/go && timed "go build" go build -modfile="$modfile" -o "$CACHE/go-example/platform" . \
    && timed "synth go" "$CACHE/go-example/platform")
  COMPARE+=("go=examples/go/cdktf.out")
fi

# --- Compare ----------------------------------------------------------------------------
log "compare with the TypeScript synth"
node polyglot/compare.js "${COMPARE[@]}"

awk -v t0="$T_START" -v t1="$(date +%s.%N)" 'BEGIN { printf "== polyglot: done in %.0fs\n", t1 - t0 }'

# --- Benchmark (optional) ---------------------------------------------------------------
if [ -n "$BENCH_REPS" ]; then
  log "benchmark: 1,000 workspaces per language ($BENCH_REPS repetitions)"
  bench_langs="typescript"
  if want python; then bench_langs+=",python"; export BENCH_PYTHON="$CACHE/venv/bin/python"; fi
  if want java; then
    (cd examples/java && mvn -B -q -Dcdktf-tfe-constructs.version="$version" compile \
      dependency:build-classpath -Dmdep.outputFile="$CACHE/java-classpath.txt")
    bench_langs+=",java"; export BENCH_JAVA_CP="$ROOT/examples/java/target/classes:$(cat "$CACHE/java-classpath.txt")"
  fi
  if want go; then
    (cd examples/go && go build -modfile="$CACHE/go-example/go.mod" -o "$CACHE/go-example/generate" ./generate)
    bench_langs+=",go"; export BENCH_GO="$CACHE/go-example/generate"
  fi
  BENCH_OUT="$CACHE/bench" node polyglot/bench.js --langs "$bench_langs" --reps "$BENCH_REPS"
fi
