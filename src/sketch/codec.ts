/**
 * Byte-level helpers for the compact binary form of a {@link LogHistogram}: unsigned LEB128 varints for
 * non-negative integers up to 2^53 (arithmetic, not 32-bit bitwise), zig-zag for signed integers,
 * little-endian float64, and a dependency-free base64 (RFC 4648, with padding). Internal.
 * @internal
 * @module
 */
import { CanaryJudgeError } from '../errors.js';

/** Growable byte writer. @internal */
export class ByteWriter {
  private buf = new Uint8Array(256);
  private view = new DataView(this.buf.buffer);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.reserve(1);
    this.buf[this.length++] = v & 0xff;
  }

  /** Unsigned varint of an integer 0 ≤ v ≤ 2^53. */
  uvar(v: number): void {
    this.reserve(8);
    while (v >= 128) {
      this.buf[this.length++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    this.buf[this.length++] = v;
  }

  /** Zig-zag varint of a safe integer. */
  svar(v: number): void {
    this.uvar(v < 0 ? -2 * v - 1 : 2 * v);
  }

  f64(v: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }

  bytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Byte reader with bounds checks that throw `CanaryJudgeError('INVALID_ENCODING')`. @internal */
export class ByteReader {
  pos = 0;
  private view: DataView;
  constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  private need(n: number): void {
    if (this.pos + n > this.buf.length) {
      throw new CanaryJudgeError('INVALID_ENCODING', `truncated histogram encoding at byte ${this.pos}`, 'bytes');
    }
  }

  u8(): number {
    this.need(1);
    return this.buf[this.pos++];
  }

  uvar(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.u8();
      result += (b & 127) * mul;
      if (b < 128) return result;
      mul *= 128;
    }
    throw new CanaryJudgeError('INVALID_ENCODING', `varint too long at byte ${this.pos}`, 'bytes');
  }

  svar(): number {
    const u = this.uvar();
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }

  f64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  done(): boolean {
    return this.pos === this.buf.length;
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) t[ALPHABET.charCodeAt(i)] = i;
  return t;
})();

/** RFC 4648 base64 with padding. @internal */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + '==';
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + '=';
  }
  return out;
}

/** Decodes RFC 4648 base64 (padding required; no whitespace). @internal */
export function base64ToBytes(s: string): Uint8Array {
  if (typeof s !== 'string' || s.length % 4 !== 0) {
    throw new CanaryJudgeError('INVALID_ENCODING', 'base64 text must be a string whose length is a multiple of 4', 'base64');
  }
  let pad = 0;
  if (s.endsWith('==')) pad = 2;
  else if (s.endsWith('=')) pad = 1;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = s.charCodeAt(i + j);
      let v: number;
      if (c === 61 /* = */ && i + 4 === s.length && j >= 4 - pad) v = 0;
      else {
        v = c < 128 ? LOOKUP[c] : -1;
        if (v < 0) throw new CanaryJudgeError('INVALID_ENCODING', `invalid base64 character at position ${i + j}`, 'base64');
      }
      n = n * 64 + v;
    }
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
