/**
 * SSH identification string (RFC 4253 §4.2): `SSH-protoversion-softwareversion SP comments CR LF`.
 * Servers may send other lines first, so the first few lines are searched.
 * Example: `SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3` → OpenSSH 9.2p1, revision `Debian-2+deb12u3` (the
 * comments field: distributions put their package revision there, which says which fixes are backported).
 */
import type { Recogniser } from "../types";
import { field, lines, revisionOf } from "../text";

// RFC 4253 allows printable ASCII only; anything else is accepted here and escaped by field().
const IDENT = /^SSH-(1\.99|2\.0|1\.\d+)-(\S+)(?: (.*))?$/;

export const recogniseSsh: Recogniser = (reply) => {
  for (const line of lines(reply, 8)) {
    const match = IDENT.exec(line);
    if (!match) continue;
    const software = match[2]!;
    const revision = revisionOf(match[3]);
    const cut = software.indexOf("_");
    if (cut <= 0) return { protocol: "ssh", product: field(software), version: null, ...revision };
    return {
      protocol: "ssh",
      product: field(software.slice(0, cut)),
      version: field(software.slice(cut + 1)),
      ...revision,
    };
  }
  return null;
};
