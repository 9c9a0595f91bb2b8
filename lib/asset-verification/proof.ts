import crypto from "node:crypto";

/** Where the file proof lives on the asset's web server (HTTPS tried first, then HTTP). */
export const VERIFICATION_FILE_PATH = "/.well-known/portwatch-verification.txt";
/** The DNS TXT proof: this name under the domain (or the domain itself) holds `portwatch-verification=<token>`. */
export const VERIFICATION_TXT_LABEL = "_portwatch-verification";
const TXT_PREFIX = "portwatch-verification=";

export type VerificationMethod = "dns-txt" | "http-file" | "verified-domain";

/** 32 random bytes: one secret per asset and organisation, so proving one asset proves nothing else. */
export function newVerificationToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** What the customer publishes, for the assets page. */
export function verificationInstructions(asset: { kind: "DOMAIN" | "IP"; value: string; verificationToken: string }) {
  const host = asset.kind === "IP" && asset.value.includes(":") ? `[${asset.value}]` : asset.value;
  return {
    txt:
      asset.kind === "DOMAIN"
        ? { name: `${VERIFICATION_TXT_LABEL}.${asset.value}`, value: `${TXT_PREFIX}${asset.verificationToken}` }
        : null,
    file: { url: `http://${host}${VERIFICATION_FILE_PATH}`, content: asset.verificationToken },
  };
}

/** A TXT record (its strings joined, as DNS splits long values) that proves `token`. */
export function txtProves(record: string[], token: string): boolean {
  return record.join("").trim() === `${TXT_PREFIX}${token}`;
}

/** A file body that proves `token`: the token on a line of its own (or the TXT form of it). */
export function fileProves(body: string, token: string): boolean {
  return body.split(/\r?\n/).some((line) => {
    const t = line.trim();
    return t === token || t === `${TXT_PREFIX}${token}`;
  });
}
