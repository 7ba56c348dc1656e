#!/usr/bin/env bash
# The end-to-end suite (npm run test:e2e; README, "End-to-end"):
#   - terraform 1.5.7 and tofu, built from Go modules (e2e/toolchain.sh, cached);
#   - the hashicorp/tfe 0.71.0 provider mirror and OTF's otfd, from the environment
#     (TFE_PROVIDER_MIRROR, OTFD) or from ../shared/tools (e2e/tools.sh, cached by checksum);
#   - PostgreSQL and otfd on loopback ports of this run's own (e2e/server.sh), stopped by PID
#     when the run ends, however it ends;
#   - the five tiers (e2e/main.ts), each printing its counts.
# The last line is always "N passed, N failed"; the exit status is 0 only when nothing failed.
# Outside CI a missing tool skips the checks that need it; with CI=true a skip is a failure.
# E2E_KEEP=1 keeps the run's work directory (logs, synthesized stacks, plans) for inspection.
set -euo pipefail
cd "$(dirname "$0")/.."

ci=""
if [ "${CI:-}" = true ] || [ "${CI:-}" = 1 ]; then ci=1; fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cdktf-tfe-e2e.XXXXXX")
chmod 711 "$WORK" # PostgreSQL runs as its own user and must reach its directory below
export E2E_WORK="$WORK"
outside_failures=0
started=$SECONDS

# shellcheck source=e2e/server.sh
source e2e/server.sh

TIERS_PID=""
finish() {
  local code=$? passed=0 failed=0
  trap - EXIT INT TERM
  if [ -n "$TIERS_PID" ] && kill -0 "$TIERS_PID" 2> /dev/null; then
    # Interrupted: stop the tiers (their own process group: node and the CLIs it runs) first.
    kill -TERM -- "-$TIERS_PID" 2> /dev/null || true
    wait "$TIERS_PID" 2> /dev/null || true
  fi
  otf_stop
  if [ -f "$WORK/counts" ]; then
    read -r passed failed < "$WORK/counts"
  elif [ "$code" -ne 0 ] && [ "$outside_failures" -eq 0 ]; then
    echo "the suite stopped before its tiers finished (exit $code)" >&2
    outside_failures=1
  fi
  failed=$((failed + outside_failures))
  if [ -n "${E2E_KEEP:-}" ]; then
    echo "work directory kept: $WORK"
  else
    rm -rf "$WORK"
  fi
  echo "e2e wall time: $((SECONDS - started))s"
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$code" -eq 0 ] && exit 0
  exit 1
}
trap finish EXIT
trap 'exit 130' INT TERM

missing() { # <what>: a tool is missing; in CI that alone is a failure
  if [ -n "$ci" ]; then
    echo "FAILED: $1 (CI=true: every tool must be present)"
    outside_failures=$((outside_failures + 1))
  else
    echo "missing: $1 (the checks that need it are skipped)"
  fi
}

echo "== toolchain"
toolchain=$(bash e2e/toolchain.sh)
eval "$toolchain"
export TERRAFORM TOFU
echo "terraform 1.5.7: $TERRAFORM"
TOFU_VERSION_FOUND=$(TF_CLI_CONFIG_FILE=/dev/null "$TOFU" version 2> /dev/null | sed -n '1s/^OpenTofu v//p')
export TOFU_VERSION_FOUND
echo "tofu:            $TOFU (OpenTofu ${TOFU_VERSION_FOUND:-version unknown})"

SYSTEM_TERRAFORM=$(command -v terraform || true)
SYSTEM_TERRAFORM_VERSION=""
if [ -n "$SYSTEM_TERRAFORM" ]; then
  SYSTEM_TERRAFORM_VERSION=$(TF_CLI_CONFIG_FILE=/dev/null "$SYSTEM_TERRAFORM" version 2> /dev/null | sed -n '1s/^Terraform v//p')
  if [ "$SYSTEM_TERRAFORM_VERSION" = 1.5.7 ] || [ -z "$SYSTEM_TERRAFORM_VERSION" ]; then SYSTEM_TERRAFORM=""; fi
fi
export SYSTEM_TERRAFORM SYSTEM_TERRAFORM_VERSION
echo "terraform on PATH: ${SYSTEM_TERRAFORM:-none besides the built one}${SYSTEM_TERRAFORM_VERSION:+ ($SYSTEM_TERRAFORM_VERSION)}"

tools=$(bash e2e/tools.sh)
eval "$tools"
export TFE_PROVIDER_MIRROR OTFD
[ -n "$TFE_PROVIDER_MIRROR" ] && echo "tfe provider mirror: $TFE_PROVIDER_MIRROR" || missing "hashicorp/tfe 0.71.0 (set TFE_PROVIDER_MIRROR, or put ../shared/tools beside the checkout)"
[ -n "$OTFD" ] && echo "otfd: $OTFD" || missing "OTF's otfd (set OTFD, or put ../shared/tools beside the checkout)"

echo "== server"
export OTF_MISSING=""
if [ -z "$OTFD" ]; then
  OTF_MISSING="no otfd"
elif ! otf_start "$WORK/server" "$OTFD"; then
  echo "FAILED: PostgreSQL and otfd did not start (logs under $WORK/server; E2E_KEEP=1 keeps them)"
  outside_failures=$((outside_failures + 1))
  OTF_MISSING="the server did not start"
fi
[ -n "$OTF_MISSING" ] && echo "server: not started ($OTF_MISSING)"
echo "ready after $((SECONDS - started))s"

# In a process group of their own, so that an interrupted run can stop them with everything they
# started; `wait` (unlike a foreground command) lets the INT/TERM trap run at once.
setsid node_modules/.bin/ts-node --project e2e/tsconfig.json e2e/main.ts &
TIERS_PID=$!
wait "$TIERS_PID"
