package org.vansdk.core.code;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;

/**
 * Lookups shared by every code-list enum: the wire code of a constant (its name in lower case) and
 * the reverse lookup that fails with the list of allowed codes. Thread-safe.
 *
 * @since 1.0
 */
public final class CodeList {
  private static final Pattern CODE_SHAPED = Pattern.compile("[a-z0-9_]{1,40}");
  private static final Map<Class<?>, Map<String, Enum<?>>> BY_CODE = new ConcurrentHashMap<>();
  private static final ClassValue<String[]> CODES =
      new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
          Object[] constants = type.getEnumConstants();
          String[] codes = new String[constants.length];
          for (int i = 0; i < constants.length; i++) {
            codes[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
          }
          return codes;
        }
      };

  private CodeList() {}

  /**
   * Returns the wire code of a constant: its name in lower case.
   *
   * @param value a code-list constant
   * @return e.g. {@code in_progress} for {@code IN_PROGRESS}
   */
  public static String codeOf(Enum<?> value) {
    return CODES.get(value.getDeclaringClass())[value.ordinal()];
  }

  /**
   * Returns the constant of a code list with the given wire code.
   *
   * @param type the enum
   * @param code the wire code
   * @param <E> the enum type
   * @return the constant
   * @throws VanException {@code VAN-C-0001} naming the list and its allowed codes; the rejected
   *     value is echoed only when it looks like a code, so personal data typed into a code field
   *     never leaks
   */
  public static <E extends Enum<E> & CodeValue> E fromCode(Class<E> type, String code) {
    Map<String, Enum<?>> codes =
        BY_CODE.computeIfAbsent(
            type,
            t ->
                Arrays.stream(type.getEnumConstants())
                    .collect(Collectors.toUnmodifiableMap(CodeValue::code, e -> e)));
    Enum<?> found = code == null ? null : codes.get(code);
    if (found == null) {
      String shown =
          code != null && CODE_SHAPED.matcher(code).matches()
              ? "'" + code + "'"
              : "the value given";
      throw new VanException(
          ErrorCode.UNKNOWN_CODE,
          shown
              + " is not a "
              + type.getSimpleName()
              + " code; allowed: "
              + String.join(", ", allowed(type)));
    }
    return type.cast(found);
  }

  /**
   * Returns the wire codes of a code list in declaration order.
   *
   * @param type the enum
   * @param <E> the enum type
   * @return the codes
   */
  public static <E extends Enum<E> & CodeValue> java.util.List<String> allowed(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(CodeValue::code).collect(Collectors.toList());
  }
}
