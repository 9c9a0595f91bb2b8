import { describe, expect, it } from "vitest";
import { CAPABILITIES, leastRoleWith, roleCan, rolesWith, type Capability } from "@/lib/authz/capabilities";
import { can, type OrgContext } from "@/lib/authz/org-context";
import type { addAsset } from "@/lib/assets/add-asset";
import type { listAssets } from "@/lib/assets/list-assets";

describe("the capability table", () => {
  it("gives owners every right, viewers only reading and leaving", () => {
    const all = Object.keys(CAPABILITIES) as Capability[];
    expect(all.filter((c) => !roleCan("OWNER", c))).toEqual([]);
    expect(all.filter((c) => roleCan("VIEWER", c)).sort()).toEqual([
      "assets:read",
      "findings:read",
      "members:read",
      "organization:leave",
    ]);
    expect(all.filter((c) => roleCan("ADMIN", c) && !roleCan("VIEWER", c)).sort()).toEqual([
      "api-keys:manage",
      "assets:write",
      "members:manage",
      "reports:manage",
      "scans:start",
      "webhooks:manage",
    ]);
  });

  it("names the lowest role holding a right, for the forbidden message", () => {
    expect([leastRoleWith("assets:read"), leastRoleWith("assets:write"), leastRoleWith("billing:manage")]).toEqual([
      "VIEWER",
      "ADMIN",
      "OWNER",
    ]);
    expect(rolesWith("members:manage")).toEqual(["OWNER", "ADMIN"]);
    // The audit log is for owners (issue 10).
    expect(rolesWith("audit:read")).toEqual(["OWNER"]);
  });

  it("narrows a context only for the rights its role holds", () => {
    const fields = { organizationId: "o", userId: "u", role: "VIEWER", plan: "TRIAL", trialEndsAt: null };
    // eslint-disable-next-line no-restricted-syntax -- a unit test of `can` alone, no database
    const viewer = fields as unknown as OrgContext;
    expect(can(viewer, "assets:read")).toBe(true);
    expect(can(viewer, "assets:write")).toBe(false);
  });
});

// Compile-time answers to "is this safe to call from here?" (checked by `tsc`, which `npm test` runs).
export function typeChecks(member: OrgContext, writer: OrgContext<"assets:write">) {
  const add = null as unknown as typeof addAsset;
  const list = null as unknown as typeof listAssets;
  const target = { kind: "DOMAIN" as const, value: "example.test" };
  // @ts-expect-error a plain object is not a membership check
  void add({ organizationId: "o", userId: "u", role: "OWNER", plan: "PRO", trialEndsAt: null }, { target });
  // @ts-expect-error a context checked only for membership cannot write assets
  void add(member, { target });
  void add(writer, { target });
  // Every member may read: any context will do.
  void list(member);
  if (can(member, "assets:write")) void add(member, { target });
}
