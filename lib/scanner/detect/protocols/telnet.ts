/** Telnet (RFC 854): servers open with option negotiation, IAC (0xff) followed by WILL/WONT/DO/DONT or SB. */
import type { Recogniser } from "../types";

const IAC = 0xff;
const SB = 0xfa;
const DONT = 0xfe;

export const recogniseTelnet: Recogniser = (reply) => {
  if (reply.length < 3 || reply[0] !== IAC) return null;
  const command = reply[1]!;
  if (command < SB || command > DONT) return null;
  return { protocol: "telnet", product: null, version: null };
};
