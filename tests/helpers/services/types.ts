/**
 * Shapes shared by the real-server fixtures: what a test gets (TestService) and what each
 * per-service module implements (ServiceDefinition).
 */
import type { ServiceFacts } from "@/lib/scanner/types";
import type { ServerProcess, SpawnServerOptions } from "./server-process";

export interface TestService {
  /** Unique per endpoint, e.g. "dovecot-imaps". */
  name: string;
  host: string;
  port: number;
  protocol: "tcp" | "udp";
  /**
   * What a correct detector reports. `product` is set when the server names itself in what it
   * answers to an ordinary probe; `version` only when the server states its version there (read
   * from the installed binary at runtime, never hard-coded).
   */
  /** `facts`: only the facts listed are compared. */
  /** `versionRevision`: compared when set (the distribution revision the server states beside its version). */
  /** `starttls`: the plain service offers STARTTLS with the run's self-signed certificate. */
  expected: {
    detectedService: string;
    product?: string;
    version?: string;
    versionRevision?: string;
    starttls?: true;
    facts?: ServiceFacts;
  };
}

export interface ServiceContext {
  /** Private throwaway directory (mode 0755 so that dropped-privilege workers can traverse it). */
  dir: string;
  /** Loopback address reserved for this service alone. */
  host: string;
  /** Absolute path of a binary listed in the definition's `binaries`. */
  binary(name: string): string;
  /** Starts a server process in its own process group; it is stopped with the whole set. */
  spawn(options: SpawnServerOptions): ServerProcess;
  /** Self-signed certificate shared by every TLS endpoint of this run. */
  certificate(): Promise<{ certPath: string; keyPath: string }>;
}

export interface ServiceDefinition {
  /** Name accepted by `only` (as are the endpoint names in `endpoints`). */
  name: string;
  /** Endpoints this definition produces, known without starting anything (for `only` and test tables). */
  endpoints: readonly { name: string; protocol: "tcp" | "udp" }[];
  /** Last octet of the service's loopback address inside the run's 127.x.y.0/24. */
  hostOctet: number;
  /** Every executable the fixture needs; a missing one means the service is skipped (or fails in CI). */
  binaries: readonly string[];
  /** Debian packages that provide them (named in skip reasons; listed in .ci/apt-packages.txt). */
  packages: readonly string[];
  /** Starts the server(s) and resolves once every endpoint accepts connections. */
  start(context: ServiceContext): Promise<TestService[]>;
}
