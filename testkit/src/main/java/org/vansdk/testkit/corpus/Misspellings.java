package org.vansdk.testkit.corpus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Misspellings of the keys of a configuration document, made from the document itself, so a test
 * that feeds each one to a strict reader covers every key, including keys added later: a dropped
 * letter, two neighbouring letters swapped, the key in lower case, a doubled last letter. A strict
 * reader must refuse each with the JSON Pointer of the misspelt key. Stateless and thread-safe.
 *
 * @since 1.0
 */
public final class Misspellings {
  private Misspellings() {}

  /**
   * One misspelt key in a whole document.
   *
   * @param pointer the JSON Pointer of the misspelt key (its parent object's pointer, then the
   *     misspelt name)
   * @param correct the key as it should be spelt
   * @param document the whole document with that one key misspelt, as JSON text
   */
  public record Case(String pointer, String correct, String document) {
    @Override
    public String toString() {
      return pointer + " (for " + correct + ")";
    }
  }

  /**
   * Returns the misspellings of a word, without the word itself and without duplicates.
   *
   * @param word a key or code, e.g. {@code lDiversity}
   * @return the misspellings, e.g. {@code Diversity}, {@code ldiversity}, {@code Ldiversity} …
   */
  public static List<String> of(String word) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < word.length(); i++) {
      out.add(word.substring(0, i) + word.substring(i + 1));
    }
    for (int i = 0; i + 1 < word.length(); i++) {
      char[] c = word.toCharArray();
      char t = c[i];
      c[i] = c[i + 1];
      c[i + 1] = t;
      out.add(new String(c));
    }
    out.add(word.toLowerCase(Locale.ROOT));
    if (!word.isEmpty()) {
      out.add(word + word.charAt(word.length() - 1));
    }
    out.remove(word);
    out.remove("");
    return List.copyOf(out);
  }

  /**
   * Returns every misspelling of every key of a document, at every depth (objects inside arrays
   * included). A misspelling that equals a sibling key is left out (it would be a duplicate key,
   * another error).
   *
   * @param document a configuration document, e.g. a policy with every optional key present
   * @return one case per misspelling
   */
  public static List<Case> everyKey(JsonNode document) {
    List<Case> cases = new ArrayList<>();
    collect(document, document, "", cases);
    return cases;
  }

  private static void collect(JsonNode root, JsonNode node, String pointer, List<Case> cases) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> keys = new ArrayList<>(object.propertyNames());
      for (String key : keys) {
        for (String wrong : of(key)) {
          if (keys.contains(wrong)) {
            continue;
          }
          rename(object, key, wrong);
          cases.add(new Case(pointer + "/" + escape(wrong), key, root.toString()));
          rename(object, wrong, key);
        }
      }
      for (String key : keys) {
        collect(root, object.get(key), pointer + "/" + escape(key), cases);
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        collect(root, array.get(i), pointer + "/" + i, cases);
      }
    }
  }

  /** Renames a key in place, keeping the order of the keys. */
  private static void rename(ObjectNode object, String from, String to) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
    object.removeAll();
    for (Map.Entry<String, JsonNode> e : entries) {
      object.set(e.getKey().equals(from) ? to : e.getKey(), e.getValue());
    }
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
