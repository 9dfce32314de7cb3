package poolcheck.language;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Syntax trees compared modulo positions: records become lists of their non-position parts. */
public final class Trees {
  private Trees() {}

  public static Object withoutPositions(Object node) {
    if (node instanceof Position) return "@";
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) out.add(withoutPositions(o));
      return out;
    }
    if (node instanceof Record r) {
      List<Object> out = new ArrayList<>();
      out.add(r.getClass().getName());
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        try {
          out.add(withoutPositions(c.getAccessor().invoke(r)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return out;
    }
    return node;
  }
}
