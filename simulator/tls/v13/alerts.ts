/** RFC 8446 §6: alerts, by the names the RFC gives them. */

/** RFC 8446 §6 `enum AlertDescription`. */
export const ALERTS = {
  close_notify: 0,
  unexpected_message: 10,
  bad_record_mac: 20,
  record_overflow: 22,
  handshake_failure: 40,
  bad_certificate: 42,
  unsupported_certificate: 43,
  certificate_revoked: 44,
  certificate_expired: 45,
  certificate_unknown: 46,
  illegal_parameter: 47,
  unknown_ca: 48,
  access_denied: 49,
  decode_error: 50,
  decrypt_error: 51,
  protocol_version: 70,
  insufficient_security: 71,
  internal_error: 80,
  inappropriate_fallback: 86,
  user_canceled: 90,
  missing_extension: 109,
  unsupported_extension: 110,
  unrecognized_name: 112,
  bad_certificate_status_response: 113,
  unknown_psk_identity: 115,
  certificate_required: 116,
  no_application_protocol: 120,
} as const;

export type AlertName = keyof typeof ALERTS;

export function alertName(code: number): AlertName | `alert_${number}` {
  const hit = (Object.keys(ALERTS) as AlertName[]).find((n) => ALERTS[n] === code);
  return hit ?? `alert_${code}`;
}

/**
 * A fatal protocol error found while processing the peer's bytes: the connection sends this alert
 * and closes (RFC 8446 §6.2 "Upon transmission or receipt of a fatal alert message, both parties
 * MUST immediately close the connection"). Thrown inside the state machines, caught at `feed()`.
 */
export class TlsAlert extends Error {
  constructor(
    readonly alert: AlertName,
    readonly reason: string,
  ) {
    super(`${alert}: ${reason}`);
  }
}

/** RFC 8446 §6: `struct { AlertLevel level; AlertDescription description; } Alert;` level 1 warning, 2 fatal. */
export function encodeAlert(name: AlertName): Uint8Array {
  // RFC 8446 §6.1: close_notify and user_canceled are closure alerts (warning); §6.2: the error alerts
  // "MUST be sent with AlertLevel=fatal".
  const level = name === 'close_notify' || name === 'user_canceled' ? 1 : 2;
  return Uint8Array.of(level, ALERTS[name]);
}
