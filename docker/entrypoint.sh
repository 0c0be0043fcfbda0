#!/bin/sh
# Roles: control (API), gateway (SIP/RTP/WebRTC), all (both in one process).
set -e
case "${1:-all}" in
  control) exec bun control/src/main.ts ;;
  gateway) exec bun gateway/src/main.ts ;;
  all) exec bun control/src/all-in-one.ts ;;
  *) exec "$@" ;;
esac
