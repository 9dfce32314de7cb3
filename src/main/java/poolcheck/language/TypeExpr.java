package poolcheck.language;

import com.google.common.collect.ImmutableList;

/** A type as written: resolved to sizes and ranges by the checker. */
public sealed interface TypeExpr {
  Position pos();

  <R> R accept(Visitor<R> v);

  /** One method per kind, so that a new kind of type is a compile error in every walk. */
  interface Visitor<R> {
    R bool(Bool t);

    R range(Range t);

    R named(Named t);

    R array(Array t);

    R scalarset(Scalarset t);

    R container(Container t);

    R record(Record t);
  }

  record Bool(Position pos) implements TypeExpr {
    public <R> R accept(Visitor<R> v) {
      return v.bool(this);
    }
  }

  record Range(Position pos, Expr lo, Expr hi) implements TypeExpr {
    public <R> R accept(Visitor<R> v) {
      return v.range(this);
    }
  }

  /** An enumeration or an alias. */
  record Named(Position pos, String name) implements TypeExpr {
    public <R> R accept(Visitor<R> v) {
      return v.named(this);
    }
  }

  record Array(Position pos, TypeExpr element, TypeExpr index) implements TypeExpr {
    public <R> R accept(Visitor<R> v) {
      return v.array(this);
    }
  }

  /** scalarset(N): N interchangeable values; only a type alias may name one. */
  record Scalarset(Position pos, Expr size) implements TypeExpr {
    public <R> R accept(Visitor<R> v) {
      return v.scalarset(this);
    }
  }

  record Container(Position pos, boolean fifo, TypeExpr element, Expr capacity)
      implements TypeExpr {
    public <R> R accept(Visitor<R> v) {
      return v.container(this);
    }
  }

  /**
   * {@code record { pp_ref : 0 .. 3, mapped : bool }}: removed by {@link Records}, which stores
   * each field as a variable of its own, so later stages never see one.
   */
  record Record(Position pos, ImmutableList<Field> fields) implements TypeExpr {
    public <R> R accept(Visitor<R> v) {
      return v.record(this);
    }
  }

  record Field(Position pos, String name, TypeExpr type) {}
}
