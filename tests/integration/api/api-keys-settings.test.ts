import { beforeEach, describe, expect, it, vi } from "vitest";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/(app)/settings/api-keys/actions";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { hashApiKey } from "@/lib/api-keys/key-format";
import { requireMembership } from "@/lib/authz/membership";
import { db } from "@/lib/db/client";
import { addMember, createOrg, createUser, form } from "../orgs/support/fixtures";
import { signInAs } from "../orgs/support/session-mock";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

describe("API keys in the settings", () => {
  let owner: { id: string; email: string };
  let org: { id: string };
  beforeEach(async () => {
    owner = await createUser();
    org = await createOrg(owner);
    signInAs(owner);
  });

  it("creates a key shown once (pw_…), stores only its hash, lists it and records the event", async () => {
    const result = await createApiKeyAction(undefined, form({ name: "SIEM import", scope: "READ", expiresAt: "" }));
    expect(result.success).toBe("Key “SIEM import” created. Copy it now: it is shown only this once.");
    const key = (result as { data: { key: string } }).data.key;
    expect(key).toMatch(/^pw_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiKey.findFirstOrThrow({ where: { organizationId: org.id } });
    expect(row.keyHash).toBe(hashApiKey(key));
    expect(JSON.stringify(row)).not.toContain(key.slice(3));
    expect(row).toMatchObject({
      name: "SIEM import",
      scope: "READ",
      prefix: key.slice(0, 11),
      expiresAt: null,
      createdById: owner.id,
    });

    const listed = await listApiKeys(await requireMembership(owner.id, org.id, "api-keys:manage"));
    expect(listed).toEqual([
      expect.objectContaining({ name: "SIEM import", createdByEmail: owner.email, lastUsedAt: null }),
    ]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { organizationId: org.id, action: "api_key.created" },
    });
    expect(event).toMatchObject({ actorUserId: owner.id, target: `api_key:${row.id}` });
    expect(JSON.stringify(event.details)).not.toContain(key.slice(3));
  });

  it("validates name, scope and expiry with messages per field", async () => {
    const result = await createApiKeyAction(undefined, form({ name: " ", scope: "ALL", expiresAt: "2020-01-01" }));
    expect(result).toMatchObject({
      code: "invalid_input",
      fieldErrors: {
        name: ["Enter a name for the key, like “SIEM import”."],
        scope: ["Choose read-only or read and write."],
        expiresAt: ["The expiry must be a date after today."],
      },
    });
    expect(await db.apiKey.count({ where: { organizationId: org.id } })).toBe(0);
  });

  it("lets owners and admins manage keys, not viewers; revoking is recorded once", async () => {
    const viewer = await createUser();
    await addMember(org, viewer, "VIEWER");
    signInAs(viewer);
    expect(await createApiKeyAction(undefined, form({ name: "x", scope: "READ" }))).toMatchObject({
      code: "forbidden",
    });

    const admin = await createUser();
    await addMember(org, admin, "ADMIN");
    signInAs(admin);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const created = await createApiKeyAction(
      undefined,
      form({ name: "Ticketing", scope: "READ_WRITE", expiresAt: tomorrow }),
    );
    expect(created.success).toBeDefined();
    const row = await db.apiKey.findFirstOrThrow({ where: { organizationId: org.id } });
    expect(row.expiresAt?.toISOString()).toBe(`${tomorrow}T00:00:00.000Z`);

    signInAs(viewer);
    expect(await revokeApiKeyAction(undefined, form({ apiKeyId: row.id }))).toMatchObject({ code: "forbidden" });
    const stranger = await createUser();
    await createOrg(stranger);
    signInAs(stranger);
    expect(await revokeApiKeyAction(undefined, form({ apiKeyId: row.id }))).toMatchObject({ code: "not_found" });

    signInAs(owner);
    expect((await revokeApiKeyAction(undefined, form({ apiKeyId: row.id }))).success).toContain("revoked");
    expect((await revokeApiKeyAction(undefined, form({ apiKeyId: row.id }))).success).toContain("revoked");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { organizationId: org.id, action: "api_key.revoked" } })).toBe(1);
  });
});
