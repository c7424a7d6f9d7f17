package org.vansdk.core.json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.vansdk.core.ErrorCode;
import org.vansdk.core.VanException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns Jackson's exceptions into {@link VanJsonException}s that name the path and the problem and
 * never echo input text (which may be personal data): quoted fragments of Jackson's messages are
 * masked, and only identifier-shaped property names are shown (in the message and the pointer).
 */
final class JsonErrors {
  /**
   * The unknown property names shown: words of letters (and underscores), as a misspelt key of a
   * record or a configuration is ({@code treshold}). Anything else, a name with a space, a digit
   * (an identifier or a phone number typed as a key) or another character, may be personal data and
   * is hidden, in the message and in the pointer.
   */
  private static final Pattern NAME_SHAPED = Pattern.compile("[A-Za-z][A-Za-z_]{0,63}");

  private static final Pattern BRACKETED = Pattern.compile("\\([^()]*\\)");

  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`|\\([^)]*\\)");

  private JsonErrors() {}

  static VanJsonException translate(JacksonException e) {
    String pointer = pointer(e);
    TokenStreamLocation loc = e.getLocation();
    long line = loc == null || loc.getLineNr() < 0 ? 0 : loc.getLineNr();
    long column = loc == null || loc.getColumnNr() < 0 ? 0 : loc.getColumnNr();
    ErrorCode code;
    String problem;
    StreamConstraintsException limit = findLimit(e);
    if (limit != null) {
      code = ErrorCode.LIMIT_EXCEEDED;
      problem = "input exceeds a safety limit: " + limit.getOriginalMessage();
    } else if (e instanceof UnrecognizedPropertyException) {
      UnrecognizedPropertyException u = (UnrecognizedPropertyException) e;
      code = ErrorCode.JSON_MAPPING;
      problem = "unknown property " + name(u.getPropertyName()) + "; allowed: " + known(u);
      if (!isNameShaped(u.getPropertyName())) {
        pointer = pointer.substring(0, Math.max(0, pointer.lastIndexOf('/'))) + "/(hidden)";
      }
    } else if (e instanceof InvalidNullException) {
      code = ErrorCode.JSON_MAPPING;
      problem = "null is not allowed; leave the property out when the value is unknown";
    } else if (e instanceof ValueInstantiationException) {
      Throwable cause = e.getCause();
      if (cause instanceof VanException) {
        VanException v = (VanException) cause;
        code = v.code();
        problem = stripCode(v);
      } else if (cause instanceof IllegalStateException && cause.getMessage() != null) {
        code = ErrorCode.JSON_MAPPING;
        problem = mask(cause.getMessage());
      } else {
        code = ErrorCode.JSON_MAPPING;
        problem = "value cannot be built: " + mask(e.getOriginalMessage());
      }
    } else if (e instanceof MismatchedInputException) {
      MismatchedInputException m = (MismatchedInputException) e;
      code = ErrorCode.JSON_MAPPING;
      String message = String.valueOf(e.getOriginalMessage());
      if (message.contains("Trailing token")) {
        code = ErrorCode.MALFORMED_JSON;
        problem = "trailing content after the JSON document";
      } else if (m.getTargetType() != null) {
        problem = "wrong type: expected " + describe(m.getTargetType());
      } else {
        problem = "wrong type: " + mask(message);
      }
    } else if (e instanceof StreamReadException) {
      code = ErrorCode.MALFORMED_JSON;
      String message = String.valueOf(e.getOriginalMessage());
      problem =
          message.startsWith("Duplicate")
              ? "duplicate property (each key may appear once per object)"
              : "not well-formed JSON: " + syntax(message);
    } else {
      code = ErrorCode.JSON_MAPPING;
      problem = mask(String.valueOf(e.getOriginalMessage()));
    }
    VanException cause = findVanCause(e);
    if (cause != null && !(e instanceof ValueInstantiationException)) {
      code = cause.code();
      problem = stripCode(cause);
    }
    return new VanJsonException(code, problem, pointer, line, column);
  }

  /**
   * The error for a number literal that Jackson cannot hold (an exponent beyond the range of an
   * {@code int}, e.g. {@code 1e2147483648}): its {@code NumberFormatException} quotes the input, so
   * it is replaced, never passed on.
   */
  static VanJsonException numberOutOfRange() {
    return new VanJsonException(
        ErrorCode.LIMIT_EXCEEDED,
        "input exceeds a safety limit: a number out of range (numbers must fit a 64-bit double)",
        "",
        0,
        0);
  }

  static VanException io(Path path, IOException e) {
    return new VanException(
        ErrorCode.IO, "cannot read " + path.getFileName() + ": " + e.getClass().getSimpleName(), e);
  }

  /**
   * The limit exception behind an error, found by its type only: a message that merely says
   * "exceeds the maximum allowed" may be quoting the input (fuzzing found a property name saying
   * so, which this used to pass on as the limit's description).
   */
  private static @Nullable StreamConstraintsException findLimit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException) {
        return (StreamConstraintsException) t;
      }
    }
    return null;
  }

  private static @Nullable VanException findVanCause(Throwable e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof VanException) {
        return (VanException) t;
      }
    }
    return null;
  }

  private static String stripCode(VanException v) {
    String m = v.getMessage();
    String prefix = v.code().value() + ": ";
    return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
  }

  static String pointer(JacksonException e) {
    StringBuilder sb = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        sb.append('/').append(ref.getPropertyName().replace("~", "~0").replace("/", "~1"));
      } else if (ref.getIndex() >= 0) {
        sb.append('/').append(ref.getIndex());
      }
    }
    return sb.toString();
  }

  private static String describe(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class || type == java.math.BigDecimal.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "a " + type.getSimpleName().replace("Immutable", "").replace("$Json", "") + " value";
  }

  private static String name(String name) {
    return isNameShaped(name) ? "'" + name + "'" : "(name hidden)";
  }

  private static boolean isNameShaped(String name) {
    return name != null && NAME_SHAPED.matcher(name).matches();
  }

  private static String known(UnrecognizedPropertyException u) {
    Collection<Object> ids = u.getKnownPropertyIds();
    if (ids == null || ids.isEmpty()) {
      return "none";
    }
    return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }

  /**
   * Jackson's syntax message without its source excerpt ({@code (start marker at [Source: …; byte
   * offset: #UNKNOWN])}) and with quoted or bracketed input masked, nested brackets included.
   */
  static String syntax(String message) {
    String text = message == null ? "" : message.split("\n", 2)[0];
    for (String tail : new String[] {" (start marker at", " at [Source", "[Source"}) {
      int at = text.indexOf(tail);
      if (at >= 0) {
        text = text.substring(0, at);
      }
    }
    String before;
    do {
      before = text;
      text = BRACKETED.matcher(text).replaceAll("…");
    } while (!text.equals(before));
    return mask(text).strip();
  }

  private static String mask(String message) {
    String firstLine = message == null ? "" : message.split("\n", 2)[0];
    return QUOTED.matcher(firstLine).replaceAll("…");
  }
}
