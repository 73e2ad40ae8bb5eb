# One image for every service of the supergraph: the four subgraphs and the gateway. Which one a
# container runs is its command (see compose.yaml):
#   node services/<name>/dist/main.js          a subgraph (settings: <NAME>_DATABASE_URL, <NAME>_PORT, HOST, JWT_*)
#   node gateway/dist/gateway/main.js --config  the gateway (a supergraph.yaml-style file)
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json turbo.json tsconfig.base.json ./
COPY services ./services
COPY gateway ./gateway
COPY bench ./bench
COPY test/package.json ./test/package.json
RUN npm install --no-audit --no-fund && npx turbo run build --output-logs=errors-only

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 TURBO_TELEMETRY_DISABLED=1
WORKDIR /app
COPY --from=build /app /app
COPY schema ./schema
COPY docs ./docs
COPY supergraph.yaml ./supergraph.yaml
COPY deploy ./deploy
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4000 4001 4002 4003 4004
CMD ["node", "gateway/dist/gateway/main.js", "--config", "deploy/compose-supergraph.yaml"]
