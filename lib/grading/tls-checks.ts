/** Certificate and protocol problems visible in a finding's TLS handshake: small, documented extras. */
import type { TlsInfo } from "@/lib/scanner/types";
import { EXTRA_DEDUCTION } from "./policy";
import type { Adjustment } from "./types";

const DEPRECATED_PROTOCOL = /^(sslv?[23](\.0)?|tlsv?1(\.[01])?)$/;

function parseTime(iso: string | null): number | null {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

function day(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

export function tlsAdjustments(tls: TlsInfo, asOf: Date): Adjustment[] {
  const adjustments: Adjustment[] = [];
  const now = asOf.getTime();
  const validTo = parseTime(tls.validTo);
  const validFrom = parseTime(tls.validFrom);
  if (validTo !== null && validTo < now) {
    adjustments.push({
      kind: "tls-expired",
      points: EXTRA_DEDUCTION.tlsExpired,
      note: `certificate expired on ${day(validTo)}`,
    });
  } else if (validFrom !== null && validFrom > now) {
    adjustments.push({
      kind: "tls-expired",
      points: EXTRA_DEDUCTION.tlsExpired,
      note: `certificate not valid before ${day(validFrom)}`,
    });
  }
  if (tls.selfSigned) {
    adjustments.push({
      kind: "tls-self-signed",
      points: EXTRA_DEDUCTION.tlsSelfSigned,
      note: "self-signed certificate",
    });
  }
  const protocol = tls.protocol?.toLowerCase().replace(/[\s_]/g, "") ?? "";
  if (DEPRECATED_PROTOCOL.test(protocol)) {
    adjustments.push({
      kind: "tls-deprecated-protocol",
      points: EXTRA_DEDUCTION.tlsDeprecatedProtocol,
      note: `deprecated protocol ${tls.protocol ?? ""} negotiated`,
    });
  }
  return adjustments;
}
