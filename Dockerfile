# One image for every role: `control`, `gateway` or `all` (the embedded default).
FROM oven/bun:1.4-debian

# espeak-ng and flite are spawned as separate processes for offline speech synthesis.
RUN apt-get update \
 && apt-get install -y --no-install-recommends espeak-ng flite ca-certificates \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY package.json bun.lock bunfig.toml ./
COPY control/package.json control/
COPY gateway/package.json gateway/
COPY shared/package.json shared/
COPY loadtest/package.json loadtest/
COPY loadtest/stand-ins/package.json loadtest/stand-ins/
RUN bun install --frozen-lockfile --production

COPY . .
ENV DATA_DIR=/data \
    CONTROL_HOST=0.0.0.0
VOLUME /data
# API, gateway HTTP (WebRTC signalling), SIP, RTP: the defaults, and docker-compose.yml's second
# gateway (3002, 5070, 15000-19999).
EXPOSE 3000 3001 3002 5060/udp 5060/tcp 5070/udp 5070/tcp 10000-19999/udp

# Nothing is installed when a container starts (see entrypoint.sh). Model weights are optional:
# read from MODELS_DIR, or fetched from the hub on first use when it is unset.
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["all"]
