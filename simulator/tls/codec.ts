/** Big-endian vectors as TLS writes them (RFC 8446 §3): fixed-size integers and length-prefixed bytes. */

export class Writer {
  private parts: number[] = [];

  u8(n: number): this {
    this.parts.push(n & 0xff);
    return this;
  }

  u16(n: number): this {
    return this.u8(n >> 8).u8(n);
  }

  u24(n: number): this {
    return this.u8(n >> 16).u8(n >> 8).u8(n);
  }

  bytes(b: Uint8Array): this {
    for (const x of b) this.parts.push(x);
    return this;
  }

  /** A vector with a length prefix of `size` octets (1, 2 or 3). */
  vector(size: 1 | 2 | 3, body: Uint8Array | ((w: Writer) => void)): this {
    const content = body instanceof Uint8Array ? body : build(body);
    if (content.length >= 2 ** (8 * size)) throw new Error(`vector of ${content.length} octets does not fit ${size} length octets`);
    if (size === 1) this.u8(content.length);
    else if (size === 2) this.u16(content.length);
    else this.u24(content.length);
    return this.bytes(content);
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

export function build(fill: (w: Writer) => void): Uint8Array {
  const w = new Writer();
  fill(w);
  return w.finish();
}

/** Thrown on truncated or malformed input; the TLS layer turns it into a decode_error alert. */
export class DecodeError extends Error {}

export class Reader {
  private offset = 0;

  constructor(private readonly data: Uint8Array) {}

  get remaining(): number {
    return this.data.length - this.offset;
  }

  u8(): number {
    this.need(1);
    return this.data[this.offset++]!;
  }

  u16(): number {
    return (this.u8() << 8) | this.u8();
  }

  u24(): number {
    return (this.u8() << 16) | (this.u8() << 8) | this.u8();
  }

  bytes(n: number): Uint8Array {
    this.need(n);
    const out = this.data.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  vector(size: 1 | 2 | 3): Uint8Array {
    const n = size === 1 ? this.u8() : size === 2 ? this.u16() : this.u24();
    return this.bytes(n);
  }

  rest(): Uint8Array {
    return this.bytes(this.remaining);
  }

  end(): void {
    if (this.remaining !== 0) throw new DecodeError(`${this.remaining} unexpected trailing octets`);
  }

  private need(n: number): void {
    if (this.offset + n > this.data.length) throw new DecodeError(`truncated: needed ${n} more octets`);
  }
}
