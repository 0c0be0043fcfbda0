#!/bin/sh
# Roles: control (API), gateway (SIP/RTP/WebRTC), all (both in one process), and
# `healthcheck control|gateway` for the container's health check. Everything the image runs
# was installed when it was built: --no-install keeps Bun from fetching packages at run time.
set -e
case "${1:-all}" in
  control) exec bun --no-install control/src/main.ts ;;
  gateway) exec bun --no-install gateway/src/main.ts ;;
  all) exec bun --no-install control/src/all-in-one.ts ;;
  healthcheck) exec bun --no-install scripts/healthcheck.ts "$2" ;;
  *) exec "$@" ;;
esac
