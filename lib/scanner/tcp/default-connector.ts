import type { Connector } from "./connect-outcome";
import { createHandleConnector } from "./handle-connector";
import { socketConnector } from "./socket-connector";

/**
 * A connector for one host scan: the fast handle connector when this Node version offers it, else
 * net.Socket (SCANNER_TCP_CONNECTOR=socket forces the latter). Call dispose() when the scan ends.
 */
export function createDefaultConnector(): Connector {
  return createHandleConnector() ?? socketConnector;
}
