# shellcheck shell=bash
# --self-check for tests/linux/run.sh (sourced by it): "break the driver on purpose".
#
# Each tests/linux/mutants/<name>.mutant is a small bash file that sets
#   DESCRIPTION  what is broken, in words
#   FILE         a source file of the driver, relative to the repository root
#   SED          a sed expression that breaks it; it must change exactly one line
#   EXPECT       an extended regex that the failure messages of the suite must match: the
#                failure has to point at what was broken, not merely happen
# build_mutants copies the driver and the suite into the work dir (the checkout is never
# touched), applies each mutation to its copy and publishes the suite built against it into the
# payload; the guest runs every mutant after the real suite; judge_mutants then requires each
# mutant's suite to have failed with a matching message, and records one test per mutant in
# linux-gpio-selfcheck.junit.xml.

# What the suite needs from the repository to build (everything else is left out of the copies).
MUTANT_SOURCES=(Directory.Build.props Directory.Packages.props global.json .editorconfig
                RemoteIo.Actors/Gpio tests/Directory.Build.props tests/RemoteIo.LinuxGpio.Tests
                tests/RemoteIo.Actors.Gpio.Tests/Contract)

# load_mutant <file>: reads one definition into DESCRIPTION, FILE, SED, EXPECT.
load_mutant() {
  DESCRIPTION="" FILE="" SED="" EXPECT=""
  # shellcheck disable=SC1090
  . "$1"
  [ -n "$DESCRIPTION" ] && [ -n "$FILE" ] && [ -n "$SED" ] && [ -n "$EXPECT" ] \
    || fail "$1 must set DESCRIPTION, FILE, SED and EXPECT"
}

build_mutants() {
  local definition name tree changed
  MUTANTS=()
  for definition in "$HERE"/mutants/*.mutant; do
    name=$(basename "$definition" .mutant)
    load_mutant "$definition"
    phase "self-check: building mutant $name ($DESCRIPTION)"
    tree=$WORK/mutants/$name
    rm -rf "$tree" && mkdir -p "$tree"
    # Tracked and new files as they are in the working tree, without build output.
    (cd "$ROOT" && git ls-files -co --exclude-standard -- "${MUTANT_SOURCES[@]}" | grep -vE '(^|/)(bin|obj)/' \
      | tar -cf - -T -) | tar -xf - -C "$tree"
    [ -f "$tree/$FILE" ] || fail "mutant $name: $FILE does not exist (the driver changed? update $definition)"
    sed -i "$SED" "$tree/$FILE"
    changed=$(diff "$ROOT/$FILE" "$tree/$FILE" | grep -c '^>' || true)
    [ "$changed" -eq 1 ] || fail "mutant $name: the sed expression changed $changed lines of $FILE instead of 1 (update $definition)"
    publish "$tree/tests/RemoteIo.LinuxGpio.Tests/RemoteIo.LinuxGpio.Tests.csproj" "$PAYLOAD/mutants/$name" "${R2R[@]}"
    MUTANTS+=("$name")
  done
  [ ${#MUTANTS[@]} -gt 0 ] || fail "--self-check: no mutants in $HERE/mutants"
}

judge_mutants() {
  local name result counts passed failed skipped message ok=0 cases=""
  for name in "${MUTANTS[@]}"; do
    load_mutant "$HERE/mutants/$name.mutant"
    result=$PAYLOAD/results/mutant-$name.junit.xml
    message=""
    if [ ! -s "$result" ]; then
      message="the suite against this mutant wrote no result (guest log: $PAYLOAD/results/mutant-$name.log)"
    else
      counts=$(python3 "$HERE/junit_counts.py" "$result")
      read -r passed failed skipped <<< "$counts"
      if [ "$failed" -eq 0 ]; then
        message="not caught: all $passed tests passed against a driver with $DESCRIPTION"
      elif ! python3 "$HERE/junit_counts.py" --failures "$result" > "$result.failures" \
          || ! grep -qE "$EXPECT" "$result.failures"; then
        message="caught by $failed failing tests, but no failure message matches /$EXPECT/, so none points at the cause"
      fi
    fi
    if [ -z "$message" ]; then
      echo "linux: self-check: mutant $name ($DESCRIPTION) caught by $failed failing tests, messages match /$EXPECT/" >&2
      cases+="    <testcase classname=\"tests.linux.selfcheck\" name=\"$name: $(printf '%s' "$DESCRIPTION" | xml_escape) is caught\" />"$'\n'
    else
      echo "linux: self-check: mutant $name: $message" >&2
      cases+="    <testcase classname=\"tests.linux.selfcheck\" name=\"$name: $(printf '%s' "$DESCRIPTION" | xml_escape) is caught\"><failure message=\"$(printf '%s' "$message" | xml_escape)\" /></testcase>"$'\n'
      ok=1
    fi
  done
  if [ -n "$RESULTS" ]; then
    printf '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n  <testsuite name="tests/linux self-check">\n%s  </testsuite>\n</testsuites>\n' \
      "$cases" > "$RESULTS/$SUITE-selfcheck.junit.xml"
  fi
  return $ok
}
