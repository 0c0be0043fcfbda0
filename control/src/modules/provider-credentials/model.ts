// The provider credential's schemas are written once, in shared (schemas/provider-credential.ts).
import {
  type CreateProviderCredentialBody,
  CreateProviderCredentialBodySchema,
  type ProviderCredential,
  ProviderCredentialSchema,
} from "@switchboard/shared/schemas/provider-credential";

export const createCredentialBody = CreateProviderCredentialBodySchema;
export const credentialSchema = ProviderCredentialSchema;

export type CreateCredentialInput = CreateProviderCredentialBody;
export type CredentialResponse = ProviderCredential;
