package org.vansdk.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vansdk.ingest.mapping.MappingModel.ColumnRef;
import org.vansdk.ingest.transform.Text;

/** The header: column names (compared ignoring case) to positions. */
final class Columns {
  private final List<String> header;
  private final Map<String, Integer> byName = new HashMap<>();

  Columns(List<String> header) {
    this.header = header;
    for (int i = 0; i < header.size(); i++) {
      String name = Text.fold(header.get(i));
      if (!name.isEmpty()) {
        byName.put(name, byName.containsKey(name) ? -1 : i);
      }
    }
  }

  int[] indexes(List<ColumnRef> refs, String pointer) {
    int[] out = new int[refs.size()];
    for (int i = 0; i < out.length; i++) {
      ColumnRef ref = refs.get(i);
      if (ref.position() > 0) {
        if (ref.position() > header.size()) {
          throw new IngestException(
              IngestException.SOURCE_HEADER,
              "column #"
                  + ref.position()
                  + " ("
                  + pointer
                  + ") is beyond the header's "
                  + header.size()
                  + " columns");
        }
        out[i] = ref.position() - 1;
        continue;
      }
      Integer index = byName.get(Text.fold(ref.header()));
      if (index == null || index < 0) {
        throw new IngestException(
            IngestException.SOURCE_HEADER,
            "column '"
                + ref.header()
                + "' ("
                + pointer
                + ") is "
                + (index == null ? "not in" : "more than once in")
                + " the header row ("
                + header.size()
                + " columns; check the mapping's headerRow and column names)");
      }
      out[i] = index;
    }
    return out;
  }
}
