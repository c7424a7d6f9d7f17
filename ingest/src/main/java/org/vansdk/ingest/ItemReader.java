package org.vansdk.ingest;

import java.util.List;
import org.vansdk.core.casualty.AmputationLevel;
import org.vansdk.ingest.mapping.Field;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One item a row may add to a list of its record (an injury, an amputation): added when the row
 * gives any of its values; an amputation without a mapped limb takes its level's limb.
 */
final class ItemReader {
  private final String list;
  private final List<ValueReader> values;
  private final boolean limbFromLevel;
  private final JsonNodeFactory factory;

  ItemReader(String list, List<ValueReader> values, JsonNodeFactory factory) {
    this.factory = factory;
    this.list = list;
    this.values = values;
    boolean level = false;
    boolean limb = false;
    for (ValueReader v : values) {
      level |= v.field() == Field.AMPUTATION_LEVEL;
      limb |= v.field() == Field.AMPUTATION_LIMB;
    }
    this.limbFromLevel = level && !limb;
  }

  String list() {
    return list;
  }

  /** Returns whether the row gives any of the item's values. */
  boolean given(String[] cells) {
    for (ValueReader v : values) {
      if (v.given(cells)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the column label of the item's value for a property, empty if not mapped. */
  String columnLabel(String property) {
    for (ValueReader v : values) {
      if (v.field().property().equals(property)) {
        return v.columnLabel();
      }
    }
    return "";
  }

  /** Adds the item to the record's list when the row gives it; problems reject the row. */
  void add(ObjectNode record, String[] cells, List<Problem> problems) {
    if (!given(cells)) {
      return;
    }
    ObjectNode item = RowMapper.object(factory);
    for (ValueReader v : values) {
      Object value = v.read(cells, problems);
      if (value != null && value != ValueReader.ABSENT) {
        item.put(v.field().property(), value.toString());
      }
    }
    if (limbFromLevel && item.has(Field.AMPUTATION_LEVEL.property())) {
      AmputationLevel level =
          AmputationLevel.fromCode(item.get(Field.AMPUTATION_LEVEL.property()).asString());
      item.put(Field.AMPUTATION_LIMB.property(), level.limb().code());
    }
    JsonNode list = record.get(this.list);
    if (list == null) {
      list = factory.arrayNode();
      record.set(this.list, list);
    }
    ((ArrayNode) list).add(item);
  }
}
