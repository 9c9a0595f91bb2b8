import { parseArgs } from "node:util";
import { parsePortSpec } from "../ports/parse-port-spec";

export interface CliArgs {
  targets: string[];
  ports: string;
  udp: boolean;
  udpPorts: string | undefined;
  allStates: boolean;
  json: boolean;
  progress: boolean;
  discovery: boolean;
  /** Identify services on open ports (false with --no-detect: port discovery only, like nmap -sT without -sV). */
  detect: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run --silent scan -- [options] TARGET...

TARGET is a domain name, an IPv4 or an IPv6 address. Only public addresses are scanned
(SCAN_ALLOWED_CIDRS=a/b,c/d opts ranges back in). SCANNER_DNS_SERVERS=host:port,[v6]:port picks resolvers.

Options:
  --ports SPEC       TCP ports: 22,80,443 | 1-1024 | top-100 | top-1000 | all (default top-1000)
  --udp              also scan UDP
  --udp-ports SPEC   UDP ports (default: ports with service probes: 53,123,137,161,500,1900,11211)
  --no-detect        find open ports only, without identifying their services
  --all-states       list closed and filtered ports too
  --discover         also scan the www. host and the MX hosts of a domain
  --json             one JSON object per port per line
  --progress         progress on stderr even when it is not a terminal
  -h, --help         this text`;

/** Parses and validates the command line; throws an Error with a user-facing message. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      ports: { type: "string" },
      udp: { type: "boolean", default: false },
      "udp-ports": { type: "string" },
      "all-states": { type: "boolean", default: false },
      discover: { type: "boolean", default: false },
      "no-detect": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      progress: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const args: CliArgs = {
    targets: positionals,
    ports: values.ports ?? "top-1000",
    udp: values.udp || values["udp-ports"] !== undefined,
    udpPorts: values["udp-ports"],
    allStates: values["all-states"],
    json: values.json,
    progress: values.progress,
    discovery: values.discover,
    detect: !values["no-detect"],
    help: values.help,
  };
  if (args.help) return args;
  if (args.targets.length === 0) throw new Error("no target given");
  parsePortSpec(args.ports);
  if (args.udpPorts !== undefined) parsePortSpec(args.udpPorts);
  return args;
}
