import { db } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, notFound } from "@/lib/errors";
import { inOrganization, type OrgContext } from "@/lib/authz/org-context";
import { scannerConfig, type ScannerConfig } from "@/lib/scan-runs/scanner-config";
import { checkDnsTxt } from "./check-dns-txt";
import { checkHttpFile, type FileCheckOptions } from "./check-http-file";
import { newVerificationToken, VERIFICATION_FILE_PATH, VERIFICATION_TXT_LABEL, type VerificationMethod } from "./proof";

export const VERIFY_NOW_COOLDOWN_MS = 15_000;

export type VerificationOutcome = { verified: true; method: VerificationMethod } | { verified: false; reason: string };

export interface VerifyOptions {
  /** Scanner settings (resolvers, allowed and denied ranges); default from the environment. */
  config?: Pick<ScannerConfig, "dnsServers" | "allowedCidrs" | "deniedCidrs">;
  /** Tests: where the loopback web servers listen. */
  httpPort?: number;
  httpsPort?: number;
  now?: Date;
}

/** The asset's secret, created on first use (assets added before verification existed have none). */
export async function ensureVerificationToken(organizationId: string, assetId: string): Promise<string> {
  await db.asset.updateMany({
    where: { id: assetId, organizationId, verificationToken: null },
    data: { verificationToken: newVerificationToken() },
  });
  const asset = await db.asset.findFirst({
    where: { id: assetId, organizationId },
    select: { verificationToken: true },
  });
  if (!asset?.verificationToken) throw notFound("Asset");
  return asset.verificationToken;
}

/**
 * "Verify now": a member who may change assets checks one asset's proof of ownership (the capability
 * is checked again in the query).
 */
export function verifyAsset(
  ctx: OrgContext<"assets:write">,
  assetId: string,
  actor: { email?: string; ip?: string | null } = {},
  options: VerifyOptions = {},
): Promise<VerificationOutcome> {
  return checkOwnership(
    ctx.organizationId,
    assetId,
    { userId: ctx.userId, ...actor, scope: inOrganization(ctx, "assets:write") },
    options,
  );
}

/**
 * Checks the proof of ownership of one asset and stores the result: a domain by its DNS TXT record or
 * the well-known file; an IP address by the file, or by being an address one of the organisation's
 * verified domains resolves to. `actor` is the person pressing "Verify now" (verifyAsset); the weekly
 * re-check passes none.
 */
export async function checkOwnership(
  organizationId: string,
  assetId: string,
  actor: { userId: string; email?: string; ip?: string | null; scope: Record<string, unknown> } | null,
  options: VerifyOptions = {},
): Promise<VerificationOutcome> {
  const now = options.now ?? new Date();
  const asset = await db.asset.findFirst({
    where: { id: assetId, organizationId, deletedAt: null, ...(actor?.scope ?? {}) },
    select: { id: true, kind: true, value: true, verifiedAt: true, verificationCheckedAt: true },
  });
  if (!asset) throw notFound("Asset");
  // Each check makes DNS queries and web requests to the customer's target: people get one per asset every few seconds.
  const since = asset.verificationCheckedAt ? now.getTime() - asset.verificationCheckedAt.getTime() : Infinity;
  if (actor && since < VERIFY_NOW_COOLDOWN_MS) {
    throw new AppError(
      "rate_limited",
      `${asset.value} was checked a moment ago. Try again in ${Math.ceil((VERIFY_NOW_COOLDOWN_MS - since) / 1000)} seconds.`,
    );
  }
  const token = await ensureVerificationToken(organizationId, asset.id);
  const outcome = await findProof(organizationId, asset, token, options);

  await db.asset.updateMany({
    where: { id: asset.id, organizationId },
    data: outcome.verified
      ? {
          verifiedAt: asset.verifiedAt ?? now,
          verificationMethod: outcome.method,
          verificationCheckedAt: now,
          verificationError: null,
        }
      : { verifiedAt: null, verificationMethod: null, verificationCheckedAt: now, verificationError: outcome.reason },
  });
  const lost = !outcome.verified && asset.verifiedAt !== null;
  if (outcome.verified ? asset.verifiedAt === null : true) {
    await recordAuditEvent({
      action: outcome.verified ? "asset.verified" : lost ? "asset.verification_lost" : "asset.verification_failed",
      organizationId,
      actorUserId: actor?.userId ?? null,
      actorEmail: actor?.email ?? null,
      ip: actor?.ip ?? null,
      target: `asset:${asset.id}`,
      details: { value: asset.value, ...(outcome.verified ? { method: outcome.method } : {}) },
      now,
    });
  }
  return outcome;
}

async function findProof(
  organizationId: string,
  asset: { id: string; kind: "DOMAIN" | "IP"; value: string },
  token: string,
  options: VerifyOptions,
): Promise<VerificationOutcome> {
  const config = options.config ?? scannerConfig();
  if (asset.kind === "DOMAIN" && (await checkDnsTxt(asset.value, token, { dnsServers: config.dnsServers }))) {
    return { verified: true, method: "dns-txt" };
  }
  if (asset.kind === "IP") {
    const viaDomain = await db.host.findFirst({
      where: { organizationId, ip: asset.value, asset: { kind: "DOMAIN", deletedAt: null, verifiedAt: { not: null } } },
      select: { id: true },
    });
    if (viaDomain) return { verified: true, method: "verified-domain" };
  }
  const fileOptions: FileCheckOptions = {
    dnsServers: config.dnsServers,
    allowedCidrs: config.allowedCidrs,
    deniedCidrs: config.deniedCidrs,
    ...(options.httpPort !== undefined ? { httpPort: options.httpPort } : {}),
    ...(options.httpsPort !== undefined ? { httpsPort: options.httpsPort } : {}),
  };
  if (await checkHttpFile(asset.value, token, fileOptions)) return { verified: true, method: "http-file" };
  const where =
    asset.kind === "DOMAIN"
      ? `No TXT record ${VERIFICATION_TXT_LABEL}.${asset.value} with this asset's value was found, and ${VERIFICATION_FILE_PATH} on ${asset.value} did not hold it.`
      : `${VERIFICATION_FILE_PATH} on ${asset.value} did not hold this asset's value, and none of your verified domains resolves to it.`;
  return { verified: false, reason: where };
}
