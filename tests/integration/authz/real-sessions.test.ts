import { NextRequest } from "next/server";
import { isValidElement } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password-hash";
import type { ErrorCode } from "@/lib/errors";
import { signInAction } from "@/app/(auth)/sign-in/actions";
import { actAs, newBrowser, type FakeBrowser } from "../auth/support/fake-browser";
import { form, redirectOf } from "../auth/support/forms";
import { findFiles, loadExports } from "./discover-modules";
import { B_ORG_NAME, B_SECRET_VALUE, B_WEBHOOK_SECRET, buildWorld, snapshot, type World } from "./world";

vi.mock("next/headers", async () => (await import("../auth/support/fake-browser")).nextHeadersModule);

/**
 * Tenant isolation with real session cookies: each user signs in through the sign-in action, and
 * every call carries the cookie Auth.js set, read back by the real getSessionUser (cross-org.test.ts
 * replaces getSessionUser; this file does not). Also pages, and admin-versus-owner escalation.
 */
const PASSWORD = "harbour-quince-58-lantern";

type Action = (prev: undefined, input: FormData) => Promise<{ success?: string; error?: string; code?: ErrorCode }>;
type Route = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ACTION_KEYS = [
  "app/(app)/assets/actions.ts#labelAssetAction",
  "app/(app)/assets/actions.ts#scanAssetAction",
  "app/(app)/assets/actions.ts#deleteAssetAction",
  "app/(app)/settings/members/actions.ts#changeRoleAction",
  "app/(app)/settings/members/actions.ts#removeMemberAction",
  "app/(app)/settings/members/actions.ts#inviteMemberAction",
  "app/(app)/settings/members/actions.ts#revokeInvitationAction",
  "app/(app)/settings/organization/actions.ts#renameOrganizationAction",
];
const SCAN_ROUTE = "app/api/orgs/[orgId]/scans/[scanRunId]/route.ts#GET";
const actions = await loadExports(ACTION_KEYS);
const routes = await loadExports([SCAN_ROUTE]);
const action = (key: string) => actions.get(`app/(app)/${key}`) as unknown as Action;

let world: World;
const browsers = new Map<string, FakeBrowser>();

beforeAll(async () => {
  world = await buildWorld();
  const hash = await hashPassword(PASSWORD);
  await db.user.updateMany({ data: { passwordHash: hash } });
  const users = { aOwner: world.a.owner, bOwner: world.b.owner, bAdmin: world.b.admin, bViewer: world.b.viewer };
  let n = 1;
  for (const [name, user] of Object.entries(users)) {
    const browser = actAs(newBrowser(`127.0.40.${n++}`));
    expect(await redirectOf(() => signInAction(undefined, form({ email: user.email, password: PASSWORD })))).toBe(
      "/dashboard",
    );
    expect(browser.cookies.has("authjs.session-token")).toBe(true);
    browsers.set(name, browser);
  }
});

const as = (name: string) => actAs(browsers.get(name)!);

function assertNoLeak(output: unknown): void {
  const text = JSON.stringify(output) ?? "";
  for (const secret of [B_SECRET_VALUE, B_WEBHOOK_SECRET, B_ORG_NAME, "B label", "invitee-b@example.test"])
    expect(text, `leaks "${secret}"`).not.toContain(secret);
}

async function expectRefused(run: () => Promise<{ success?: string; code?: ErrorCode }>, code: ErrorCode) {
  const before = await snapshot();
  const result = await run();
  expect(result, JSON.stringify(result)).toMatchObject({ code });
  expect(result.success).toBeUndefined();
  assertNoLeak(result);
  expect(await snapshot(), "data changed").toBe(before);
}

describe("A's owner, with a real session cookie, against organisation B", () => {
  it("cannot act on B's objects through server actions", async () => {
    as("aOwner");
    const b = world.b;
    const org = world.b.org.id;
    await expectRefused(
      () =>
        action("assets/actions.ts#labelAssetAction")(
          undefined,
          form({ organizationId: org, assetId: b.asset.id, label: "x" }),
        ),
      "not_found",
    );
    await expectRefused(
      () =>
        action("assets/actions.ts#labelAssetAction")(
          undefined,
          form({ organizationId: world.a.org.id, assetId: b.asset.id, label: "x" }),
        ),
      "not_found",
    );
    await expectRefused(
      () => action("assets/actions.ts#scanAssetAction")(undefined, form({ organizationId: org, assetId: b.asset.id })),
      "not_found",
    );
    await expectRefused(
      () => action("assets/actions.ts#deleteAssetAction")(undefined, form({ assetId: b.asset.id })),
      "not_found",
    );
    await expectRefused(
      () =>
        action("settings/members/actions.ts#changeRoleAction")(
          undefined,
          form({ organizationId: org, membershipId: b.viewerMembership.id, role: "ADMIN" }),
        ),
      "not_found",
    );
    await expectRefused(
      () =>
        action("settings/members/actions.ts#revokeInvitationAction")(
          undefined,
          form({ invitationId: b.invitation.id }),
        ),
      "not_found",
    );
  });

  it("cannot read B's scan run through the API, and is not signed in with a tampered cookie", async () => {
    const get = routes.get(SCAN_ROUTE) as unknown as Route;
    const call = () =>
      get(new NextRequest("http://127.0.0.1/api"), {
        params: Promise.resolve({ orgId: world.b.org.id, scanRunId: world.b.scanRun.id }),
      });
    as("aOwner");
    const refused = await call();
    expect(refused.status).toBe(404);
    assertNoLeak(await refused.json());

    const tampered = newBrowser("127.0.40.90");
    tampered.cookies.set(
      "authjs.session-token",
      `${browsers.get("aOwner")!.cookies.get("authjs.session-token")!.slice(0, -4)}AAAA`,
    );
    actAs(tampered);
    expect((await call()).status).toBe(401);

    as("bViewer");
    expect((await call()).status).toBe(200);
  });
});

/**
 * Renders a page the way far enough to see its data: the page function runs, then every server
 * component it returns, and the props they pass on (to client components too) are collected.
 */
async function renderData(node: unknown, depth = 0): Promise<unknown> {
  if (depth > 30 || node === null || typeof node !== "object") return node;
  if (Array.isArray(node)) return Promise.all(node.map((n) => renderData(n, depth + 1)));
  if (isValidElement(node)) {
    const { type, props } = node as { type: unknown; props: Record<string, unknown> };
    const shown: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(props)) if (typeof v !== "function") shown[k] = await renderData(v, depth + 1);
    if (typeof type === "function" && type.constructor.name === "AsyncFunction") {
      return {
        props: shown,
        rendered: await renderData(await (type as (p: unknown) => Promise<unknown>)(props), depth + 1),
      };
    }
    return { props: shown };
  }
  if (node instanceof Promise) return renderData(await node, depth + 1);
  return node;
}

/** Dynamic segments are filled with B's objects: a page must not show them to anyone outside B. */
function paramsFor(key: string): Record<string, string> {
  return {
    ...(key.includes("[assetId]") ? { assetId: world.b.asset.id } : {}),
    ...(key.includes("[endpointId]") ? { endpointId: world.b.webhook.id } : {}),
  };
}

async function renderPage(key: string): Promise<{ redirect?: string; data?: string; notFound?: true }> {
  const page = (await loadExports([key])).get(key) as unknown as (p: unknown) => Promise<unknown>;
  try {
    const element = await page({ params: Promise.resolve(paramsFor(key)), searchParams: Promise.resolve({}) });
    return { data: JSON.stringify(await renderData(element)) };
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] };
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { notFound: true };
    throw error;
  }
}

const PAGES = findFiles("app/(app)", "page.tsx").map((f) => `${f}#default`);

describe("signed-in pages", () => {
  it("finds the pages it renders", () => {
    expect(PAGES.length).toBeGreaterThan(3);
  });

  it.each(PAGES)("%s shows nothing of B to A's owner, even with B chosen as active organisation", async (key) => {
    await db.user.update({ where: { id: world.a.owner.id }, data: { activeOrganizationId: world.b.org.id } });
    as("aOwner");
    const result = await renderPage(key);
    assertNoLeak(result);
  });

  it.each(PAGES)("%s sends a visitor without a session to sign in", async (key) => {
    actAs(newBrowser("127.0.40.99"));
    expect((await renderPage(key)).redirect).toMatch(/^\/sign-in/);
  });

  it("the assets page shows B's asset to B's viewer (the check above can see a leak)", async () => {
    as("bViewer");
    expect((await renderPage("app/(app)/assets/page.tsx#default")).data).toContain(B_SECRET_VALUE);
    expect((await renderPage("app/(app)/assets/[assetId]/page.tsx#default")).data).toContain(B_SECRET_VALUE);
  });

  it("B's asset page is not found for A's owner", async () => {
    await db.user.update({ where: { id: world.a.owner.id }, data: { activeOrganizationId: world.b.org.id } });
    as("aOwner");
    expect(await renderPage("app/(app)/assets/[assetId]/page.tsx#default")).toEqual({ notFound: true });
  });
});

describe("admin versus owner in B, with real session cookies", () => {
  const members = (input: Record<string, string>) => form({ organizationId: world.b.org.id, ...input });

  it("an admin cannot make anyone an owner, including themselves", async () => {
    as("bAdmin");
    const change = action("settings/members/actions.ts#changeRoleAction");
    await expectRefused(
      () => change(undefined, members({ membershipId: world.b.adminMembership.id, role: "OWNER" })),
      "forbidden",
    );
    await expectRefused(
      () => change(undefined, members({ membershipId: world.b.viewerMembership.id, role: "OWNER" })),
      "forbidden",
    );
  });

  it("an admin cannot demote or remove an owner, nor rename the organisation", async () => {
    as("bAdmin");
    await expectRefused(
      () =>
        action("settings/members/actions.ts#changeRoleAction")(
          undefined,
          members({ membershipId: world.b.ownerMembership.id, role: "VIEWER" }),
        ),
      "forbidden",
    );
    await expectRefused(
      () =>
        action("settings/members/actions.ts#removeMemberAction")(
          undefined,
          members({ membershipId: world.b.ownerMembership.id }),
        ),
      "forbidden",
    );
    await expectRefused(
      () =>
        action("settings/organization/actions.ts#renameOrganizationAction")(undefined, members({ name: "Taken over" })),
      "forbidden",
    );
  });

  it("an admin cannot invite someone as owner", async () => {
    as("bAdmin");
    const before = await snapshot();
    const result = await action("settings/members/actions.ts#inviteMemberAction")(
      undefined,
      members({ email: "new-owner@example.test", role: "OWNER" }),
    );
    expect(result.success).toBeUndefined();
    expect(["forbidden", "invalid_input"]).toContain(result.code);
    expect(await snapshot()).toBe(before);
  });

  it("a viewer cannot promote themselves", async () => {
    as("bViewer");
    await expectRefused(
      () =>
        action("settings/members/actions.ts#changeRoleAction")(
          undefined,
          members({ membershipId: world.b.viewerMembership.id, role: "ADMIN" }),
        ),
      "forbidden",
    );
  });
});
