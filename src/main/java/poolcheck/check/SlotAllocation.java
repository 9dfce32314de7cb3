package poolcheck.check;

import static poolcheck.language.ErrorCode.STATE_TOO_LARGE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import poolcheck.language.Decl;
import poolcheck.language.Position;
import poolcheck.system.StateLayout;

/**
 * The state's slots as the declarations claim them: globals in text order as they are declared,
 * then for each process its program counters and each instance's locals. Each slot is bounded by
 * its type; the state as a whole by {@link Limits#stateSlots()} and {@link Limits#stateBits()},
 * checked before a value's slots are listed (an array of 10^8 elements is refused, not listed).
 */
final class SlotAllocation {
  private final Reports reports;
  private final Limits limits;
  private final List<Integer> slotLo = new ArrayList<>();
  private final List<Integer> slotHi = new ArrayList<>();
  /** Bits of the packed state so far, bounded by {@link Limits#stateBits()}. */
  private long stateBits;
  /** A state over the bounds stops the check: later declarations would only cascade. */
  private boolean tooLarge;

  SlotAllocation(Reports reports, Limits limits) {
    this.reports = reports;
    this.limits = limits;
  }

  /** Whether some value did not fit the state bounds (and was reported). */
  boolean tooLarge() {
    return tooLarge;
  }

  /** Each slot's bounds, in slot order: globals, then each process's counters and locals. */
  StateLayout layout() {
    return new StateLayout(slotLo.stream().mapToInt(Integer::intValue).toArray(),
        slotHi.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Each declared process's program counters, then each instance's locals, in declaration
   * order. The first process that does not fit ends the allocation ({@link #tooLarge()}).
   */
  void processes(Collection<Symbols.Process> processes) {
    for (Symbols.Process proc : processes) {
      try {
        proc.pcBase = allocate(new Type.Range(0, proc.doneLabel()), proc.instances,
            "the program counters of process " + proc.name, proc.decl.pos());
        for (int i = 0; i < proc.instances; i++) {
          for (Map.Entry<String, Type> local : proc.localTypes.entrySet()) {
            Position at = proc.decl.locals().stream().filter(v -> v.name().equals(
                local.getKey())).findFirst().map(Decl.Var::pos).orElse(proc.decl.pos());
            proc.localSlots.get(i).put(local.getKey(), allocate(local.getValue(),
                "local " + local.getKey() + " of " + proc.instanceName(i), at));
          }
        }
      } catch (CheckError e) {
        return; // too large: the run stops after this pass
      }
    }
  }

  /** {@code count} slots of a scalar type, for the program counters. */
  private int allocate(Type.Scalar type, int count, String what, Position at) {
    int base = slotLo.size();
    for (int i = 0; i < count; i++) allocate(type, what, at);
    return base;
  }

  /**
   * Slots for a value of {@code type} (a global's, or a local's), checked against the state
   * bounds first; returns its first slot.
   */
  int allocate(Type type, String what, Position at) {
    long slots = type instanceof Type.Array a ? Limits.times(Limits.values(a.index()),
        a.second() == null ? 1 : Limits.values(a.second()))
        : type instanceof Type.Container c ? 1L + c.capacity() : 1;
    long bits = type instanceof Type.Array a ? Limits.times(slots, bits(a.element()))
        : type instanceof Type.Container c ? Limits.plus(bits(new Type.Range(0, c.capacity())),
            Limits.times(c.capacity(), bits(c.element())))
        : type instanceof Type.Scalar sc ? bits(sc) : 0;
    if (slotLo.size() + slots > limits.stateSlots()) {
      tooLarge = true;
      throw reports.error(STATE_TOO_LARGE, at, "state too large: " + what + " needs " + slots
          + " slots, " + (slotLo.size() + slots) + " in all, more than " + limits.stateSlots()
          + " per state; " + Limits.raise("max-state-slots"));
    }
    if (stateBits + bits > limits.stateBits()) {
      tooLarge = true;
      throw reports.error(STATE_TOO_LARGE, at, "state too large: " + what + " needs " + bits + " "
          + "bits, "
          + (stateBits + bits) + " in all, more than " + limits.stateBits() + " per state; "
          + Limits.raise("max-state-bits"));
    }
    stateBits += bits;
    int base = slotLo.size();
    if (type instanceof Type.Scalar s) {
      bound(s);
    } else if (type instanceof Type.Array a) {
      for (int i = 0; i < a.slots(); i++) bound(a.element());
    } else if (type instanceof Type.Container c) {
      bound(new Type.Range(0, c.capacity()));
      for (int i = 0; i < c.capacity(); i++) bound(c.element());
    } else if (type instanceof Type.Int) {
      throw new IllegalStateException("int is not a storage type");
    }
    return base;
  }

  private void bound(Type.Scalar s) {
    slotLo.add(s.lo());
    slotHi.add(s.hi());
  }

  /** Bits of one packed slot of this type, as StateLayout packs it. */
  private static long bits(Type.Scalar t) {
    long span = (long) t.hi() - t.lo();
    return span == 0 ? 0 : 64 - Long.numberOfLeadingZeros(span);
  }
}
