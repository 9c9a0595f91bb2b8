import type { Connector } from "./connect-outcome";
import { handleConnector } from "./handle-connector";
import { socketConnector } from "./socket-connector";

/** The fast handle connector when this Node version offers it, else net.Socket. SCANNER_TCP_CONNECTOR=socket forces the latter. */
export const defaultConnector: Connector = handleConnector ?? socketConnector;
