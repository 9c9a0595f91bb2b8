/** uid/gid of the Debian system accounts some servers must run as. */
import { execFileSync } from "node:child_process";

export interface SystemUser {
  uid: number;
  gid: number;
}

const cache = new Map<string, SystemUser>();

export function systemUser(name: string): SystemUser {
  const known = cache.get(name);
  if (known) return known;
  let entry: string;
  try {
    entry = execFileSync("getent", ["passwd", name], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(`System user "${name}" does not exist (its Debian package normally creates it)`);
  }
  const [, , uid, gid] = entry.split(":");
  const user = { uid: Number(uid), gid: Number(gid) };
  if (!Number.isInteger(user.uid) || !Number.isInteger(user.gid))
    throw new Error(`Unreadable passwd entry for "${name}": ${entry}`);
  cache.set(name, user);
  return user;
}
