#!/usr/bin/env bash
# Installs what Decryptor needs on a fresh Debian machine and puts `sample-player` on the PATH.
# Safe to run again: apt and publish are idempotent.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)

# FFmpeg decodes in the player and reads decrypted files back in the tests; its headers, gcc
# and pkg-config let a test check the struct offsets the FFmpeg binding mirrors. gcc and zlib's
# headers also link the natively compiled sample-player.
if ! command -v ffmpeg >/dev/null 2>&1 || ! command -v gcc >/dev/null 2>&1 \
  || ! pkg-config --exists libavformat libavcodec libavutil zlib 2>/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends ffmpeg libavformat-dev libavcodec-dev \
    libavutil-dev pkg-config gcc libc6-dev zlib1g-dev >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK (dotnet) is required and was not found" >&2
  exit 1
fi

# Native AOT (PublishAot in the project): the runtime's start-up and the JIT are gone, so a
# command starts in milliseconds. gcc links it when clang is absent.
rid=linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')
rm -rf "$root/.build/sample-player"
dotnet publish "$root/sample-player/SamplePlayer.csproj" -c Release -r "$rid" \
  -o "$root/.build/sample-player" --nologo -v quiet
ln -sf "$root/.build/sample-player/sample-player" /usr/local/bin/sample-player
echo "setup: sample-player installed as /usr/local/bin/sample-player" >&2
