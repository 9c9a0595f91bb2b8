/**
 * The Docker Engine API is HTTP; it names itself in every response, errors included: `Server:
 * Docker/24.0.7 (linux)` and `Api-Version: 1.43` (with `Ostype`, `Docker-Experimental`). Its answer to
 * our `GET /` (a 404 `{"message":"page not found"}`) is enough: nothing else is asked.
 */
import type { Recognition } from "../types";
import { field } from "../text";
import type { HttpResponse } from "./http-response";

export function recogniseDocker(response: HttpResponse): Recognition | null {
  const server = /^Docker\/([0-9A-Za-z.+~-]{1,40})/.exec(response.headers.get("server")?.trim() ?? "");
  const apiVersion = response.headers.get("api-version");
  const dockerHeaders = response.headers.has("docker-experimental") || response.headers.has("ostype");
  if (!server && !(apiVersion !== undefined && dockerHeaders)) return null;
  return {
    protocol: "docker",
    product: "Docker Engine API",
    version: field(server?.[1] ?? null),
    ...(apiVersion === undefined ? {} : { facts: { protocolVersion: `API ${field(apiVersion, 20) ?? "?"}` } }),
  };
}
