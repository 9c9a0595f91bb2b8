import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ErrorCode } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { form } from "../orgs/support/fixtures";
import { signInAs } from "../orgs/support/session-mock";
import { exportKeys, findFiles, loadExports } from "./discover-modules";
import {
  B_INVITE_TOKEN,
  B_ORG_NAME,
  B_SECRET_VALUE,
  B_WEBHOOK_SECRET,
  buildWorld,
  snapshot,
  type World,
} from "./world";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

/**
 * Every server action and every /api/orgs route handler must appear below. A new one that is missing
 * fails this file: decide how it is scoped, then add it.
 */
type ActionCase =
  /** Runs inside an organisation (orgAction). `input` names B's objects; `role` is the least role allowed. */
  | { kind: "org"; role: Role; input: (w: World) => Record<string, string>; namesObjects: boolean }
  /** Acts on the caller's own account (userAction) but takes an id or token that may belong to B. */
  | { kind: "user"; input: (w: World) => Record<string, string>; expected: ErrorCode }
  /** Takes no organisation or object id at all. */
  | { kind: "unscoped"; reason: string };

const ACTIONS: Record<string, ActionCase> = {
  "app/(app)/actions.ts#switchOrganizationAction": {
    kind: "user",
    input: (w) => ({ organizationId: w.b.org.id }),
    expected: "not_found",
  },
  "app/(app)/organizations/new/actions.ts#createOrganizationAction": {
    kind: "unscoped",
    reason: "creates a new organisation owned by the caller",
  },
  "app/(app)/assets/actions.ts#addAssetAction": {
    kind: "org",
    role: "ADMIN",
    input: () => ({ value: "attacker.example.test", label: "x" }),
    namesObjects: false,
  },
  "app/(app)/assets/actions.ts#labelAssetAction": {
    kind: "org",
    role: "ADMIN",
    input: (w) => ({ assetId: w.b.asset.id, label: "changed" }),
    namesObjects: true,
  },
  "app/(app)/assets/actions.ts#scanAssetAction": {
    kind: "org",
    role: "ADMIN",
    input: (w) => ({ assetId: w.b.asset.id }),
    namesObjects: true,
  },
  "app/(app)/assets/actions.ts#verifyAssetAction": {
    kind: "org",
    role: "ADMIN",
    input: (w) => ({ assetId: w.b.asset.id }),
    namesObjects: true,
  },
  "app/(app)/assets/actions.ts#deleteAssetAction": {
    kind: "org",
    role: "ADMIN",
    input: (w) => ({ assetId: w.b.asset.id }),
    namesObjects: true,
  },
  "app/(app)/settings/organization/actions.ts#renameOrganizationAction": {
    kind: "org",
    role: "OWNER",
    input: () => ({ name: "Renamed" }),
    namesObjects: false,
  },
  // Both refuse before Stripe is asked anything (it is not configured here).
  "app/(app)/settings/billing/actions.ts#checkoutAction": {
    kind: "org",
    role: "OWNER",
    input: () => ({ plan: "PRO" }),
    namesObjects: false,
  },
  "app/(app)/settings/billing/actions.ts#billingPortalAction": {
    kind: "org",
    role: "OWNER",
    input: () => ({}),
    namesObjects: false,
  },
  "app/(app)/settings/members/actions.ts#changeRoleAction": {
    kind: "org",
    role: "ADMIN",
    input: (w) => ({ membershipId: w.b.viewerMembership.id, role: "ADMIN" }),
    namesObjects: true,
  },
  "app/(app)/settings/members/actions.ts#removeMemberAction": {
    kind: "org",
    role: "OWNER",
    input: (w) => ({ membershipId: w.b.adminMembership.id }),
    namesObjects: true,
  },
  "app/(app)/settings/members/actions.ts#leaveOrganizationAction": {
    kind: "org",
    role: "VIEWER",
    input: () => ({}),
    namesObjects: false,
  },
  "app/(app)/settings/members/actions.ts#inviteMemberAction": {
    kind: "org",
    role: "ADMIN",
    input: () => ({ email: "new@example.test", role: "VIEWER" }),
    namesObjects: false,
  },
  "app/(app)/settings/members/actions.ts#revokeInvitationAction": {
    kind: "org",
    role: "ADMIN",
    input: (w) => ({ invitationId: w.b.invitation.id }),
    namesObjects: true,
  },
  "app/(app)/settings/api-keys/actions.ts#createApiKeyAction": {
    kind: "org",
    role: "ADMIN",
    input: () => ({ name: "attacker key", scope: "READ_WRITE" }),
    namesObjects: false,
  },
  "app/(app)/settings/api-keys/actions.ts#revokeApiKeyAction": {
    kind: "org",
    role: "ADMIN",
    input: (w) => ({ apiKeyId: w.b.apiKey.id }),
    namesObjects: true,
  },
  "app/(app)/settings/webhooks/actions.ts#createWebhookEndpointAction": {
    kind: "org",
    role: "ADMIN",
    input: () => ({ url: "https://hooks.attacker.example.test/in", eventTypes: "scan.completed" }),
    namesObjects: false,
  },
  "app/(app)/settings/webhooks/actions.ts#updateWebhookEndpointAction": {
    kind: "org",
    role: "ADMIN",
    input: (w) => ({
      endpointId: w.b.webhook.id,
      url: "https://hooks.attacker.example.test/in",
      eventTypes: "scan.failed",
    }),
    namesObjects: true,
  },
  "app/(app)/settings/webhooks/actions.ts#setWebhookEndpointEnabledAction": {
    kind: "org",
    role: "ADMIN",
    input: (w) => ({ endpointId: w.b.webhook.id, enabled: "false" }),
    namesObjects: true,
  },
  "app/(app)/settings/webhooks/actions.ts#deleteWebhookEndpointAction": {
    kind: "org",
    role: "ADMIN",
    input: (w) => ({ endpointId: w.b.webhook.id }),
    namesObjects: true,
  },
  "app/(app)/settings/webhooks/actions.ts#rotateWebhookSecretAction": {
    kind: "org",
    role: "ADMIN",
    input: (w) => ({ endpointId: w.b.webhook.id }),
    namesObjects: true,
  },
  "app/(app)/settings/webhooks/actions.ts#revealWebhookSecretAction": {
    kind: "org",
    role: "ADMIN",
    input: (w) => ({ endpointId: w.b.webhook.id }),
    namesObjects: true,
  },
  "app/(app)/settings/webhooks/actions.ts#sendTestWebhookEventAction": {
    kind: "org",
    role: "ADMIN",
    input: (w) => ({ endpointId: w.b.webhook.id }),
    namesObjects: true,
  },
  // The token is the secret; holding B's link still does not let someone else's account in.
  "app/invite/[token]/actions.ts#acceptInvitationAction": {
    kind: "user",
    input: () => ({ token: B_INVITE_TOKEN }),
    expected: "forbidden",
  },
  "app/(auth)/forgot-password/actions.ts#requestPasswordResetAction": {
    kind: "unscoped",
    reason: "public form keyed by e-mail address",
  },
  "app/(auth)/reset-password/actions.ts#resetPasswordAction": {
    kind: "unscoped",
    reason: "public form keyed by a mailed token",
  },
  "app/(auth)/sign-in/actions.ts#signInAction": { kind: "unscoped", reason: "public sign-in form" },
  "app/(auth)/sign-up/actions.ts#signUpAction": { kind: "unscoped", reason: "public sign-up form" },
  "app/security-test/actions.ts#startSecurityTestAction": {
    kind: "unscoped",
    reason: "public security test: a visitor's domain, no organisation; stores only a teaser",
  },
  "app/(auth)/sign-out/actions.ts#signOutAction": { kind: "unscoped", reason: "ends the caller's own session" },
  "app/(app)/settings/reports/actions.ts#updateReportSettingsAction": {
    kind: "org",
    role: "ADMIN",
    input: () => ({ schedule: "DAILY", timeZone: "UTC", extraRecipients: "board@example.test" }),
    namesObjects: false,
  },
  "app/(app)/settings/reports/actions.ts#sendReportNowAction": {
    kind: "org",
    role: "ADMIN",
    input: () => ({}),
    namesObjects: false,
  },
  // The caller's own membership only; any member may change it.
  "app/(app)/settings/alerts/actions.ts#updateMemberMailSettingsAction": {
    kind: "org",
    role: "VIEWER",
    input: () => ({ alertDelivery: "OFF", receivesReports: "false" }),
    namesObjects: false,
  },
  "app/(app)/settings/account/actions.ts#signOutEverywhereAction": {
    kind: "unscoped",
    reason: "ends the caller's own sessions",
  },
  "app/(auth)/verify-email/actions.ts#resendVerificationAction": {
    kind: "unscoped",
    reason: "mails the caller's own address",
  },
  "app/(auth)/verify-email/actions.ts#resendVerificationByTokenAction": {
    kind: "unscoped",
    reason: "public form keyed by a mailed token",
  },
};

interface RouteCase {
  role: Role;
  /** Route params naming B's objects, without orgId. */
  params: (w: World) => Record<string, string>;
  body?: (w: World) => unknown;
  /** Query string naming B's objects. */
  query?: (w: World) => Record<string, string>;
}

const ROUTES: Record<string, RouteCase> = {
  "app/api/orgs/[orgId]/scans/[scanRunId]/route.ts#GET": {
    role: "VIEWER",
    params: (w) => ({ scanRunId: w.b.scanRun.id }),
  },
  "app/api/orgs/[orgId]/findings/export/route.ts#GET": {
    role: "VIEWER",
    params: () => ({}),
    query: (w) => ({ asset: w.b.asset.id }),
  },
};

const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

const actionKeys = exportKeys(findFiles("app", "actions.ts"));
const routeKeys = exportKeys(findFiles("app/api/orgs", "route.ts")).filter((key) =>
  HTTP_METHODS.has(key.split("#")[1]!),
);
// Unscoped actions are only listed, never called, so their modules need not load here.
const actions = await loadExports(actionKeys.filter((k) => ACTIONS[k] && ACTIONS[k].kind !== "unscoped"));
const routes = await loadExports(routeKeys.filter((k) => k in ROUTES));

type Action = (prev: undefined, input: FormData) => Promise<{ success?: string; error?: string; code?: ErrorCode }>;
type Route = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function assertNoLeak(output: unknown): void {
  const text = JSON.stringify(output);
  for (const secret of [
    B_SECRET_VALUE,
    B_WEBHOOK_SECRET,
    B_ORG_NAME,
    "B label",
    "owner-b@example.test",
    "admin-b@example.test",
    "viewer-b@example.test",
  ]) {
    expect(text, `response leaks "${secret}"`).not.toContain(secret);
  }
}

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

describe("coverage", () => {
  it("finds the server actions and route handlers it checks", () => {
    expect(actionKeys.length).toBeGreaterThan(5);
    expect(routeKeys.length).toBeGreaterThan(0);
  });

  it("has a case for every exported server action", () => {
    expect(
      actionKeys.filter((k) => !(k in ACTIONS)),
      "server actions without a cross-org case",
    ).toEqual([]);
    expect(
      Object.keys(ACTIONS).filter((k) => !actionKeys.includes(k)),
      "cases for actions that no longer exist",
    ).toEqual([]);
  });

  it("has a case for every /api/orgs route handler", () => {
    expect(
      routeKeys.filter((k) => !(k in ROUTES)),
      "route handlers without a cross-org case",
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((k) => !routeKeys.includes(k)),
      "cases for routes that no longer exist",
    ).toEqual([]);
  });
});

describe.each(Object.entries(ACTIONS).filter(([key, c]) => c.kind !== "unscoped" && actions.has(key)))(
  "server action %s",
  (key, c) => {
    const action = () => actions.get(key) as unknown as Action;

    async function expectRefused(fields: Record<string, string>, code: ErrorCode) {
      const before = await snapshot();
      const result = await action()(undefined, form(fields));
      expect(result, JSON.stringify(result)).toMatchObject({ code });
      expect(result.success).toBeUndefined();
      assertNoLeak(result);
      expect(await snapshot(), "data changed").toBe(before);
    }

    if (c.kind === "user") {
      it(`answers "${c.expected}" to a member of another organisation`, async () => {
        signInAs(world.a.owner);
        await expectRefused(c.input(world), c.expected);
      });
      return;
    }
    if (c.kind !== "org") return;

    it("answers not found to a member of A naming organisation B", async () => {
      signInAs(world.a.owner);
      await expectRefused({ ...c.input(world), organizationId: world.b.org.id }, "not_found");
    });

    if (c.namesObjects) {
      it("answers not found to a member of A naming B's objects inside A", async () => {
        signInAs(world.a.owner);
        await expectRefused({ ...c.input(world), organizationId: world.a.org.id }, "not_found");
        await expectRefused(c.input(world), "not_found");
      });
    }

    if (c.role !== "VIEWER") {
      it(`answers forbidden to a viewer of B (needs ${c.role.toLowerCase()})`, async () => {
        signInAs(world.b.viewer);
        await expectRefused({ ...c.input(world), organizationId: world.b.org.id }, "forbidden");
      });
    }
  },
);

describe.each(Object.entries(ROUTES).filter(([key]) => routes.has(key)))("route handler %s", (key, c) => {
  const [file, method] = key.split("#") as [string, string];
  const handler = () => routes.get(key) as unknown as Route;

  async function call(params: Record<string, string>) {
    const path = `http://127.0.0.1/${file.replace(/^app\//, "").replace(/\/route\.ts$/, "")}`.replace(
      /\[(\w+)\]/g,
      (_, p: string) => params[p] ?? "",
    );
    const url = c.query ? `${path}?${new URLSearchParams(c.query(world)).toString()}` : path;
    const body = c.body ? JSON.stringify(c.body(world)) : undefined;
    const req = new NextRequest(url, {
      method,
      ...(body ? { body, headers: { "content-type": "application/json" } } : {}),
    });
    const res = await handler()(req, { params: Promise.resolve(params) });
    return { status: res.status, json: (await res.json()) as { error?: { code: string } } };
  }

  async function expectRefused(params: Record<string, string>, status: number, code: ErrorCode) {
    const before = await snapshot();
    const res = await call(params);
    expect(res.status, JSON.stringify(res.json)).toBe(status);
    expect(res.json.error?.code).toBe(code);
    assertNoLeak(res.json);
    expect(await snapshot(), "data changed").toBe(before);
  }

  it("answers 404 to a member of A naming organisation B", async () => {
    signInAs(world.a.owner);
    await expectRefused({ ...c.params(world), orgId: world.b.org.id }, 404, "not_found");
  });

  it("answers 404 to a member of A naming B's objects inside A", async () => {
    signInAs(world.a.owner);
    await expectRefused({ ...c.params(world), orgId: world.a.org.id }, 404, "not_found");
  });

  it("answers 401 when signed out", async () => {
    signInAs(null);
    await expectRefused({ ...c.params(world), orgId: world.b.org.id }, 401, "unauthenticated");
  });

  if (c.role !== "VIEWER") {
    it(`answers 403 to a viewer of B (needs ${c.role.toLowerCase()})`, async () => {
      signInAs(world.b.viewer);
      await expectRefused({ ...c.params(world), orgId: world.b.org.id }, 403, "forbidden");
    });
  }
});

describe("sanity: the same calls work for B's own members", () => {
  it("B's owner can label B's asset and read B's scan run", async () => {
    signInAs(world.b.owner);
    const label = actions.get("app/(app)/assets/actions.ts#labelAssetAction") as unknown as Action;
    expect(await label(undefined, form({ assetId: world.b.asset.id, label: "B label" }))).toEqual({
      success: "Label saved.",
    });
    const get = routes.get("app/api/orgs/[orgId]/scans/[scanRunId]/route.ts#GET") as unknown as Route;
    const res = await get(new NextRequest("http://127.0.0.1/api"), {
      params: Promise.resolve({ orgId: world.b.org.id, scanRunId: world.b.scanRun.id }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { scanRun: { id: string } }).scanRun.id).toBe(world.b.scanRun.id);
  });
});
