/** The virtual network's DNS: just the records mail routing needs; saved as the list of records. */
import { list, fail, int, obj, str } from '../wire/json-read.ts';

export type DnsRecord =
  | { type: 'A'; name: string; address: string }
  | { type: 'MX'; name: string; preference: number; exchange: string };

export class Dns {
  constructor(readonly records: DnsRecord[] = []) {}

  a(name: string): string[] {
    const n = name.toLowerCase();
    return this.records.flatMap((r) => (r.type === 'A' && r.name === n ? [r.address] : []));
  }

  /** MX exchanges, lowest preference first (RFC 5321 §5.1). */
  mx(domain: string): Array<{ preference: number; exchange: string }> {
    const n = domain.toLowerCase();
    return this.records
      .flatMap((r) => (r.type === 'MX' && r.name === n ? [{ preference: r.preference, exchange: r.exchange }] : []))
      .sort((a, b) => a.preference - b.preference);
  }

  /**
   * RFC 5321 §5.1: the hosts to try for a domain, in order. With no MX records the domain's own
   * A record is the implicit MX; an empty list means the domain cannot receive mail.
   */
  mailHosts(domain: string): string[] {
    const mx = this.mx(domain);
    if (mx.length) return mx.map((r) => r.exchange);
    return this.a(domain).length ? [domain.toLowerCase()] : [];
  }
}

/** The records as saved: a copy of the list. */
export function serializeDns(dns: Dns): DnsRecord[] {
  return structuredClone(dns.records);
}

/** Saved records, checked; throws InvalidData naming the first fault. */
export function readDns(data: unknown, at: string): Dns {
  return new Dns(list(data, at, readDnsRecord));
}

function readDnsRecord(data: unknown, at: string): DnsRecord {
  const o = obj(data, at);
  const name = str(o.name, `${at}.name`);
  if (o.type === 'A') return { type: 'A', name, address: str(o.address, `${at}.address`) };
  if (o.type === 'MX') return { type: 'MX', name, preference: int(o.preference, `${at}.preference`, 0), exchange: str(o.exchange, `${at}.exchange`) };
  return fail(`${at}.type: expected "A" or "MX", got ${JSON.stringify(o.type)}`);
}
