#!/usr/bin/env bash
# The Docker tier (npm run test:docker): the local images (built or reused), the integration tier through
# Testcontainers on csto-graph/neo4j-local:5.26, then the compose check. Prints each part's duration.
# Needs a running Docker engine (scripts/docker-daemon.sh starts one) and root for building images.
set -euo pipefail
cd "$(dirname "$0")/.."

timed() {
  local name=$1 began=$SECONDS
  shift
  echo "== $name"
  "$@"
  echo "== $name: $((SECONDS - began)) s"
}

testcontainers_tier() {
  local volumes_before
  volumes_before=$(docker volume ls -q | sort)
  # Ryuk's image cannot be pulled where no registry is reachable; the global setup removes its container itself.
  # Ports are published on 127.0.0.1, which Testcontainers does not pick on its own inside a VM that looks like a container.
  NEO4J_PROVIDER=testcontainers NEO4J_IMAGE=${NEO4J_IMAGE:-csto-graph/neo4j-local:5.26} TESTCONTAINERS_RYUK_DISABLED=true \
    TESTCONTAINERS_HOST_OVERRIDE=${TESTCONTAINERS_HOST_OVERRIDE:-127.0.0.1} npx vitest run --project integration
  local left
  left=$(docker ps -aq --filter label=org.testcontainers=true)
  [ -z "$left" ] || { echo "Testcontainers left containers behind: $left" >&2; exit 1; }
  [ "$(docker volume ls -q | sort)" = "$volumes_before" ] || { echo "Testcontainers left a volume behind." >&2; exit 1; }
  echo "no container or volume left behind"
}

timed "docker images" scripts/docker-images.sh
timed "Testcontainers tier" testcontainers_tier
timed "compose check" scripts/compose-check.sh
