/**
 * Elasticsearch / OpenSearch REST API, recognised from an HTTP response to `GET /`:
 * the JSON banner (`version.number`, tagline "You Know, for Search", `version.distribution`
 * "opensearch"), the `X-elastic-product` header (Elasticsearch ≥ 7.14), or the 401 their
 * security layers return.
 */
import type { Recognition } from "../types";
import { field } from "../text";
import type { HttpResponse } from "./http-response";

interface ElasticBanner {
  version?: { number?: unknown; distribution?: unknown };
  tagline?: unknown;
  error?: { root_cause?: unknown };
}

function parseJsonObject(body: string): ElasticBanner | null {
  const start = body.indexOf("{");
  const end = body.lastIndexOf("}");
  if (start === -1 || end <= start) return null;
  try {
    const parsed: unknown = JSON.parse(body.slice(start, end + 1));
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as ElasticBanner) : null;
  } catch {
    return null;
  }
}

export function recogniseElasticsearch(response: HttpResponse): Recognition | null {
  const json = parseJsonObject(response.body);
  const distribution = typeof json?.version?.distribution === "string" ? json.version.distribution : null;
  const number = typeof json?.version?.number === "string" ? json.version.number : null;
  const tagline = typeof json?.tagline === "string" ? json.tagline : "";
  const elasticHeader = response.headers.get("x-elastic-product");
  const realm = response.headers.get("www-authenticate") ?? "";

  if (distribution?.toLowerCase() === "opensearch") {
    return { protocol: "elasticsearch", product: "OpenSearch", version: field(number) };
  }
  if (tagline.includes("You Know, for Search") || elasticHeader !== undefined) {
    return { protocol: "elasticsearch", product: "Elasticsearch", version: field(number) };
  }
  if (/realm="OpenSearch Security"/i.test(realm)) {
    return { protocol: "elasticsearch", product: "OpenSearch", version: null };
  }
  const causes: unknown = json?.error?.root_cause;
  const securityException =
    Array.isArray(causes) && causes.some((cause: { type?: unknown } | null) => cause?.type === "security_exception");
  if (response.status === 401 && securityException && /realm="security"/i.test(realm)) {
    return { protocol: "elasticsearch", product: "Elasticsearch", version: null };
  }
  return null;
}
