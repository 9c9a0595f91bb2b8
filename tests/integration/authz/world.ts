import { db } from "@/lib/db/client";
import { hashToken } from "@/lib/auth/tokens";
import { addMember, createOrg, createUser } from "../orgs/support/fixtures";

export const B_SECRET_VALUE = "secret-asset.org-b.example.test";
export const B_ORG_NAME = "Organisation B (private)";
export const B_WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
export const B_INVITE_TOKEN = "b-invitation-token-0123456789abcdefghijklmnop";

/** Two organisations: A (the caller's) and B (someone else's), with one of everything in B. */
export async function buildWorld() {
  const aOwner = await createUser({ email: "owner-a@example.test" });
  const aOrg = await createOrg(aOwner, { name: "Organisation A" });

  const bOwner = await createUser({ email: "owner-b@example.test" });
  const bAdmin = await createUser({ email: "admin-b@example.test" });
  const bViewer = await createUser({ email: "viewer-b@example.test" });
  const bOrg = await createOrg(bOwner, { name: B_ORG_NAME });
  const bAdminMembership = await addMember(bOrg, bAdmin, "ADMIN");
  const bViewerMembership = await addMember(bOrg, bViewer, "VIEWER");
  const bOwnerMembership = await db.membership.findFirstOrThrow({
    where: { organizationId: bOrg.id, userId: bOwner.id },
  });
  const bAsset = await db.asset.create({
    data: { organizationId: bOrg.id, kind: "DOMAIN", value: B_SECRET_VALUE, label: "B label", createdById: bOwner.id },
  });
  const bScanRun = await db.scanRun.create({
    data: {
      organizationId: bOrg.id,
      assetId: bAsset.id,
      trigger: "MANUAL",
      portSpec: "top-100",
      status: "RUNNING",
      hostsTotal: 3,
      hostsDone: 1,
    },
  });
  const bInvitation = await db.invitation.create({
    data: {
      organizationId: bOrg.id,
      email: "invitee-b@example.test",
      role: "ADMIN",
      tokenHash: hashToken(B_INVITE_TOKEN),
      expiresAt: new Date(Date.now() + 86_400_000),
      invitedById: bOwner.id,
    },
  });
  const bApiKey = await db.apiKey.create({
    data: {
      organizationId: bOrg.id,
      name: "B key",
      scope: "READ_WRITE",
      prefix: "pw_bbbbbbbb",
      keyHash: hashToken("b-api-key"),
      createdById: bOwner.id,
    },
  });
  // Its URL holds B's secret value: a page or answer showing it to A would fail the leak checks.
  const bWebhook = await db.webhookEndpoint.create({
    data: {
      organizationId: bOrg.id,
      url: `https://${B_SECRET_VALUE}/hooks`,
      description: "B label",
      eventTypes: ["scan.completed"],
      secret: B_WEBHOOK_SECRET,
      createdById: bOwner.id,
    },
  });
  await db.webhookDelivery.create({
    data: {
      organizationId: bOrg.id,
      endpointId: bWebhook.id,
      eventId: "evt_b",
      eventType: "scan.completed",
      payload: { type: "scan.completed", data: { asset: { value: B_SECRET_VALUE } } },
    },
  });
  return {
    a: { org: aOrg, owner: aOwner },
    b: {
      org: bOrg,
      owner: bOwner,
      admin: bAdmin,
      viewer: bViewer,
      ownerMembership: bOwnerMembership,
      adminMembership: bAdminMembership,
      viewerMembership: bViewerMembership,
      asset: bAsset,
      scanRun: bScanRun,
      invitation: bInvitation,
      apiKey: bApiKey,
      webhook: bWebhook,
    },
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** Everything an action or route could change, in a comparable form. */
export async function snapshot(): Promise<string> {
  const byId = { orderBy: { id: "asc" as const } };
  return JSON.stringify({
    organizations: await db.organization.findMany(byId),
    memberships: await db.membership.findMany(byId),
    invitations: await db.invitation.findMany(byId),
    assets: await db.asset.findMany(byId),
    scanRuns: await db.scanRun.findMany(byId),
    apiKeys: await db.apiKey.findMany(byId),
    webhookEndpoints: await db.webhookEndpoint.findMany(byId),
    webhookDeliveries: await db.webhookDelivery.findMany(byId),
    users: await db.user.findMany({
      ...byId,
      select: { id: true, email: true, activeOrganizationId: true, emailVerifiedAt: true, sessionVersion: true },
    }),
    devMails: await db.devMail.count(),
  });
}
