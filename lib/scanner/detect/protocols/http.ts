/**
 * HTTP/1.x responses: status line, `Server` header → product/version (`nginx/1.22.1`).
 * Elasticsearch, OpenSearch and the Docker Engine API are HTTP too; they are recognised by
 * ./elasticsearch.ts and ./docker.ts from the
 * parsed response (./http-response.ts, which both read, so neither imports the other).
 */
import type { Recognition, Recogniser } from "../types";
import { field, revisionOf } from "../text";
import { recogniseDocker } from "./docker";
import { recogniseElasticsearch } from "./elasticsearch";
import { parseHttpResponse, type HttpResponse } from "./http-response";

/** RFC 9110 product: token ["/" token]. */
const PRODUCT = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:\/([!#$%&'*+.^_`|~0-9A-Za-z-]+))?/;

/** `Apache/2.4.62 (Debian)` → Apache 2.4.62, revision `Debian` (the comment names the distribution build). */
export function serverProduct(server: string | undefined): {
  product: string | null;
  version: string | null;
  revision?: string;
} {
  const text = server?.trim() ?? "";
  const match = PRODUCT.exec(text);
  if (!match) return { product: field(server ?? null), version: null };
  const comment = match[2] ? /^\s*\(([^()]{1,80})\)/.exec(text.slice(match[0].length)) : null;
  return { product: field(match[1]), version: field(match[2] ?? null), ...revisionOf(comment?.[1]) };
}

export const recogniseHttp: Recogniser = (reply): Recognition | null => {
  const response = parseHttpResponse(reply);
  if (!response) return null;
  const elastic = recogniseElasticsearch(response);
  if (elastic) return elastic;
  const docker = recogniseDocker(response);
  if (docker) return docker;
  // MongoDB answers HTTP on its driver port with this fixed text.
  if (response.body.includes("trying to access MongoDB over HTTP on the native driver port")) {
    return { protocol: "mongodb", product: "MongoDB", version: null };
  }
  return {
    protocol: "http",
    ...serverProduct(response.headers.get("server")),
    facts: { redirectsToHttps: redirectsToHttps(response) },
  };
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** A redirect whose target is an https:// URL: the plain site only sends visitors to the encrypted one. */
function redirectsToHttps(response: HttpResponse): boolean {
  return REDIRECT_STATUSES.has(response.status) && /^https:\/\/[^\s/]/i.test(response.headers.get("location") ?? "");
}

/** nginx (and others) answer plain HTTP on a TLS port with this 400: the port really speaks TLS. */
export function isPlainHttpOnTlsPort(reply: Buffer): boolean {
  return /plain HTTP request was sent to HTTPS port|speaking plain HTTP to an SSL-enabled server/i.test(
    reply.toString("latin1"),
  );
}
