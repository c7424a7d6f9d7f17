package org.vansdk.exchange.hsds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vansdk.core.submission.RecordType;
import org.vansdk.exchange.sheet.RecordTables;

/** The generated mapping lists every field of the directory records: none is forgotten. */
class HsdsMappingTest {
  @Test
  void everyDirectoryField_hasAMapping() {
    Map<String, RecordType> types =
        Map.of(
            "organisation", RecordType.ORGANISATION,
            "service", RecordType.SERVICE,
            "serviceLocation", RecordType.SERVICE_LOCATION);
    for (Map.Entry<String, RecordType> t : types.entrySet()) {
      List<String> mapped =
          HsdsProfile.FIELDS.stream()
              .filter(f -> f.get(0).equals(t.getKey()))
              .map(f -> f.get(1))
              .collect(Collectors.toList());
      assertEquals(
          new TreeSet<>(RecordTables.columns(t.getValue())), new TreeSet<>(mapped), t.getKey());
    }
  }
}
