package org.vansdk.schema.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vansdk.core.json.VanJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Maps JSON Pointers to lines and columns by a second, streaming pass over the input, done only
 * when there are issues to locate. A pointer to a property is located at its name; a pointer that
 * does not exist (a missing property) is located at its nearest existing ancestor.
 */
final class Locator {
  private Locator() {}

  static List<ValidationIssue> locate(
      VanJson json, byte[] bytes, List<ValidationIssue> issues, long lineOffset) {
    if (issues.isEmpty()) {
      return issues;
    }
    Set<String> wanted = new java.util.HashSet<>();
    for (ValidationIssue i : issues) {
      if (i.line() == 0) {
        for (String p = i.locus(); ; p = parent(p)) {
          wanted.add(p);
          if (p.isEmpty()) {
            break;
          }
        }
      }
    }
    Map<String, long[]> found = scan(json, bytes, wanted);
    List<ValidationIssue> out = new ArrayList<>(issues.size());
    for (ValidationIssue i : issues) {
      if (i.line() != 0) {
        out.add(lineOffset > 0 ? i.at(lineOffset, i.column()) : i);
        continue;
      }
      long[] at = null;
      for (String p = i.locus(); at == null; p = parent(p)) {
        at = found.get(p);
        if (p.isEmpty()) {
          break;
        }
      }
      if (at == null) {
        at = new long[] {1, 1};
      }
      out.add(lineOffset > 0 ? i.at(lineOffset, at[1]) : i.at(at[0], at[1]));
    }
    return out;
  }

  static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  private static Map<String, long[]> scan(VanJson json, byte[] bytes, Set<String> wanted) {
    Map<String, long[]> found = new HashMap<>();
    List<String> stack = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    String pendingName = null;
    try (JsonParser p = json.mapper().createParser(bytes)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        TokenStreamLocation loc = p.currentTokenLocation();
        String parentPath = stack.isEmpty() ? null : stack.get(stack.size() - 1);
        if (t == JsonToken.PROPERTY_NAME) {
          pendingName = parentPath + "/" + StructuralLayer.escape(p.currentName());
          record(found, wanted, pendingName, loc);
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          stack.remove(stack.size() - 1);
          index.remove(index.size() - 1);
          continue;
        }
        String path;
        if (parentPath == null) {
          path = "";
        } else if (pendingName != null) {
          path = pendingName;
        } else {
          int i = index.get(index.size() - 1);
          index.set(index.size() - 1, i + 1);
          path = parentPath + "/" + i;
        }
        pendingName = null;
        record(found, wanted, path, loc);
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          stack.add(path);
          index.add(t == JsonToken.START_ARRAY ? 0 : -1);
        }
      }
    } catch (JacksonException e) {
      // Only documents that parsed are located; keep what was found.
    }
    return found;
  }

  private static void record(
      Map<String, long[]> found, Set<String> wanted, String path, TokenStreamLocation loc) {
    if (wanted.contains(path) && !found.containsKey(path)) {
      found.put(path, new long[] {loc.getLineNr(), loc.getColumnNr()});
    }
  }
}
