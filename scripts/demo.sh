#!/usr/bin/env bash
# The main job end to end: a protected file made by an independent tool (GPAC, CENC AES-CTR)
# is inspected, decrypted to a file with the keys from its GPAC DRM key file, and played on the
# fly through FFmpeg's decoders, every audio and video frame. `sample-player demo` is the short
# version on a clip FFmpeg makes.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(cd "$root/../shared/corpus" && pwd)
protected="$corpus/encrypted/gpac-cenc.mp4"
keys="$corpus/drm/gpac-cenc.drm.xml"
clear=$(mktemp --suffix=.mp4)
trap 'rm -f "$clear"' EXIT

sample-player info "$protected"
sample-player decrypt "$protected" "$clear" --keys-xml "$keys"
echo "Decoding every frame through the decryptor with FFmpeg..."
sample-player play "$protected" --keys-xml "$keys"
echo "Checking that FFmpeg reads the decrypted file with no decode error..."
errors=$(ffmpeg -nostdin -v error -i "$clear" -map 0 -f null - 2>&1)
if [ -n "$errors" ]; then
  echo "demo: FFmpeg reported decode errors:" >&2
  echo "$errors" >&2
  exit 1
fi
echo "demo: $(basename "$protected") decrypted and played with no decode error"
