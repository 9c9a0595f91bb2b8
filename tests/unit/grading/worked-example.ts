/** The worked example of docs/grading.md, as data: the documentation test grades it and compares. */
import type { GradingFinding } from "@/lib/grading";
import { finding, service, tls } from "./finding-builder";

const web = "192.0.2.10";
const mail = "192.0.2.11";
export const WORKED_EXAMPLE_CATCH_ALL = ["192.0.2.12"];

export const WORKED_EXAMPLE: GradingFinding[] = [
  service("https", 443, { host: web, tls: tls() }),
  service("http", 80, { host: web, httpRedirectsToHttps: true }),
  service("ssh", 22, { host: web }),
  finding({ host: web, port: 8443, typicalService: "pcsync-https", detectedService: "https", tls: tls({ selfSigned: true }) }),
  service("smtp", 25, { host: mail, tls: tls() }),
  service("imaps", 993, { host: mail, tls: tls() }),
  service("imap", 143, { host: mail }),
  service("ssh", 22, { host: mail }),
  finding({ host: mail, port: 8080, typicalService: "http-alt", detectedService: "ssh" }),
  service("snmp", 161, { host: mail, protocol: "udp", state: "open|filtered" }),
  service("redis", 6379, { host: "192.0.2.12" }),
];
