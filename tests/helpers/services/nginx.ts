/** nginx: plain HTTP on a non-standard port, HTTPS (self-signed) on another, and plain HTTP that only redirects to HTTPS. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { installedVersion } from "./run-command";
import { waitForTcp } from "./readiness";
import type { ServiceDefinition } from "./types";

const HTTP_PORT = 8081;
const HTTPS_PORT = 10443;
const REDIRECT_PORT = 8082;

export const nginx: ServiceDefinition = {
  name: "nginx",
  endpoints: [
    { name: "nginx-http", protocol: "tcp" },
    { name: "nginx-https", protocol: "tcp" },
    { name: "nginx-redirect", protocol: "tcp" },
  ],
  hostOctet: 80,
  binaries: ["nginx", "openssl"],
  packages: ["nginx", "openssl"],
  async start({ dir, host, binary, spawn, certificate }) {
    const [{ certPath, keyPath }, version] = await Promise.all([
      certificate(),
      installedVersion(binary("nginx"), ["-v"], /nginx\/(\S+)/),
    ]);
    const www = join(dir, "www");
    const temp = join(dir, "temp");
    mkdirSync(www);
    mkdirSync(temp);
    writeFileSync(join(www, "index.html"), "<!doctype html><title>fixture</title><p>Portwatch test fixture</p>\n");
    const config = join(dir, "nginx.conf");
    writeFileSync(
      config,
      `daemon off;
worker_processes 1;
pid ${join(dir, "nginx.pid")};
error_log stderr warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
  server {
    listen ${host}:${HTTP_PORT};
    root ${www};
  }
  server {
    listen ${host}:${REDIRECT_PORT};
    return 301 https://$host$request_uri;
  }
  server {
    listen ${host}:${HTTPS_PORT} ssl;
    ssl_certificate ${certPath};
    ssl_certificate_key ${keyPath};
    root ${www};
  }
}
`,
    );
    // -e: without it nginx opens the packaged /var/log/nginx/error.log before reading our config.
    const server = spawn({
      label: "nginx",
      command: binary("nginx"),
      args: ["-p", dir, "-c", config, "-e", "stderr"],
      logPath: join(dir, "nginx.log"),
    });
    await Promise.all([HTTP_PORT, HTTPS_PORT, REDIRECT_PORT].map((port) => waitForTcp(server, host, port)));
    // 8081 and 8082 are HTTP alternates (docs/typical-services.md): HTTP found there takes that name.
    return [
      {
        name: "nginx-http",
        host,
        port: HTTP_PORT,
        protocol: "tcp",
        expected: { detectedService: "http-alt", product: "nginx", version, facts: { redirectsToHttps: false } },
      },
      {
        name: "nginx-https",
        host,
        port: HTTPS_PORT,
        protocol: "tcp",
        expected: { detectedService: "https", product: "nginx", version },
      },
      {
        name: "nginx-redirect",
        host,
        port: REDIRECT_PORT,
        protocol: "tcp",
        expected: { detectedService: "http-alt", product: "nginx", version, facts: { redirectsToHttps: true } },
      },
    ];
  },
};
