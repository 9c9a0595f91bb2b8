/** Locating server binaries, which Debian keeps in sbin and versioned library directories. */
import { accessSync, constants, readdirSync } from "node:fs";
import { delimiter, join } from "node:path";

const EXTRA_DIRS = ["/usr/local/sbin", "/usr/sbin", "/sbin"];

/** PostgreSQL's server binaries live in /usr/lib/postgresql/<major>/bin; the newest major wins. */
function postgresqlDirs(): string[] {
  try {
    return readdirSync("/usr/lib/postgresql")
      .filter((major) => /^\d+$/.test(major))
      .sort((a, b) => Number(b) - Number(a))
      .map((major) => `/usr/lib/postgresql/${major}/bin`);
  } catch {
    return [];
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Absolute path of `name`, or null when it is not installed. */
export function findBinary(name: string): string | null {
  const pathDirs = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const dir of [...postgresqlDirs(), ...pathDirs, ...EXTRA_DIRS]) {
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}
