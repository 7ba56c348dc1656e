#!/usr/bin/env bash
# Builds the real Terraform toolchain from Go modules, cached outside the repository by version,
# so that a second run starts in seconds:
#   terraform  github.com/hashicorp/terraform@v$TERRAFORM_VERSION  (go install)
#   tofu       github.com/opentofu/opentofu@v$TOFU_VERSION ./cmd/tofu (built inside the module: its go.mod has replace directives)
# Prints the shell assignments TERRAFORM=... TOFU=... on stdout; progress goes to stderr. Any
# build failure ends the script with a non-zero status. Each binary is built in a private
# directory and renamed into the cache in one step, so concurrent runs never see half a build;
# when two runs build at once, the first rename wins and the other copy is dropped.
set -euo pipefail

TERRAFORM_VERSION="${TERRAFORM_VERSION:-1.5.7}"
TOFU_VERSION="${TOFU_VERSION:-1.10.6}"
CACHE="${CDKTF_TFE_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cdktf-tfe-constructs/tools}"
mkdir -p "$CACHE"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"

log() { echo "[toolchain] $*" >&2; }

# publish <private build directory> <cache directory>: the atomic rename into the cache.
publish() {
  chmod 755 "$1"
  if ! mv -T "$1" "$2" 2> /dev/null; then
    rm -rf "$1" # another run published the same version first
  fi
}

build_terraform() {
  local dir="$CACHE/terraform-$TERRAFORM_VERSION"
  if [ ! -x "$dir/terraform" ]; then
    command -v go > /dev/null || { log "go is needed to build terraform $TERRAFORM_VERSION"; return 1; }
    log "building terraform $TERRAFORM_VERSION (a few minutes on 2 cores)"
    local start=$SECONDS tmp
    tmp=$(mktemp -d "$CACHE/.terraform-$TERRAFORM_VERSION.XXXXXX")
    if ! GOBIN="$tmp" go install "github.com/hashicorp/terraform@v$TERRAFORM_VERSION" >&2; then
      rm -rf "$tmp"
      log "building terraform $TERRAFORM_VERSION failed"
      return 1
    fi
    publish "$tmp" "$dir"
    log "terraform built in $((SECONDS - start))s"
  fi
  TERRAFORM="$dir/terraform"
}

build_tofu() {
  local dir="$CACHE/tofu-$TOFU_VERSION"
  if [ ! -x "$dir/tofu" ]; then
    command -v go > /dev/null || { log "go is needed to build tofu $TOFU_VERSION"; return 1; }
    log "building tofu $TOFU_VERSION (a few minutes on 2 cores)"
    local start=$SECONDS src tmp
    src=$(go mod download -json "github.com/opentofu/opentofu@v$TOFU_VERSION" | sed -n 's/.*"Dir": "\(.*\)",*/\1/p')
    [ -d "$src" ] || { log "could not download github.com/opentofu/opentofu@v$TOFU_VERSION"; return 1; }
    tmp=$(mktemp -d "$CACHE/.tofu-$TOFU_VERSION.XXXXXX")
    if ! (cd "$src" && go build -o "$tmp/tofu" ./cmd/tofu) >&2; then
      rm -rf "$tmp"
      log "building tofu $TOFU_VERSION failed"
      return 1
    fi
    publish "$tmp" "$dir"
    log "tofu built in $((SECONDS - start))s"
  fi
  TOFU="$dir/tofu"
}

# Called directly, not inside $(...): a failure stops the script (set -e) instead of
# printing an empty path that fails later with ENOENT.
build_terraform
build_tofu
echo "TERRAFORM=$(printf '%q' "$TERRAFORM")"
echo "TOFU=$(printf '%q' "$TOFU")"
