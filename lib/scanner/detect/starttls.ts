/**
 * STARTTLS: protocols that upgrade a plain connection to TLS on request. Each dialogue below runs
 * on a fresh connection up to the point where the server expects a ClientHello; then the same TLS
 * handshake as for implicit TLS runs, and its certificate and protocol version are recorded, so an
 * expired, self-signed or weak certificate on a mail or database port is graded and shown.
 * Nothing is sent beyond what a client sends before logging in: no credentials, no commands that
 * change anything, and the connection is reset right after the handshake.
 */
import type { TlsInfo } from "../types";
import { openConversation, startTls, type Conversation, type Endpoint } from "./connection";
import type { ProtocolId } from "./types";
import { tlsInfoFrom } from "./tls-info";
import { EHLO } from "./protocols/smtp";
import { SSL_REQUEST } from "./protocols/postgresql";
import { LDAP_STARTTLS_REQUEST, isLdapStartTlsSuccess } from "./protocols/ldap";
import { mysqlSslRequest } from "./protocols/mysql";

export interface StarttlsContext {
  endpoint: Endpoint;
  deadlineAt: number;
  signal: AbortSignal;
  connectTimeoutMs: number;
  handshakeTimeoutMs: number;
  /** Wait for the server's greeting (SMTP servers may delay it on purpose). */
  greetingMs: number;
  replyMs: number;
  serverName?: string;
}

/** Reads one reply: a greeting or an answer, complete once `done` says so. */
type Dialogue = (conversation: Conversation, context: StarttlsContext) => Promise<boolean>;

const line = (pattern: RegExp) => (reply: Buffer) => pattern.test(reply.toString("latin1"));
/** A complete (possibly multi-line) reply of a numbered text protocol: the last line is `NNN text`. */
const finalLine = line(/(^|\r?\n)\d{3}(?: [^\r\n]*)?\r?\n$/);

async function exchange(
  conversation: Conversation,
  context: StarttlsContext,
  data: Buffer | string | null,
  complete: (reply: Buffer) => boolean,
  waitMs = context.replyMs,
) {
  if (data !== null) conversation.write(data);
  const wait = Math.max(1, Math.min(waitMs, context.deadlineAt - Date.now()));
  return (await conversation.read({ waitMs: wait, complete })).toString("latin1");
}

const DIALOGUES: Partial<Record<ProtocolId, Dialogue>> = {
  // RFC 3207: EHLO lists STARTTLS; `STARTTLS` → 220.
  smtp: async (conversation, context) => {
    const greeting = await exchange(conversation, context, null, finalLine, context.greetingMs);
    if (!/^220[ -]/m.test(greeting)) return false;
    const ehlo = await exchange(conversation, context, EHLO, finalLine);
    if (!/^250[ -]STARTTLS\b/im.test(ehlo)) return false;
    return /^220[ -]/.test(await exchange(conversation, context, "STARTTLS\r\n", finalLine));
  },
  // RFC 9051 §6.2.1: `tag STARTTLS` → `tag OK`.
  imap: async (conversation, context) => {
    const greeting = await exchange(conversation, context, null, line(/\r?\n$/), context.greetingMs);
    if (!/^\* OK\b/i.test(greeting)) return false;
    const reply = await exchange(conversation, context, "pw1 STARTTLS\r\n", line(/(^|\n)pw1 [^\r\n]*\r?\n$/));
    return /(^|\n)pw1 OK\b/i.test(reply);
  },
  // RFC 2595 §4: `STLS` → `+OK`.
  pop3: async (conversation, context) => {
    const greeting = await exchange(conversation, context, null, line(/\r?\n$/), context.greetingMs);
    if (!/^\+OK\b/.test(greeting)) return false;
    return /^\+OK\b/.test(await exchange(conversation, context, "STLS\r\n", line(/\r?\n$/)));
  },
  // RFC 4217 §4: `AUTH TLS` → 234.
  ftp: async (conversation, context) => {
    const greeting = await exchange(conversation, context, null, finalLine, context.greetingMs);
    if (!/(^|\n)220 /.test(greeting)) return false;
    return /^234[ -]/.test(await exchange(conversation, context, "AUTH TLS\r\n", finalLine));
  },
  // RFC 4511 §4.14: the StartTLS extended operation → ExtendedResponse with resultCode success.
  ldap: async (conversation, context) => {
    conversation.write(LDAP_STARTTLS_REQUEST);
    const reply = await conversation.read({
      waitMs: Math.max(1, Math.min(context.replyMs, context.deadlineAt - Date.now())),
      complete: isLdapStartTlsSuccess,
    });
    return isLdapStartTlsSuccess(reply);
  },
  // PostgreSQL protocol §54.2.10: SSLRequest → `S`.
  postgresql: async (conversation, context) => {
    const reply = await exchange(conversation, context, SSL_REQUEST, (bytes) => bytes.length >= 1);
    return reply === "S";
  },
  // MySQL/MariaDB: the handshake advertises CLIENT_SSL; an SSLRequest packet (capabilities only) → TLS.
  mysql: async (conversation, context) => {
    const greeting = await conversation.read({
      waitMs: Math.max(1, Math.min(context.greetingMs, context.deadlineAt - Date.now())),
    });
    const request = mysqlSslRequest(greeting);
    if (request === null) return false;
    conversation.write(request);
    return true;
  },
};

export function speaksStarttls(protocol: ProtocolId): boolean {
  return DIALOGUES[protocol] !== undefined;
}

/** TLS details behind the protocol's STARTTLS, or null when it is not offered or the handshake fails. */
export async function starttlsInfo(protocol: ProtocolId, context: StarttlsContext): Promise<TlsInfo | null> {
  const dialogue = DIALOGUES[protocol];
  if (!dialogue || context.signal.aborted || Date.now() >= context.deadlineAt) return null;
  const options = {
    connectTimeoutMs: context.connectTimeoutMs,
    deadlineAt: context.deadlineAt,
    signal: context.signal,
  };
  const conversation = await openConversation(context.endpoint, options);
  if (conversation === null) return null;
  let upgraded = false;
  try {
    upgraded = await dialogue(conversation, context);
  } catch {
    upgraded = false;
  }
  if (!upgraded) {
    conversation.close();
    return null;
  }
  const raw = conversation.detach();
  if (raw === null) return null;
  const secured = await startTls(raw, {
    ...options,
    serverName: context.serverName,
    handshakeTimeoutMs: context.handshakeTimeoutMs,
  });
  if (secured === null) return null;
  try {
    return tlsInfoFrom(secured.tlsSocket);
  } finally {
    secured.tlsSocket.destroy();
    secured.conversation.close();
  }
}
