// Serves the app for the end-to-end tests the way a user runs it — `npm start` (a production build) or,
// with E2E_DEV=1, `npm run dev` — through scripts/run.ts, which owns the embedded database. Also runs a
// loopback SMTP server whose mail the tests read over HTTP and a loopback DNS server for scan targets.
// The server's output is copied to a log file that the run's teardown checks (check-server-log.ts).
// E2E_KEEP_DATA=1 keeps the database of the previous run (the repeated dev walk, scripts/dev-walk.ts).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { startSmtpServer } from "../../helpers/smtp-server";
import { startDnsServer } from "../../helpers/dns-server";
import { e2eRoot, serverLogPath } from "./server-log";
import { SERVICE_PORTS, servicesAddress, startLoopbackServices } from "./loopback-services";
import { DASHBOARD_PORTS, dashboardAddress, startDashboardServices } from "./dashboard-services";

const dev = Boolean(process.env.E2E_DEV);
const port = Number(process.env.E2E_PORT ?? 3100);
const mailPort = Number(process.env.E2E_MAIL_PORT ?? 3199);
const root = e2eRoot();
if (!process.env.E2E_KEEP_DATA) fs.rmSync(root, { recursive: true, force: true });
fs.mkdirSync(root, { recursive: true });
const log = fs.createWriteStream(serverLogPath(), { flags: "w" });

const smtp = await startSmtpServer();

// The tests read captured mail here.
http
  .createServer((_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify(
        smtp.messages.map((m) => ({
          to: m.to.join(", "),
          subject: m.subject,
          text: m.text,
          headers: m.headers,
          attachments: m.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            size: a.content.length,
          })),
        })),
      ),
    );
  })
  .listen(mailPort, "127.0.0.1");

// A service that accepts connections and never answers: detection waits for it, so a scan of the test
// domain stays running for a few seconds and the live progress can be watched.
const silent = net.createServer((socket) => socket.on("error", () => undefined));
await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
const silentPort = (silent.address() as net.AddressInfo).port;

// Real services for the dashboard specs: SSH on an HTTP port, Redis, plain HTTP and an unidentified talker.
const servicesHost = servicesAddress(port);
const services = await startLoopbackServices(servicesHost);

// The asset page spec's domain: SSH where SSH belongs and on 8080, HTTPS with a self-signed certificate,
// an HTTP redirect and a silent unassigned port (tests/e2e/support/dashboard-services.ts).
const dashboardIp = dashboardAddress(port);
const dashboard = await startDashboardServices(dashboardIp);

const dns = await startDnsServer({
  "shop.example.test": { A: ["127.0.0.1"] },
  "services.example.test": { A: [servicesHost] },
  "dash.example.test": { A: [dashboardIp] },
  // The www. host is another address with nothing listening: the asset page lists it as found via www.
  "www.dash.example.test": { A: [dashboardAddress(port, 8)] },
});

const { NODE_ENV: _inherited, ...inherited } = process.env;
const env = {
  ...inherited,
  // next dev sets NODE_ENV itself; the production server runs with "production".
  ...(dev ? {} : { NODE_ENV: "production" as const }),
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(port),
  APP_URL: `http://127.0.0.1:${port}`,
  AUTH_URL: `http://127.0.0.1:${port}`,
  AUTH_TRUST_HOST: "true",
  AUTH_SECRET: "e2e-secret-0123456789abcdef0123456789abcdef",
  PGLITE_DATA_DIR: path.join(root, "pglite"),
  PGLITE_PORT: "0",
  DATABASE_URL: "",
  SMTP_URL: smtp.url,
  SCANNER_DNS_SERVERS: `${dns.host}:${dns.port}`,
  SCAN_ALLOWED_CIDRS: "127.0.0.0/8",
  // The webhooks spec delivers to a receiver it runs on 127.0.0.1.
  WEBHOOK_ALLOWED_CIDRS: "127.0.0.0/8",
  // Every spec signs up from 127.0.0.1: the per-address hourly limit (5) would refuse the later ones.
  SIGN_UP_LIMIT_PER_IP: "1000",
  SCAN_PORTS: `1-1024,${silentPort},${SERVICE_PORTS.redis},${SERVICE_PORTS.ssh},${SERVICE_PORTS.unknown},${Object.values(DASHBOARD_PORTS).join(",")}`,
  PORTWATCH_EXECUTOR_PORT: String(port + 1),
  // The public security test (tests/e2e/security-test.spec.ts): the loopback services' ports stand in
  // for the top 100, and three new tests per address an hour make its limit reachable.
  SECURITY_TEST_PORTS: `${SERVICE_PORTS.http},${SERVICE_PORTS.ssh},${SERVICE_PORTS.redis}`,
  SECURITY_TEST_LIMIT_PER_IP: "3",
  ALTCHA_HMAC_KEY: "e2e-altcha-0123456789abcdef0123456789abcdef",
} as NodeJS.ProcessEnv;

if (!dev && !process.env.E2E_SKIP_BUILD) {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const tsx = path.resolve("node_modules", "tsx", "dist", "cli.mjs");
const app = spawn(
  process.execPath,
  [tsx, "scripts/run.ts", dev ? "dev" : "start", "-H", "127.0.0.1", "-p", String(port)],
  {
    stdio: ["ignore", "pipe", "pipe"],
    env,
  },
);
app.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  log.write(chunk);
});
app.stderr.on("data", (chunk: Buffer) => {
  process.stderr.write(chunk);
  log.write(chunk);
});

let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  app.kill("SIGTERM");
  void smtp.stop();
  void dns.stop();
  void dashboard.stop();
  // scripts/run.ts stops the app, then closes the database; wait for it so the next run finds it closed.
  setTimeout(() => process.exit(0), 20_000).unref();
  void services.stop();
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
app.on("exit", (code) => log.end(() => process.exit(code ?? 0)));
