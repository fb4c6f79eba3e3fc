#!/usr/bin/env bash
# The main job end to end: a protected file made by an independent tool (GPAC, CENC AES-CTR)
# is inspected, decrypted with the keys from its GPAC DRM key file, and played through FFmpeg's
# decoders, every audio and video frame.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(cd "$root/../shared/corpus" && pwd)
protected="$corpus/encrypted/gpac-cenc.mp4"
keys="$corpus/drm/gpac-cenc.drm.xml"
clear=$(mktemp --suffix=.mp4)
trap 'rm -f "$clear"' EXIT

sample-player info "$protected"
sample-player decrypt "$protected" "$clear" --keys-xml "$keys"
echo "Decoding every frame of the clear file with FFmpeg..."
errors=$(ffmpeg -nostdin -v error -i "$clear" -map 0 -f null - 2>&1)
if [ -n "$errors" ]; then
  echo "demo: FFmpeg reported decode errors:" >&2
  echo "$errors" >&2
  exit 1
fi
frames=$(ffprobe -v error -count_frames -select_streams v:0 \
  -show_entries stream=nb_read_frames -of csv=p=0 "$clear")
echo "demo: played $frames video frames of $(basename "$protected") with no decode error"
