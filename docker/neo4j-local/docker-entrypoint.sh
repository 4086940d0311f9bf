#!/bin/sh
# Starts Neo4j like the official image does, for the settings csto-graph uses: NEO4J_AUTH=neo4j/<password>,
# NEO4J_server_memory_heap_initial__size, NEO4J_server_memory_heap_max__size (default 512m),
# NEO4J_server_memory_pagecache_size (default 256m); data in /data; Bolt on 0.0.0.0:7687 inside the container.
set -eu
case "${NEO4J_AUTH:-}" in
  neo4j/?*) NEO4J_PASSWORD=${NEO4J_AUTH#neo4j/} ;;
  *) echo "This image needs NEO4J_AUTH=neo4j/<password> (got '${NEO4J_AUTH:-}')." >&2; exit 1 ;;
esac
export NEO4J_PASSWORD
heap_max=${NEO4J_server_memory_heap_max__size:-512m}
heap_initial=${NEO4J_server_memory_heap_initial__size:-$heap_max}
# The launcher's --standalone: no stdin or parent watch (docker stop sends SIGTERM), and "Started." once ready.
exec java "-Xms$heap_initial" "-Xmx$heap_max" -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError \
  -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true -Dlog4j2.disable.jmx=true \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  -cp '/opt/neo4j/classes:/opt/neo4j/lib/*' Neo4jLauncher --home /data --address 0.0.0.0 --port 7687 \
  --page-cache "${NEO4J_server_memory_pagecache_size:-256m}" --standalone true
