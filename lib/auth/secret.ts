import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Signs and encrypts session cookies. At least 32 characters of randomness. */
const MIN_SECRET_LENGTH = 32;

export class AuthSecretError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthSecretError";
  }
}

let cached: string | undefined;

/**
 * AUTH_SECRET from the environment; required in production. In development and tests a secret is
 * generated once and kept in .data/auth-secret, so sessions survive restarts without any setup.
 */
export function authSecret(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.AUTH_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < MIN_SECRET_LENGTH) {
      throw new AuthSecretError(
        `AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters long (generate one with: openssl rand -base64 33).`,
      );
    }
    return fromEnv;
  }
  if (env.NODE_ENV === "production") {
    throw new AuthSecretError(
      "AUTH_SECRET is not set. Production needs a fixed secret (generate one with: openssl rand -base64 33).",
    );
  }
  cached ??= persistedSecret(path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "auth-secret"));
  return cached;
}

/** Reads the secret kept in `file`, creating it (owner-only permissions) on first use. */
export function persistedSecret(file: string): string {
  let exists = false;
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= MIN_SECRET_LENGTH) return existing;
    exists = true; // empty or truncated: replaced below
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(48).toString("base64url");
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
  fs.writeFileSync(tmp, `${secret}\n`, { mode: 0o600 });
  try {
    if (exists) {
      fs.renameSync(tmp, file);
      return secret;
    }
    // link() fails if another process created the file meanwhile: then everyone uses that one.
    fs.linkSync(tmp, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return fs.readFileSync(file, "utf8").trim();
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
