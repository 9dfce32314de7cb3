package poolcheck.language;

import com.google.common.collect.ImmutableList;

/** Expressions as written. */
public sealed interface Expr {
  Position pos();

  record IntLit(Position pos, int value) implements Expr {}

  record BoolLit(Position pos, boolean value) implements Expr {}

  record Name(Position pos, String name) implements Expr {}

  record Self(Position pos) implements Expr {}

  record Index(Position pos, Expr target, Expr index) implements Expr {}

  record Unary(Position pos, String op, Expr operand) implements Expr {}

  record Binary(Position pos, String op, Expr left, Expr right) implements Expr {}

  /** A builtin call: len, cap, empty, full, head, contains, min, max. */
  record Call(Position pos, String function, ImmutableList<Expr> args) implements Expr {}

  /** at(proc, label) or at(proc[i], label). */
  record At(Position pos, String process, Expr instance, String label, Position labelPos)
      implements Expr {}

  /** forall / exists / count over a finite type. */
  record Quantifier(Position pos, String kind, String variable, TypeExpr domain, Expr body)
      implements Expr {}
}
