/**
 * Memcached text protocol: `version\r\n` → `VERSION 1.6.21\r\n`; any unknown command (our PING,
 * an HTTP GET) → one `ERROR\r\n` per line.
 */
import type { Recogniser } from "../types";
import { field } from "../text";

export const VERSION_COMMAND = Buffer.from("version\r\n");

export const recogniseMemcached: Recogniser = (reply) => {
  const text = reply.toString("latin1");
  const version = /^VERSION ([^\r\n ]+)\r\n/.exec(text);
  if (version) return { protocol: "memcached", product: "Memcached", version: field(version[1]) };
  // Only ERROR lines and nothing else: what memcached answers to every unknown command.
  if (/^(?:ERROR\r\n)+$/.test(text)) return { protocol: "memcached", product: "Memcached", version: null };
  return null;
};
