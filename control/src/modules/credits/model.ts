// The credits schemas are written once, in shared (schemas/credits.ts).
import {
  BalanceSchema,
  CreditSettingsBodySchema,
  CreditSettingsSchema,
  PurchaseBodySchema,
  PurchaseSchema,
  type Transaction,
  TransactionSchema,
} from "@switchboard/shared/schemas/credits";

export const balanceSchema = BalanceSchema;
export const transactionSchema = TransactionSchema;
export const purchaseBody = PurchaseBodySchema;
export const purchaseSchema = PurchaseSchema;
export const settingsSchema = CreditSettingsSchema;
export const settingsBody = CreditSettingsBodySchema;

export type TransactionResponse = Transaction;
