/**
 * HTTP/1.x responses: status line, `Server` header → product/version (`nginx/1.22.1`).
 * Elasticsearch and OpenSearch are HTTP too; they are recognised by ./elasticsearch.ts from the
 * parsed response this module exposes.
 */
import type { Recognition, Recogniser } from "../types";
import { field } from "../text";
import { recogniseElasticsearch } from "./elasticsearch";

export interface HttpResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

const STATUS_LINE = /^HTTP\/(\d(?:\.\d)?) (\d{3})(?: |\r?$)/;
const HEADER = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):(.*)$/;
/** RFC 9110 product: token ["/" token]. */
const PRODUCT = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:\/([!#$%&'*+.^_`|~0-9A-Za-z-]+))?/;

/** Parses status line, headers and whatever body arrived; null when it is not an HTTP response. */
export function parseHttpResponse(reply: Buffer): HttpResponse | null {
  const text = reply.toString("latin1");
  const headerEnd = text.search(/\r?\n\r?\n/);
  const head = headerEnd === -1 ? text : text.slice(0, headerEnd);
  const [statusLine = "", ...headerLines] = head.split(/\r?\n/, 200);
  const status = STATUS_LINE.exec(statusLine);
  if (!status) return null;
  const headers = new Map<string, string>();
  for (const line of headerLines) {
    const header = HEADER.exec(line);
    if (header && !headers.has(header[1]!.toLowerCase())) headers.set(header[1]!.toLowerCase(), header[2]!.trim());
  }
  const body = headerEnd === -1 ? "" : text.slice(headerEnd).replace(/^\r?\n\r?\n/, "");
  return { status: Number(status[2]), headers, body };
}

export function serverProduct(server: string | undefined): { product: string | null; version: string | null } {
  const match = server === undefined ? null : PRODUCT.exec(server.trim());
  if (!match) return { product: field(server ?? null), version: null };
  return { product: field(match[1]), version: field(match[2] ?? null) };
}

export const recogniseHttp: Recogniser = (reply): Recognition | null => {
  const response = parseHttpResponse(reply);
  if (!response) return null;
  const elastic = recogniseElasticsearch(response);
  if (elastic) return elastic;
  // MongoDB answers HTTP on its driver port with this fixed text.
  if (response.body.includes("trying to access MongoDB over HTTP on the native driver port")) {
    return { protocol: "mongodb", product: "MongoDB", version: null };
  }
  return { protocol: "http", ...serverProduct(response.headers.get("server")), facts: { redirectsToHttps: redirectsToHttps(response) } };
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** A redirect whose target is an https:// URL: the plain site only sends visitors to the encrypted one. */
function redirectsToHttps(response: HttpResponse): boolean {
  return REDIRECT_STATUSES.has(response.status) && /^https:\/\/[^\s/]/i.test(response.headers.get("location") ?? "");
}

/** nginx (and others) answer plain HTTP on a TLS port with this 400: the port really speaks TLS. */
export function isPlainHttpOnTlsPort(reply: Buffer): boolean {
  return /plain HTTP request was sent to HTTPS port|speaking plain HTTP to an SSL-enabled server/i.test(reply.toString("latin1"));
}
