package poolcheck.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeltaDebuggingTest {
  private static List<Integer> upTo(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  @Test
  void keepsOnlyTheTwoElementsThatTogetherFail() {
    List<Integer> out = DeltaDebugging.minimize(upTo(100), l -> l.contains(17) && l.contains(71));
    assertEquals(List.of(17, 71), out);
  }

  @Test
  void keepsOrderOfASubsequenceThatMustAppearInOrder() {
    // Fails when 3, 5, 9 occur in this order: the minimum is exactly that subsequence.
    List<Integer> input = new ArrayList<>(upTo(40));
    input.addAll(upTo(40));
    List<Integer> out = DeltaDebugging.minimize(input, l -> {
      int want = 0;
      int[] seq = {3, 5, 9};
      for (int x : l) {
        if (want < 3 && x == seq[want]) want++;
      }
      return want == 3;
    });
    assertEquals(List.of(3, 5, 9), out);
  }

  @Test
  void returnsAnEmptyListWhenEvenThatFails() {
    assertEquals(List.of(), DeltaDebugging.minimize(upTo(10), l -> true));
  }

  @Test
  void resultIsOneMinimalForRandomMonotoneTests() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int round = 0; round < 200; round++) {
      int n = 1 + rng.nextInt(60);
      // Fails when the list holds at least k of a random set of needed elements.
      List<Integer> needed = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (rng.nextInt(4) == 0) needed.add(i);
      }
      int k = needed.isEmpty() ? 0 : 1 + rng.nextInt(needed.size());
      java.util.function.Predicate<List<Integer>> fails =
          l -> l.stream().filter(needed::contains).count() >= k;
      List<Integer> out = DeltaDebugging.minimize(upTo(n), fails);
      assertEquals(k, out.size(), "needed " + needed + " k " + k + " got " + out);
      for (int i = 0; i < out.size(); i++) {
        List<Integer> fewer = new ArrayList<>(out);
        fewer.remove(i);
        assertEquals(false, fails.test(fewer), "not 1-minimal: " + out);
      }
    }
  }
}
