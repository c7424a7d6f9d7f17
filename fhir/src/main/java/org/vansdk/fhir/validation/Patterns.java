package org.vansdk.fhir.validation;

import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Property;

/**
 * FHIR's {@code pattern[x]} rule: every value the pattern has must be found in the element (a
 * primitive equal, a list containing a match for each of the pattern's items); the element may have
 * more.
 */
final class Patterns {
  private Patterns() {}

  /**
   * FHIR's {@code fixed[x]} rule: exactly equal (a code equals an enumeration of the same code).
   */
  static boolean equal(Base fixed, Base value) {
    return fixed.isPrimitive()
        ? value.isPrimitive() && fixed.primitiveValue().equals(value.primitiveValue())
        : fixed.equalsDeep(value);
  }

  static boolean matches(Base pattern, Base value) {
    if (pattern.isPrimitive()) {
      return value.isPrimitive() && pattern.primitiveValue().equals(value.primitiveValue());
    }
    for (Property p : pattern.children()) {
      for (Base wanted : p.getValues()) {
        boolean found = false;
        for (Base have : value.listChildrenByName(p.getName())) {
          if (matches(wanted, have)) {
            found = true;
            break;
          }
        }
        if (!found) {
          return false;
        }
      }
    }
    return true;
  }
}
