/**
 * Second questions asked once a protocol is recognised, to learn product and version:
 * Redis `INFO server`, memcached `version`, MongoDB `buildInfo`, PostgreSQL's StartupMessage after
 * its one-byte SSL answer, AMQP's Connection.Start after a bare protocol header, SMB's NTLM challenge
 * (operating system and names) after NEGOTIATE. Each is bounded
 * by the reply wait; failures leave the first recognition unchanged.
 */
import type { Conversation } from "./connection";
import type { ProtocolId, Recognition } from "./types";
import { INFO_SERVER, parseRedisInfo } from "./protocols/redis";
import { VERSION_COMMAND, recogniseMemcached } from "./protocols/memcached";
import { recognisePostgresql, startupMessage } from "./protocols/postgresql";
import { BUILD_INFO, recogniseMongodb } from "./protocols/mongodb";
import { PROTOCOL_HEADER, recogniseAmqp } from "./protocols/amqp";
import { PROTOCOL_STANDARD, connectionRequest, rdpMethods, rdpNegotiation } from "./protocols/rdp";
import { clientVersion, parseSecurityTypes, securityFacts } from "./protocols/vnc";
import { DISCONNECT, SUBSCRIBE_BROKER_VERSION, connackReturnCode, parseBrokerVersion } from "./protocols/mqtt";
import { SESSION_SETUP, ntlmFacts, parseNtlmChallenge } from "./protocols/smb-ntlmssp";

export interface FollowUpSession {
  conversation: Conversation;
  /** The reply that was recognised. */
  reply: Buffer;
  waitMs: number;
  /** A fresh plain connection to the same port (closed by the caller), or null if unavailable. */
  reopen: () => Promise<Conversation | null>;
}

type FollowUp = (recognition: Recognition, session: FollowUpSession) => Promise<Recognition>;

/** The open conversation, or a new one when the server hung up after the first reply. */
async function usable(session: FollowUpSession): Promise<Conversation | null> {
  return session.conversation.isClosed ? session.reopen() : session.conversation;
}

async function ask(session: FollowUpSession, question: Buffer): Promise<Buffer | null> {
  const conversation = await usable(session);
  return conversation ? conversation.exchange(question, { waitMs: session.waitMs }) : null;
}

function merge(first: Recognition, refined: Recognition | null): Recognition {
  if (refined === null || refined.protocol !== first.protocol) return first;
  return {
    ...first,
    product: refined.product ?? first.product,
    version: refined.version ?? first.version,
    revision: refined.revision ?? first.revision,
    facts: { ...first.facts, ...refined.facts },
  };
}

const FOLLOW_UPS: Partial<Record<ProtocolId, FollowUp>> = {
  vnc: async (recognition, session) => {
    // Answer the server's version: it lists its security types; we hang up without choosing one.
    const version = clientVersion(session.reply);
    if (version === null || session.conversation.isClosed) return recognition;
    const reply = await session.conversation.exchange(version, { waitMs: session.waitMs });
    const types = parseSecurityTypes(reply, version);
    return types === null ? recognition : { ...recognition, facts: { ...recognition.facts, ...securityFacts(types) } };
  },
  rdp: async (recognition, session) => {
    // A second request offering only Standard RDP Security: accepted means the weakest form is allowed.
    const first = rdpNegotiation(session.reply);
    const conversation = await session.reopen();
    const reply = conversation
      ? await conversation.exchange(connectionRequest(PROTOCOL_STANDARD), { waitMs: session.waitMs })
      : null;
    const methods = rdpMethods(first, reply ? rdpNegotiation(reply) : null);
    return methods.length === 0
      ? recognition
      : { ...recognition, facts: { ...recognition.facts, authenticationMethods: methods } };
  },
  mqtt: async (recognition, session) => {
    // CONNACK 0 to our anonymous CONNECT: anyone may use the broker. Then read (never publish) the
    // broker's own retained $SYS/broker/version, and disconnect cleanly.
    const code = connackReturnCode(session.reply);
    if (code === null) return recognition;
    const anonymous = code === 0;
    const withFacts: Recognition = {
      ...recognition,
      facts: { ...recognition.facts, unauthenticatedAccess: anonymous },
    };
    if (!anonymous || session.conversation.isClosed) return withFacts;
    const reply = await session.conversation.exchange(SUBSCRIBE_BROKER_VERSION, {
      waitMs: session.waitMs,
      complete: (bytes) => parseBrokerVersion(bytes) !== null,
    });
    session.conversation.write(DISCONNECT);
    return merge(withFacts, parseBrokerVersion(reply));
  },
  smb: async (recognition, session) => {
    // SMB2 only (an SMB1-only server is left at its dialect); the challenge is read, never answered.
    if (recognition.facts?.protocolVersion === "1" || session.conversation.isClosed) return recognition;
    const reply = await session.conversation.exchange(SESSION_SETUP, {
      waitMs: session.waitMs,
      complete: (bytes) => parseNtlmChallenge(bytes) !== null,
    });
    const challenge = parseNtlmChallenge(reply);
    return challenge === null
      ? recognition
      : { ...recognition, facts: { ...recognition.facts, ...ntlmFacts(challenge) } };
  },
  redis: async (recognition, session) => {
    if (recognition.version !== null) return recognition;
    const reply = await ask(session, INFO_SERVER);
    return merge(recognition, reply ? parseRedisInfo(reply) : null);
  },
  memcached: async (recognition, session) => {
    if (recognition.version !== null) return recognition;
    const reply = await ask(session, VERSION_COMMAND);
    return merge(recognition, reply ? recogniseMemcached(reply) : null);
  },
  mongodb: async (recognition, session) => {
    if (recognition.version !== null) return recognition;
    const reply = await ask(session, BUILD_INFO);
    return merge(recognition, reply ? recogniseMongodb(reply) : null);
  },
  postgresql: async (recognition, session) => {
    if (session.reply.length !== 1) return recognition;
    // After `N` the server waits for a StartupMessage; after `S` it expects TLS, so start afresh.
    const conversation =
      session.reply[0] === 0x4e && !session.conversation.isClosed ? session.conversation : await session.reopen();
    const reply = conversation ? await conversation.exchange(startupMessage(), { waitMs: session.waitMs }) : null;
    return merge(recognition, reply ? recognisePostgresql(reply) : null);
  },
  amqp: async (recognition, session) => {
    if (recognition.product !== null || !session.reply.equals(PROTOCOL_HEADER)) return recognition;
    // The broker answered a foreign probe with the 0-9-1 header: ask properly for Connection.Start.
    const conversation = await session.reopen();
    const reply = conversation ? await conversation.exchange(PROTOCOL_HEADER, { waitMs: session.waitMs }) : null;
    return merge(recognition, reply ? recogniseAmqp(reply) : null);
  },
};

export async function followUp(recognition: Recognition, session: FollowUpSession): Promise<Recognition> {
  const next = FOLLOW_UPS[recognition.protocol];
  if (!next) return recognition;
  try {
    return await next(recognition, session);
  } catch {
    return recognition;
  }
}
