#!/bin/sh
# npm run release: the store zips (Chrome, Firefox, and Firefox's sources zip) built from a clean
# clone of HEAD, so no untracked or modified file can end up in them. Output: .output/release/.
set -eu
root=$(git rev-parse --show-toplevel)
if [ -n "$(git -C "$root" status --porcelain)" ]; then
  echo "release: the working tree has changes; commit or stash them first (the zips are built from HEAD)." >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone --quiet "$root" "$tmp/backstory"
cd "$tmp/backstory"
npm ci --no-audit --no-fund >/dev/null
npx wxt zip
npx wxt zip -b firefox
mkdir -p "$root/.output/release"
cp .output/*.zip "$root/.output/release/"
echo "release: $(git rev-parse --short HEAD) →"
ls -l "$root/.output/release/"
