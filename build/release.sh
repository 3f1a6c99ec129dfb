#!/usr/bin/env bash
# Release binaries of the contentionsim CLI that need no .NET on the user's machine, and a .NET tool package.
#
#   build/release.sh [RID ...]      default: linux-x64 win-x64 osx-x64 osx-arm64
#
# For each runtime identifier: a self-contained single-file publish (the program plus its
# wwwroot/ folder, the classroom page that 'contentionsim serve' hosts, and scenarios/), archived as
# dist/contentionsim-VERSION-RID.tar.gz (.zip for Windows). Then dist/ContentionSim.VERSION.nupkg,
# installed with 'dotnet tool install --global --add-source dist ContentionSim'.
# Each RID's runtime pack comes from NuGet on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
rids=("$@")
[ ${#rids[@]} -gt 0 ] || rids=(linux-x64 win-x64 osx-x64 osx-arm64)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
mkdir -p dist
for rid in "${rids[@]}"; do
  out="dist/contentionsim-$version-$rid"
  rm -rf "$out"
  echo "== $rid"
  dotnet publish src/ContentionSim.Cli -c Release -r "$rid" --self-contained true \
    -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none -o "$out"
  # the shipped scenarios (and the teaching ones) beside the program, so the lessons' commands work from the unpacked folder
  cp -r scenarios "$out/scenarios"
  if [[ "$rid" == win-* ]]; then
    (cd dist && rm -f "contentionsim-$version-$rid.zip" && python3 -m zipfile -c "contentionsim-$version-$rid.zip" "contentionsim-$version-$rid")
  else
    tar -C dist -czf "dist/contentionsim-$version-$rid.tar.gz" "contentionsim-$version-$rid"
  fi
done
echo "== dotnet tool package"
dotnet pack src/ContentionSim.Cli -c Release -o dist
ls -la dist
