#!/usr/bin/env bash
# Installs the real mail software the tests drive when it is missing: the clients of the
# conformance tests (simulator/transports/node/*-clients.test.ts; python3 and curl are expected on
# the machine, fetchmail comes from Debian) and the servers of the bridge tests
# (simulator/transports/relay/live.test.ts: Dovecot and Postfix, with openssl for their test CA),
# swaks, whose transcripts the /explain/ page's corpus test reads, redis-server for the relay's
# shared limits (simulator/transports/relay/redis-limits.test.ts), websockify, which
# `npm run bench` measures the relay against (bench/relay.ts), and Wireshark's tshark, which the
# capture tests ask to decrypt the pcapng files they write (simulator/capture/*-capture.test.ts).
# Idempotent: does nothing when everything is there. Installs only as root on Debian/Ubuntu.
set -euo pipefail

missing=()
for tool in python3 curl fetchmail openssl swaks dovecot postfix redis-server websockify tshark; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
# swaks speaks TLS (--tls, --tls-on-connect) through Net::SSLeay, which Debian's swaks only
# recommends: without it every TLS run ends "TLS not available: requires Net::SSLeay".
perl -MNet::SSLeay -e 1 >/dev/null 2>&1 || missing+=(swaks-tls)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "conformance-tools: missing ${missing[*]}; install them (apt-get install ${missing[*]})" >&2
  exit 1
fi

packages=()
for tool in "${missing[@]}"; do
  case "$tool" in
    python3) packages+=(python3) ;;
    curl) packages+=(curl) ;;
    fetchmail) packages+=(fetchmail) ;;
    openssl) packages+=(openssl) ;;
    swaks) packages+=(swaks) ;;
    swaks-tls) packages+=(libnet-ssleay-perl) ;;
    dovecot) packages+=(dovecot-imapd dovecot-pop3d) ;;
    postfix) packages+=(postfix) ;;
    redis-server) packages+=(redis-server) ;;
    websockify) packages+=(websockify) ;;
    tshark) packages+=(tshark) ;;
  esac
done
echo "conformance-tools: installing ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
# Postfix asks how it is used; the tests run their own instances with their own config.
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections 2>/dev/null || true
# Wireshark asks whether non-root users may capture; the tests only read files.
echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections 2>/dev/null || true
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
