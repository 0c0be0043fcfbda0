// The phone number's schemas are written once, in shared (schemas/phone-number.ts).
import {
  AttachAgentBodySchema,
  AvailableNumberSchema,
  type BuyPhoneNumberBody,
  BuyPhoneNumberBodySchema,
  type ForwardingBody,
  ForwardingBodySchema,
  type PhoneNumber,
  PhoneNumberSchema,
} from "@switchboard/shared/schemas/phone-number";
import { t } from "elysia";

export const phoneNumberSchema = PhoneNumberSchema;
export const availableNumberSchema = AvailableNumberSchema;
export const buyBody = BuyPhoneNumberBodySchema;
export const attachBody = AttachAgentBodySchema;
export const forwardingBody = ForwardingBodySchema;

export const searchQuery = t.Object({
  country: t.Optional(t.String({ pattern: "^[A-Za-z]{2}$", description: "ISO 3166-1 alpha-2, e.g. US." })),
  area_code: t.Optional(t.String({ pattern: "^[0-9]{1,6}$" })),
  contains: t.Optional(t.String({ pattern: "^[0-9]{1,15}$", description: "Digits anywhere in the number." })),
  limit: t.Optional(t.Integer({ minimum: 1, maximum: 100 })),
});

export type PhoneNumberResponse = PhoneNumber;
export type BuyInput = BuyPhoneNumberBody;
export type ForwardingInput = ForwardingBody;
