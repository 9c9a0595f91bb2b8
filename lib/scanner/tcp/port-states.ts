export type TcpPortState = "open" | "closed" | "filtered";

const STATES: readonly TcpPortState[] = ["open", "closed", "filtered"];

/**
 * The final state of each port of one host, one byte per port number. A full scan settles 65,535
 * ports in about half a second: a Map of that size grows by rehashing and keeps the garbage collector
 * copying its entries on the hot path, a byte array does neither. Callers get an ordinary Map, built
 * once at the end, in port order.
 */
export class PortStates {
  private readonly codes = new Uint8Array(65_536);

  has(port: number): boolean {
    return this.codes[port] !== 0;
  }

  set(port: number, state: TcpPortState): void {
    this.codes[port] = STATES.indexOf(state) + 1;
  }

  toMap(): Map<number, TcpPortState> {
    const map = new Map<number, TcpPortState>();
    for (let port = 0; port < this.codes.length; port++) {
      const code = this.codes[port]!;
      if (code !== 0) map.set(port, STATES[code - 1]!);
    }
    return map;
  }
}
