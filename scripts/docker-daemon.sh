#!/usr/bin/env bash
# Makes a Docker engine answer for the Docker tier: uses a running one, else (as root) installs Debian's docker.io,
# docker-compose and debootstrap with apt and starts dockerd in the background. Exit status 0 when Docker answers;
# otherwise one line on stderr saying why. Prints the pid of a dockerd it started on stdout, so the caller can stop it.
# The dockerd it starts publishes ports on 127.0.0.1 unless told otherwise, and gives containers no outbound NAT.
set -uo pipefail
log=${DOCKERD_LOG:-${TMPDIR:-/tmp}/csto-graph-dockerd.log}

if docker info >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != 0 ]; then echo "Docker tier skipped: no Docker engine answers and starting one needs root." >&2; exit 1; fi
missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker-compose >/dev/null || docker compose version >/dev/null 2>&1 || missing+=(docker-compose)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if [ ${#missing[@]} -gt 0 ]; then
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >"$log.apt" 2>&1; then
    echo "Docker tier skipped: apt-get could not install ${missing[*]} (see $log.apt)." >&2
    exit 1
  fi
fi
dockerd --ip 127.0.0.1 --ip-masq=false >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then echo "$pid"; exit 0; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
kill "$pid" 2>/dev/null
echo "Docker tier skipped: dockerd did not start within 60 s ($(tail -1 "$log" | cut -c1-160))." >&2
exit 1
