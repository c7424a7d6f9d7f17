package org.vansdk.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style shared by every value type of the SDK: the generated implementation is
 * package-private, builders are reached through the abstract type ({@code Casualty.builder()}),
 * only JDK collections are used, and no annotation from the classpath leaks into generated code.
 *
 * @since 1.0
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    allowedClasspathAnnotations = {Override.class},
    redactedMask = "***",
    defaults = @Value.Immutable(copy = true))
public @interface VanStyle {}
