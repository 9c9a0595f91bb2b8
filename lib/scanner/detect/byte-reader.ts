/**
 * Bounds-checked cursor over untrusted bytes. Reads past the end throw `Truncated`;
 * parsers wrap their work in `total()` so the public recognisers never throw.
 */

export class Truncated extends Error {
  constructor() {
    super("reply truncated");
  }
}

export class ByteReader {
  offset = 0;

  constructor(readonly bytes: Buffer) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  private need(count: number): void {
    if (count < 0 || this.offset + count > this.bytes.length) throw new Truncated();
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.offset++]!;
  }

  u16be(): number {
    this.need(2);
    const value = this.bytes.readUInt16BE(this.offset);
    this.offset += 2;
    return value;
  }

  u16le(): number {
    this.need(2);
    const value = this.bytes.readUInt16LE(this.offset);
    this.offset += 2;
    return value;
  }

  u32be(): number {
    this.need(4);
    const value = this.bytes.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  u32le(): number {
    this.need(4);
    const value = this.bytes.readUInt32LE(this.offset);
    this.offset += 4;
    return value;
  }

  i32le(): number {
    this.need(4);
    const value = this.bytes.readInt32LE(this.offset);
    this.offset += 4;
    return value;
  }

  bytesOf(count: number): Buffer {
    this.need(count);
    const slice = this.bytes.subarray(this.offset, this.offset + count);
    this.offset += count;
    return slice;
  }

  skip(count: number): void {
    this.need(count);
    this.offset += count;
  }

  /** Bytes up to (not including) the next NUL, which is consumed. */
  cstring(maxLength = 4096): Buffer {
    const end = this.bytes.indexOf(0, this.offset);
    if (end === -1 || end - this.offset > maxLength) throw new Truncated();
    const value = this.bytes.subarray(this.offset, end);
    this.offset = end + 1;
    return value;
  }
}

/** Runs a parser over untrusted bytes; any failure (truncation, bad structure) means "not recognised". */
export function total<T>(parse: () => T | null): T | null {
  try {
    return parse();
  } catch {
    return null;
  }
}
