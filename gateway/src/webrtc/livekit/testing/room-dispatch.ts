// Test support: a room dispatch put on the bus as control puts one, for a room named after its
// call unless the test names another.
import type { Bus } from "@switchboard/shared/bus/contract";
import { type RoomDispatchCommand, Streams } from "@switchboard/shared/events";
import { newId } from "@switchboard/shared/ids";

export async function dispatchRoom(
  bus: Bus,
  command: Pick<RoomDispatchCommand, "org_id" | "agent_id" | "expires_at"> & Partial<RoomDispatchCommand>,
): Promise<RoomDispatchCommand> {
  const callId = command.call_id ?? newId("call");
  const dispatched: RoomDispatchCommand = { call_id: callId, room: callId, metadata: {}, ...command };
  await bus.append(Streams.liveKitRooms, JSON.stringify(dispatched));
  return dispatched;
}
