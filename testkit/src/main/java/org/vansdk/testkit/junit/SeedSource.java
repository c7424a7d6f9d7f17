package org.vansdk.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Supplies a {@code long} seed to each invocation of a {@code @ParameterizedTest}, from {@link
 * Seeds#of(int)}: the same seeds every run, one replayed seed with {@code -Dvan.seed=...}. Name the
 * test {@code @ParameterizedTest(name = "seed {0}")} so reports show the seed. Needs
 * junit-jupiter-params 5.13 or later; on older versions use {@code @MethodSource} with {@link
 * Seeds#of(int)}.
 *
 * @since 1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(SeedArgumentsProvider.class)
public @interface SeedSource {
  /** Returns how many seeds to run; default 100. */
  int value() default 100;
}
