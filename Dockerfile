# The API image; Neo4j comes from its own service (docker-compose.yml), so no Java is needed here.
# NODE_IMAGE: the Node 20 base; where no registry is reachable, scripts/docker-images.sh builds csto-graph/node-local:20.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# .docker-npm-cach[e] is the npm cache scripts/docker-images.sh fills: then it lands here as _cacache and npm ci runs
# offline. Elsewhere the pattern matches nothing (allowed beside other sources) and npm ci fetches from the registry.
COPY package.json package-lock.json .docker-npm-cach[e] ./
RUN if [ -d _cacache ]; then offline=--offline; else offline=; fi \
 && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --cache /app $offline

FROM ${NODE_IMAGE}
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
COPY cypher ./cypher
COPY schema ./schema
USER node
# glibc gives each thread that allocates its own arena and keeps what they free: 2 arenas save about 140 MB of RSS
# under load (see README, Reliability).
ENV MALLOC_ARENA_MAX=2
EXPOSE 4000
CMD ["node", "--import", "tsx", "src/commands/start.ts"]
