/** Self-signed certificate for the TLS endpoints, made fresh per run with the openssl CLI. */
import { chownSync, copyFileSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { runCommand } from "./run-command";

export const CERTIFICATE_NAME = "fixture.example.test";

export async function generateSelfSignedCertificate(
  openssl: string,
  dir: string,
): Promise<{ certPath: string; keyPath: string }> {
  const certPath = join(dir, "fixture-cert.pem");
  const keyPath = join(dir, "fixture-key.pem");
  await runCommand(openssl, [
    "req",
    "-x509",
    "-nodes",
    "-days",
    "2",
    "-newkey",
    "ec",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-keyout",
    keyPath,
    "-out",
    certPath,
    "-subj",
    `/CN=${CERTIFICATE_NAME}`,
    "-addext",
    `subjectAltName=DNS:${CERTIFICATE_NAME}`,
  ]);
  return { certPath, keyPath };
}

/** A copy of the key owned by a server's own user, mode 0600 (PostgreSQL and MariaDB insist on that). */
export function privateKeyCopy(keyPath: string, dir: string, owner: { uid: number; gid: number }): string {
  const copy = join(dir, "tls-key.pem");
  copyFileSync(keyPath, copy);
  chownSync(copy, owner.uid, owner.gid);
  chmodSync(copy, 0o600);
  return copy;
}
