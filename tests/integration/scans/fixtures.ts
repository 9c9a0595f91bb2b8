import { db } from "@/lib/db/client";
import type { Plan } from "@/lib/generated/prisma/client";
import type { PortResult, TlsInfo } from "@/lib/scanner";
import { createScanRun } from "@/lib/scan-runs/create-scan-run";
import { recordResolvedHosts } from "@/lib/scan-runs/record-resolved-hosts";
import { observedPort, tlsInfo } from "@/tests/helpers/observed-port";

let counter = 0;

export async function createOrgWithAsset(options: { plan?: Plan; value?: string; trialEndsAt?: Date | null } = {}) {
  counter += 1;
  const org = await db.organization.create({
    data: { name: `Org ${counter}`, plan: options.plan ?? "STARTER", trialEndsAt: options.trialEndsAt ?? null },
  });
  const asset = await db.asset.create({
    data: { organizationId: org.id, kind: "DOMAIN", value: options.value ?? `site${counter}.example.test` },
  });
  return { org, asset };
}

/** A RUNNING scan run of the asset with one resolved host at `ip`. */
export async function startRunWithHost(organizationId: string, assetId: string, ip = "127.0.0.10") {
  const run = await createScanRun(organizationId, { assetId, trigger: "MANUAL" });
  await db.scanRun.update({ where: { id: run.id }, data: { status: "RUNNING", startedAt: new Date() } });
  const [host] = await recordResolvedHosts(organizationId, {
    scanRunId: run.id,
    assetId,
    addresses: [{ ip, family: 4, hostname: "www.example.test", discovered: false }],
    now: new Date(),
  });
  return { scanRunId: run.id, hostId: host!.hostId, ip };
}

export function openPort(port: number, overrides: Partial<PortResult> = {}): PortResult {
  const service = port === 22 ? "ssh" : port === 443 ? "https" : "http";
  return {
    target: "example.test",
    ianaService: null,
    ...observedPort({ ip: "127.0.0.10", port, typicalService: service, detectedService: service, ...overrides }),
  };
}

export function certificate(overrides: Partial<TlsInfo> = {}): TlsInfo {
  return tlsInfo({
    cipher: "TLS_AES_256_GCM_SHA384",
    subjectAltNames: ["DNS:example.test"],
    validFrom: "2025-01-01T00:00:00.000Z",
    validTo: "2027-01-01T00:00:00.000Z",
    ...overrides,
  });
}
