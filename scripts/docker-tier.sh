#!/usr/bin/env bash
# The Docker tier (npm run test:docker): the local images (built or reused), the integration tier through
# Testcontainers on csto-graph/neo4j-local:5.26, then the compose check. Prints each part's duration.
# Needs a running Docker engine (scripts/docker-daemon.sh starts one) and root for building images.
set -euo pipefail
cd "$(dirname "$0")/.."

# Runs one part and prints its duration; a failed part fails the tier at the end, after the other parts ran.
failed=()
timed() {
  local name=$1 began=$SECONDS status=0
  shift
  echo "== $name"
  "$@" || status=$?
  echo "== $name: $((SECONDS - began)) s$([ $status = 0 ] || echo ", FAILED (exit $status)")"
  [ $status = 0 ] || failed+=("$name")
}

# npm test runs these against the managed Neo4j; how the test Neo4j is provided does not reach their subject (a
# managed Neo4j of their own, the browser, the seeded fuzz), and running them again would add about 4 minutes.
provider_independent=(tests/managed-neo4j.int.test.ts tests/explorer.int.test.ts tests/reliability.int.test.ts)

testcontainers_tier() {
  local volumes_before
  volumes_before=$(docker volume ls -q | sort)
  # Ryuk's image cannot be pulled where no registry is reachable; the global setup removes its container itself.
  # Ports are published on 127.0.0.1, which Testcontainers does not pick on its own inside a VM that looks like a container.
  local status=0 left
  NEO4J_PROVIDER=testcontainers NEO4J_IMAGE=${NEO4J_IMAGE:-csto-graph/neo4j-local:5.26} TESTCONTAINERS_RYUK_DISABLED=true \
    TESTCONTAINERS_HOST_OVERRIDE=${TESTCONTAINERS_HOST_OVERRIDE:-127.0.0.1} npx vitest run --project integration \
    "${provider_independent[@]/#/--exclude=}" || status=$?
  left=$(docker ps -aq --filter label=org.testcontainers=true)
  [ -z "$left" ] || { echo "Testcontainers left containers behind: $left" >&2; exit 1; }
  [ "$(docker volume ls -q | sort)" = "$volumes_before" ] || { echo "Testcontainers left a volume behind." >&2; exit 1; }
  echo "no container or volume left behind"
  return $status
}

timed "docker images" scripts/docker-images.sh
# Without images there is nothing to test.
[ ${#failed[@]} = 0 ] || exit 1
timed "Testcontainers tier" testcontainers_tier
timed "compose check" scripts/compose-check.sh
[ ${#failed[@]} = 0 ] || { echo "Docker tier failed: ${failed[*]}" >&2; exit 1; }
