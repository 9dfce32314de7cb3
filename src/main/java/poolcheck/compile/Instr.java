package poolcheck.compile;

import poolcheck.check.Type;
import poolcheck.language.Position;

/**
 * A compiled statement, linked to the one that follows it: running a step is following the links
 * until a node emits the successor. Nondeterminism (either, choose) runs each branch on its own
 * copy of the state and bound variables, depth first, so no continuation objects are allocated.
 */
abstract class Instr {
  Instr next;

  abstract void run(Frame f, int[] s);

  /**
   * Runs the step that starts at {@code entry} from the state {@code s}, which stays as it is:
   * the step's guards are evaluated on {@code s}, and a copy is made only for what runs past
   * them (one per enabled branch of a leading either or choose). So a disabled step or branch
   * copies nothing. {@link StepClassWriter} writes the same as each transition's entry method.
   */
  static void runFrom(Instr entry, Frame f, int[] s) {
    Instr node = entry;
    while (node instanceof When w) {
      if (!w.holds(f, s)) return;
      node = w.next;
    }
    if (node instanceof Either e) {
      e.run(f, s, false);
    } else if (node instanceof Choose c) {
      c.run(f, s, false);
    } else {
      node.run(f, s.clone());
    }
  }

  /** Ends a step: set the program counter (or leave it, in init) and hand the state on. */
  static final class Emit extends Instr {
    final int pcSlot;
    final int label;

    Emit(int pcSlot, int label) {
      this.pcSlot = pcSlot;
      this.label = label;
    }

    void run(Frame f, int[] s) {
      if (pcSlot >= 0) s[pcSlot] = label;
      f.emit(s);
    }
  }

  static final class Store extends Instr {
    final int slot;
    final int lo;
    final int hi;
    final Code value;
    final int outOfRange;
    /** The variable as people name it and the statement's position, for the message. */
    String target;
    Position pos;

    Store(int slot, int lo, int hi, Code value, int outOfRange) {
      this.slot = slot;
      this.lo = lo;
      this.hi = hi;
      this.value = value;
      this.outOfRange = outOfRange;
    }

    void run(Frame f, int[] s) {
      int v = value.eval(f, s);
      if (v < lo || v > hi) throw outOfRange(v, s);
      s[slot] = v;
      next.run(f, s);
    }

    Violation outOfRange(int v, int[] s) {
      return new Violation(outOfRange, s.clone(), FailureText.range(target, v, lo, hi, pos));
    }
  }

  static final class StoreElement extends Instr {
    final int base;
    final int indexLo;
    final int size;
    final Code index;
    final int lo;
    final int hi;
    final Code value;
    final int indexOutOfRange;
    final int valueOutOfRange;
    String target;
    Type.Array type;
    Position pos;

    StoreElement(int base, int indexLo, int size, Code index, int lo, int hi, Code value,
        int indexOutOfRange, int valueOutOfRange) {
      this.base = base;
      this.indexLo = indexLo;
      this.size = size;
      this.index = index;
      this.lo = lo;
      this.hi = hi;
      this.value = value;
      this.indexOutOfRange = indexOutOfRange;
      this.valueOutOfRange = valueOutOfRange;
    }

    void run(Frame f, int[] s) {
      int k = index.eval(f, s);
      long i = (long) k - indexLo;
      if (i < 0 || i >= size) throw indexOutOfRange(k, s);
      int v = value.eval(f, s);
      if (v < lo || v > hi) throw valueOutOfRange(k, v, s);
      s[base + (int) i] = v;
      next.run(f, s);
    }

    Violation indexOutOfRange(int k, int[] s) {
      return new Violation(indexOutOfRange, s.clone(), FailureText.index(target, k, type, pos));
    }

    Violation valueOutOfRange(int k, int v, int[] s) {
      return new Violation(valueOutOfRange, s.clone(), FailureText.range(
          FailureText.element(target, k, type), v, lo, hi, pos));
    }
  }

  static final class Push extends Instr {
    final int lenSlot;
    final int capacity;
    final int lo;
    final int hi;
    final Code value;
    final int overflow;
    final int outOfRange;
    String target;
    /** The element type, to show the value pushed as the model writes it. */
    Type element;
    Position pos;

    Push(int lenSlot, int capacity, int lo, int hi, Code value, int overflow, int outOfRange) {
      this.lenSlot = lenSlot;
      this.capacity = capacity;
      this.lo = lo;
      this.hi = hi;
      this.value = value;
      this.overflow = overflow;
      this.outOfRange = outOfRange;
    }

    void run(Frame f, int[] s) {
      int v = value.eval(f, s);
      int len = s[lenSlot];
      if (len == capacity) throw full(v, s);
      if (v < lo || v > hi) throw outOfRange(v, s);
      s[lenSlot + 1 + len] = v;
      s[lenSlot] = len + 1;
      next.run(f, s);
    }

    Violation full(int v, int[] s) {
      return new Violation(overflow, s.clone(), FailureText.full(target, element, v, capacity,
          pos));
    }

    Violation outOfRange(int v, int[] s) {
      return new Violation(outOfRange, s.clone(), FailureText.range("an element of " + target,
          v, lo, hi, pos));
    }
  }

  /** Takes the head (fifo) or top (lifo) into the frame's register; vacated slots reset to lo. */
  static final class Pop extends Instr {
    final int lenSlot;
    final int capacity;
    final boolean fifo;
    final int emptyValue;
    final int underflow;
    String target;
    Position pos;

    Pop(int lenSlot, int capacity, boolean fifo, int emptyValue, int underflow) {
      this.lenSlot = lenSlot;
      this.capacity = capacity;
      this.fifo = fifo;
      this.emptyValue = emptyValue;
      this.underflow = underflow;
    }

    void run(Frame f, int[] s) {
      int len = s[lenSlot];
      if (len == 0) throw empty(s);
      int first = lenSlot + 1;
      if (fifo) {
        f.register = s[first];
        System.arraycopy(s, first + 1, s, first, len - 1);
      } else {
        f.register = s[first + len - 1];
      }
      s[first + len - 1] = emptyValue;
      s[lenSlot] = len - 1;
      next.run(f, s);
    }

    Violation empty(int[] s) {
      return new Violation(underflow, s.clone(), FailureText.empty(target, pos));
    }
  }

  static final class If extends Instr {
    final Code condition;
    final Instr then;
    final Instr otherwise;

    If(Code condition, Instr then, Instr otherwise) {
      this.condition = condition;
      this.then = then;
      this.otherwise = otherwise;
    }

    void run(Frame f, int[] s) {
      if (condition.eval(f, s) != 0) {
        then.run(f, s);
      } else {
        otherwise.run(f, s);
      }
    }
  }

  static final class When extends Instr {
    final Code condition;
    /** The {@link Site} of a when statement; -1 for a step's guard (its step's counts say it). */
    final int site;

    When(Code condition, int site) {
      this.condition = condition;
      this.site = site;
    }

    void run(Frame f, int[] s) {
      if (holds(f, s)) next.run(f, s);
    }

    /** Evaluates the condition and counts it at its site. */
    boolean holds(Frame f, int[] s) {
      boolean holds = condition.eval(f, s) != 0;
      if (site >= 0) {
        f.evaluated[site]++;
        if (holds) f.held[site]++;
      }
      return holds;
    }

    /**
     * Runs {@code branch} of an either or choose on a copy of {@code s}, which the caller still
     * needs. A branch that starts with a guard has it evaluated on {@code s} itself first (the
     * guard writes nothing, and throws with a copy of the state it read), so a disabled branch
     * costs no copy: most branches of a step are disabled in most states, and copying every
     * slot for each of them was much of a search's time and all of its garbage.
     */
    static void onCopy(Instr branch, Frame f, int[] s) {
      if (branch instanceof When w) {
        if (w.holds(f, s)) w.next.run(f, s.clone());
      } else {
        branch.run(f, s.clone());
      }
    }
  }

  static final class Assert extends Instr {
    final int property;
    final Code condition;
    /** The condition as written and what it reads, for the message when it fails. */
    FailureText.Reads reads;
    final int site;

    Assert(int property, Code condition, int site) {
      this.property = property;
      this.condition = condition;
      this.site = site;
    }

    void run(Frame f, int[] s) {
      if (f.checked[property]) {
        f.evaluated[site]++;
        if (condition.eval(f, s) == 0) throw failed(f, s);
        f.held[site]++;
      }
      next.run(f, s);
    }

    Violation failed(Frame f, int[] s) {
      return new Violation(property, s.clone(), reads == null ? null : reads.explain(f, s));
    }
  }

  static final class Either extends Instr {
    final Instr[] branches;

    Either(Instr[] branches) {
      this.branches = branches;
    }

    void run(Frame f, int[] s) {
      run(f, s, true);
    }

    /** {@code owned}: the last branch may run on {@code s} itself; else every one on a copy. */
    void run(Frame f, int[] s, boolean owned) {
      int[] env = f.env.clone();
      int register = f.register;
      for (int b = 0; b < branches.length; b++) {
        if (b > 0) {
          System.arraycopy(env, 0, f.env, 0, env.length);
          f.register = register;
        }
        if (owned && b == branches.length - 1) {
          branches[b].run(f, s);
        } else {
          When.onCopy(branches[b], f, s);
        }
      }
    }
  }

  static final class Choose extends Instr {
    final int index;
    final int lo;
    final int hi;
    final Instr body;

    Choose(int index, int lo, int hi, Instr body) {
      this.index = index;
      this.lo = lo;
      this.hi = hi;
      this.body = body;
    }

    void run(Frame f, int[] s) {
      run(f, s, true);
    }

    /** {@code owned}: the last value's body may run on {@code s} itself; else on a copy. */
    void run(Frame f, int[] s, boolean owned) {
      int[] env = f.env.clone();
      int register = f.register;
      // long: v++ past hi = 2^31 - 1 would wrap and never end
      for (long v = lo; v <= hi; v++) {
        System.arraycopy(env, 0, f.env, 0, env.length);
        f.register = register;
        f.env[index] = (int) v;
        if (owned && v == hi) {
          body.run(f, s);
        } else {
          When.onCopy(body, f, s);
        }
      }
    }
  }

  /** Starts a for loop; the body's last link is the matching {@link ForNext}. */
  static final class For extends Instr {
    final int index;
    final int lo;
    final int hi;
    Instr body;

    For(int index, int lo, int hi) {
      this.index = index;
      this.lo = lo;
      this.hi = hi;
    }

    void run(Frame f, int[] s) {
      f.env[index] = lo;
      body.run(f, s);
    }
  }

  static final class ForNext extends Instr {
    final For loop;

    ForNext(For loop) {
      this.loop = loop;
    }

    void run(Frame f, int[] s) {
      int v = f.env[loop.index];
      if (v < loop.hi) {
        f.env[loop.index] = v + 1;
        loop.body.run(f, s);
      } else {
        loop.next.run(f, s);
      }
    }
  }

  static final class Nop extends Instr {
    void run(Frame f, int[] s) {
      next.run(f, s);
    }
  }
}
