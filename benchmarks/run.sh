#!/usr/bin/env bash
# Builds the benchmarks and runs JMH with the given arguments, e.g.
#   benchmarks/run.sh IndicatorsBenchmark -f 1 -wi 1 -i 3
#   benchmarks/run.sh ValidationBenchmark -f 1 -prof gc
# JaCoCo is off for benchmarks (its agent halves throughput).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B install -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true -Dmaven.javadoc.skip=true \
  -Dmaven.source.skip=true -pl benchmarks -am
cp_file="$(mktemp)"
(cd benchmarks && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null)
exec java ${JMH_JAVA_OPTS:--Xmx8g} -cp "benchmarks/target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main "$@"
