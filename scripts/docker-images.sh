#!/usr/bin/env bash
# Builds the local images that stand in for the official ones where no image registry is reachable, from Debian
# packages (debootstrap + docker import) and Maven Central's jars only:
#   csto-graph/debian-local:bookworm  Debian bookworm, minbase variant
#   csto-graph/jre-local:17           that + Debian's openjdk-17-jre-headless
#   csto-graph/neo4j-local:5.26       Neo4j 5.26 Community: the managed Neo4j's launcher and jars, cypher-shell (docker/neo4j-local)
#   csto-graph/node-local:20          Debian + this machine's own Node 20 and npm (docker/node-local)
# and .docker-npm-cache, the npm cache from which the API's Dockerfile installs with no network.
# An image whose inputs did not change (a hash kept in its label) is reused. Needs root, docker and apt.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
suite=bookworm
neo4j_version=5.26.30
label=org.csto-graph.inputs

[ "$(id -u)" = 0 ] || { echo "docker:images needs root (debootstrap, chroot)." >&2; exit 1; }
docker info >/dev/null 2>&1 || { echo "docker:images needs a running Docker daemon." >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/csto-graph-images.XXXXXX")
cleanup() {
  # A chroot's /proc must be unmounted before its tree is deleted.
  if mountpoint -q "$work/jre/proc" 2>/dev/null; then umount "$work/jre/proc"; fi
  rm -rf "$work"
}
trap cleanup EXIT

inputs_of() { docker image inspect -f "{{ index .Config.Labels \"$label\" }}" "$1" 2>/dev/null || true; }
image_id() { docker image inspect -f '{{.Id}}' "$1"; }
hash_of() { sha256sum | cut -c1-16; }
# Prints "reusing" and returns 0 when image $1 exists and was built from inputs $2.
reuse() {
  if [ "$(inputs_of "$1")" = "$2" ]; then
    echo "== $1: reusing ($(docker image inspect -f '{{.Size}}' "$1" | awk '{printf "%.0f MB", $1 / 1e6}'))"
    return 0
  fi
  echo "== $1: building"
  return 1
}

# The machine's own Debian mirror for $suite, from its apt sources (deb822 files first, then one-line sources.list).
debian_mirror() {
  local mirror
  mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk -v s="$suite" '
    tolower($1) == "uris:" { uri = $2 }
    tolower($1) == "suites:" { for (i = 2; i <= NF; i++) if ($i == s) { print uri; exit } }')
  if [ -z "$mirror" ]; then
    mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk -v s="$suite" '
      $1 == "deb" { sub(/\[[^]]*\] */, ""); if ($3 == s) { print $2; exit } }')
  fi
  [ -n "$mirror" ] || { echo "No Debian $suite mirror in this machine's apt sources." >&2; exit 1; }
  echo "$mirror"
}

# Runs a command with its output in $work/last.log, shown only when it fails.
quietly() {
  "$@" >"$work/last.log" 2>&1 || { tail -30 "$work/last.log" >&2; echo "failed: $*" >&2; exit 1; }
}

# Imports directory $1 as image $2 with inputs $3, without apt's package lists.
import_rootfs() {
  rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*
  tar --numeric-owner -C "$1" -c . | docker import -c "LABEL $label=$3" -c 'CMD ["bash"]' - "$2" >/dev/null
}

build_debian() {
  local image=csto-graph/debian-local:$suite key
  key=$(echo "debian $suite minbase 1" | hash_of)
  reuse "$image" "$key" && return
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  quietly debootstrap --variant=minbase "$suite" "$work/debian" "$(debian_mirror)"
  import_rootfs "$work/debian" "$image" "$key"
}

build_jre() {
  local image=csto-graph/jre-local:17 key container rootfs=$work/jre
  key=$( (image_id "csto-graph/debian-local:$suite"; echo "openjdk-17-jre-headless 1") | hash_of)
  reuse "$image" "$key" && return
  mkdir -p "$rootfs"
  container=$(docker create "csto-graph/debian-local:$suite")
  docker export "$container" | tar -C "$rootfs" -x
  docker rm "$container" >/dev/null
  # apt runs in a chroot on this machine, so no container needs the network.
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  mount -t proc proc "$rootfs/proc"
  quietly chroot "$rootfs" apt-get update -qq
  quietly chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless
  chroot "$rootfs" apt-get clean
  umount "$rootfs/proc"
  : >"$rootfs/etc/resolv.conf"
  import_rootfs "$rootfs" "$image" "$key"
}

build_neo4j() {
  local image=csto-graph/neo4j-local:5.26 key ctx=$work/neo4j
  key=$( (image_id csto-graph/jre-local:17; echo "$neo4j_version"
    cat src/neo4j/launcher/pom.xml src/neo4j/launcher/Neo4jLauncher.java src/neo4j/cypher-shell/pom.xml docker/neo4j-local/*) | hash_of)
  reuse "$image" "$key" && return
  mkdir -p "$ctx"
  cp docker/neo4j-local/* "$ctx/"
  # The same poms as the managed Neo4j and the cypher-shell test: the jars come from Maven Central (or ~/.m2).
  quietly mvn -B -f src/neo4j/launcher/pom.xml dependency:copy-dependencies -Dneo4j.version="$neo4j_version" -DoutputDirectory="$ctx/lib"
  quietly mvn -B -f src/neo4j/cypher-shell/pom.xml dependency:copy-dependencies -DoutputDirectory="$ctx/cypher-shell-lib"
  # The image has Java 17; this machine's javac may be newer.
  quietly javac --release 17 -nowarn -encoding UTF-8 -d "$ctx/classes" -cp "$ctx/lib/*" src/neo4j/launcher/Neo4jLauncher.java
  quietly docker build --label "$label=$key" -t "$image" "$ctx"
}

build_node() {
  local image=csto-graph/node-local:20 key ctx=$work/node node_bin npm_dir
  node_bin=$(node -p process.execPath)
  npm_dir=$(npm root -g)/npm
  [ "$(node -p 'process.versions.node.split(".")[0]')" = 20 ] ||
    { echo "$image is made from this machine's Node, which is $(node --version), not 20." >&2; exit 1; }
  key=$( (image_id "csto-graph/debian-local:$suite"; node --version; npm --version; cat docker/node-local/*) | hash_of)
  reuse "$image" "$key" && return
  mkdir -p "$ctx"
  cp docker/node-local/* "$ctx/"
  cp "$node_bin" "$ctx/node"
  cp -r "$npm_dir" "$ctx/npm"
  quietly docker build --label "$label=$key" -t "$image" "$ctx"
}

# The API's Dockerfile runs `npm ci --offline` from this cache when it exists, so its build needs no network;
# the stamp beside it (not inside: the Dockerfile copies the folder's content) names the lock file it was filled from.
prepare_npm_cache() {
  local key stamp=.docker-npm-cache.sha256
  key=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" = "$key" ]; then echo "== .docker-npm-cache: reusing"; return; fi
  echo "== .docker-npm-cache: filling"
  rm -rf .docker-npm-cache "$stamp"
  mkdir -p "$work/npm"
  cp package.json package-lock.json "$work/npm/"
  (cd "$work/npm" && quietly npm ci --omit=dev --ignore-scripts --no-audit --no-fund --prefer-offline --cache "$root/.docker-npm-cache")
  echo "$key" >"$stamp"
}

build_debian
build_jre
build_neo4j
build_node
prepare_npm_cache
# A rebuilt image leaves its predecessor untagged; only ours (they carry the label) are removed.
docker image prune -f --filter "label=$label" >/dev/null
docker image ls --format '{{.Repository}}:{{.Tag}}\t{{.Size}}' | grep '^csto-graph/' | sort
