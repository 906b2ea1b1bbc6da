import { X509Certificate } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../random.ts';
import { generateSigningKey, issueCertificate } from './ca.ts';

const key = generateSigningKey('P-256', seededRandom(new Uint8Array(32)));
const issued = (serial: Uint8Array): X509Certificate =>
  new X509Certificate(issueCertificate({ subject: 'mail.example.test', key, serial, notBefore: 0, notAfter: Date.UTC(2030, 0), dnsNames: ['mail.example.test'] }));

/** The serial as Node prints it: hex of the positive value in whole octets, no leading zero octet. */
function expectedSerial(bytes: Uint8Array): string {
  const value = BigInt('0x' + (Buffer.from(bytes.slice(0, 20)).toString('hex') || '0')) & ~(0x80n << BigInt(8 * (Math.min(bytes.length, 20) - 1)));
  const hex = (value === 0n ? 1n : value).toString(16).toUpperCase();
  return hex.length % 2 ? `0${hex}` : hex;
}

describe('issueCertificate serial numbers (RFC 5280 §4.1.2.2, DER X.690 §8.3.2)', () => {
  it('are minimal positive INTEGERs OpenSSL reads, for serials whose first octets are zero or have the sign bit', () => {
    for (const serial of [[0x80, 0x01, 0x02], [0x00, 0x7f, 0x02], [0x00, 0x00, 0x00, 0x05], [0x00, 0x80, 0x02], [0x80], [0x00, 0x00]]) {
      expect(issued(Uint8Array.from(serial)).serialNumber).toBe(expectedSerial(Uint8Array.from(serial)));
    }
  });

  it('are read by OpenSSL for any random serial of 1 to 24 octets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 24 }), (serial) => {
        expect(issued(serial).serialNumber).toBe(expectedSerial(serial));
      }),
      { numRuns: 600 },
    );
  });
});
