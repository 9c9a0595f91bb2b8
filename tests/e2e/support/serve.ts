// Serves the app for the end-to-end tests: a fresh embedded database, a production build, a loopback
// SMTP server whose mail the tests read over HTTP, and a loopback DNS server for scan targets.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { startSmtpServer } from "../../helpers/smtp-server";
import { startDnsServer } from "../../helpers/dns-server";

const port = Number(process.env.E2E_PORT ?? 3100);
const mailPort = Number(process.env.E2E_MAIL_PORT ?? 3199);
const dataDir = path.resolve(".data", "e2e");
fs.rmSync(dataDir, { recursive: true, force: true });

const smtp = await startSmtpServer();

// The tests read captured mail here.
http
  .createServer((_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(smtp.messages.map((m) => ({ to: m.to.join(", "), subject: m.subject, text: m.text }))));
  })
  .listen(mailPort, "127.0.0.1");

// A service that accepts connections and never answers: detection waits for it, so a scan of the test
// domain stays running for a few seconds and the live progress can be watched.
const silent = net.createServer((socket) => socket.on("error", () => undefined));
await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
const silentPort = (silent.address() as net.AddressInfo).port;

const dns = await startDnsServer({ "shop.example.test": { A: ["127.0.0.1"] } });

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(port),
  APP_URL: `http://127.0.0.1:${port}`,
  AUTH_URL: `http://127.0.0.1:${port}`,
  AUTH_TRUST_HOST: "true",
  AUTH_SECRET: "e2e-secret-0123456789abcdef0123456789abcdef",
  PGLITE_DATA_DIR: dataDir,
  DATABASE_URL: "",
  SMTP_URL: smtp.url,
  SCANNER_DNS_SERVERS: `${dns.host}:${dns.port}`,
  SCAN_ALLOWED_CIDRS: "127.0.0.0/8",
  SCAN_PORTS: `1-1024,${silentPort}`,
  PORTWATCH_EXECUTOR_PORT: String(port + 1),
};

if (!process.env.E2E_SKIP_BUILD) {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const migrate = spawnSync("npx", ["tsx", "scripts/db/migrate.ts"], { stdio: "inherit", env });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const app = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], { stdio: "inherit", env });
const shutdown = () => {
  app.kill("SIGTERM");
  void smtp.stop();
  void dns.stop();
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
app.on("exit", (code) => process.exit(code ?? 0));
