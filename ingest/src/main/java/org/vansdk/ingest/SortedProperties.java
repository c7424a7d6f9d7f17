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
 * names (the order core's model writes them in), in two small arrays. A record has a dozen
 * properties or so; a binary search over them is quicker than a red-black tree's nodes, and the map
 * allocates one array pair instead of an entry a property. Not thread-safe.
 */
final class SortedProperties extends AbstractMap<String, JsonNode> {
  private String[] names = new String[8];
  private JsonNode[] values = new JsonNode[8];
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
    return at >= 0 ? values[at] : null;
  }

  @Override
  public JsonNode put(String name, JsonNode value) {
    int at = find(name);
    if (at >= 0) {
      JsonNode before = values[at];
      values[at] = value;
      return before;
    }
    int to = -at - 1;
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    System.arraycopy(names, to, names, to + 1, size - to);
    System.arraycopy(values, to, values, to + 1, size - to);
    names[to] = name;
    values[to] = value;
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
    JsonNode before = values[at];
    removeAt(at);
    return before;
  }

  @Override
  public void clear() {
    Arrays.fill(names, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
  }

  private void removeAt(int at) {
    System.arraycopy(names, at + 1, names, at, size - at - 1);
    System.arraycopy(values, at + 1, values, at, size - at - 1);
    size--;
    names[size] = null;
    values[size] = null;
  }

  /** Returns the name's index, or {@code -(insertion point) - 1} when absent. */
  private int find(String name) {
    return Arrays.binarySearch(names, 0, size, name);
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
            int at = next++;
            removable = true;
            return new Entry(at);
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
    return "SortedProperties" + Arrays.toString(Arrays.copyOf(names, size));
  }

  /** A property seen through the map; setting its value puts it in the map. */
  private final class Entry implements Map.Entry<String, JsonNode> {
    private final String name;
    private JsonNode value;

    Entry(int at) {
      this.name = names[at];
      this.value = values[at];
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
      this.value = value;
      return put(name, value);
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
