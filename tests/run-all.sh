#!/usr/bin/env bash
# The one command that runs every RemoteIo test (README: "Run all tests").
#
# On a fresh Debian 12 machine (root, .NET 10 SDK) it installs what the suites need from Debian's
# archive, builds the solution, runs every test project, runs the real-kernel GPIO suite in QEMU
# where present, and ends with one line:  tests: N passed, N failed[, N skipped]
# A missing prerequisite is a loud failure, never a silent skip.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
status=0

log() { printf '== %s\n' "$*" >&2; }

# --- prerequisites -------------------------------------------------------------------------------
# Debian packages the test suites use (compatibility tests run the real Python clients).
APT_PACKAGES=(python3 python3-gpiozero python3-pigpio)
missing=()
for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing from Debian: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "run-all.sh: these Debian packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null || { echo "run-all.sh: apt-get update failed" >&2; exit 2; }
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "run-all.sh: apt-get install ${missing[*]} failed" >&2; exit 2; }
fi

# --- build ---------------------------------------------------------------------------------------
log "building RemoteIo.sln"
if ! dotnet build RemoteIo.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "run-all.sh: build failed" >&2
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

# --- unit, integration and compatibility tests ---------------------------------------------------
log "running the test projects"
dotnet test RemoteIo.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$RESULTS" \
  --blame-hang-timeout 10m -- RunConfiguration.TreatNoTestsAsError=false
rc=$?
[ $rc -eq 0 ] || status=1

# --- real Linux kernel (gpio-sim + pwm-sim in QEMU) ----------------------------------------------
if [ -x tests/linux/run.sh ]; then
  log "running the real-kernel GPIO suite in QEMU"
  if ! tests/linux/run.sh --results "$RESULTS"; then status=1; fi
fi

# --- summary -------------------------------------------------------------------------------------
summary=$(python3 tests/tools/summarize.py "$RESULTS" "$rc")
sum_rc=$?
[ $sum_rc -eq 0 ] || status=1
echo "$summary"
exit $status
