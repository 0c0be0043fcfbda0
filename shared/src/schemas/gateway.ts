// A gateway as it announces itself to the cluster: the admin API's schema and the type of
// the announcement gateways keep fresh on the bus (shared/src/cluster/announcement.ts).
import { type Static, Type } from "@sinclair/typebox";

export const GatewaySchema = Type.Object({
  id: Type.String({ description: "The gateway's id, `gateway-<host>-<sip port>`." }),
  sip_address: Type.String({
    description: "Where its SIP listens (UDP and TCP), `host:port`: the SIP edge dispatches calls there.",
  }),
  rtp_address: Type.String({ description: "The media address it advertises in SDP (PUBLIC_IP)." }),
  rtp_port_min: Type.Integer({ minimum: 0, maximum: 65535 }),
  rtp_port_max: Type.Integer({ minimum: 0, maximum: 65535 }),
  capacity_calls: Type.Integer({
    minimum: 1,
    description: "Calls the operator planned for it (GATEWAY_CAPACITY_CALLS).",
  }),
  calls_in_progress: Type.Integer({ minimum: 0, description: "SIP calls ringing, live or ending." }),
  cpu_percent: Type.Number({
    minimum: 0,
    description: "CPU time of its process since the previous announcement, in percent of one core.",
  }),
  draining: Type.Boolean({
    description: "Stopping: it takes no new calls and has left the edge's rotation.",
  }),
  started_at: Type.String({ format: "date-time" }),
  announced_at: Type.String({ format: "date-time" }),
  expires_at: Type.String({
    format: "date-time",
    description: "Unless announced again by then, the gateway is taken for gone.",
  }),
});
export type Gateway = Static<typeof GatewaySchema>;

export const GatewayListSchema = Type.Object({
  data: Type.Array(GatewaySchema, { description: "Live gateways, by id." }),
});
export type GatewayList = Static<typeof GatewayListSchema>;
