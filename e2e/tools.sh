#!/usr/bin/env bash
# Finds the two test tools the deploy tiers need and prints shell assignments on stdout
# (progress and problems go to stderr):
#   TFE_PROVIDER_MIRROR  a filesystem mirror holding hashicorp/tfe 0.71.0 for terraform and tofu
#   OTFD                 the OTF 0.6.3 server (a TFE-API implementation)
# Each comes from the environment when set there; otherwise from the compressed builds in
# ../shared/tools beside the checkout (CDKTF_TFE_SHARED_TOOLS to look elsewhere), unpacked once
# into a cache directory named after the binary's sha256. The checksum is checked before the
# directory appears, and it appears by an atomic rename, so concurrent runs never see half a
# binary. A tool that cannot be found prints as an empty assignment; the caller decides
# whether that is a skip or a failure.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${CDKTF_TFE_SHARED_TOOLS:-$ROOT/../shared/tools}"
CACHE="${CDKTF_TFE_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cdktf-tfe-constructs/tools}"
mkdir -p "$CACHE"

# sha256 of the unpacked binaries, as published with them (../shared/tools/README.md).
PROVIDER_VERSION=0.71.0
PROVIDER_SHA256=58a1e7dfa80e4f77e244e0a4d3cb6fa641e9aff1b0b14da38c123b2e56f27d74
OTFD_SHA256=77596d21a944dbe4b914d7ea091e7a6e025953bd6e58fb8f17a35017d2abe436

log() { echo "[tools] $*" >&2; }

# unpack <xz file> <sha256> <directory name> <path of the binary inside the directory> [<hard link inside the directory> ...]
# Prints the cached directory. Fails when the file is missing or its content has another checksum.
unpack() {
  local src=$1 sum=$2 name=$3 bin=$4
  shift 4
  local dir="$CACHE/$name-$sum"
  if [ -x "$dir/$bin" ]; then
    echo "$dir"
    return 0
  fi
  if [ ! -f "$src" ]; then
    log "not found: $src"
    return 1
  fi
  command -v xz > /dev/null || { log "xz is needed to unpack $src (Debian package xz-utils)"; return 1; }
  local tmp
  tmp=$(mktemp -d "$CACHE/.$name.XXXXXX")
  mkdir -p "$(dirname "$tmp/$bin")"
  xz -dc "$src" > "$tmp/$bin"
  local actual
  actual=$(sha256sum "$tmp/$bin" | cut -d' ' -f1)
  if [ "$actual" != "$sum" ]; then
    rm -rf "$tmp"
    log "$src unpacks to sha256 $actual, expected $sum: refusing it"
    return 1
  fi
  chmod 755 "$tmp/$bin"
  local link
  for link in "$@"; do
    mkdir -p "$(dirname "$tmp/$link")"
    ln "$tmp/$bin" "$tmp/$link"
  done
  # Atomic: either this run's directory becomes the cache entry, or another run's already is
  # (same checksum, same content) and this one is dropped.
  if ! mv -T "$tmp" "$dir" 2> /dev/null; then
    rm -rf "$tmp"
  fi
  log "unpacked $(basename "$src") into $dir"
  echo "$dir"
}

mirror="${TFE_PROVIDER_MIRROR:-}"
if [ -n "$mirror" ]; then
  [ -d "$mirror/registry.terraform.io/hashicorp/tfe/$PROVIDER_VERSION" ] || log "TFE_PROVIDER_MIRROR=$mirror holds no hashicorp/tfe $PROVIDER_VERSION"
else
  plugin="terraform-provider-tfe_v$PROVIDER_VERSION"
  path="hashicorp/tfe/$PROVIDER_VERSION/linux_amd64/$plugin"
  mirror=$(unpack "$SHARED/${plugin}_linux_amd64.xz" "$PROVIDER_SHA256" "tfe-provider-mirror" \
    "registry.terraform.io/$path" "registry.opentofu.org/$path") || mirror=""
fi

otfd="${OTFD:-}"
if [ -n "$otfd" ]; then
  [ -x "$otfd" ] || log "OTFD=$otfd is not an executable"
else
  dir=$(unpack "$SHARED/otfd_v0.6.3_linux_amd64.xz" "$OTFD_SHA256" "otfd" "otfd") && otfd="$dir/otfd" || otfd=""
fi

echo "TFE_PROVIDER_MIRROR=$(printf '%q' "$mirror")"
echo "OTFD=$(printf '%q' "$otfd")"
