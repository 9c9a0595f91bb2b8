import { gradeAsset, toGradingFinding, type AssetGrade } from "@/lib/grading";
import { severityRank } from "@/lib/grading/severity";
import { remediationFor } from "@/lib/remediation";
import { resolveTarget, scanHost, TargetRefusedError, type ResolvedAddress } from "@/lib/scanner";
import { refusedTargetMessage } from "@/lib/scan-runs/refused-target-message";
import type { ScannerConfig } from "@/lib/scan-runs/scanner-config";
import { MAX_RISKY_CLASSES, type RiskyClass, type SecurityTestTeaser } from "./teaser";

export type SecurityTestScan = { ok: true; teaser: SecurityTestTeaser } | { ok: false; reason: string };

/** The domain's main address: its first IPv4 address, else its first IPv6 one (www. and MX hosts are not looked up). */
export function mainAddress(addresses: readonly ResolvedAddress[]): ResolvedAddress | undefined {
  return addresses.find((a) => a.family === 4) ?? addresses[0];
}

/** The service classes (lib/remediation) of the graded findings, worst first, informational ones left out. */
export function riskiestClasses(grade: AssetGrade): RiskyClass[] {
  const byClass = new Map<string, RiskyClass & { deduction: number }>();
  for (const finding of grade.findings) {
    if (finding.severity === "info") continue;
    const { serviceClass, title } = remediationFor(finding.ruleId);
    const entry = byClass.get(serviceClass);
    if (!entry) {
      byClass.set(serviceClass, {
        serviceClass,
        title,
        severity: finding.severity,
        ports: 1,
        deduction: finding.deduction,
      });
      continue;
    }
    entry.ports += 1;
    entry.deduction += finding.deduction;
    if (severityRank(finding.severity) > severityRank(entry.severity)) entry.severity = finding.severity;
  }
  return [...byClass.values()]
    .sort(
      (a, b) =>
        severityRank(b.severity) - severityRank(a.severity) ||
        b.deduction - a.deduction ||
        a.title.localeCompare(b.title),
    )
    .slice(0, MAX_RISKY_CLASSES)
    .map(({ deduction: _deduction, ...risky }) => risky);
}

/**
 * The light scan of the public security test: the domain's main address only, the given TCP ports, no
 * UDP, through the same target policy and scanner as every scan, then the published grading method.
 * Returns only the teaser; a refused domain gets the same message as a monitored asset's scan.
 */
export async function scanForSecurityTest(
  domain: string,
  config: Pick<ScannerConfig, "allowedCidrs" | "deniedCidrs" | "dnsServers">,
  ports: string,
  now: Date,
): Promise<SecurityTestScan> {
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolveTarget(domain, {
      discovery: false,
      allowedCidrs: config.allowedCidrs,
      deniedCidrs: config.deniedCidrs,
      ...(config.dnsServers.length > 0 ? { dnsServers: config.dnsServers } : {}),
    });
  } catch (error) {
    if (error instanceof TargetRefusedError) return { ok: false, reason: refusedTargetMessage(error) };
    throw error;
  }
  const address = mainAddress(addresses);
  if (!address) return { ok: false, reason: `${domain} has no address to test.` };
  const result = await scanHost(address, {
    target: domain,
    ports,
    udp: false,
    allowedCidrs: config.allowedCidrs,
    deniedCidrs: config.deniedCidrs,
  });
  const open = result.ports.filter((p) => p.state === "open");
  const grade = gradeAsset(
    {
      findings: open.map((p) => toGradingFinding(p)),
      ...(result.catchAll ? { catchAllHosts: [address.ip] } : {}),
    },
    { asOf: now },
  );
  return {
    ok: true,
    teaser: { grade: grade.grade, score: grade.score, openPorts: open.length, riskiestClasses: riskiestClasses(grade) },
  };
}
