/**
 * How one port is probed (LZR-style, USENIX Security 2021):
 * 1. connect and wait briefly for a greeting (SSH, FTP, SMTP, POP3, IMAP, MySQL, VNC, Telnet speak first);
 * 2. otherwise send probes, those of the port's typical service first, then the rest;
 * 3. run every recogniser on every reply: a server of another protocol usually betrays itself in
 *    its error reply (Redis answers `GET /` with `-ERR`, AMQP with its protocol header ...);
 * 4. a TLS handshake is a probe too; inside TLS the greeting wait and HTTP probe are repeated.
 * Every step is bounded by the overall deadline; every socket is reset when done.
 */
import type { Detection, TlsInfo } from "../types";
import { bannerFrom } from "../banner";
import { typicalServiceName } from "../typical-services";
import { openConversation, openTlsConversation, type Conversation, type Endpoint } from "./connection";
import type { DetectTiming } from "./timing";
import type { ProtocolId, Recognition } from "./types";
import { recognise } from "./recognisers";
import { probeOrder, HTTP_PROBE, type Probe } from "./probes";
import { followUp, type FollowUpSession } from "./follow-ups";
import { serviceNameFor } from "./service-names";
import { isPlainHttpOnTlsPort } from "./protocols/http";
import { resolveAmbiguous220 } from "./protocols/smtp";
import { tlsInfoFrom } from "./tls-info";
import { speaksStarttls, starttlsInfo } from "./starttls";
import { isKubernetesSelfSignedCertificate, kubernetesProduct } from "./protocols/kubernetes";

export interface DetectionContext {
  endpoint: Endpoint;
  timing: DetectTiming;
  deadlineAt: number;
  signal: AbortSignal;
  serverName?: string;
}

/** Upper bound of the greeting wait inside an established TLS session. */
const TLS_GREETING_MS = 500;

/** Services whose greeting is deliberately delayed by anti-spam measures. */
const SLOW_GREETING_SERVICES = new Set(["smtp", "submission"]);

interface Outcome {
  recognition: Recognition | null;
  overTls: boolean;
  reply: Buffer | null;
  tls: TlsInfo | null;
  /** The probe met silence on a connection still open: the server is waiting for more bytes. */
  waitingForMore?: boolean;
}

class Attempt {
  firstReply: Buffer | null = null;

  constructor(
    readonly context: DetectionContext,
    readonly typical: string | null,
  ) {}

  get expired(): boolean {
    return this.context.signal.aborted || Date.now() >= this.context.deadlineAt;
  }

  noteReply(reply: Buffer): void {
    if (reply.length > 0 && this.firstReply === null) this.firstReply = reply;
  }

  connectOptions() {
    const { timing, deadlineAt, signal } = this.context;
    return { connectTimeoutMs: timing.connectTimeoutMs, deadlineAt, signal };
  }

  /** Follow-up session on `conversation`; extra connections it opens are closed by `closeExtras`. */
  session(
    conversation: Conversation,
    reply: Buffer,
    plainReopen: boolean,
  ): FollowUpSession & { closeExtras: () => void } {
    const extras: Conversation[] = [];
    return {
      conversation,
      reply,
      waitMs: this.replyWait(),
      reopen: async () => {
        if (!plainReopen || this.expired) return null;
        const fresh = await openConversation(this.context.endpoint, this.connectOptions());
        if (fresh) extras.push(fresh);
        return fresh;
      },
      closeExtras: () => extras.forEach((extra) => extra.close()),
    };
  }

  /** Runs the protocol's follow-up questions, closing whatever extra connections they opened. */
  async refine(
    recognition: Recognition,
    conversation: Conversation,
    reply: Buffer,
    plainReopen = true,
  ): Promise<Recognition> {
    const session = this.session(conversation, reply, plainReopen);
    try {
      return await followUp(recognition, session);
    } finally {
      session.closeExtras();
    }
  }

  replyWait(): number {
    return Math.max(1, Math.min(this.context.timing.replyMs, this.context.deadlineAt - Date.now()));
  }

  /** The detection, with the TLS details behind STARTTLS when a plain protocol offers it. */
  async finish(outcome: Outcome): Promise<Detection> {
    const protocol = outcome.recognition?.protocol;
    if (
      protocol === undefined ||
      outcome.overTls ||
      outcome.tls !== null ||
      !speaksStarttls(protocol) ||
      this.expired
    ) {
      return this.toDetection(outcome);
    }
    const { endpoint, timing, deadlineAt, signal, serverName } = this.context;
    const slow = protocol === "smtp" || (this.typical !== null && SLOW_GREETING_SERVICES.has(this.typical));
    const tls = await starttlsInfo(protocol, {
      endpoint,
      deadlineAt,
      signal,
      serverName,
      connectTimeoutMs: timing.connectTimeoutMs,
      handshakeTimeoutMs: timing.handshakeMs,
      greetingMs: slow ? timing.slowGreetingMs : timing.greetingMs,
      replyMs: timing.replyMs,
    });
    return this.toDetection({ ...outcome, tls });
  }

  /** A web server that does not name itself may be named by its certificate (Kubernetes components). */
  private productFromCertificate(recognition: Recognition | null, outcome: Outcome | null): string | null {
    if (recognition?.protocol !== "http" || !outcome?.overTls) return null;
    return isKubernetesSelfSignedCertificate(outcome.tls) ? kubernetesProduct(this.typical) : null;
  }

  toDetection(outcome: Outcome | null): Detection {
    const recognition = outcome?.recognition ?? null;
    const bannerBytes = (recognition ? outcome?.reply : null) ?? this.firstReply ?? outcome?.reply ?? null;
    return {
      detectedService: recognition
        ? serviceNameFor(recognition.protocol, outcome?.overTls ?? false, this.typical)
        : null,
      product: recognition?.product ?? this.productFromCertificate(recognition, outcome),
      version: recognition?.version ?? null,
      versionRevision: recognition?.revision ?? null,
      tls: outcome?.tls ?? null,
      banner: bannerFrom(bannerBytes),
      facts: recognition?.facts ?? {},
    };
  }
}

export async function runDetection(context: DetectionContext): Promise<Detection> {
  const typical = typicalServiceName(context.endpoint.port, "tcp");
  const attempt = new Attempt(context, typical);

  const first = await openConversation(context.endpoint, attempt.connectOptions());
  if (first === null) return attempt.toDetection(null);

  let reusable: Conversation | null = null;
  try {
    const greetingMs =
      typical !== null && SLOW_GREETING_SERVICES.has(typical)
        ? context.timing.slowGreetingMs
        : context.timing.greetingMs;
    const greeting = await first.read({ waitMs: Math.min(greetingMs, Math.max(1, context.deadlineAt - Date.now())) });
    attempt.noteReply(greeting);
    if (greeting.length > 0) {
      const recognition = recognise(greeting) ?? (await resolveAmbiguous220(first, greeting, attempt.replyWait()));
      if (recognition) {
        return attempt.finish({
          recognition: await attempt.refine(recognition, first, greeting),
          overTls: false,
          reply: greeting,
          tls: null,
        });
      }
    } else if (!first.isClosed) {
      // A silent, still-open connection can carry the first probe: saves one handshake.
      reusable = first;
    }
  } finally {
    if (reusable === null) first.close();
  }

  const queue = probeOrder(typical);
  let fallback: Outcome | null = null;
  while (queue.length > 0 && !attempt.expired) {
    const probe = queue.shift()!;
    const conversation = reusable;
    reusable = null;
    const outcome =
      probe.kind === "tls" ? await runTlsProbe(attempt) : await runPlainProbe(attempt, probe, conversation);
    if (outcome === null) continue;
    const protocol = outcome.recognition?.protocol;
    const betraysTls =
      protocol === "tls" || (protocol === "http" && outcome.reply !== null && isPlainHttpOnTlsPort(outcome.reply));
    if (betraysTls && !outcome.overTls) {
      // The port speaks TLS: try the handshake next, keep the plain answer in case it fails.
      fallback = protocol === "http" ? outcome : fallback;
      const tlsIndex = queue.findIndex((p) => p.kind === "tls");
      if (tlsIndex > 0) queue.unshift(...queue.splice(tlsIndex, 1));
      continue;
    }
    if (outcome.recognition) return attempt.finish(outcome);
    if (outcome.waitingForMore && probe.kind === "plain" && probe.protocol === "http") promote(queue, "dns");
  }
  reusable?.close();
  return attempt.toDetection(fallback);
}

/**
 * A server that answers an HTTP request with silence and keeps the connection open is reading a
 * length it took from "GE": DNS over TCP does exactly that (RFC 1035 §4.2.2). Its probe goes next
 * rather than after every other probe has waited in vain, which on a non-standard port used up the
 * whole detection deadline before DNS was ever asked.
 */
function promote(queue: Probe[], protocol: ProtocolId): void {
  const index = queue.findIndex((probe) => probe.kind === "plain" && probe.protocol === protocol);
  if (index > 0) queue.unshift(...queue.splice(index, 1));
}

async function runPlainProbe(
  attempt: Attempt,
  probe: Probe & { kind: "plain" },
  reuse: Conversation | null,
): Promise<Outcome | null> {
  const conversation = reuse ?? (await openConversation(attempt.context.endpoint, attempt.connectOptions()));
  if (conversation === null) return null;
  try {
    const reply = await conversation.exchange(probe.payload(attempt.context.endpoint), {
      waitMs: attempt.replyWait(),
      complete: probe.complete,
    });
    attempt.noteReply(reply);
    const recognition = reply.length > 0 ? recognise(reply) : null;
    if (recognition === null)
      return {
        recognition: null,
        overTls: false,
        reply,
        tls: null,
        waitingForMore: reply.length === 0 && !conversation.isClosed,
      };
    const refined = await attempt.refine(recognition, conversation, reply);
    return { recognition: refined, overTls: false, reply, tls: null };
  } finally {
    conversation.close();
  }
}

async function runTlsProbe(attempt: Attempt): Promise<Outcome | null> {
  const { context } = attempt;
  const opened = await openTlsConversation(context.endpoint, {
    ...attempt.connectOptions(),
    serverName: context.serverName,
    handshakeTimeoutMs: context.timing.handshakeMs,
  });
  if (opened === null) return null;
  const { conversation, tlsSocket } = opened;
  try {
    const tls = tlsInfoFrom(tlsSocket);
    // Inside TLS: IMAPS/POP3S/SMTPS greet right after the handshake; otherwise ask HTTP, the most
    // common inner protocol. The handshake already proved the peer alive, so the wait is short.
    const greetingMs = Math.min(context.timing.greetingMs, TLS_GREETING_MS, attempt.replyWait());
    let reply = await conversation.read({ waitMs: greetingMs });
    if (reply.length === 0 && !conversation.isClosed) {
      reply = await conversation.exchange(HTTP_PROBE.payload(context.endpoint), {
        waitMs: attempt.replyWait(),
        complete: HTTP_PROBE.complete,
      });
    }
    const inner =
      reply.length > 0
        ? (recognise(reply) ?? (await resolveAmbiguous220(conversation, reply, attempt.replyWait())))
        : null;
    const recognition: Recognition =
      inner && inner.protocol !== "tls"
        ? await attempt.refine(inner, conversation, reply, false)
        : { protocol: "tls", product: null, version: null };
    // "Redirects to HTTPS" is about plain HTTP; inside TLS it would only say an https page redirects.
    const { redirectsToHttps: _plainHttpOnly, ...facts } = recognition.facts ?? {};
    return { recognition: { ...recognition, facts }, overTls: true, reply: reply.length > 0 ? reply : null, tls };
  } finally {
    conversation.close();
  }
}
