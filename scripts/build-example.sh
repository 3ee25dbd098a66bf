#!/usr/bin/env bash
# The main job on the embedded defaults: build and install the tools, generate a new application from
# the archetype (found in the local catalog), and package it into an OSv image.
set -euo pipefail
cd "$(dirname "$0")/.."

# the reactor's version: the first <version> of the parent POM
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
mvn -B install -DskipTests -Dinvoker.skip=true -Darchetype.test.skip=true

work=target/example
rm -rf "$work"
mkdir -p "$work"
(cd "$work" && mvn -B archetype:generate -DarchetypeCatalog=local \
  -DarchetypeGroupId=io.osvmaven -DarchetypeArtifactId=osv-archetype -DarchetypeVersion="$version" \
  -DgroupId=com.example -DartifactId=hello-osv -Dversion=1.0-SNAPSHOT -Dpackage=com.example.hello)
mvn -B -f "$work/hello-osv/pom.xml" package osv:inspect

echo
echo "Image:      $work/hello-osv/target/hello-osv.img"
echo "Descriptor: $work/hello-osv/target/hello-osv.json"
