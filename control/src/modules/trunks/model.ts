// The trunk's schemas are written once, in shared (schemas/trunk.ts).
import {
  type CreateTrunkBody,
  CreateTrunkBodySchema,
  type Trunk,
  TrunkSchema,
  type UpdateTrunkBody,
  UpdateTrunkBodySchema,
} from "@switchboard/shared/schemas/trunk";

export const createTrunkBody = CreateTrunkBodySchema;
export const updateTrunkBody = UpdateTrunkBodySchema;
export const trunkSchema = TrunkSchema;

export type CreateTrunkInput = CreateTrunkBody;
export type UpdateTrunkInput = UpdateTrunkBody;
export type TrunkResponse = Trunk;
