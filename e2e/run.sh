#!/usr/bin/env bash
# The end-to-end suite (npm run test:e2e): builds the real toolchain from Go modules (cached),
# synthesizes the example platform and the fixture, and runs every stack through
# `terraform init/validate` and `tofu init/validate`.
set -euo pipefail
cd "$(dirname "$0")/.."

eval "$(bash e2e/toolchain.sh)"
export TERRAFORM TOFU
echo "== $("$TERRAFORM" version | head -1); $("$TOFU" version | head -1)"

echo "== synthesize"
npm run --silent example > /dev/null
npx ts-node --project e2e/tsconfig.json e2e/fixture.ts > /dev/null

echo "== tier 1: init + validate"
npx ts-node --project e2e/tsconfig.json e2e/validate.ts examples/platform/cdktf.out e2e/cdktf.out
