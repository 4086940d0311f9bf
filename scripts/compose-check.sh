#!/usr/bin/env bash
# The compose check: docker-compose.yml for real, on the local images (scripts/docker-images.sh) unless NEO4J_IMAGE
# and NODE_IMAGE say otherwise. Builds the API image, brings the stack up, waits for both healthchecks, asks the
# README's headline question through the API container, checks /ready and that no container reaches outside, restarts
# the API, then takes the stack down keeping its volume and up again without loading: the answer must come from the
# named volume. Ends with `down -v` whatever happens. Host ports: API_HOST_PORT (4101) and two free ones for Neo4j.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

export NEO4J_IMAGE=${NEO4J_IMAGE:-csto-graph/neo4j-local:5.26}
export NODE_IMAGE=${NODE_IMAGE:-csto-graph/node-local:20}
free_port() { node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"; }
export API_HOST_PORT=${API_HOST_PORT:-4101}
NEO4J_BOLT_HOST_PORT=$(free_port)
NEO4J_HTTP_HOST_PORT=$(free_port)
export NEO4J_BOLT_HOST_PORT NEO4J_HTTP_HOST_PORT

# Compose v2 when the docker CLI has it, else Debian's docker-compose 1.29; its own project name spares a user's stack.
if docker compose version >/dev/null 2>&1; then compose_cmd=(docker compose); else compose_cmd=(docker-compose); fi
compose() { "${compose_cmd[@]}" -p csto-graph-check "$@"; }
step() { echo "[compose-check $((SECONDS - started)) s] $*"; }
trap 'step "down -v"; compose down -v --remove-orphans >/dev/null 2>&1 || true' EXIT

# Waits until the service's container reports healthy (or fails after 300 s).
wait_healthy() {
  local id status
  id=$(compose ps -q "$1")
  for _ in $(seq 1 150); do
    status=$(docker inspect -f '{{.State.Health.Status}}' "$id")
    if [ "$status" = healthy ]; then step "$1 healthy"; return; fi
    sleep 2
  done
  docker logs --tail 30 "$id" >&2
  echo "compose check: $1 did not become healthy ($status)." >&2
  exit 1
}

# Runs a fetch inside the API container; prints the HTTP status and the body.
in_api() {
  compose exec -T api node -e "
    const [url, body] = process.argv.slice(1);
    const init = body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body } : {};
    fetch(url, init).then(async (r) => console.log(r.status, await r.text()), (e) => { console.log('failed', e.cause?.code ?? e.message); process.exit(1); });
  " "$@"
}

headline='{ helpRequests(addressee: "csto", outcome: REFUSED) { requester { slug name } startDate responseManner } }'
expected='kyrgyzstan 1999-01-01 EXPLICIT; kyrgyzstan 2010-01-01 EXPLICIT; kyrgyzstan 2021-01-01 EXPLICIT; armenia 2022-09-01 PASSIVE'
ask_headline() {
  local answer got
  answer=$(in_api http://127.0.0.1:4000/graphql "$(node -e 'console.log(JSON.stringify({ query: process.argv[1] }))' "$headline")")
  step "headline answer ($1): $answer"
  got=$(node -e "
    const json = JSON.parse(process.argv[1].replace(/^200 /, ''));
    console.log(json.data.helpRequests.map((h) => [h.requester.slug, h.startDate, h.responseManner].join(' ')).join('; '));
  " "$answer")
  [ "$got" = "$expected" ] || { echo "compose check: expected '$expected', got '$got'." >&2; exit 1; }
}

step "${compose_cmd[*]}, NEO4J_IMAGE=$NEO4J_IMAGE, NODE_IMAGE=$NODE_IMAGE"
compose config -q
step "building the API image"
build_log=$(mktemp)
compose build api >"$build_log" 2>&1 || { tail -30 "$build_log" >&2; exit 1; }
rm -f "$build_log"
step "up"
compose up -d
wait_healthy neo4j
wait_healthy api
ask_headline "first start"
step "/ready: $(in_api http://127.0.0.1:4000/ready)"
# The containers' network has no outbound NAT. It is read from the network itself rather than tried: a check must not
# send traffic off this machine, even traffic that would be dropped.
masquerade=$(docker network inspect csto-graph-check_default --format '{{index .Options "com.docker.network.bridge.enable_ip_masquerade"}}')
[ "$masquerade" = false ] || { echo "compose check: the stack's network masquerades outbound traffic ($masquerade)." >&2; exit 1; }
step "outbound NAT of the stack's network: off"

compose restart api
wait_healthy api
ask_headline "API restarted"

step "down (volume kept), up again with CSTO_LOAD_ON_START=0"
compose down
CSTO_LOAD_ON_START=0 compose up -d
wait_healthy neo4j
wait_healthy api
ask_headline "from the named volume, not loaded again"
step "passed"
