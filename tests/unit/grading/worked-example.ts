/** The worked example of docs/grading.md, as data: the documentation test grades it and compares. */
import type { GradingFinding } from "@/lib/grading";
import { finding, service, tls } from "./finding-builder";

const web = "192.0.2.10";
const mail = "192.0.2.11";
export const WORKED_EXAMPLE_CATCH_ALL = ["192.0.2.12"];

export const WORKED_EXAMPLE: GradingFinding[] = [
  service("https", 443, { ip: web, tls: tls() }),
  service("http", 80, { ip: web, facts: { redirectsToHttps: true } }),
  service("ssh", 22, { ip: web }),
  finding({
    ip: web,
    port: 8443,
    typicalService: "pcsync-https",
    detectedService: "https",
    tls: tls({ selfSigned: true }),
  }),
  service("smtp", 25, { ip: mail, tls: tls() }),
  service("imaps", 993, { ip: mail, tls: tls() }),
  service("imap", 143, { ip: mail }),
  service("ssh", 22, { ip: mail }),
  finding({ ip: mail, port: 8080, typicalService: "http-alt", detectedService: "ssh" }),
  service("snmp", 161, { ip: mail, protocol: "udp", state: "open|filtered" }),
  service("redis", 6379, { ip: "192.0.2.12" }),
];
