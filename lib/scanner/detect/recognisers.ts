/**
 * Every recogniser, run on every reply (LZR: a server of another protocol betrays itself in its
 * error reply). Order matters only where two could claim the same bytes: more specific first.
 */
import type { Recognition, Recogniser } from "./types";
import { recogniseTlsRecord } from "./protocols/tls-record";
import { recogniseHttp } from "./protocols/http";
import { recogniseSsh } from "./protocols/ssh";
import { recogniseFtp } from "./protocols/ftp";
import { recogniseSmtp } from "./protocols/smtp";
import { recognisePop3 } from "./protocols/pop3";
import { recogniseImap } from "./protocols/imap";
import { recogniseRedis } from "./protocols/redis";
import { recogniseMemcached } from "./protocols/memcached";
import { recogniseMysql } from "./protocols/mysql";
import { recognisePostgresql } from "./protocols/postgresql";
import { recogniseMongodb } from "./protocols/mongodb";
import { recogniseAmqp } from "./protocols/amqp";
import { recogniseMqtt } from "./protocols/mqtt";
import { recogniseLdap } from "./protocols/ldap";
import { recogniseDns } from "./protocols/dns";
import { recogniseRdp } from "./protocols/rdp";
import { recogniseMssql } from "./protocols/mssql";
import { recogniseSmb } from "./protocols/smb";
import { recogniseVnc } from "./protocols/vnc";
import { recogniseTelnet } from "./protocols/telnet";

export const RECOGNISERS: readonly Recogniser[] = [
  recogniseTlsRecord,
  recogniseHttp,
  recogniseSsh,
  // FTP before SMTP: both greet with 220, and FTP banners may mention mail.
  recogniseFtp,
  recogniseSmtp,
  recognisePop3,
  recogniseImap,
  recogniseRedis,
  recogniseMemcached,
  recogniseMysql,
  recognisePostgresql,
  recogniseMongodb,
  recogniseAmqp,
  recogniseMqtt,
  recogniseLdap,
  recogniseDns,
  recogniseRdp,
  recogniseMssql,
  recogniseSmb,
  recogniseVnc,
  recogniseTelnet,
];

/** The first recogniser that claims the reply. Never throws: a recogniser that would is skipped. */
export function recognise(reply: Buffer): Recognition | null {
  if (reply.length === 0) return null;
  for (const recogniser of RECOGNISERS) {
    try {
      const recognition = recogniser(reply);
      if (recognition) return recognition;
    } catch {
      // Recognisers are total by construction and property-tested; this is defence in depth.
    }
  }
  return null;
}
