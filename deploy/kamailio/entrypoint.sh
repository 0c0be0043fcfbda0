#!/bin/sh
# The edge container: writes the trunk list from TRUNK_CIDRS (comma-separated CIDRs), starts
# the dispatcher sync, then runs Kamailio in the foreground. Settings:
#   EDGE_LISTEN       address:port Kamailio listens on, UDP and TCP (default 0.0.0.0:5060)
#   TRUNK_CIDRS       the trunk's source ranges, e.g. 54.172.60.0/30,54.244.51.0/30
#   REDIS_URL         where the gateways announce themselves
#   CARRIER_HOSTPORT  where gateways' outbound INVITEs go on (optional)
#   DS_PING_INTERVAL_S  seconds between OPTIONS pings to each gateway (default 2)
set -e
RUN_DIR=/run/kamailio
mkdir -p "$RUN_DIR"
LIST="$RUN_DIR/dispatcher.list"
TRUNKS="$RUN_DIR/trunks.list"
CTL="unix:$RUN_DIR/kamailio_ctl"
[ -f "$LIST" ] || echo "# no gateway yet" > "$LIST"
echo "# Trunk addresses allowed to send requests to the edge." > "$TRUNKS"
for cidr in $(echo "${TRUNK_CIDRS:-}" | tr ',' ' '); do
  address="${cidr%/*}"
  mask="${cidr#*/}"
  [ "$mask" = "$cidr" ] && mask=32
  echo "1 $address $mask 0 trunk" >> "$TRUNKS"
done
KAMAILIO_DISPATCHER_LIST="$LIST" KAMAILIO_CTL_SOCKET="$CTL" \
  bun --no-install /app/deploy/kamailio/dispatcher-sync.ts &
LISTEN="${EDGE_LISTEN:-0.0.0.0:5060}"
set -- -DD -E -f /app/deploy/kamailio/kamailio.cfg -Y "$RUN_DIR" \
  -l "udp:$LISTEN" -l "tcp:$LISTEN" \
  -A "DISPATCHER_LIST=\"$LIST\"" -A "TRUNK_ADDRESS_LIST=\"$TRUNKS\"" -A "CTL_SOCKET=\"$CTL\"" \
  -A "DS_PING_INTERVAL_S=${DS_PING_INTERVAL_S:-2}"
if [ -n "${CARRIER_HOSTPORT:-}" ]; then set -- "$@" -A "CARRIER_HOSTPORT=\"$CARRIER_HOSTPORT\""; fi
exec kamailio "$@"
