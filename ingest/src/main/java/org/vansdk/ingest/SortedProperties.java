package org.vansdk.ingest;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The properties of a JSON object as the import builds it: kept in alphabetical order of their
 * names (the order core's model writes them in), in one small array. A record has a dozen
 * properties or so: a binary search over an array is quicker than walking a red-black tree, and
 * iterating (writing, validating) goes through the array and allocates nothing. Not thread-safe.
 */
final class SortedProperties extends AbstractMap<String, JsonNode> {
  private Property[] properties = new Property[8];
  private int size;

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean containsKey(Object name) {
    return name instanceof String && find((String) name) >= 0;
  }

  @Override
  public JsonNode get(Object name) {
    if (!(name instanceof String)) {
      return null;
    }
    int at = find((String) name);
    return at >= 0 ? properties[at].value : null;
  }

  @Override
  public JsonNode put(String name, JsonNode value) {
    int at = find(name);
    if (at >= 0) {
      return properties[at].setValue(value);
    }
    int to = -at - 1;
    if (size == properties.length) {
      properties = Arrays.copyOf(properties, size * 2);
    }
    System.arraycopy(properties, to, properties, to + 1, size - to);
    properties[to] = new Property(name, value);
    size++;
    return null;
  }

  @Override
  public JsonNode remove(Object name) {
    if (!(name instanceof String)) {
      return null;
    }
    int at = find((String) name);
    if (at < 0) {
      return null;
    }
    JsonNode before = properties[at].value;
    removeAt(at);
    return before;
  }

  @Override
  public void clear() {
    Arrays.fill(properties, 0, size, null);
    size = 0;
  }

  private void removeAt(int at) {
    System.arraycopy(properties, at + 1, properties, at, size - at - 1);
    properties[--size] = null;
  }

  /** Returns the name's index, or {@code -(insertion point) - 1} when absent. */
  private int find(String name) {
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = properties[mid].name.compareTo(name);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<String, JsonNode>> iterator() {
        return new Iterator<>() {
          private int next;
          private boolean removable;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Map.Entry<String, JsonNode> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            removable = true;
            return properties[next++];
          }

          @Override
          public void remove() {
            if (!removable) {
              throw new IllegalStateException();
            }
            removable = false;
            removeAt(--next);
          }
        };
      }
    };
  }

  /** Names only: the values may be personal data. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SortedProperties[");
    for (int i = 0; i < size; i++) {
      sb.append(i == 0 ? "" : ", ").append(properties[i].name);
    }
    return sb.append(']').toString();
  }

  /** One property: its name and its value, which can be replaced in place. */
  private static final class Property implements Map.Entry<String, JsonNode> {
    private final String name;
    private JsonNode value;

    Property(String name, JsonNode value) {
      this.name = name;
      this.value = value;
    }

    @Override
    public String getKey() {
      return name;
    }

    @Override
    public JsonNode getValue() {
      return value;
    }

    @Override
    public JsonNode setValue(JsonNode value) {
      JsonNode before = this.value;
      this.value = value;
      return before;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Map.Entry)) {
        return false;
      }
      Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
      return name.equals(e.getKey()) && value.equals(e.getValue());
    }

    @Override
    public int hashCode() {
      return name.hashCode() ^ value.hashCode();
    }

    /** The name only: the value may be personal data. */
    @Override
    public String toString() {
      return name;
    }
  }
}
