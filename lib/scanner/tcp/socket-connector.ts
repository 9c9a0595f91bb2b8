import net from "node:net";
import {
  SELF_CONNECTION,
  isSelfConnection,
  outcomeOfError,
  type ConnectCallback,
  type Connector,
  type ProbeHandle,
} from "./connect-outcome";

/**
 * Connect probes through the public net.Socket API: family given explicitly, no localAddress (it would
 * reserve a port), IP literals only (no lookup), open sockets closed with an RST so no TIME_WAIT piles up.
 */
export const socketConnector: Connector = {
  name: "net.Socket",
  connect(ip: string, family: 4 | 6, port: number, done: ConnectCallback): ProbeHandle {
    const socket = new net.Socket();
    let finished = false;
    socket.once("connect", () => {
      if (finished) return;
      finished = true;
      const self = isSelfConnection({ address: socket.localAddress, port: socket.localPort }, ip, port);
      socket.resetAndDestroy();
      if (self) done("closed", SELF_CONNECTION);
      else done("open", null);
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (finished) return;
      finished = true;
      socket.destroy();
      const code = error.code ?? "EUNKNOWN";
      done(outcomeOfError(code), code);
    });
    socket.connect({ host: ip, port, family, autoSelectFamily: false });
    return {
      cancel() {
        if (finished) return;
        finished = true;
        socket.destroy();
      },
    };
  },
};
