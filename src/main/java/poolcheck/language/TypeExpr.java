package poolcheck.language;

import com.google.common.collect.ImmutableList;

/** A type as written: resolved to sizes and ranges by the checker. */
public sealed interface TypeExpr {
  Position pos();

  record Bool(Position pos) implements TypeExpr {}

  record Range(Position pos, Expr lo, Expr hi) implements TypeExpr {}

  /** An enumeration or an alias. */
  record Named(Position pos, String name) implements TypeExpr {}

  record Array(Position pos, TypeExpr element, TypeExpr index) implements TypeExpr {}

  /** scalarset(N): N interchangeable values; only a type alias may name one. */
  record Scalarset(Position pos, Expr size) implements TypeExpr {}

  record Container(Position pos, boolean fifo, TypeExpr element, Expr capacity)
      implements TypeExpr {}

  /**
   * {@code record { pp_ref : 0 .. 3, mapped : bool }}: removed by {@link Records}, which stores
   * each field as a variable of its own, so later stages never see one.
   */
  record Record(Position pos, ImmutableList<Field> fields) implements TypeExpr {}

  record Field(Position pos, String name, TypeExpr type) {}
}
