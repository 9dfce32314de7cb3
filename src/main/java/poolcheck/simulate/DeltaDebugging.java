package poolcheck.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Zeller and Hildebrandt's ddmin: shrinks a failing input, given as a list, to a 1-minimal one
 * (removing any single element makes it pass) by trying chunks and their complements at
 * ever finer granularity. The test sees only candidates that are sublists in the original order.
 */
public final class DeltaDebugging {
  private DeltaDebugging() {}

  /** {@code fails} must hold for {@code input}; the result is a sublist for which it still holds. */
  public static <T> List<T> minimize(List<T> input, Predicate<List<T>> fails) {
    List<T> current = new ArrayList<>(input);
    int n = 2;
    // Complements are tried from where the last one succeeded, not from the start: at fine
    // granularity that keeps one sweep over a long input linear instead of quadratic.
    int resume = 0;
    while (current.size() >= 2) {
      List<List<T>> chunks = split(current, n);
      boolean reduced = false;
      for (List<T> chunk : chunks) {
        if (fails.test(chunk)) {
          current = new ArrayList<>(chunk);
          n = 2;
          reduced = true;
          break;
        }
      }
      // With two chunks each complement is the other chunk, already tried.
      if (!reduced && n > 2) {
        for (int k = 0; k < chunks.size(); k++) {
          int i = (resume + k) % chunks.size();
          List<T> complement = complement(chunks, i);
          if (fails.test(complement)) {
            current = complement;
            n = Math.max(n - 1, 2);
            resume = i;
            reduced = true;
            break;
          }
        }
      }
      if (!reduced) {
        if (n >= current.size()) break;
        n = Math.min(current.size(), 2 * n);
      }
    }
    if (current.size() == 1 && fails.test(List.of())) return new ArrayList<>();
    return current;
  }

  private static <T> List<List<T>> split(List<T> list, int n) {
    List<List<T>> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < n; i++) {
      int end = start + (list.size() - start) / (n - i);
      out.add(new ArrayList<>(list.subList(start, end)));
      start = end;
    }
    return out;
  }

  private static <T> List<T> complement(List<List<T>> chunks, int skip) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      if (i != skip) out.addAll(chunks.get(i));
    }
    return out;
  }
}
