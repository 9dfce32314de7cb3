package poolcheck.selfcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes small random well-typed models from a seed: constants, an alias, enums, bool / range /
 * enum globals, an array, a fifo or lifo, processes with instances, locals, guards, if / when /
 * either / choose / for, asserts, gotos, invariants and sometimes an init block or a final
 * predicate. Domains are tiny so that exhaustive search stays fast; out-of-range writes, overflows
 * and failing asserts are left possible on purpose, since violations are what the checks compare.
 *
 * <p>About a third of the models also declare a scalarset {@code Id} and use it only as the
 * symmetry rules allow (variables, arrays indexed by it or holding it, containers of it, {@code
 * ==}/{@code !=}, choose and quantifiers over it), so symmetry reduction has something to reduce.
 * Whether a model gets one is drawn from its own stream and the extra draws happen only in those
 * models, so the other models are exactly what they were before scalarsets existed.
 *
 * <p>About a quarter of the models work near the limits of the 32-bit integers every value has:
 * a constant {@code BIG = 2^31 - 1}, a variable {@code w} whose few values lie next to
 * 2^31, -2^31 or the square roots of 2^31 and 2^32, and multiplication, so sums and products
 * overflow in some states and not in others. Their draws come from a third stream, again only in
 * those models.
 */
final class ModelGenerator {
  sealed interface Ty {}

  record BoolTy() implements Ty {}

  /** {@code text} is how the type is written (a range, an alias or a constant bound). */
  record RangeTy(int lo, int hi, String text) implements Ty {}

  record EnumTy(String name, List<String> values) implements Ty {}

  /** A scalarset: values with no order, written only where the symmetry rules allow. */
  record IdTy(String name, int size) implements Ty {}

  record Scalar(String name, Ty type) {}

  record Array(String name, Ty element, Ty index) {}

  record Container(String name, boolean fifo, Ty element, int capacity) {}

  record Proc(String name, int instances, List<String> labels) {}

  /** Mixed into the seed for the draws that decide the scalarset, apart from the model's. */
  private static final long SYMMETRIC_STREAM = 0x5ca1a25e7L;
  /** Mixed into the seed for the draws of values near the integer limits. */
  private static final long LIMITS_STREAM = 0x2b1751f3L;
  /** {@code w}'s range in the models near the limits: lo, hi, next to an overflow. */
  private static final long[][] LIMIT_RANGES = {
      {Integer.MAX_VALUE - 2, Integer.MAX_VALUE}, {Integer.MIN_VALUE, Integer.MIN_VALUE + 2},
      {46340, 46341}, {65535, 65536}, {-46341, -46340}, {-65536, -65535}};
  /** Mixed into the seed for the lock draws, so a model without a lock is what it was before. */
  private static final long LOCK_STREAM = 0x10c4ed5L;

  /**
   * Draws for a model with a lock {@code m}, or null. Its steps take and release {@code m}
   * anywhere, misuse included (the violations lock_reacquired, lock_not_held and
   * lock_held_at_exit are findings to compare like any other), and are marked
   * {@code atomic "generated"}: random bodies make several accesses, and what the cross-checks
   * compare here is how locks behave once lowered, not the granularity rule (the corpus has that).
   */
  private final SplittableRandom locking;

  /** Mixed into the seed for invariants over other processes' locals, a stream of its own. */
  private static final long OTHER_LOCALS_STREAM = 0x10ca15L;
  private final SplittableRandom otherLocals;
  /** Each process's scalar local, if it has one, for invariants that read it (p0[1].p0_l). */
  private final List<java.util.Map.Entry<Proc, Scalar>> processLocals = new ArrayList<>();

  /**
   * Mixed into the seed for the record draws: about a third of the models declare a record
   * type, a record variable and an array of records, whose fields the statements and
   * expressions then use like any scalar or array ({@code rec.rf0}, {@code recs[i].rf1}).
   */
  private static final long RECORD_STREAM = 0x4ec04d5L;
  private final SplittableRandom records;

  /**
   * Mixed into the seed for the two-dimensional array draws: about a third of the models
   * declare {@code tab : E[I][J]}, its dimensions drawn from a range, the enum and the
   * scalarset (both dimensions the scalarset sometimes). Its rows and columns join the arrays
   * as {@code tab[][j]} and {@code tab[i][]}, so every statement and expression form that
   * reaches an array element reaches the table's elements with no code of its own.
   */
  private static final long TABLE_STREAM = 0x7ab1e2dL;
  private final SplittableRandom tables;

  private final SplittableRandom rng;
  private final StringBuilder out = new StringBuilder();
  private final List<Scalar> globals = new ArrayList<>();
  private final List<Array> arrays = new ArrayList<>();
  private final List<Container> containers = new ArrayList<>();
  private final List<EnumTy> enums = new ArrayList<>();
  private final List<Proc> procs = new ArrayList<>();
  private int fresh;
  private int asserts;
  private RangeTy small;

  /** The model's scalarset, or null: every use of it below is guarded by {@code id != null}. */
  private IdTy id;
  /** Arrays indexed by the scalarset, or holding its values; {@code arr} stays as it was. */
  private final List<Array> idArrays = new ArrayList<>();

  // The scope of the statement or expression being written.
  private final List<Scalar> locals = new ArrayList<>();
  private final List<Scalar> bound = new ArrayList<>();
  private Proc current;

  /** Larger constants, more instances and variables: state spaces past the store's first growth. */
  private final boolean large;
  /** The draws of a model near the integer limits, or null for the others. */
  private final SplittableRandom limits;
  /** The type of {@code w} in a model near the limits. */
  private RangeTy wide;

  private ModelGenerator(long seed, boolean large) {
    this.rng = new SplittableRandom(seed);
    this.large = large;
    SplittableRandom symmetric = new SplittableRandom(seed ^ SYMMETRIC_STREAM);
    if (symmetric.nextInt(3) == 0) this.id = new IdTy("Id", 2 + symmetric.nextInt(2));
    SplittableRandom nearLimits = new SplittableRandom(seed ^ LIMITS_STREAM);
    this.limits = nearLimits.nextInt(4) == 0 ? nearLimits : null;
    SplittableRandom lock = new SplittableRandom(seed ^ LOCK_STREAM);
    this.locking = lock.nextInt(3) == 0 ? lock : null;
    this.otherLocals = new SplittableRandom(seed ^ OTHER_LOCALS_STREAM);
    SplittableRandom record = new SplittableRandom(seed ^ RECORD_STREAM);
    this.records = record.nextInt(3) == 0 ? record : null;
    SplittableRandom table = new SplittableRandom(seed ^ TABLE_STREAM);
    this.tables = table.nextInt(3) == 0 ? table : null;
  }

  /** Whether the model from this seed declares a two-dimensional array. */
  static boolean tabling(long seed) {
    return new ModelGenerator(seed, false).tables != null;
  }

  /** Whether the model from this seed declares records. */
  static boolean recording(long seed) {
    return new ModelGenerator(seed, false).records != null;
  }

  /**
   * Element {@code index} of an array as written: {@code own[i]}, {@code recs[i].rf0} for the
   * field {@code recs[].rf0} of an array of records, {@code tab[i][1]} for the column
   * {@code tab[][1]} of a two-dimensional array and {@code tab[1][i]} for its row
   * {@code tab[1][]}.
   */
  private static String at(Array a, String index) {
    int hole = a.name().indexOf("[]");
    if (hole < 0) return a.name() + "[" + index + "]";
    return a.name().substring(0, hole) + "[" + index + "]" + a.name().substring(hole + 2);
  }

  /**
   * {@code var tab : E[I][J]}: each row and each column an array of the generator's, named with
   * the fixed index in place ({@code tab[0][]}, {@code tab[][s0]}); a fixed index of the
   * scalarset is an Id global, since its values have no literals.
   */
  private void tableDeclarations() {
    List<Ty> dims = new ArrayList<>();
    for (int d = 0; d < 2; d++) {
      int k = tables.nextInt(id != null ? 3 : enums.isEmpty() ? 1 : 2);
      int hi = 1 + tables.nextInt(2);
      dims.add(k == 0 ? new RangeTy(0, hi, "0 .. " + hi)
          : k == 1 && !enums.isEmpty() ? enums.get(0) : id != null ? id
          : new RangeTy(0, 1, "0 .. 1"));
    }
    Ty element = switch (tables.nextInt(id != null ? 3 : 2)) {
      case 0 -> new BoolTy();
      case 1 -> new RangeTy(0, 2, "0 .. 2");
      default -> id;
    };
    line(0, "var tab : " + arrayElementText(element) + "[" + typeText(dims.get(0)) + "]["
        + typeText(dims.get(1)) + "]" + (element instanceof IdTy || tables.nextBoolean() ? ""
            : " = " + literal(element)) + ";");
    for (int d = 0; d < 2; d++) {
      Ty fixed = dims.get(1 - d);
      for (String v : fixedIndices(fixed)) {
        String name = d == 0 ? "tab[][" + v + "]" : "tab[" + v + "][]";
        Array a = new Array(name, element, dims.get(d));
        // idArrays are those indexed by Id or holding it; a fixed index s0 is just a read
        if (dims.get(d) instanceof IdTy || element instanceof IdTy) {
          idArrays.add(a);
        } else {
          arrays.add(a);
        }
      }
    }
  }

  /** The indices a row or column is fixed at: every value of a range or enum, or s0. */
  private List<String> fixedIndices(Ty t) {
    List<String> out = new ArrayList<>();
    if (t instanceof RangeTy r) {
      for (int v = r.lo(); v <= r.hi(); v++) out.add(Integer.toString(v));
    } else if (t instanceof EnumTy e) {
      out.addAll(e.values());
    } else if (t instanceof IdTy) {
      out.add("s0");
    }
    return out;
  }

  /**
   * {@code type Rec = record {...}}, a record {@code rec} and an array {@code recs} of them
   * (indexed by the scalarset when there is one, half the time). Each field joins the globals or
   * the arrays under the name a statement writes it by, so every statement and expression form
   * reaches fields with no code of its own; a field of type Id follows the symmetry rules as an
   * Id global or an array of Id does.
   */
  private void recordDeclarations() {
    List<Ty> fields = new ArrayList<>();
    List<String> text = new ArrayList<>();
    int n = 1 + records.nextInt(3);
    for (int k = 0; k < n; k++) {
      Ty t = switch (records.nextInt(id != null ? 4 : enums.isEmpty() ? 2 : 3)) {
        case 0 -> new BoolTy();
        case 1 -> new RangeTy(0, 2, "0 .. 2");
        case 2 -> enums.isEmpty() ? new BoolTy() : enums.get(0);
        default -> id;
      };
      fields.add(t);
      text.add("rf" + k + " : " + typeText(t));
    }
    line(0, "type Rec = record { " + String.join(", ", text) + " };");
    String init = fields.get(0) instanceof IdTy || records.nextBoolean() ? ""
        : " = {rf0: " + literal(fields.get(0)) + "}";
    line(0, "var rec : Rec" + init + ";");
    for (int k = 0; k < n; k++) globals.add(new Scalar("rec.rf" + k, fields.get(k)));
    Ty index = id != null && records.nextBoolean() ? id : new RangeTy(0, 1, "0 .. 1");
    line(0, "var recs : Rec[" + typeText(index) + "]" + init + ";");
    for (int k = 0; k < n; k++) {
      Array a = new Array("recs[].rf" + k, fields.get(k), index);
      if (index instanceof IdTy || fields.get(k) instanceof IdTy) {
        idArrays.add(a);
      } else {
        arrays.add(a);
      }
    }
  }

  /** Whether the model from this seed declares a lock. */
  static boolean locking(long seed) {
    return new ModelGenerator(seed, false).locking != null;
  }

  /** Whether the model from this seed computes near the integer limits. */
  static boolean nearLimits(long seed) {
    return new ModelGenerator(seed, false).limits != null;
  }

  /** -2^31 cannot be written as a literal (2^31 is too large): it is written as a sum. */
  private static String intLiteral(long v) {
    return v == Integer.MIN_VALUE ? "-2147483647 - 1" : Long.toString(v);
  }

  private void limitDeclarations() {
    long[] r = LIMIT_RANGES[limits.nextInt(LIMIT_RANGES.length)];
    line(0, "const BIG = " + Integer.MAX_VALUE + ";");
    line(0, "const WLO = " + intLiteral(r[0]) + ";");
    line(0, "const WHI = " + intLiteral(r[1]) + ";");
    wide = new RangeTy((int) r[0], (int) r[1], "WLO .. WHI");
    globals.add(new Scalar("w", wide));
    line(0, "var w : WLO .. WHI = " + (limits.nextBoolean() ? "WLO" : "WHI") + ";");
  }

  /** Whether the model from this seed declares a scalarset. */
  static boolean symmetric(long seed) {
    return new ModelGenerator(seed, false).id != null;
  }

  static String generate(long seed) {
    return new ModelGenerator(seed, false).model(seed);
  }

  static String generateLarge(long seed) {
    return new ModelGenerator(seed, true).model(seed);
  }

  private String model(long seed) {
    line(0, "// generated by ModelGenerator from seed " + seed);
    line(0, "model random_" + (large ? "large_" : "") + Long.toUnsignedString(seed) + ";");
    int n = large ? 2 + rng.nextInt(2) : 1 + rng.nextInt(2);
    line(0, "const N = " + n + ";");
    small = new RangeTy(0, n, "0 .. N");
    if (limits != null) limitDeclarations();
    if (rng.nextBoolean()) {
      line(0, "type Small = 0 .. N;");
      small = new RangeTy(0, n, "Small");
    }
    if (id != null) idType();
    if (rng.nextInt(3) > 0) {
      EnumTy e = new EnumTy("Color", List.of("RED", "GREEN", "BLUE").subList(0, 2 + rng.nextInt(2)));
      enums.add(e);
      line(0, "enum Color { " + String.join(", ", e.values()) + " }");
    }
    int scalars = large ? 3 + rng.nextInt(3) : 2 + rng.nextInt(3);
    for (int i = 0; i < scalars; i++) {
      Ty t = scalarType(small);
      Scalar g = new Scalar("g" + i, t);
      globals.add(g);
      line(0, "var " + g.name() + " : " + typeText(t) + (rng.nextBoolean() ? ""
          : " = " + literal(t)) + ";");
    }
    if (rng.nextInt(3) == 0) {
      Ty index = !enums.isEmpty() && rng.nextBoolean() ? enums.get(0) : new RangeTy(0, 1, "0 .. 1");
      Ty element = rng.nextBoolean() ? new BoolTy() : new RangeTy(0, 2, "0 .. 2");
      Array a = new Array("arr", element, index);
      arrays.add(a);
      line(0, "var arr : " + (element instanceof RangeTy ? "(0 .. 2)" : "bool") + "["
          + typeText(index) + "]" + (rng.nextBoolean() ? "" : " = " + literal(element)) + ";");
    }
    if (rng.nextInt(3) == 0) {
      boolean fifo = rng.nextBoolean();
      Ty element = rng.nextBoolean() ? new BoolTy() : new RangeTy(0, 1, "0 .. 1");
      Container c = new Container("box", fifo, element, 1 + rng.nextInt(2));
      if (id != null && rng.nextBoolean()) c = new Container("box", fifo, id, c.capacity());
      containers.add(c);
      line(0, "var box : " + (fifo ? "fifo<" : "lifo<") + typeText(c.element()) + ", "
          + c.capacity() + ">;");
    }
    if (id != null) idVariables();
    if (records != null) recordDeclarations();
    if (tables != null) tableDeclarations();
    if (locking != null) line(0, "lock m;");
    int processes = 1 + rng.nextInt(3);
    for (int p = 0; p < processes; p++) {
      int instances = large ? 2 + rng.nextInt(2) : rng.nextBoolean() ? 2 : 1;
      int steps = 1 + rng.nextInt(4);
      List<String> labels = new ArrayList<>();
      for (int s = 0; s < steps; s++) labels.add("p" + p + "s" + s);
      procs.add(new Proc("p" + p, instances, labels));
    }
    boolean randomInit = rng.nextInt(4) == 0;
    boolean symmetricInit = id != null && rng.nextInt(3) > 0;
    if (randomInit || symmetricInit) {
      line(0, "init {");
      locals.clear();
      current = null;
      if (symmetricInit) symmetricStart();
      if (randomInit) {
        // The 'or skip' keeps an initial state when the random statements block (a model
        // with none is rejected, PC144).
        line(1, "either {");
        for (int i = 0; i < 1 + rng.nextInt(2); i++) statement(2, 1, false);
        line(1, "} or { skip; }");
      }
      line(0, "}");
    }
    for (Proc p : procs) process(p);
    current = null;
    locals.clear();
    int invariants = rng.nextInt(3);
    for (int i = 0; i < invariants; i++) line(0, "invariant inv" + i + ": " + likely() + ";");
    if (rng.nextInt(6) == 0) line(0, "final " + boolExpr(1) + ";");
    if (!processLocals.isEmpty() && otherLocals.nextInt(3) == 0) otherLocalsInvariant();
    if (otherLocals.nextInt(4) == 0) assumption();
    return out.toString();
  }

  /** {@code assume g != v;}: a state constraint over a global, through a def half the time. */
  private void assumption() {
    List<Scalar> scalars = new ArrayList<>();
    for (Scalar g : globals) {
      if (g.type() instanceof RangeTy && g.type() != wide) scalars.add(g);
    }
    if (scalars.isEmpty()) return;
    Scalar g = scalars.get(otherLocals.nextInt(scalars.size()));
    RangeTy r = (RangeTy) g.type();
    int v = r.lo() + otherLocals.nextInt(r.hi() - r.lo() + 1);
    if (otherLocals.nextBoolean()) {
      line(0, "def outside(x) = x == " + v + ";");
      line(0, "assume !outside(" + g.name() + ");");
    } else {
      line(0, "assume " + g.name() + " != " + v + ";");
    }
  }

  /** An invariant reading a local of a process instance: a fixed one, or every one. */
  private void otherLocalsInvariant() {
    var e = processLocals.get(otherLocals.nextInt(processLocals.size()));
    Proc p = e.getKey();
    Scalar l = e.getValue();
    String value;
    if (l.type() instanceof BoolTy) {
      value = otherLocals.nextBoolean() ? "true" : "false";
    } else if (l.type() instanceof RangeTy r) {
      value = Integer.toString(r.lo() + otherLocals.nextInt(r.hi() - r.lo() + 1));
    } else if (l.type() instanceof EnumTy en) {
      value = en.values().get(otherLocals.nextInt(en.values().size()));
    } else {
      return;
    }
    String op = otherLocals.nextBoolean() ? " != " : " == ";
    if (p.instances() == 1) {
      line(0, "invariant other_local: " + p.name() + "." + l.name() + op + value + ";");
    } else if (otherLocals.nextBoolean()) {
      line(0, "invariant other_local: " + p.name() + "[" + otherLocals.nextInt(p.instances())
          + "]." + l.name() + op + value + ";");
    } else {
      line(0, "invariant other_local: forall lq in 0 .. " + (p.instances() - 1) + ": "
          + p.name() + "[lq]." + l.name() + op + value + ";");
    }
  }

  private void process(Proc p) {
    current = p;
    locals.clear();
    line(0, "process " + p.name() + (p.instances() > 1 ? "[" + p.instances() + "]" : "") + " {");
    if (rng.nextBoolean()) {
      Scalar l = new Scalar(p.name() + "_l", scalarType(new RangeTy(0, 2, "0 .. 2")));
      line(1, "var " + l.name() + " : " + typeText(l.type()) + ";");
      locals.add(l);
      processLocals.add(java.util.Map.entry(p, l));
    }
    if (id != null && rng.nextBoolean()) {
      Scalar l = new Scalar(p.name() + "_id", id);
      line(1, "var " + l.name() + " : Id;");
      locals.add(l);
    }
    for (int s = 0; s < p.labels().size(); s++) {
      String head = p.labels().get(s);
      if (rng.nextInt(3) == 0) head += " @fn_" + head;
      head += ":";
      if (locking != null) head += " atomic \"generated\"";
      if (rng.nextInt(5) == 0) head += " when (" + likely() + ")";
      line(1, head + " {");
      int lockDraw = locking == null ? 0 : locking.nextInt(6);
      if (lockDraw == 1 || lockDraw == 3) line(2, "lock(m);");
      int statements = 1 + rng.nextInt(3);
      for (int i = 0; i < statements; i++) statement(2, 2, true);
      if (lockDraw == 2 || lockDraw == 3) line(2, "unlock(m);");
      int jump = rng.nextInt(10);
      // Loops back make the reachable state spaces larger than a few straight-line runs.
      boolean last = s == p.labels().size() - 1;
      if (jump < (last ? 8 : 4)) {
        line(2, "goto " + p.labels().get(rng.nextInt(p.labels().size())) + ";");
      } else if (jump == 4) {
        line(2, "goto done;");
      }
      line(1, "}");
    }
    line(0, "}");
  }

  private void statement(int depth, int nesting, boolean inProcess) {
    if (id != null && rng.nextInt(3) == 0) {
      idStatement(depth, nesting, inProcess);
      return;
    }
    int kind = rng.nextInt(nesting > 0 ? 12 : 6);
    switch (kind) {
      case 0, 1, 2 -> assignment(depth);
      case 3 -> {
        if (!containers.isEmpty()) {
          containerStatement(depth);
        } else {
          assignment(depth);
        }
      }
      case 4 -> {
        if (inProcess) {
          String name = "a" + asserts++;
          line(depth, "assert " + (rng.nextInt(4) == 0 ? "" : name + ": ") + likely() + ";");
        } else {
          line(depth, "skip;");
        }
      }
      case 5 -> {
        if (!arrays.isEmpty()) {
          Array a = arrays.get(0);
          line(depth, at(a, valueOf(a.index(), 1)) + " = " + assignable(a.element()) + ";");
        } else {
          line(depth, "skip;");
        }
      }
      case 6, 7 -> {
        line(depth, "if (" + boolExpr(2) + ") {");
        statement(depth + 1, nesting - 1, inProcess);
        if (rng.nextBoolean()) {
          line(depth, "} else {");
          statement(depth + 1, nesting - 1, inProcess);
        }
        line(depth, "}");
      }
      case 8 -> line(depth, "when (" + likely() + ");");
      case 9 -> {
        line(depth, "either {");
        statement(depth + 1, nesting - 1, inProcess);
        for (int b = 0; b < 1 + rng.nextInt(2); b++) {
          line(depth, "} or {");
          statement(depth + 1, nesting - 1, inProcess);
        }
        line(depth, "}");
      }
      default -> {
        String v = "b" + fresh++;
        int domain = rng.nextInt(4);
        Ty t = domain == 0 && !enums.isEmpty() ? enums.get(0)
            : domain == 1 ? small : new RangeTy(0, 1 + rng.nextInt(2), null);
        String text = t instanceof RangeTy r && r.text() == null ? "0 .. " + r.hi() : typeText(t);
        boolean choose = kind == 10 || rng.nextBoolean();
        line(depth, (choose ? "choose " : "for ") + v + " in " + text + " {");
        bound.add(new Scalar(v, t));
        statement(depth + 1, nesting - 1, inProcess);
        bound.remove(bound.size() - 1);
        line(depth, "}");
      }
    }
  }

  private void assignment(int depth) {
    List<Scalar> targets = new ArrayList<>(globals);
    targets.addAll(locals);
    Scalar s = targets.get(rng.nextInt(targets.size()));
    line(depth, s.name() + " = " + assignable(s.type()) + ";");
  }

  private void containerStatement(int depth) {
    Container c = containers.get(0);
    int k = rng.nextInt(4);
    if (k == 0) {
      line(depth, "push(" + c.name() + ", " + valueOf(c.element(), 1) + ");");
    } else if (k == 1) {
      line(depth, "if (!full(" + c.name() + ")) {");
      line(depth + 1, "push(" + c.name() + ", " + valueOf(c.element(), 1) + ");");
      line(depth, "}");
    } else {
      List<Scalar> targets = new ArrayList<>();
      for (Scalar s : globals) {
        if (s.type().getClass() == c.element().getClass()) targets.add(s);
      }
      if (k == 2) line(depth, "when (!empty(" + c.name() + "));");
      if (targets.isEmpty() || rng.nextBoolean()) {
        line(depth, "pop(" + c.name() + ");");
      } else {
        line(depth, targets.get(rng.nextInt(targets.size())).name() + " = pop(" + c.name()
            + ");");
      }
    }
  }

  /** Mostly values that fit, sometimes any integer expression (a runtime violation to find). */
  private String assignable(Ty t) {
    if (!(t instanceof RangeTy r)) return valueOf(t, 2);
    if (r == wide) {
      // hi + 1 may not be an int: clamp instead of taking a remainder
      return switch (limits.nextInt(3)) {
        case 0 -> literal(r);
        case 1 -> "max(WLO, min(WHI, " + intExpr(1) + "))";
        default -> intExpr(2);
      };
    }
    int k = rng.nextInt(10);
    if (k < 4) return Integer.toString(r.lo() + rng.nextInt(r.hi() - r.lo() + 1));
    if (k < 9) return "(" + intExpr(1) + " + 1) % " + (r.hi() + 1);
    return intExpr(2);
  }

  private void idType() {
    if (rng.nextBoolean()) {
      line(0, "const K = " + id.size() + ";");
      line(0, "type Id = scalarset(K);");
    } else {
      line(0, "type Id = scalarset(" + id.size() + ");");
    }
  }

  private void idVariables() {
    int vars = 1 + rng.nextInt(2);
    for (int i = 0; i < vars; i++) {
      Scalar g = new Scalar("s" + i, id);
      globals.add(g);
      line(0, "var " + g.name() + " : Id;");
    }
    // Arrays indexed by Id move with a permutation; arrays of Id change their values.
    int k = rng.nextInt(4);
    if (k != 3) {
      Ty element = switch (rng.nextInt(enums.isEmpty() ? 3 : 4)) {
        case 0 -> new BoolTy();
        case 1 -> new RangeTy(0, 2, "0 .. 2");
        case 2 -> id;
        default -> enums.get(0);
      };
      Array a = new Array("own", element, id);
      idArrays.add(a);
      line(0, "var own : " + arrayElementText(element) + "[Id]"
          + (element instanceof IdTy || rng.nextBoolean() ? "" : " = " + literal(element)) + ";");
    }
    if (k != 0) {
      Ty index = !enums.isEmpty() && rng.nextBoolean() ? enums.get(0) : new RangeTy(0, 1, "0 .. 1");
      Array a = new Array("ids", id, index);
      idArrays.add(a);
      line(0, "var ids : Id[" + typeText(index) + "];");
    }
  }

  /**
   * Mostly starts every global Id slot at one chosen value: the initial states are then one
   * orbit. With every slot at its first value instead, a slot never written pins that value, and
   * no state reached is the image of another, so reduction would rarely have anything to merge.
   * Sometimes starts from one state that is not canonical, which a reduced search stores as
   * another state: traces must still begin in the model's own initial state.
   */
  private void symmetricStart() {
    if (rng.nextInt(3) == 0) {
      // s0 moves off the value every other slot starts at
      line(1, "choose c in Id { when (c != s0); s0 = c; }");
      return;
    }
    line(1, "choose c in Id {");
    for (Scalar g : globals) {
      if (g.type() instanceof IdTy) line(2, g.name() + " = c;");
    }
    for (Array a : idArrays) {
      if (a.index() instanceof IdTy) {
        if (a.element() instanceof IdTy) line(2, at(a, "c") + " = c;");
      } else {
        line(2, "for i in " + typeText(a.index()) + " { " + at(a, "i") + " = c; }");
      }
    }
    line(1, "}");
  }

  private static String arrayElementText(Ty t) {
    return t instanceof RangeTy r ? "(" + r.text() + ")" : typeText(t);
  }

  /** A statement that reads or writes the scalarset: never arithmetic, order or literals on it. */
  private void idStatement(int depth, int nesting, boolean inProcess) {
    int k = rng.nextInt(nesting > 0 ? 5 : 3);
    switch (k) {
      case 0 -> {
        List<Scalar> targets = new ArrayList<>(globals);
        targets.addAll(locals);
        targets.removeIf(s -> !(s.type() instanceof IdTy));
        Scalar s = targets.get(rng.nextInt(targets.size()));
        line(depth, s.name() + " = " + idExpr(1) + ";");
      }
      case 1, 2 -> {
        if (idArrays.isEmpty()) {
          line(depth, "when (" + idBoolExpr(1) + ");");
          return;
        }
        Array a = idArrays.get(rng.nextInt(idArrays.size()));
        line(depth, at(a, valueOf(a.index(), 1)) + " = " + assignable(a.element()) + ";");
      }
      default -> {
        // Choose over Id: one transition per value, the body usually about the chosen value.
        String v = "c" + fresh++;
        line(depth, "choose " + v + " in Id {");
        bound.add(new Scalar(v, id));
        if (rng.nextBoolean()) line(depth + 1, "when (" + idBoolExpr(1) + ");");
        // Without a chosen value stored somewhere, every Id slot would keep its first value.
        if (rng.nextInt(3) > 0) {
          chosenStored(depth + 1, v);
        } else {
          statement(depth + 1, nesting - 1, inProcess);
        }
        bound.remove(bound.size() - 1);
        line(depth, "}");
      }
    }
  }

  private void chosenStored(int depth, String v) {
    List<String> places = new ArrayList<>();
    for (Scalar s : globals) {
      if (s.type() instanceof IdTy) places.add(s.name() + " = " + v + ";");
    }
    for (Scalar s : locals) {
      if (s.type() instanceof IdTy) places.add(s.name() + " = " + v + ";");
    }
    for (Array a : idArrays) {
      places.add(a.index() instanceof IdTy ? at(a, v) + " = " + assignable(a.element()) + ";"
          : at(a, literal(a.index())) + " = " + v + ";");
    }
    if (!containers.isEmpty() && containers.get(0).element() instanceof IdTy) {
      places.add("push(" + containers.get(0).name() + ", " + v + ");");
    }
    line(depth, places.get(rng.nextInt(places.size())));
  }

  /** A value of the scalarset: a variable, an array element or a container's element. */
  private String idExpr(int depth) {
    List<Scalar> vars = visible(IdTy.class);
    int k = rng.nextInt(depth <= 0 ? 2 : 5);
    if (k < 2 || vars.isEmpty() && idArrays.isEmpty()) {
      return vars.get(rng.nextInt(vars.size())).name();
    }
    if (k == 2 && !containers.isEmpty() && containers.get(0).element() instanceof IdTy) {
      Container c = containers.get(0);
      return rng.nextBoolean() ? "head(" + c.name() + ")"
          : c.name() + "[" + rng.nextInt(c.capacity()) + "]";
    }
    for (Array a : idArrays) {
      if (a.element() instanceof IdTy && rng.nextBoolean()) {
        return at(a, valueOf(a.index(), depth - 1));
      }
    }
    return vars.get(rng.nextInt(vars.size())).name();
  }

  /** A condition on scalarset values: only equality, membership and quantifiers over Id. */
  private String idBoolExpr(int depth) {
    int k = rng.nextInt(depth <= 0 ? 2 : 5);
    switch (k) {
      case 0, 1 -> {
        return idExpr(depth - 1) + (rng.nextBoolean() ? " == " : " != ") + idExpr(depth - 1);
      }
      case 2 -> {
        for (Array a : idArrays) {
          if (a.index() instanceof IdTy && a.element() instanceof BoolTy) {
            return at(a, idExpr(depth - 1));
          }
          if (a.index() instanceof IdTy && !(a.element() instanceof IdTy)) {
            return at(a, idExpr(depth - 1)) + " == " + valueOf(a.element(), 0);
          }
        }
        if (!containers.isEmpty() && containers.get(0).element() instanceof IdTy) {
          return "contains(" + containers.get(0).name() + ", " + idExpr(depth - 1) + ")";
        }
        return idExpr(depth - 1) + " == " + idExpr(depth - 1);
      }
      default -> {
        String v = "q" + fresh++;
        bound.add(new Scalar(v, id));
        String body = boolExpr(depth - 1);
        bound.remove(bound.size() - 1);
        return "(" + (rng.nextBoolean() ? "forall " : "exists ") + v + " in Id: " + body + ")";
      }
    }
  }

  private Ty scalarType(RangeTy small) {
    int k = rng.nextInt(enums.isEmpty() ? 2 : 3);
    return switch (k) {
      case 0 -> new BoolTy();
      case 1 -> rng.nextBoolean() ? small : new RangeTy(0, 2, "0 .. 2");
      default -> enums.get(0);
    };
  }

  private static String typeText(Ty t) {
    if (t instanceof BoolTy) return "bool";
    if (t instanceof RangeTy r) return r.text();
    if (t instanceof IdTy i) return i.name();
    return ((EnumTy) t).name();
  }

  private String literal(Ty t) {
    if (t instanceof BoolTy) return rng.nextBoolean() ? "true" : "false";
    if (t == wide) return "WLO + " + limits.nextInt(wide.hi() - wide.lo() + 1);
    if (t instanceof RangeTy r) return Integer.toString(r.lo() + rng.nextInt(r.hi() - r.lo() + 1));
    EnumTy e = (EnumTy) t;
    return e.values().get(rng.nextInt(e.values().size()));
  }

  private String valueOf(Ty t, int depth) {
    if (t instanceof BoolTy) return boolExpr(depth);
    if (t instanceof RangeTy) return intExpr(depth);
    if (t instanceof IdTy) return idExpr(depth);
    return enumExpr((EnumTy) t);
  }

  private List<Scalar> visible(Class<? extends Ty> kind) {
    List<Scalar> out = new ArrayList<>();
    for (List<Scalar> l : List.of(globals, locals, bound)) {
      for (Scalar s : l) {
        if (kind.isInstance(s.type())) out.add(s);
      }
    }
    return out;
  }

  private String enumExpr(EnumTy e) {
    List<Scalar> vars = visible(EnumTy.class);
    if (!vars.isEmpty() && rng.nextBoolean()) return vars.get(rng.nextInt(vars.size())).name();
    return literal(e);
  }

  private String intExpr(int depth) {
    if (limits != null && limits.nextInt(4) == 0) {
      int k = limits.nextInt(5);
      if (k == 0) return "w";
      // The limits only next to w: a constant expression that overflows is rejected at load
      // time, and these models are meant to load and overflow in some states only.
      if (k == 1) return "(w - WLO + BIG)";
      if (k == 2) return "(WLO - w - BIG - 1)";
      if (depth > 0) return "(" + intExpr(depth - 1) + ") * (" + intExpr(depth - 1) + ")";
      return "w";
    }
    if (id != null && depth > 0 && rng.nextInt(6) == 0) {
      String v = "q" + fresh++;
      bound.add(new Scalar(v, id));
      String body = boolExpr(depth - 1);
      bound.remove(bound.size() - 1);
      return "(count " + v + " in Id: " + body + ")";
    }
    int k = rng.nextInt(depth <= 0 ? 4 : 9);
    switch (k) {
      case 0 -> {
        return Integer.toString(rng.nextInt(4));
      }
      case 1, 2 -> {
        List<Scalar> vars = visible(RangeTy.class);
        if (vars.isEmpty()) return "N";
        return vars.get(rng.nextInt(vars.size())).name();
      }
      case 3 -> {
        if (current != null && current.instances() > 1 && rng.nextBoolean()) return "self";
        if (!containers.isEmpty()) {
          Container c = containers.get(0);
          boolean ints = c.element() instanceof RangeTy;
          return switch (rng.nextInt(ints ? 5 : 2)) {
            case 0 -> "len(" + c.name() + ")";
            case 1 -> "cap(" + c.name() + ")";
            case 2 -> "head(" + c.name() + ")";
            case 3 -> c.name() + "[" + rng.nextInt(c.capacity()) + "]";
            default -> c.name() + "[len(" + c.name() + ") - 1]";
          };
        }
        if (!arrays.isEmpty() && arrays.get(0).element() instanceof RangeTy) {
          return at(arrays.get(0), valueOf(arrays.get(0).index(), 0));
        }
        return "N";
      }
      case 4 -> {
        return intExpr(depth - 1) + " + " + intExpr(depth - 1);
      }
      case 5 -> {
        return rng.nextInt(4) == 0 ? "-(" + intExpr(depth - 1) + ")"
            : intExpr(depth - 1) + " - " + intExpr(depth - 1);
      }
      case 6 -> {
        // A variable divisor can be zero: division_by_zero is one of the things to find.
        String divisor = rng.nextInt(4) == 0 ? intExpr(0) : Integer.toString(1 + rng.nextInt(3));
        return "(" + intExpr(depth - 1) + ") " + (rng.nextBoolean() ? "%" : "/") + " "
            + (divisor.matches("\\d+") ? divisor : "(" + divisor + ")");
      }
      case 7 -> {
        return (rng.nextBoolean() ? "min(" : "max(") + intExpr(depth - 1) + ", "
            + intExpr(depth - 1) + ")";
      }
      default -> {
        String v = "q" + fresh++;
        bound.add(new Scalar(v, new RangeTy(0, 2, null)));
        String body = boolExpr(depth - 1);
        bound.remove(bound.size() - 1);
        return "(count " + v + " in 0 .. 2: " + body + ")";
      }
    }
  }

  private String boolExpr(int depth) {
    if (id != null && rng.nextInt(4) == 0) return idBoolExpr(depth);
    int k = rng.nextInt(depth <= 0 ? 4 : 13);
    switch (k) {
      case 0 -> {
        List<Scalar> vars = visible(BoolTy.class);
        if (vars.isEmpty()) return rng.nextBoolean() ? "true" : "false";
        return vars.get(rng.nextInt(vars.size())).name();
      }
      case 1, 2 -> {
        String[] ops = {"==", "!=", "<", "<=", ">", ">="};
        return intExpr(depth - 1) + " " + ops[rng.nextInt(ops.length)] + " " + intExpr(depth - 1);
      }
      case 3 -> {
        Proc p = procs.get(rng.nextInt(procs.size()));
        List<String> labels = new ArrayList<>(p.labels());
        labels.add("done");
        String label = labels.get(rng.nextInt(labels.size()));
        String who = p.instances() > 1 ? p.name() + "[" + rng.nextInt(p.instances()) + "]"
            : p.name();
        return "at(" + who + ", " + label + ")";
      }
      case 4 -> {
        return "!" + boolAtom(depth - 1);
      }
      case 5, 6 -> {
        return boolAtom(depth - 1) + (rng.nextBoolean() ? " && " : " || ") + boolAtom(depth - 1);
      }
      case 7 -> {
        return boolAtom(depth - 1) + " => " + boolAtom(depth - 1);
      }
      case 8 -> {
        if (!enums.isEmpty()) {
          return enumExpr(enums.get(0)) + (rng.nextBoolean() ? " == " : " != ")
              + enumExpr(enums.get(0));
        }
        return boolExpr(depth - 1);
      }
      case 9 -> {
        if (!containers.isEmpty()) {
          Container c = containers.get(0);
          return switch (rng.nextInt(3)) {
            case 0 -> "empty(" + c.name() + ")";
            case 1 -> "full(" + c.name() + ")";
            default -> "contains(" + c.name() + ", " + valueOf(c.element(), 0) + ")";
          };
        }
        return boolExpr(depth - 1);
      }
      case 10 -> {
        if (!arrays.isEmpty() && arrays.get(0).element() instanceof BoolTy) {
          return at(arrays.get(0), valueOf(arrays.get(0).index(), 0));
        }
        return boolExpr(depth - 1);
      }
      case 12 -> {
        if (enums.isEmpty()) return boolExpr(depth - 1);
        String v = "q" + fresh++;
        bound.add(new Scalar(v, enums.get(0)));
        String body = boolExpr(depth - 1);
        bound.remove(bound.size() - 1);
        return "(" + (rng.nextBoolean() ? "forall " : "exists ") + v + " in Color: " + body
            + ")";
      }
      default -> {
        String v = "q" + fresh++;
        bound.add(new Scalar(v, new RangeTy(0, 2, null)));
        String body = boolExpr(depth - 1);
        bound.remove(bound.size() - 1);
        return "(" + (rng.nextBoolean() ? "forall " : "exists ") + v + " in 0 .. 2: " + body
            + ")";
      }
    }
  }

  /**
   * A condition that often holds, so that properties break deep in some models and never in
   * others, instead of in the first state of every model.
   */
  private String likely() {
    return switch (rng.nextInt(4)) {
      case 0 -> "!(" + boolExpr(1) + ") || " + boolAtom(2);
      case 1 -> boolAtom(1) + " || " + boolAtom(1) + " || " + boolAtom(1);
      case 2 -> {
        List<Scalar> vars = visible(RangeTy.class);
        if (vars.isEmpty()) yield "true";
        Scalar v = vars.get(rng.nextInt(vars.size()));
        yield v.name() + " <= " + intLiteral(((RangeTy) v.type()).hi() - rng.nextInt(2));
      }
      default -> boolAtom(0) + " => " + boolAtom(2);
    };
  }

  private String boolAtom(int depth) {
    String e = boolExpr(depth);
    return "(" + e + ")";
  }

  private void line(int depth, String text) {
    out.append("  ".repeat(depth)).append(text).append('\n');
  }
}
