/**
 * Redis protocol (RESP). `PING` → `+PONG`, `-NOAUTH ...` or `-DENIED ...` (protected mode);
 * any wrong-protocol probe → `-ERR ...`. `INFO server` → bulk string with `redis_version:7.0.15`
 * (Valkey adds `valkey_version:` and `server_name:valkey`). `+PONG` and an INFO answer prove that the
 * server serves anyone (no password); NOAUTH, WRONGPASS and protected mode's DENIED prove it does not.
 */
import type { Recognition, Recogniser } from "../types";
import { field, firstLine } from "../text";

export const PING = Buffer.from("PING\r\n");
export const INFO_SERVER = Buffer.from("INFO server\r\n");

const STATUS = /^(\+PONG|-(?:NOAUTH|DENIED|WRONGPASS|ERR|WRONGTYPE|MISCONF|LOADING)\b)/;

/** Version (and fork) from an INFO reply; null fields when absent. */
export function parseRedisInfo(reply: Buffer): Recognition | null {
  const text = reply.toString("latin1");
  if (!/^\$\d+\r\n/.test(text)) return null;
  const valkey = /^valkey_version:([^\r\n]+)$/m.exec(text);
  const open = { unauthenticatedAccess: true };
  if (valkey) return { protocol: "redis", product: "Valkey", version: field(valkey[1]), facts: open };
  const redis = /^redis_version:([^\r\n]+)$/m.exec(text);
  if (!redis) return null;
  return { protocol: "redis", product: "Redis", version: field(redis[1]), facts: open };
}

export const recogniseRedis: Recogniser = (reply) => {
  const info = parseRedisInfo(reply);
  if (info) return info;
  const status = STATUS.exec(firstLine(reply))?.[1];
  if (status === undefined) return null;
  const access = status === "+PONG" ? true : /^-(NOAUTH|DENIED|WRONGPASS)$/.test(status) ? false : undefined;
  return {
    protocol: "redis",
    product: null,
    version: null,
    ...(access === undefined ? {} : { facts: { unauthenticatedAccess: access } }),
  };
};
