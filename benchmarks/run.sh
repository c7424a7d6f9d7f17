#!/usr/bin/env bash
# Builds the benchmarks and runs JMH with the given arguments, e.g.
#   benchmarks/run.sh IndicatorsBenchmark -f 1 -wi 1 -i 3
#   benchmarks/run.sh ValidationBenchmark -f 1 -prof gc
# or runs a main class of the module instead of JMH:
#   benchmarks/run.sh --main org.vansdk.benchmarks.transport.EndToEndMain h2 pg
# JaCoCo is off for benchmarks (its agent halves throughput).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B install -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true -Dmaven.javadoc.skip=true \
  -Dmaven.source.skip=true -pl benchmarks -am
cp_file="$(mktemp)"
(cd benchmarks && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null)
main=org.openjdk.jmh.Main
if [[ "${1:-}" == "--main" ]]; then
  main="$2"
  shift 2
fi
exec java ${JMH_JAVA_OPTS:--Xmx8g} -cp "benchmarks/target/classes:$(cat "$cp_file")" "$main" "$@"
