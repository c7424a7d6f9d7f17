#!/usr/bin/env bash
# Sums every Surefire report of the build and prints one closing line: "tests: N passed, N failed, N skipped".
set -euo pipefail
python3 - "$@" <<'PY'
import glob, xml.etree.ElementTree as ET
tests = failed = skipped = 0
for f in glob.glob("**/target/surefire-reports/TEST-*.xml", recursive=True):
    r = ET.parse(f).getroot()
    tests += int(r.get("tests", 0)); skipped += int(r.get("skipped", 0))
    failed += int(r.get("failures", 0)) + int(r.get("errors", 0))
print(f"tests: {tests - failed - skipped} passed, {failed} failed, {skipped} skipped")
PY
