#!/usr/bin/env bash
# The real-kernel GPIO suite: boots Debian's own kernel in QEMU with gpio-sim and pwm-sim loaded
# and runs tests/RemoteIo.LinuxGpio.Tests (our character-device driver and sysfs PWM channel
# against the kernel's /dev/gpiochipN and /sys/class/pwm) inside it. See tests/linux/README.md.
#
#   tests/linux/run.sh [--results DIR] [--work DIR] [--timeout SECONDS] [--self-check]
#                      [--xunit-args "ARGS"]
#
#   --results DIR   copy the result file there as linux-gpio.junit.xml (tests/run-all.sh sums it);
#                   any other failure adds linux-gpio-run.junit.xml, one failed test with the reason
#   --work DIR      downloads and builds (default .work/linux in the repository; reused while the
#                   kernel version stays the same)
#   --timeout S     hard limit for the VM (default 480, with --self-check 1200)
#   --self-check    also run the suite against deliberately broken copies of the driver
#                   (tests/linux/mutants/*.mutant) and check that it catches each one
#   --xunit-args A  extra arguments for the xunit.v3 runner in the VM, e.g. "-class Foo"
#
# Needs Debian 12 (x86_64) and the .NET SDK; installs the rest from Debian when run as root.
# Exit status 0 only when the VM ran, every test passed and none was skipped. It never skips.
set -Eeuo pipefail
shopt -s nullglob

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${REMOTEIO_LINUX_WORK:-$ROOT/.work/linux}
RESULTS=""
VM_TIMEOUT=""
SELF_CHECK=0
XUNIT_ARGS=""
# TCG unless told otherwise: on the CI machines /dev/kvm is a nested PVM hypervisor that cannot
# boot a stock kernel and hangs silently (see the research note), so KVM is opt-in.
ACCEL=${REMOTEIO_LINUX_ACCEL:-tcg}
TEST_PROJECT=$ROOT/tests/RemoteIo.LinuxGpio.Tests/RemoteIo.LinuxGpio.Tests.csproj
SUITE=linux-gpio

while [ $# -gt 0 ]; do
  case $1 in
    --results) RESULTS=${2:?--results needs a directory}; shift 2 ;;
    --work) WORK=${2:?--work needs a directory}; shift 2 ;;
    --timeout) VM_TIMEOUT=${2:?--timeout needs seconds}; shift 2 ;;
    --self-check) SELF_CHECK=1; shift ;;
    --xunit-args) XUNIT_ARGS=${2?--xunit-args needs arguments}; shift 2 ;;
    -h | --help) sed -n '2,/^set -Eeuo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "tests/linux/run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
# The self-check runs the suite once more per mutant (tests/linux/mutants) in the same VM.
[ -n "$VM_TIMEOUT" ] || { [ $SELF_CHECK -eq 1 ] && VM_TIMEOUT=1200 || VM_TIMEOUT=480; }
[[ $VM_TIMEOUT =~ ^[0-9]+$ ]] || { echo "tests/linux/run.sh: --timeout needs whole seconds, got '$VM_TIMEOUT'" >&2; exit 2; }

# Result files of an earlier run would be counted again.
[ -z "$RESULTS" ] || rm -f "$RESULTS/$SUITE.junit.xml" "$RESULTS/$SUITE-run.junit.xml" "$RESULTS/$SUITE-selfcheck.junit.xml" \
  "$RESULTS/$SUITE-hook-"*.junit.xml

export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
START=$SECONDS
TIMELINE=()
phase() {
  TIMELINE+=("$(printf '%4ds %s' $((SECONDS - START)) "$*")")
  printf '== linux: [%ds] %s\n' $((SECONDS - START)) "$*" >&2
}

# --- failing loudly ------------------------------------------------------------------------------
xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'; }

# Writes a JUnit file with one failed test beside the suite's own result file (if any), so the CI
# summary counts the failure even when the suite never got to write its results.
write_failure_result() {
  [ -n "$RESULTS" ] || return 0
  mkdir -p "$RESULTS"
  local message
  message=$(printf '%s' "$1" | xml_escape)
  cat > "$RESULTS/$SUITE-run.junit.xml" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<testsuites>
  <testsuite name="tests/linux/run.sh" tests="1" failures="1" errors="0" skipped="0">
    <testcase classname="tests.linux" name="run.sh: the real-kernel suite ran">
      <failure message="$message">$message</failure>
    </testcase>
  </testsuite>
</testsuites>
EOF
}

fail() {
  echo "tests/linux/run.sh: FAILED: $*" >&2
  write_failure_result "$*"
  exit 1
}
trap 'fail "command failed (exit code $?) at line $LINENO: $BASH_COMMAND"' ERR

# --- host checks ---------------------------------------------------------------------------------
[ "$(uname -m)" = x86_64 ] || fail "needs an x86_64 host (found $(uname -m))"
grep -q '^VERSION_CODENAME=bookworm' /etc/os-release 2>/dev/null \
  || fail "needs Debian 12 (bookworm): the kernel, its headers and its source come from its archive"
command -v dotnet >/dev/null || fail "the .NET SDK (dotnet) is not on PATH"
DOTNET_HOST_ROOT=$(dirname "$(readlink -f "$(command -v dotnet)")")
# The guest runs programs from the host's /usr over 9p; that only works on a merged-/usr system.
for l in /bin /lib /lib64 /sbin; do
  [ -L $l ] || fail "$l is not a symlink into /usr: the guest root is assembled from the host's /usr (merged-/usr Debian 12)"
done
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
exec 9> "$WORK/.lock"
flock -n 9 || fail "another tests/linux/run.sh is using $WORK"

# --- Debian packages -----------------------------------------------------------------------------
# Installed: QEMU and what builds kernel modules. Only downloaded (never installed on the host):
# the kernel image that boots in the VM, its source (gpio-sim.c, gpiolib.h, irq_sim.c) and a
# static busybox for the initramfs. Image, headers and source must be the very same version:
# gpio-sim reaches into gpiolib internals, and modules only load into the kernel they were built for.
TOOLS=(qemu-system-x86 gcc make libc6-dev xz-utils kmod python3)

resolve_kernel() {
  KPKG=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
  [ -n "$KPKG" ] || return 1
  KV=${KPKG#linux-image-}                                            # 6.1.0-NN-amd64 (uname -r)
  KVER=$(apt-cache policy "$KPKG" | awk '/Candidate:/ { print $2 }')  # 6.1.NNN-N
  KSERIES=$(echo "$KV" | cut -d. -f1,2)                              # 6.1
  [ -n "$KVER" ] && [ "$KVER" != "(none)" ]
}

installed_version() { dpkg-query -W -f='${db:Status-Status} ${Version}' "$1" 2>/dev/null | awk '$1 == "installed" { print $2 }'; }

deb_file() {  # deb_file <package> <version>: the downloaded .deb, if present
  local f
  for f in "$WORK/debs/${1}_${2//:/%3a}_"*.deb; do echo "$f"; return 0; done
  return 1
}

compute_needs() {
  MISSING=()
  local p
  for p in "${TOOLS[@]}"; do [ -n "$(installed_version "$p")" ] || MISSING+=("$p"); done
  [ "$(installed_version "linux-headers-$KV")" = "$KVER" ] || MISSING+=("linux-headers-$KV=$KVER")
  DOWNLOADS=()
  deb_file "$KPKG" "$KVER" >/dev/null || DOWNLOADS+=("$KPKG=$KVER")
  deb_file "linux-source-$KSERIES" "$KVER" >/dev/null || DOWNLOADS+=("linux-source-$KSERIES=$KVER")
  local bb
  bb=$(apt-cache policy busybox-static | awk '/Candidate:/ { print $2 }')
  [ -n "$bb" ] && [ "$bb" != "(none)" ] || return 1
  BUSYBOX_VERSION=$bb
  deb_file busybox-static "$bb" >/dev/null || DOWNLOADS+=("busybox-static=$bb")
}

apt_update() {
  phase "apt-get update"
  apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null || fail "apt-get update failed"
}

fetch_packages() {  # returns non-zero when an install or download failed (stale package lists?)
  if [ ${#MISSING[@]} -gt 0 ]; then
    phase "installing from Debian: ${MISSING[*]}"
    [ "$(id -u)" -eq 0 ] || fail "these Debian packages are missing and installing them needs root: ${MISSING[*]}"
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${MISSING[@]}" > "$WORK/apt.log" 2>&1 \
      || { cat "$WORK/apt.log" >&2; return 1; }
  fi
  if [ ${#DOWNLOADS[@]} -gt 0 ]; then
    phase "downloading from Debian: ${DOWNLOADS[*]}"
    mkdir -p "$WORK/debs"
    # Downloads of another kernel version are stale now; the pin below decides what is kept.
    (cd "$WORK/debs" && apt-get -o DPkg::Lock::Timeout=600 download -qq "${DOWNLOADS[@]}") > "$WORK/apt.log" 2>&1 \
      || { cat "$WORK/apt.log" >&2; return 1; }
  fi
}

phase "resolving the kernel version"
if ! resolve_kernel || ! compute_needs; then
  apt_update
  resolve_kernel || fail "apt cannot resolve linux-image-amd64 to a kernel package"
  compute_needs || fail "apt has no candidate for busybox-static"
fi
if ! fetch_packages; then
  # The lists may name versions the mirror no longer carries: refresh once, resolve again.
  apt_update
  resolve_kernel || fail "apt cannot resolve linux-image-amd64 to a kernel package"
  compute_needs || fail "apt has no candidate for busybox-static"
  fetch_packages || fail "installing or downloading the Debian packages failed (see above)"
fi
echo "linux: kernel $KPKG $KVER (the guest's uname -r is $KV)" >&2

# Keep exactly one kernel version in the work dir.
for f in "$WORK"/debs/*.deb; do
  case $(basename "$f") in
    "${KPKG}_${KVER}_"* | "linux-source-${KSERIES}_${KVER}_"* | "busybox-static_${BUSYBOX_VERSION//:/%3a}_"*) ;;
    *) rm -f "$f" ;;
  esac
done
for d in "$WORK"/kernel/*/; do [ "$(basename "$d")" = "$KVER" ] || rm -rf "$d"; done
K=$WORK/kernel/$KVER
mkdir -p "$K"

# Runs "$@" unless $1 (a stamp file) already holds $2 (a hash of every input); records it after.
# A build interrupted half-way has no stamp and runs again.
cached() {
  local stamp=$1 key=$2; shift 2
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ]; then return 0; fi
  rm -f "$stamp"
  "$@"
  echo "$key" > "$stamp"
}
hash_of() { cat "$@" | sha256sum | cut -c1-16; }

# --- kernel image, sources, modules, initramfs ---------------------------------------------------
extract_kernel() {
  phase "extracting the kernel image, busybox and three kernel source files"
  rm -rf "$K/image" "$K/src" "$K/busybox"
  mkdir -p "$K/image" "$K/src" "$K/busybox"
  # Only the parts the initramfs needs: vmlinuz, the module index and the 9p/virtio/configfs modules.
  dpkg-deb --fsys-tarfile "$(deb_file "$KPKG" "$KVER")" | tar -x -C "$K/image" --wildcards \
    "./boot/vmlinuz-$KV" "./boot/config-$KV" "./lib/modules/$KV/modules.*" \
    "./lib/modules/$KV/kernel/fs/*" "./lib/modules/$KV/kernel/net/9p/*" "./lib/modules/$KV/kernel/drivers/virtio/*"
  dpkg-deb -x "$(deb_file busybox-static "$BUSYBOX_VERSION")" "$K/busybox"
  local top=linux-source-$KSERIES
  dpkg-deb --fsys-tarfile "$(deb_file "linux-source-$KSERIES" "$KVER")" | tar -xO "./usr/src/$top.tar.xz" \
    | tar -xJ -C "$K/src" --strip-components=1 \
      "$top/drivers/gpio/gpio-sim.c" "$top/drivers/gpio/gpiolib.h" "$top/kernel/irq/irq_sim.c"
  local config=$K/image/boot/config-$KV
  grep -q '^CONFIG_GPIO_CDEV=y' "$config" || fail "kernel $KV lacks CONFIG_GPIO_CDEV: no /dev/gpiochipN"
  grep -q '^CONFIG_PWM_SYSFS=y' "$config" || fail "kernel $KV lacks CONFIG_PWM_SYSFS: no /sys/class/pwm"
  grep -q '^CONFIG_CONFIGFS_FS=[ym]' "$config" || fail "kernel $KV lacks configfs, which gpio-sim is configured through"
}
cached "$K/.extracted" "$KVER" extract_kernel

build_modules() {
  phase "building irq-sim.ko, gpio-sim.ko, pwm-sim.ko against linux-headers-$KV"
  local b=$K/kmod
  rm -rf "$b" && mkdir -p "$b"
  cp "$HERE"/kmod/* "$b/"
  cp "$K/src/drivers/gpio/gpio-sim.c" "$K/src/drivers/gpio/gpiolib.h" "$K/src/kernel/irq/irq_sim.c" "$b/"
  # patch irq_sim.c: irq_to_desc() is not exported to modules. For the simple irq domain that
  # irq_sim creates, generic_handle_irq(irq) does exactly handle_simple_irq(irq_to_desc(irq)).
  sed -i 's/handle_simple_irq(irq_to_desc(irqnum));/generic_handle_irq(irqnum);/' "$b/irq_sim.c"
  grep -q 'generic_handle_irq(irqnum);' "$b/irq_sim.c" \
    || fail "irq_sim.c of $KVER no longer calls handle_simple_irq(irq_to_desc(irqnum)); update the patch in run.sh"
  make -C "/usr/src/linux-headers-$KV" M="$b" modules > "$b/build.log" 2>&1 \
    || { cat "$b/build.log" >&2; fail "building the kernel modules failed (log above)"; }
  for m in irq-sim gpio-sim pwm-sim; do
    [ -f "$b/$m.ko" ] || fail "$m.ko was not built"
    strip --strip-debug "$b/$m.ko"
  done
}
cached "$K/.modules" "$(hash_of "$HERE"/kmod/* "$0")-$KVER" build_modules

# Stock modules the guest needs, with their dependencies first (from the image's modules.dep).
MODDIR=$K/image/lib/modules/$KV
declare -A SEEN=()
ORDER=()
resolve_module() {
  local line dep
  line=$(grep -E "(^|/)$1\.ko(\.xz|\.zst|\.gz)?:" "$MODDIR/modules.dep") || {
    grep -qE "(^|/)$1\.ko" "$MODDIR/modules.builtin" && return 0
    fail "kernel module $1 is neither in modules.dep nor built in"
  }
  for dep in ${line#*:}; do resolve_module "$(basename "${dep%%.ko*}")"; done
  local path=${line%%:*}
  if [ -z "${SEEN[$path]:-}" ]; then SEEN[$path]=1; ORDER+=("$path"); fi
}

build_initramfs() {
  phase "building the initramfs"
  local ir=$K/initramfs m
  rm -rf "$ir" && mkdir -p "$ir"/{bin,dev,proc,sys,tmp,etc,lib/modules}
  cp "$K/busybox/bin/busybox" "$ir/bin/busybox"
  install -m 755 "$HERE/guest/init" "$ir/init"
  # Debian generates modules.dep at install time; the image package does not carry it.
  depmod -b "$K/image" "$KV" 2> "$K/depmod.log" || { cat "$K/depmod.log" >&2; fail "depmod failed"; }
  for m in configfs 9p 9pnet_virtio virtio_pci; do resolve_module "$m"; done
  : > "$ir/etc/modules.order"
  for m in "${ORDER[@]}"; do
    local name
    name=$(basename "${m%%.ko*}").ko
    case $m in
      *.ko) cp "$MODDIR/$m" "$ir/lib/modules/$name" ;;
      *.ko.xz) xz -dc "$MODDIR/$m" > "$ir/lib/modules/$name" ;;
      *) fail "cannot unpack kernel module $m" ;;
    esac
    echo "$name" >> "$ir/etc/modules.order"
  done
  cp "$K"/kmod/{irq-sim,gpio-sim,pwm-sim}.ko "$ir/lib/modules/"
  # gpio-sim needs configfs and irq-sim. pwm-sim: a used channel never becomes fresh again (its
  # period cannot return to 0), so the tests take a new one each; 32 is enough for the suite. The
  # driver itself holds the last one, standing in for a kernel consumer (export gives EBUSY).
  printf "%s\n" irq-sim.ko gpio-sim.ko "pwm-sim.ko npwm=32 held_channel=31" >> "$ir/etc/modules.order"
  (cd "$ir" && find . | "$K/busybox/bin/busybox" cpio -o -H newc 2>/dev/null) | gzip -1 > "$K/initrd.gz.new"
  mv "$K/initrd.gz.new" "$K/initrd.gz"
  rm -rf "$ir"
}
cached "$K/.initramfs" "$(hash_of "$HERE/guest/init" "$K"/kmod/*.ko "$0")-$KVER" build_initramfs

# --- the test project, built on the host ---------------------------------------------------------
PAYLOAD=$WORK/payload
# ReadyToRun: the guest emulates the CPU (TCG) and JIT compilation is what .NET spends its time on
# there, so precompiled code roughly halves the suite's run time in the VM.
R2R=(-r linux-x64 --self-contained false -p:PublishReadyToRun=true)
publish() {  # publish <project> <output dir> [msbuild properties...]
  local project=$1 out=$2; shift 2
  rm -rf "$out"
  dotnet publish "$project" -c Release -o "$out" -nologo -clp:ErrorsOnly "$@" > "$WORK/publish.log" 2>&1 \
    || { cat "$WORK/publish.log" >&2; fail "dotnet publish $(basename "$project") failed (log above)"; }
}
phase "publishing RemoteIo.LinuxGpio.Tests"
mkdir -p "$PAYLOAD"
rm -rf "$PAYLOAD/results" "$PAYLOAD/mutants" "$PAYLOAD/hooks" "$PAYLOAD/apps"
mkdir -p "$PAYLOAD/results" "$PAYLOAD/mutants" "$PAYLOAD/hooks" "$PAYLOAD/apps"
publish "$TEST_PROJECT" "$PAYLOAD/tests" "${R2R[@]}"
# A hook may need programs of this repository in the VM: guest.d/<hook>.publish lists projects
# (paths relative to the repository root, one per line), published to /payload/apps/<name>/.
for list in "$HERE"/guest.d/*.publish; do
  while read -r project || [ -n "$project" ]; do
    case $project in '' | '#'*) continue ;; esac
    [ -f "$ROOT/$project" ] || fail "$(basename "$list") lists $project, which does not exist"
    phase "publishing $project for $(basename "$list" .publish).sh"
    publish "$ROOT/$project" "$PAYLOAD/apps/$(basename "$project" .csproj)" "${R2R[@]}"
  done < "$list"
done

if [ $SELF_CHECK -eq 1 ]; then
  # shellcheck source=tests/linux/mutants.sh
  . "$HERE/mutants.sh"
  build_mutants
fi

cp "$HERE/guest/guest.sh" "$PAYLOAD/guest.sh"
for hook in "$HERE"/guest.d/*.sh; do cp "$hook" "$PAYLOAD/hooks/"; done
DOTNET_SHARE=""
GUEST_DOTNET_ROOT=$DOTNET_HOST_ROOT
case $DOTNET_HOST_ROOT in
  /usr/*) ;;
  *) DOTNET_SHARE=1; GUEST_DOTNET_ROOT=/dotnet ;;  # not under /usr: shared on its own
esac
# The in-guest limit leaves the VM time to write results and power off before the hard limit.
cat > "$PAYLOAD/guest.env" <<EOF
DOTNET_ROOT='$GUEST_DOTNET_ROOT'
DOTNET_SHARE='$DOTNET_SHARE'
TEST_TIMEOUT=$((VM_TIMEOUT * 8 / 10))
XUNIT_ARGS='$XUNIT_ARGS'
EOF

# --- the VM --------------------------------------------------------------------------------------
[ "$ACCEL" = kvm ] && CPU=(-accel kvm -cpu host) || CPU=(-accel tcg -cpu max)
SHARES=(-virtfs "local,path=$PAYLOAD,mount_tag=payload,security_model=none,id=payload"
        -virtfs "local,path=/usr,mount_tag=hostusr,security_model=none,readonly=on,id=hostusr"
        -virtfs "local,path=/etc,mount_tag=hostetc,security_model=none,readonly=on,id=hostetc")
[ -z "$DOTNET_SHARE" ] || SHARES+=(-virtfs "local,path=$DOTNET_HOST_ROOT,mount_tag=dotnet,security_model=none,readonly=on,id=dotnet")
phase "booting the VM ($ACCEL, hard limit ${VM_TIMEOUT}s)"
LOG=$WORK/vm.log
VM_START=$SECONDS
set +e
# panic=-1 with -no-reboot: a guest panic ends QEMU at once instead of hanging until the timeout.
timeout --kill-after=10 "$VM_TIMEOUT" qemu-system-x86_64 "${CPU[@]}" -smp 2 -m 1024 \
  -nodefaults -no-user-config -display none -monitor none -serial stdio -no-reboot \
  -kernel "$K/image/boot/vmlinuz-$KV" -initrd "$K/initrd.gz" \
  -append "console=ttyS0 panic=-1 quiet loglevel=3" "${SHARES[@]}" < /dev/null 2>&1 \
  | tee "$LOG" | sed -u 's/^/   vm| /' >&2
VM_RC=${PIPESTATUS[0]}
set -e
phase "the VM stopped after $((SECONDS - VM_START))s (exit code $VM_RC)"

# --- verdict -------------------------------------------------------------------------------------
[ $VM_RC -ne 124 ] && [ $VM_RC -ne 137 ] || fail "the VM was killed after ${VM_TIMEOUT}s (log: $LOG)"
command -v qemu-system-x86_64 >/dev/null || fail "qemu-system-x86_64 is missing"
RESULT=$PAYLOAD/results/$SUITE.junit.xml
if [ ! -s "$RESULT" ]; then
  fail "the suite wrote no result file (VM exit code $VM_RC; serial log: $LOG)"
fi
COUNTS=$(python3 "$HERE/junit_counts.py" "$RESULT") || fail "cannot read $RESULT"
read -r PASSED FAILED SKIPPED <<< "$COUNTS"
if [ -n "$RESULTS" ]; then mkdir -p "$RESULTS"; cp "$RESULT" "$RESULTS/$SUITE.junit.xml"; fi
PROBLEMS=()
grep -q '^GUEST-EXIT: 0' "$LOG" || PROBLEMS+=("the guest did not report GUEST-EXIT: 0")
if grep -q '^not ok' "$LOG"; then PROBLEMS+=("$(grep '^not ok' "$LOG" | tr -d '\r' | paste -sd ';' -)"); fi
[ "$FAILED" -eq 0 ] || PROBLEMS+=("$FAILED test(s) failed")
[ "$SKIPPED" -eq 0 ] || PROBLEMS+=("$SKIPPED test(s) skipped inside the VM, where every prerequisite must be present")
[ "$PASSED" -gt 0 ] || PROBLEMS+=("no test passed")
if [ $SELF_CHECK -eq 1 ]; then judge_mutants || PROBLEMS+=("the self-check failed: a broken driver was not caught as expected")
fi
# Each guest.d hook writes its checks as JUnit (results/hook-<name>.junit.xml), counted like the
# suite's; a hook without a result file failed before it could say why (see the serial log).
HOOK_COUNTS=()
for hook in "$HERE"/guest.d/*.sh; do
  name=$(basename "$hook" .sh)
  hook_result=$PAYLOAD/results/hook-$name.junit.xml
  if [ ! -s "$hook_result" ]; then PROBLEMS+=("hook $name.sh wrote no result file ($hook_result)"); continue; fi
  HOOK_COUNTS_LINE=$(python3 "$HERE/junit_counts.py" "$hook_result") || { PROBLEMS+=("cannot read $hook_result"); continue; }
  read -r HP HF HS <<< "$HOOK_COUNTS_LINE"
  if [ -n "$RESULTS" ]; then cp "$hook_result" "$RESULTS/$SUITE-hook-$name.junit.xml"; fi
  HOOK_COUNTS+=("$name: $HP passed, $HF failed")
  [ "$HF" -eq 0 ] || PROBLEMS+=("hook $name.sh: $HF of $((HP + HF + HS)) checks failed (their reasons: the 'not ok' lines above, $SUITE-hook-$name.junit.xml)")
  [ "$HS" -eq 0 ] || PROBLEMS+=("hook $name.sh: $HS check(s) skipped")
  [ "$HP" -gt 0 ] || PROBLEMS+=("hook $name.sh: no check passed")
done

echo "linux: timeline" >&2
printf '   %s\n' "${TIMELINE[@]}" >&2
[ ${#HOOK_COUNTS[@]} -eq 0 ] || echo "linux: hooks: $(printf '%s; ' "${HOOK_COUNTS[@]}")" >&2
[ ${#PROBLEMS[@]} -eq 0 ] || fail "$(printf '%s; ' "${PROBLEMS[@]}")(serial log: $LOG)"
echo "linux: PASSED: $PASSED tests in the VM, total $((SECONDS - START))s" >&2
