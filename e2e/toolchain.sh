#!/usr/bin/env bash
# Builds the real Terraform toolchain from Go modules, cached outside the repository by version,
# so that a second run starts in seconds:
#   terraform  github.com/hashicorp/terraform@v$TERRAFORM_VERSION  (go install)
#   tofu       github.com/opentofu/opentofu@v$TOFU_VERSION ./cmd/tofu (built inside the module: its go.mod has replace directives)
# Prints the shell assignments TERRAFORM=... TOFU=... on stdout; progress goes to stderr.
set -euo pipefail

TERRAFORM_VERSION="${TERRAFORM_VERSION:-1.5.7}"
TOFU_VERSION="${TOFU_VERSION:-1.10.6}"
CACHE="${CDKTF_TFE_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cdktf-tfe-constructs/tools}"
mkdir -p "$CACHE"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"

log() { echo "[toolchain] $*" >&2; }

build_terraform() {
  local dir="$CACHE/terraform-$TERRAFORM_VERSION"
  if [ ! -x "$dir/terraform" ]; then
    log "building terraform $TERRAFORM_VERSION (a few minutes on 2 cores)"
    local start=$SECONDS
    mkdir -p "$dir.tmp"
    GOBIN="$dir.tmp" go install "github.com/hashicorp/terraform@v$TERRAFORM_VERSION" >&2
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
    log "terraform built in $((SECONDS - start))s"
  fi
  echo "$dir/terraform"
}

build_tofu() {
  local dir="$CACHE/tofu-$TOFU_VERSION"
  if [ ! -x "$dir/tofu" ]; then
    log "building tofu $TOFU_VERSION (a few minutes on 2 cores)"
    local start=$SECONDS
    local src
    src=$(go mod download -json "github.com/opentofu/opentofu@v$TOFU_VERSION" | sed -n 's/.*"Dir": "\(.*\)",*/\1/p')
    [ -d "$src" ] || { log "could not download github.com/opentofu/opentofu@v$TOFU_VERSION"; exit 1; }
    mkdir -p "$dir.tmp"
    (cd "$src" && go build -o "$dir.tmp/tofu" ./cmd/tofu) >&2
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
    log "tofu built in $((SECONDS - start))s"
  fi
  echo "$dir/tofu"
}

echo "TERRAFORM=$(build_terraform)"
echo "TOFU=$(build_tofu)"
