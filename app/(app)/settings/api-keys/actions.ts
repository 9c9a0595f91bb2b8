"use server";

import { orgAction } from "@/lib/actions/action";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { assertEmailVerified } from "@/lib/auth/assert-email-verified";
import { requestIp } from "@/lib/audit/request-ip";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/validation/api-key";

export const createApiKeyAction = orgAction(
  { schema: createApiKeySchema, capability: "api-keys:manage" },
  async (input, ctx) => {
    // A key can add assets and start scans: the same confirmed address as doing that in the app.
    assertEmailVerified(ctx.user);
    const { key } = await createApiKey(ctx, {
      name: input.name,
      scope: input.scope,
      expiresAt: input.expiresAt,
      ip: await requestIp(),
    });
    return { success: `Key “${input.name}” created. Copy it now: it is shown only this once.`, data: { key } };
  },
);

export const revokeApiKeyAction = orgAction(
  { schema: revokeApiKeySchema, capability: "api-keys:manage" },
  async (input, ctx) => {
    const { name } = await revokeApiKey(ctx, input.apiKeyId, { ip: await requestIp() });
    return { success: `Key “${name}” revoked; calls with it are refused from now on.` };
  },
);
