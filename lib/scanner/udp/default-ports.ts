/**
 * The ports we have a UDP service probe for: the default UDP port list. Kept apart from the probes
 * (./probes) so that choosing the ports does not load them, nor dns-packet: a TCP-only scan never
 * needs either. A unit test holds this list equal to the probes' own ports.
 */
export const UDP_PROBE_PORTS: readonly number[] = [53, 123, 137, 161, 500, 1900, 11211];
