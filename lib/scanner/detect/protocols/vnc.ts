/** VNC / RFB (RFC 6143 §7.1.1): the server opens with `RFB 003.008\n` (12 bytes). */
import type { Recogniser } from "../types";

export const recogniseVnc: Recogniser = (reply) =>
  /^RFB \d{3}\.\d{3}\n/.test(reply.subarray(0, 12).toString("latin1")) ? { protocol: "vnc", product: null, version: null } : null;
