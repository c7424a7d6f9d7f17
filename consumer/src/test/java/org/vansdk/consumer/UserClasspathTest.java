package org.vansdk.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a user of every published module gets on the class path: the SDK's libraries, Jackson,
 * networknt and picocli, but no logging binding, no database driver and no Guava, which would be
 * imposed on the user's own choices.
 */
class UserClasspathTest {

  @Test
  void publishedModules_bringNoBindingDriverOrUnusedLibrary() {
    List<String> present = new ArrayList<>();
    for (String name :
        List.of(
            "org.slf4j.nop.NOPServiceProvider",
            "org.h2.Driver",
            "org.postgresql.Driver",
            "com.google.common.collect.ImmutableList")) {
      try {
        Class.forName(name, false, UserClasspathTest.class.getClassLoader());
        present.add(name);
      } catch (ClassNotFoundException expected) {
        // absent, as it should be
      }
    }
    assertEquals(List.of(), present);
  }
}
