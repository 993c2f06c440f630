#!/usr/bin/env bash
# Fetch every browser asset the map needs from the npm registry into static/vendor/.
# Run once when a version changes; the files are committed so the app never needs a network.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/static/vendor"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fetch() {  # fetch NAME@VERSION DEST FILE...
  local spec=$1 dest=$2; shift 2
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null 2>&1)
  local tgz
  tgz=$(ls -t "$tmp"/*.tgz | head -1)
  mkdir -p "$tmp/x" "$out/$dest"
  rm -rf "$tmp/x"/* && tar -xzf "$tgz" -C "$tmp/x" && rm "$tgz"
  for f in "$@"; do
    mkdir -p "$out/$dest/$(dirname "$f")"
    cp -r "$tmp/x/package/$f" "$out/$dest/$f"
  done
  cp "$tmp/x/package/"LICEN[CS]E* "$out/$dest/" 2>/dev/null || true
}
# Start clean, but keep the hand-written MANIFEST.md.
mkdir -p "$out" && find "$out" -mindepth 1 -maxdepth 1 ! -name MANIFEST.md -exec rm -rf {} +
fetch leaflet@1.9.3 leaflet dist/leaflet.js dist/leaflet.css dist/images
fetch leaflet-groupedlayercontrol@0.6.1 groupedlayercontrol dist/leaflet.groupedlayercontrol.min.js dist/leaflet.groupedlayercontrol.min.css
# 4.0.0: the last UMD build (5.x is an ES module); its stylesheet draws icon-fullscreen.svg.
fetch leaflet.fullscreen@4.0.0 fullscreen Control.FullScreen.js Control.FullScreen.css icon-fullscreen.svg
# One build per language (.cn: Chinese); the stylesheet's icons are dist/assets/*.png.
fetch leaflet-measure@3.1.0 measure dist/leaflet-measure.js dist/leaflet-measure.cn.js dist/leaflet-measure.css dist/assets
# Leaflet.Sync: the two side-by-side maps of the comparison view pan and zoom together (folium DualMap).
fetch leaflet.sync@0.2.4 sync L.Map.Sync.js
echo "vendored into $out"
