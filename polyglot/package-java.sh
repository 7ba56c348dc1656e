#!/usr/bin/env bash
# `jsii-pacmak --target java` of this library into dist/java, against the cdktf and provider
# bindings that java-deps.sh builds (Maven Central does not serve them), with the local Maven
# repository as pacmak's cache (by default pacmak downloads every Maven plugin again each time).
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash polyglot/java-deps.sh
npx jsii-pacmak -v --target java --maven-local-repository "$M2" "$@"
