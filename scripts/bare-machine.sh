#!/usr/bin/env bash
# Runs a command as on a machine with Node and npm but none of the Debian packages the project once
# needed: no Chromium, no poppler (pdftotext, pdftoppm), no ffmpeg, no libusb, no NSS, no fonts.
#
#   sudo scripts/bare-machine.sh 'npm install && npm test'
#
# Linux, as root: a private mount namespace (unshare -m) in which /usr/bin and the library folder are
# replaced by hard-linked copies without those programs and libraries, and Chromium's folder and the
# font folders by empty ones. Nothing changes outside the namespace; other processes see the machine
# as it is.
set -euo pipefail
[ "$#" -eq 1 ] || { echo "usage: $0 '<command>'" >&2; exit 2; }

if [ -z "${KVIK_BARE_INSIDE:-}" ]; then
  export KVIK_BARE_INSIDE=1
  exec unshare --mount --propagation private -- "$0" "$@"
fi

libdir=/usr/lib/$(uname -m)-linux-gnu
stage=$(mktemp -d /tmp/kvikdesk-bare-XXXXXX)
trap 'rm -rf "$stage"' EXIT

# Hard links: same file system, no copying, and the real files stay untouched.
cp -al /usr/bin "$stage/bin"
rm -f "$stage"/bin/chromium* "$stage"/bin/ffmpeg "$stage"/bin/ffprobe "$stage"/bin/pdf*
cp -al "$libdir" "$stage/lib"
rm -f "$stage"/lib/libusb-1.0.so* "$stage"/lib/libnss3.so* "$stage"/lib/libnssutil3.so* "$stage"/lib/libsmime3.so* \
  "$stage"/lib/libnspr4.so* "$stage"/lib/libplc4.so* "$stage"/lib/libplds4.so*
mount --bind "$stage/bin" /usr/bin
mount --bind "$stage/lib" "$libdir"
for dir in /usr/lib/chromium /usr/share/fonts /etc/fonts; do
  [ -d "$dir" ] && mount -t tmpfs -o size=1m,mode=0755 none "$dir"
done

echo "bare-machine: hidden:"
for program in chromium pdftotext pdftoppm ffmpeg; do
  if command -v "$program" >/dev/null 2>&1; then echo "  $program STILL FOUND" >&2; exit 1; fi
  echo "  $program: not found"
done
if ldconfig -p | awk '{print $NF}' | grep -E 'libusb-1\.0\.so\.0|libnss3\.so' | xargs -r ls 2>/dev/null | grep -q .; then
  echo "  libusb/NSS STILL LOADABLE" >&2; exit 1
fi
echo "  libusb-1.0.so.0, libnss3.so: not loadable"
echo "  fonts: $(find /usr/share/fonts -type f 2>/dev/null | wc -l) files"
unset DATABASE_URL CHROMIUM_PATH
bash -c "$1"
