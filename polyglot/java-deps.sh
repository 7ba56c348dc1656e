#!/usr/bin/env bash
# Java bindings of cdktf and @cdktf/provider-tfe, installed into the local Maven repository.
#
# Maven Central serves neither com.hashicorp:cdktf 0.21.0 (its newest there is 0.19.2) nor any
# com.hashicorp:cdktf-provider-tfe, so `jsii-pacmak --target java` of this library cannot
# resolve its dependencies ("No versions available for com.hashicorp:cdktf-provider-tfe:jar:
# [12.5.1,12.5.1]"). Both npm packages ship their jsii assembly (.jsii): jsii-pacmak builds the
# same jars from them (the Maven coordinates are the assemblies' own, targets.java.maven).
# Built once per (cdktf, provider, jsii-pacmak) version into $POLYGLOT_CACHE, then installed
# into $MAVEN_REPO_LOCAL (~/.m2/repository) unless already there.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

out="$CACHE/java-deps/$DEPS_KEY"
if [ ! -f "$out/.complete" ]; then
  log "building the Java bindings of cdktf $CDKTF_VERSION and @cdktf/provider-tfe $TFE_VERSION (once; cached in $out)"
  rm -rf "$out"
  npx jsii-pacmak --target java --outdir "$out" --maven-local-repository "$M2" \
    node_modules/cdktf node_modules/@cdktf/provider-tfe
  touch "$out/.complete"
fi

install() { # groupId artifactId version
  local dir="$out/java/${1//.//}/$2/$3" base="$2-$3"
  if [ -f "$M2/${1//.//}/$2/$3/$base.jar" ] && cmp -s "$dir/$base.jar" "$M2/${1//.//}/$2/$3/$base.jar"; then
    return
  fi
  log "installing $1:$2:$3 into $M2"
  mvn -B -q org.apache.maven.plugins:maven-install-plugin:3.1.2:install-file \
    -Dfile="$dir/$base.jar" -DpomFile="$dir/$base.pom" -Dsources="$dir/$base-sources.jar"
}
install com.hashicorp cdktf "$CDKTF_VERSION"
install com.hashicorp cdktf-provider-tfe "$TFE_VERSION"
