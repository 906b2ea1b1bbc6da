#!/usr/bin/env bash
# Installs the real mail clients the conformance tests drive (simulator/transports/node/*-clients.test.ts)
# when they are missing: python3 and curl are expected on the machine; fetchmail comes from Debian.
# Idempotent: does nothing when everything is there. Installs only as root on Debian/Ubuntu.
set -euo pipefail

missing=()
for tool in python3 curl fetchmail; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
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
  esac
done
echo "conformance-tools: installing ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
