package poolcheck.compile;

import poolcheck.check.Type;
import poolcheck.language.Expr;

/**
 * A compiled expression. Booleans are 0 and 1. The tree is built once per model with every slot
 * and bound-variable index resolved, so evaluation is array reads and arithmetic only.
 */
abstract class Code {
  abstract int eval(Frame f, int[] s);

  static final class Const extends Code {
    final int value;

    Const(int value) {
      this.value = value;
    }

    int eval(Frame f, int[] s) {
      return value;
    }
  }

  static final class Slot extends Code {
    final int slot;

    Slot(int slot) {
      this.slot = slot;
    }

    int eval(Frame f, int[] s) {
      return s[slot];
    }
  }

  static final class Bound extends Code {
    final int index;

    Bound(int index) {
      this.index = index;
    }

    int eval(Frame f, int[] s) {
      return f.env[index];
    }
  }

  /** The value just taken by pop, on its way to the assignment's target. */
  static final class Register extends Code {
    int eval(Frame f, int[] s) {
      return f.register;
    }
  }

  static final class ArrayRead extends Code {
    final int base;
    final int indexLo;
    final int size;
    final Code index;
    final int outOfRange;
    /** The indexing expression and the array's type, for the failure message; may be null. */
    Expr source;
    Type.Array type;

    ArrayRead(int base, int indexLo, int size, Code index, int outOfRange) {
      this.base = base;
      this.indexLo = indexLo;
      this.size = size;
      this.index = index;
      this.outOfRange = outOfRange;
    }

    int eval(Frame f, int[] s) {
      int v = index.eval(f, s);
      long i = (long) v - indexLo;
      if (i < 0 || i >= size) throw outOfRange(v, s);
      return s[base + (int) i];
    }

    Violation outOfRange(int v, int[] s) {
      return new Violation(outOfRange, s.clone(), FailureText.index(source, v, type));
    }
  }

  /**
   * The row-major offset of element [i][j] of a two-dimensional array, each index checked
   * against its own dimension (i first, then j, each evaluated just before its check, as C
   * reads a[i][j]): the {@link ArrayRead} or store over the array's slots that takes it as its
   * index then never fails, and the message names the index that is out of range.
   */
  static final class Cell extends Code {
    final Code first;
    final int firstLo;
    final int rows;
    final Code second;
    final int secondLo;
    final int columns;
    final int outOfRange;
    /** The element as written ({@code owner[p][c]}) and the array's type, for the message. */
    Expr source;
    Type.Array type;

    Cell(Code first, Type.Array type, Code second, int outOfRange) {
      this.first = first;
      this.firstLo = type.index().lo();
      this.rows = type.index().size();
      this.second = second;
      this.secondLo = type.second().lo();
      this.columns = type.second().size();
      this.outOfRange = outOfRange;
      this.type = type;
    }

    int eval(Frame f, int[] s) {
      int v = first.eval(f, s);
      long i = (long) v - firstLo;
      if (i < 0 || i >= rows) throw firstOutOfRange(v, s);
      int w = second.eval(f, s);
      long j = (long) w - secondLo;
      if (j < 0 || j >= columns) throw secondOutOfRange(w, s);
      return (int) i * columns + (int) j;
    }

    Violation firstOutOfRange(int v, int[] s) {
      return new Violation(outOfRange, s.clone(), FailureText.index(source, 0, v, type));
    }

    Violation secondOutOfRange(int v, int[] s) {
      return new Violation(outOfRange, s.clone(), FailureText.index(source, 1, v, type));
    }
  }

  /** c[i]: the i-th element from a fifo's head or a lifo's bottom. */
  static final class ElementRead extends Code {
    final int lenSlot;
    final Code index;
    final int outOfRange;
    Expr source;

    ElementRead(int lenSlot, Code index, int outOfRange) {
      this.lenSlot = lenSlot;
      this.index = index;
      this.outOfRange = outOfRange;
    }

    int eval(Frame f, int[] s) {
      int i = index.eval(f, s);
      if (i < 0 || i >= s[lenSlot]) throw outOfRange(i, s);
      return s[lenSlot + 1 + i];
    }

    Violation outOfRange(int i, int[] s) {
      return new Violation(outOfRange, s.clone(), FailureText.position(source, i, s[lenSlot]));
    }
  }

  static final class Head extends Code {
    final int lenSlot;
    final boolean fifo;
    final int underflow;
    Expr source;

    Head(int lenSlot, boolean fifo, int underflow) {
      this.lenSlot = lenSlot;
      this.fifo = fifo;
      this.underflow = underflow;
    }

    int eval(Frame f, int[] s) {
      int len = s[lenSlot];
      if (len == 0) throw empty(s);
      return s[lenSlot + 1 + (fifo ? 0 : len - 1)];
    }

    Violation empty(int[] s) {
      return new Violation(underflow, s.clone(), FailureText.empty(source));
    }
  }

  static final class Contains extends Code {
    final int lenSlot;
    final Code value;

    Contains(int lenSlot, Code value) {
      this.lenSlot = lenSlot;
      this.value = value;
    }

    int eval(Frame f, int[] s) {
      int v = value.eval(f, s);
      int len = s[lenSlot];
      for (int i = 0; i < len; i++) {
        if (s[lenSlot + 1 + i] == v) return 1;
      }
      return 0;
    }
  }

  /**
   * reader[i].got with a computed instance: the local's slot in instance i's block; with a
   * stride of 1 also instance i's program counter, for at(proc[i], label).
   */
  static final class LocalRead extends Code {
    final int base;
    final int stride;
    final int instances;
    final Code instance;
    final int outOfRange;
    Expr source;

    LocalRead(int base, int stride, int instances, Code instance, int outOfRange) {
      this.base = base;
      this.stride = stride;
      this.instances = instances;
      this.instance = instance;
      this.outOfRange = outOfRange;
    }

    int eval(Frame f, int[] s) {
      int i = instance.eval(f, s);
      if (i < 0 || i >= instances) throw outOfRange(i, s);
      return s[base + i * stride];
    }

    Violation outOfRange(int i, int[] s) {
      return new Violation(outOfRange, s.clone(), FailureText.instance(source, i, instances));
    }
  }

  static final class Not extends Code {
    final Code a;

    Not(Code a) {
      this.a = a;
    }

    int eval(Frame f, int[] s) {
      return a.eval(f, s) ^ 1;
    }
  }

  /** -a, checked: -(-2^31) does not fit. */
  static final class Negate extends Code {
    final Code a;
    Expr source;

    Negate(Code a) {
      this.a = a;
    }

    int eval(Frame f, int[] s) {
      int x = a.eval(f, s);
      if (x == Integer.MIN_VALUE) throw overflow(x, s);
      return -x;
    }

    Violation overflow(int x, int[] s) {
      return new Violation(Compiler.ARITHMETIC_OVERFLOW, s.clone(),
          FailureText.overflow(source, "-(" + x + ")", -(long) x));
    }
  }

  static final class And extends Code {
    final Code a;
    final Code b;

    And(Code a, Code b) {
      this.a = a;
      this.b = b;
    }

    int eval(Frame f, int[] s) {
      return a.eval(f, s) != 0 ? b.eval(f, s) : 0;
    }
  }

  static final class Or extends Code {
    final Code a;
    final Code b;

    Or(Code a, Code b) {
      this.a = a;
      this.b = b;
    }

    int eval(Frame f, int[] s) {
      return a.eval(f, s) != 0 ? 1 : b.eval(f, s);
    }
  }

  static final class Implies extends Code {
    final Code a;
    final Code b;
    /** The {@link Site} counting how often the premise held; -1 in constant expressions. */
    final int site;

    Implies(Code a, Code b, int site) {
      this.a = a;
      this.b = b;
      this.site = site;
    }

    int eval(Frame f, int[] s) {
      int premise = a.eval(f, s);
      if (site >= 0) {
        f.evaluated[site]++;
        if (premise != 0) f.held[site]++;
      }
      return premise == 0 ? 1 : b.eval(f, s);
    }
  }

  /**
   * Arithmetic and comparison; one class with a switch keeps the tree small to build. Results
   * are exact or a violation: + - * are computed in 64 bits and must fit in 32 (the type of
   * every value), so nothing wraps silently.
   */
  static final class Arith extends Code {
    static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, MOD = 4, EQ = 5, NE = 6, LT = 7,
        LE = 8, GT = 9, GE = 10, MIN = 11, MAX = 12;
    private static final String[] SYMBOL = {"+", "-", "*", "/", "%"};
    final int op;
    final Code a;
    final Code b;
    final int divisionByZero;
    /** The expression compiled, for the failure message; null in nodes the compiler made up. */
    Expr source;

    Arith(int op, Code a, Code b, int divisionByZero) {
      this.op = op;
      this.a = a;
      this.b = b;
      this.divisionByZero = divisionByZero;
    }

    int eval(Frame f, int[] s) {
      int x = a.eval(f, s);
      int y = b.eval(f, s);
      switch (op) {
        case ADD: return fit((long) x + y, x, y, s);
        case SUB: return fit((long) x - y, x, y, s);
        case MUL: return fit((long) x * y, x, y, s);
        case DIV:
          if (y == 0) throw divisionByZero(x, s);
          return fit(Math.floorDiv((long) x, y), x, y, s);
        case MOD:
          if (y == 0) throw divisionByZero(x, s);
          return Math.floorMod(x, y);
        case EQ: return x == y ? 1 : 0;
        case NE: return x != y ? 1 : 0;
        case LT: return x < y ? 1 : 0;
        case LE: return x <= y ? 1 : 0;
        case GT: return x > y ? 1 : 0;
        case GE: return x >= y ? 1 : 0;
        case MIN: return Math.min(x, y);
        case MAX: return Math.max(x, y);
        default: throw new AssertionError(op);
      }
    }

    private int fit(long r, int x, int y, int[] s) {
      if (r != (int) r) throw overflow(r, x, y, s);
      return (int) r;
    }

    Violation overflow(long r, int x, int y, int[] s) {
      return new Violation(Compiler.ARITHMETIC_OVERFLOW, s.clone(),
          FailureText.overflow(source, poolcheck.check.Arithmetic.computation(op, x, y), r));
    }

    Violation divisionByZero(int x, int[] s) {
      return new Violation(divisionByZero, s.clone(), FailureText.divisionByZero(source,
          x + " " + SYMBOL[op] + " 0"));
    }
  }

  static final class Quantifier extends Code {
    static final int FORALL = 0, EXISTS = 1, COUNT = 2;
    final int kind;
    final int index;
    final int lo;
    final int hi;
    final Code body;

    Quantifier(int kind, int index, int lo, int hi, Code body) {
      this.kind = kind;
      this.index = index;
      this.lo = lo;
      this.hi = hi;
      this.body = body;
    }

    int eval(Frame f, int[] s) {
      int count = 0;
      // long: v++ past hi = 2^31 - 1 would wrap and never end
      for (long v = lo; v <= hi; v++) {
        f.env[index] = (int) v;
        int b = body.eval(f, s);
        if (kind == FORALL && b == 0) return 0;
        if (kind == EXISTS && b != 0) return 1;
        count += b;
      }
      return kind == FORALL ? 1 : kind == EXISTS ? 0 : count;
    }
  }
}
