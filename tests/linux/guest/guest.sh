#!/bin/sh
# Runs inside the VM (busybox sh, as root), started by /init with the 9p payload share on /payload.
# run.sh writes the payload:
#   guest.env        variables for this script (see run.sh, write_payload)
#   tests/           the published RemoteIo.LinuxGpio.Tests (xunit.v3 executable)
#   mutants/<name>/  the same tests built against a deliberately broken driver (--self-check)
#   hooks/*.sh       further checks, run in order after the tests (tests/linux/guest.d)
#   results/         written here: <suite>.junit.xml, read back by run.sh
#
# .NET and every glibc program run in a root assembled from the host's own /usr and /etc, shared
# read-only over 9p (Debian 12 is merged-/usr: bin, sbin, lib and lib64 are links into usr), so
# the guest runs exactly the host's .NET runtime and nothing has to be copied into the initramfs.
. /payload/guest.env

uptime_s() { cut -d' ' -f1 /proc/uptime; }
status=0
R=/hostroot

mkdir -p $R
mount -t tmpfs tmpfs $R
mkdir -p $R/usr $R/etc $R/dev $R/proc $R/sys $R/tmp $R/payload $R/dotnet
for l in bin sbin lib lib64; do ln -s usr/$l $R/$l; done
opts=trans=virtio,version=9p2000.L,msize=512000,ro
if ! mount -t 9p -o $opts,cache=loose hostusr $R/usr || ! mount -t 9p -o $opts hostetc $R/etc; then
  echo "not ok - mount the host's /usr and /etc over 9p"
  exit 1
fi
if [ -n "$DOTNET_SHARE" ] && ! mount -t 9p -o $opts,cache=loose dotnet $R/dotnet; then
  echo "not ok - mount the host's .NET over 9p"
  exit 1
fi
# rbind, not bind: /sys carries configfs and debugfs mounted below it.
mount -o rbind /dev $R/dev
mount -o rbind /proc $R/proc
mount -o rbind /sys $R/sys
mount -o bind /payload $R/payload
echo "ok - host root assembled at uptime $(uptime_s)s"

# in_root <timeout> <command...>: runs a command in the host root with a clean environment.
in_root() {
  limit=$1; shift
  timeout "$limit" chroot $R /usr/bin/env -i \
    PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME=/tmp TMPDIR=/tmp LANG=C.UTF-8 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_ROOT="$DOTNET_ROOT" \
    REMOTEIO_GPIO_SIM=/sys/kernel/config/gpio-sim REMOTEIO_LINUX_VM=1 \
    "$@"
}

# run_suite <name> <dll>: the xunit.v3 in-process runner, one process, no parallel test classes
# (tests share the kernel's gpio-sim and pwm-sim state and edge timing under TCG is slow enough).
run_suite() {
  name=$1 dll=$2
  started=$(uptime_s)
  in_root "$TEST_TIMEOUT" "$DOTNET_ROOT/dotnet" "$dll" -noColor -parallel none \
    -junit "/payload/results/$name.junit.xml" $XUNIT_ARGS
  rc=$?
  echo "guest: $name ran from uptime ${started}s to $(uptime_s)s, exit code $rc"
  return $rc
}

if run_suite linux-gpio /payload/tests/RemoteIo.LinuxGpio.Tests.dll; then
  echo "ok - RemoteIo.LinuxGpio.Tests"
else
  [ "$rc" -eq 124 ] && why="timed out after ${TEST_TIMEOUT}s" || why="exit code $rc"
  echo "not ok - RemoteIo.LinuxGpio.Tests ($why)"
  status=1
fi

# Mutants are expected to fail; run.sh judges their result files, so their exit code is only logged.
for dir in /payload/mutants/*/; do
  [ -d "$dir" ] || continue
  mutant=$(basename "$dir")
  run_suite "mutant-$mutant" "/payload/mutants/$mutant/RemoteIo.LinuxGpio.Tests.dll" > "/payload/results/mutant-$mutant.log" 2>&1
  echo "guest: mutant $mutant finished (exit code $?)"
done

for hook in /payload/hooks/*.sh; do
  [ -f "$hook" ] || continue
  if in_root "$TEST_TIMEOUT" /bin/bash "/payload/hooks/$(basename "$hook")"; then
    echo "ok - hook $(basename "$hook")"
  else
    echo "not ok - hook $(basename "$hook") (exit code $?)"
    status=1
  fi
done
exit $status
