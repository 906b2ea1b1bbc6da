/** A citation in an island: "RFC 5321 §4.2.1", linking to the RFC reader, which opens in the drawer. */
import { citation, rfcHref } from '../../../simulator/explain/rfc.ts';
import type { RfcRef } from '../../../simulator/explain/types.ts';

export default function RfcLink({ r }: { r: RfcRef }) {
  return r.external ? (
    <a href={rfcHref(r)} target="_blank" rel="noreferrer">
      {citation(r)}
    </a>
  ) : (
    <a href={rfcHref(r)}>{citation(r)}</a>
  );
}
