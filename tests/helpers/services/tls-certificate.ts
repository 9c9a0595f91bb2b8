/** Self-signed certificate for the TLS endpoints, made fresh per run with the openssl CLI. */
import { join } from "node:path";
import { runCommand } from "./run-command";

export const CERTIFICATE_NAME = "fixture.example.test";

export async function generateSelfSignedCertificate(openssl: string, dir: string): Promise<{ certPath: string; keyPath: string }> {
  const certPath = join(dir, "fixture-cert.pem");
  const keyPath = join(dir, "fixture-key.pem");
  await runCommand(openssl, [
    "req", "-x509", "-nodes", "-days", "2",
    "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
    "-keyout", keyPath, "-out", certPath,
    "-subj", `/CN=${CERTIFICATE_NAME}`,
    "-addext", `subjectAltName=DNS:${CERTIFICATE_NAME}`,
  ]);
  return { certPath, keyPath };
}
