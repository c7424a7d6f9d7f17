package org.vansdk.testkit.junit;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Provides the seeds of a {@link SeedSource}. Used by JUnit; not for direct use.
 *
 * @since 1.0
 */
public final class SeedArgumentsProvider
    implements ArgumentsProvider, AnnotationConsumer<SeedSource> {
  private int count = 100;

  /** Creates the provider; JUnit calls this. */
  public SeedArgumentsProvider() {}

  @Override
  public void accept(SeedSource source) {
    this.count = source.value();
  }

  @Override
  public Stream<? extends Arguments> provideArguments(
      ParameterDeclarations parameters, ExtensionContext context) {
    return Seeds.of(count).mapToObj(seed -> Arguments.of(seed));
  }
}
