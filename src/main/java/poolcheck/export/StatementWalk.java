package poolcheck.export;

import poolcheck.check.Action;
import poolcheck.check.Type;
import poolcheck.language.Expr;

/**
 * What one statement of a step's way through does, in the order poolcheck does it, for both
 * exports: which expressions are evaluated (and so which runtime checks come first), which
 * stores are range- and index-checked, where a container overflows or underflows, which asserts
 * are reported. A {@link Dialect} writes each of these in its target; {@code if} and
 * {@code goto} shape the way through and are the dialect's own.
 *
 * @param <S> the target's scope: where an expression is written
 */
final class StatementWalk<S> implements Action.Visitor<Void> {
  /** How one target writes the parts of a statement, and what the way through has done so far. */
  interface Dialect<S> {
    /** The scope of a statement whose bound variables (choose, for) are {@code bindings}. */
    S scope(StepPaths.Bindings bindings);

    Storage storage(Action.Place place, S scope);

    String expr(Expr e, S scope);

    /** Asserts, in evaluation order, that evaluating {@code e} raises no runtime property. */
    void evaluate(Expr e, S scope);

    /** Asserts {@code holds}; when it does not, the target reports {@code property}. */
    void require(String holds, String property);

    /** Value {@code text} within the range, written in the target. */
    String inRange(String text, Type.Range range);

    /** Index {@code text} within the array's index type, or null when it cannot be outside. */
    String indexInRange(Expr index, String text, Type.Scalar domain, S scope);

    /** The container has room for one more element now. */
    String hasRoom(Storage container, S scope);

    /** The container holds an element now. */
    String nonEmpty(Storage container, S scope);

    /** A scalar variable takes {@code value} (already checked). */
    void assign(Storage variable, String value, S scope);

    /**
     * Element [first][second] of a two-dimensional array as the index {@link #assignElement}
     * takes for it.
     */
    String cell(String first, String second, Type.Array array);

    /** Element {@code index} of an array takes {@code value} (already checked). */
    void assignElement(Storage array, String index, String value, S scope);

    /** {@code value} (already checked) goes on the container. */
    void push(Storage container, String value, S scope);

    /**
     * Takes the head off the container (known not empty) and, if the pop has a target, stores
     * it there through {@link StatementWalk#store} with no value expression.
     */
    void pop(Action.Pop pop, Storage container, S scope);

    /** The way through continues only where {@code condition} holds. */
    void when(String condition);
  }

  private final Dialect<S> dialect;
  private final Checked checked;
  private S scope;

  StatementWalk(Dialect<S> dialect, Checked checked) {
    this.dialect = dialect;
    this.checked = checked;
  }

  /** Writes the statement of a leaf of a way through (anything but goto). */
  void leaf(StepPaths.Leaf leaf) {
    scope = dialect.scope(leaf.bindings());
    leaf.action().accept(this);
  }

  /**
   * Stores {@code value} in a target: the index evaluated and checked first, then the value
   * ({@code valueExpr}, null for a popped value, which needs no evaluation), then its range.
   */
  void store(Action.Target target, Expr valueExpr, String value, S here) {
    Storage s = dialect.storage(target.variable(), here);
    if (target.index() == null) {
      if (valueExpr != null) dialect.evaluate(valueExpr, here);
      range(value, target.stored());
      dialect.assign(s, value, here);
      return;
    }
    Type.Array a = (Type.Array) s.type();
    String i = dialect.expr(target.index(), here);
    dialect.evaluate(target.index(), here);
    String inRange = dialect.indexInRange(target.index(), i, a.index(), here);
    if (inRange != null) dialect.require(inRange, "index_out_of_range");
    if (target.second() != null) {
      // owner[p][c] = v: the second index is read and checked after the first
      String j = dialect.expr(target.second(), here);
      dialect.evaluate(target.second(), here);
      String secondInRange = dialect.indexInRange(target.second(), j, a.second(), here);
      if (secondInRange != null) dialect.require(secondInRange, "index_out_of_range");
      i = dialect.cell(i, j, a);
    }
    if (valueExpr != null) dialect.evaluate(valueExpr, here);
    range(value, a.element());
    dialect.assignElement(s, i, value, here);
  }

  /** Bools and enums are checked by the type checker; integer ranges at run time. */
  private void range(String value, Type.Scalar type) {
    if (!(type instanceof Type.Range r)) return;
    try {
      int v = Integer.parseInt(value.replace("(", "").replace(")", ""));
      if (v >= r.lo() && v <= r.hi()) return;
    } catch (NumberFormatException notLiteral) {
      // checked below
    }
    dialect.require(dialect.inRange(value, r), "value_out_of_range");
  }

  @Override
  public Void assign(Action.Assign a) {
    store(a.target(), a.value(), dialect.expr(a.value(), scope), scope);
    return null;
  }

  @Override
  public Void push(Action.Push p) {
    Storage c = dialect.storage(p.container(), scope);
    dialect.evaluate(p.value(), scope);
    String v = dialect.expr(p.value(), scope);
    dialect.require(dialect.hasRoom(c, scope), "container_overflow");
    range(v, p.type().element());
    dialect.push(c, v, scope);
    return null;
  }

  @Override
  public Void pop(Action.Pop p) {
    Storage c = dialect.storage(p.container(), scope);
    dialect.require(dialect.nonEmpty(c, scope), "container_underflow");
    dialect.pop(p, c, scope);
    return null;
  }

  @Override
  public Void when(Action.When w) {
    dialect.evaluate(w.condition(), scope);
    dialect.when(dialect.expr(w.condition(), scope));
    return null;
  }

  @Override
  public Void assertion(Action.Assert a) {
    if (checked.covers(a.property())) {
      dialect.evaluate(a.condition(), scope);
      dialect.require(dialect.expr(a.condition(), scope), a.property());
    }
    return null;
  }

  @Override
  public Void skip(Action.Skip s) {
    return null;
  }

  @Override
  public Void jump(Action.Goto g) {
    throw new IllegalStateException("a goto ends its way through: " + g);
  }

  @Override
  public Void ifElse(Action.If i) {
    throw new IllegalStateException("an if is a branch of the way through: " + i);
  }

  @Override
  public Void either(Action.Either e) {
    throw new IllegalStateException("resolved into ways through: " + e);
  }

  @Override
  public Void choose(Action.Choose c) {
    throw new IllegalStateException("resolved into ways through: " + c);
  }

  @Override
  public Void forEach(Action.For f) {
    throw new IllegalStateException("resolved into ways through: " + f);
  }
}
