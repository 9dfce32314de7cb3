package poolcheck.explore.liveness;

import java.util.Arrays;
import poolcheck.explore.store.Fingerprint;
import poolcheck.system.Stepper;
import poolcheck.system.SuccessorSink;
import poolcheck.system.TransitionSystem;

/**
 * One thread's share of a batch of the liveness graph's states: each state's goal and premise
 * bits and its successors, packed and fingerprinted, in the stepper's order, with the instance
 * that takes each and (quotient) whether it moves. Stepping, canonicalising, packing and
 * fingerprinting need nothing shared, so several of these run at once; numbering the successors
 * stays on one thread, in state order, so the graph is the same whatever the number of threads.
 *
 * <p>The hot loop of the build: primitive arrays reused from batch to batch, grown by doubling.
 * Unreduced successors are packed as the safety search packs them, from the parent's words by
 * rewriting the slots the step wrote ({@code StateLayout.packWrites}): packing every slot of
 * every successor was a quarter of a build's time. A successor equal to the state expanded is marked {@link #self} instead, and
 * not looked up in the numbering at all.
 */
final class Expansion {
  private final TransitionSystem model;
  private final Stepper stepper;
  /** The properties whose goal (and premise) bits the graph keeps. */
  private final boolean[] goals;
  private final boolean[] premises;
  private final boolean quotient;
  private final int words;
  /** Longs of {@link #bits} per state. */
  final int stride;
  private final int[] instanceOf;
  /** The step contract's write set of each transition, null where there is none (quotient). */
  private final int[][] written;
  private final int[] current;
  /** Which input state is being expanded: its packed words are at {@code at * words}. */
  private int at;
  private final SuccessorSink sink;

  /** The states to expand, packed, {@code count} of them. */
  long[] input = new long[0];
  int count;
  /**
   * Per state, {@link #stride} longs: in long k / 32, bit 2k its goal of property k and bit
   * 2k + 1 its premise (Java's shifts count mod 64, so {@code 1L << 2 * k} is that bit).
   */
  long[] bits = new long[0];
  /** Successors of state i are [ends[i - 1], ends[i]) (ends[-1] = 0). */
  int[] ends = new int[0];
  long[] successors = new long[0];
  /** Each successor's fingerprint ({@link Fingerprint#of}); not set where {@link #self}. */
  long[] prints = new long[0];
  /** The successor is the state expanded (a step that changed nothing, or its orbit's). */
  boolean[] self = new boolean[0];
  byte[] instances = new byte[0];
  boolean[] moves = new boolean[0];
  private int made;

  Expansion(TransitionSystem model, Stepper stepper, boolean[] goals, boolean[] premises,
      boolean quotient) {
    this.model = model;
    this.stepper = stepper;
    this.stride = (2 * goals.length + 63) >>> 6;
    this.goals = goals;
    this.premises = premises;
    this.quotient = quotient;
    var layout = model.layout();
    this.words = layout.words();
    this.current = new int[layout.slots()];
    this.instanceOf = new int[model.transitions().size()];
    this.written = new int[instanceOf.length][];
    for (int t = 0; t < instanceOf.length; t++) {
      instanceOf[t] = model.transitions().get(t).instanceIndex();
      if (!quotient) written[t] = model.writtenSlots(t);
    }
    this.sink = new SuccessorSink() {
      @Override
      public void successor(int[] next, int transition) {
        if (made == instances.length) grow();
        int offset = made * words;
        if (Expansion.this.quotient) {
          layout.pack(model.canonical(next), successors, offset);
          moves[made] = !Arrays.equals(next, current);
          // the state expanded is canonical: a successor in its orbit is itself
          self[made] = Arrays.equals(successors, offset, offset + words, input, at * words,
              (at + 1) * words);
        } else {
          self[made] = !layout.packWrites(next, current, written[transition], input, at * words,
              successors, offset);
        }
        if (!self[made]) prints[made] = Fingerprint.of(successors, offset, words);
        instances[made] = (byte) instanceOf[transition];
        made++;
      }

      /** Packed at once: the steps may lend the same arrays again. */
      @Override
      public boolean keepsSuccessors() {
        return false;
      }

      @Override
      public void violation(int property, int[] at, int transition) { }
    };
  }

  Stepper stepper() {
    return stepper;
  }

  /** Room for {@code n} input states, which the caller then copies into {@link #input}. */
  void reset(int n) {
    count = n;
    if (input.length < n * words) input = new long[Math.max(n * words, input.length * 2)];
    if (ends.length < n) {
      ends = new int[Math.max(n, ends.length * 2)];
      bits = new long[ends.length * stride];
    }
  }

  /** Expands the {@code count} input states. */
  void run() {
    var layout = model.layout();
    made = 0;
    for (int i = 0; i < count; i++) {
      at = i;
      layout.unpack(input, i * words, current);
      Arrays.fill(bits, i * stride, (i + 1) * stride, 0L);
      for (int k = 0; k < goals.length; k++) {
        int at = i * stride + (k >>> 5);
        if (goals[k] && stepper.livenessGoal(k, current)) bits[at] |= 1L << (2 * k);
        if (premises[k] && stepper.livenessPremise(k, current)) bits[at] |= 1L << (2 * k + 1);
      }
      stepper.successors(current, sink);
      ends[i] = made;
    }
  }

  private void grow() {
    int n = Math.max(64, instances.length * 2);
    successors = Arrays.copyOf(successors, n * words);
    prints = Arrays.copyOf(prints, n);
    self = Arrays.copyOf(self, n);
    instances = Arrays.copyOf(instances, n);
    if (quotient) moves = Arrays.copyOf(moves, n);
  }
}
