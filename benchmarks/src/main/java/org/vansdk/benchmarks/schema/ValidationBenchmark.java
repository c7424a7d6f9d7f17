package org.vansdk.benchmarks.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vansdk.core.json.VanJson;
import org.vansdk.core.submission.RecordType;
import org.vansdk.schema.validation.PayloadValidator;
import org.vansdk.schema.validation.ValidationReport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our full validation of a casualty (parse with limits, schema, semantic rules, located issues)
 * against the anchor, raw networknt 3.0.9 parsing and validating the same bytes against the same
 * schema. Target: ours at least 0.8x the anchor's throughput on valid payloads.
 *
 * <p>Run: {@code benchmarks/run.sh ValidationBenchmark -f 1 -wi 2 -i 3}. Warm-up iterations are
 * long (15 s) because networknt's validators need many calls before the JIT has compiled them, and
 * on a shared two-core machine two-second warm-ups measured the interpreter, not the code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 15)
@Measurement(iterations = 5, time = 4)
@Fork(1)
public class ValidationBenchmark {
  private byte[][] payloads;
  private PayloadValidator ours;
  private Schema anchor;
  private JsonMapper mapper;
  private int next;

  /** Loads the schema both ways and builds the payloads. */
  @Setup
  public void setUp() {
    payloads = Payloads.casualties(64);
    ours = PayloadValidator.create();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b ->
                b.schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemaIdResolvers(
                        r ->
                            r.mapPrefix(
                                "https://schemas.vansdk.org/1.0/",
                                "classpath:org/vansdk/schema/1.0/")));
    anchor =
        registry.getSchema(
            SchemaLocation.of("https://schemas.vansdk.org/1.0/casualty.schema.json"));
    anchor.initializeValidators();
    mapper = VanJson.strict().mapper();
    if (!ours.validateRecord(RecordType.CASUALTY, payloads[0]).isValid()
        || !anchor.validate(mapper.readTree(payloads[0])).isEmpty()) {
      throw new IllegalStateException("benchmark payloads must be valid");
    }
  }

  private byte[] nextPayload() {
    next = (next + 1) & 63;
    return payloads[next];
  }

  /** Our full validation. */
  @Benchmark
  public ValidationReport ours() {
    return ours.validateRecord(RecordType.CASUALTY, nextPayload());
  }

  /** The anchor: raw networknt on the same bytes and schema. */
  @Benchmark
  public List<Error> rawNetworknt() {
    JsonNode tree = mapper.readTree(nextPayload());
    return anchor.validate(tree);
  }
}
