package poolcheck.check;

import poolcheck.language.Expr;

/**
 * A constant expression as the checker evaluates it: what a constant, a range bound, a size or
 * an instance count stands for, with the compiled code's semantics (exact 32-bit arithmetic,
 * floor division, a failing operation reported with its expression) but none of its machinery.
 * Bound names are quantifier variables, read from {@code env}.
 */
sealed interface ConstantTerm {
  /** An operation that fails: an overflow (detail says which) or a division by zero. */
  final class Failure extends RuntimeException {
    final boolean overflow;
    final String detail;

    Failure(boolean overflow, String detail) {
      super(null, null, false, false);
      this.overflow = overflow;
      this.detail = detail;
    }
  }

  int eval(int[] env);

  record Lit(int value) implements ConstantTerm {
    public int eval(int[] env) {
      return value;
    }
  }

  /**
   * Thrown by {@link State}: the expression reads the state. Only a constant-level assumption
   * evaluates a term that may read it, to learn whether it is one.
   */
  final class StateRead extends RuntimeException {
    static final StateRead INSTANCE = new StateRead();

    private StateRead() {
      super("a state read in a constant expression", null, false, false);
    }
  }

  /**
   * A value read from the state: not constant. The checker evaluates it only to tell an
   * assumption about constants from a state constraint ({@link StateRead}).
   */
  record State() implements ConstantTerm {
    public int eval(int[] env) {
      throw StateRead.INSTANCE;
    }
  }

  record BoundRead(int index) implements ConstantTerm {
    public int eval(int[] env) {
      return env[index];
    }
  }

  record Not(ConstantTerm a) implements ConstantTerm {
    public int eval(int[] env) {
      return a.eval(env) ^ 1;
    }
  }

  /** -a, checked: -(-2^31) does not fit. */
  record Negate(ConstantTerm a, Expr source) implements ConstantTerm {
    public int eval(int[] env) {
      int x = a.eval(env);
      if (x == Integer.MIN_VALUE) {
        throw new Failure(true, Arithmetic.overflow(source, "-(" + x + ")", -(long) x));
      }
      return -x;
    }
  }

  /** &&, || and => ({@code op} 0, 1, 2), each evaluating its right side only when needed. */
  record Logic(int op, ConstantTerm a, ConstantTerm b) implements ConstantTerm {
    public int eval(int[] env) {
      int x = a.eval(env);
      return switch (op) {
        case 0 -> x != 0 ? b.eval(env) : 0;
        case 1 -> x != 0 ? 1 : b.eval(env);
        default -> x == 0 ? 1 : b.eval(env);
      };
    }
  }

  /** Arithmetic and comparison with the operator codes of {@link Arithmetic}. */
  record Arith(int op, ConstantTerm a, ConstantTerm b, Expr source) implements ConstantTerm {
    public int eval(int[] env) {
      int x = a.eval(env);
      int y = b.eval(env);
      if ((op == Arithmetic.DIV || op == Arithmetic.MOD) && y == 0) {
        throw new Failure(false, null);
      }
      long r = Arithmetic.apply(op, x, y);
      if (r != (int) r) {
        throw new Failure(true, Arithmetic.overflow(source, Arithmetic.computation(op, x, y), r));
      }
      return (int) r;
    }
  }

  /** forall, exists or count ({@code kind} 0, 1, 2) of {@code body} over lo .. hi. */
  record Quantifier(int kind, int index, int lo, int hi, ConstantTerm body)
      implements ConstantTerm {
    public int eval(int[] env) {
      int count = 0;
      for (long v = lo; v <= hi; v++) {
        env[index] = (int) v;
        int b = body.eval(env);
        if (kind == 0 && b == 0) return 0;
        if (kind == 1 && b != 0) return 1;
        count += b;
      }
      return kind == 0 ? 1 : kind == 1 ? 0 : count;
    }
  }
}
