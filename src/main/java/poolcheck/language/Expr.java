package poolcheck.language;

import com.google.common.collect.ImmutableList;

/** Expressions as written. */
public sealed interface Expr {
  Position pos();

  /** Calls the visitor's method for this kind of expression. */
  <R> R accept(Visitor<R> v);

  /**
   * One method per kind of expression: a pass written as a visitor is exhaustive, so a new kind
   * fails to compile until every such pass says what it does with it (an {@code instanceof}
   * chain would fall through to its "unreachable" at run time instead).
   */
  interface Visitor<R> {
    R intLit(IntLit e);

    R boolLit(BoolLit e);

    R name(Name e);

    R self(Self e);

    R index(Index e);

    R unary(Unary e);

    R binary(Binary e);

    R call(Call e);

    R at(At e);

    R quantifier(Quantifier e);

    R localOf(LocalOf e);

    R recordLit(RecordLit e);
  }

  record IntLit(Position pos, int value) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.intLit(this);
    }
  }

  record BoolLit(Position pos, boolean value) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.boolLit(this);
    }
  }

  record Name(Position pos, String name) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.name(this);
    }
  }

  record Self(Position pos) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.self(this);
    }
  }

  record Index(Position pos, Expr target, Expr index) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.index(this);
    }
  }

  record Unary(Position pos, String op, Expr operand) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.unary(this);
    }
  }

  record Binary(Position pos, String op, Expr left, Expr right) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.binary(this);
    }
  }

  /** A builtin call: len, cap, empty, full, head, contains, min, max. */
  record Call(Position pos, String function, ImmutableList<Expr> args) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.call(this);
    }
  }

  /** at(proc, label) or at(proc[i], label). */
  record At(Position pos, String process, Expr instance, String label, Position labelPos)
      implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.at(this);
    }
  }

  /** forall / exists / count over a finite type. */
  record Quantifier(Position pos, String kind, String variable, TypeExpr domain, Expr body)
      implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.quantifier(this);
    }
  }

  /**
   * {@code reader[0].got}: a local of one instance of another process, read by a property
   * (instance is null for a process without {@code [N]}).
   */
  record LocalOf(Position pos, String process, Expr instance, String local, Position localPos)
      implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.localOf(this);
    }
  }

  /**
   * {@code {pp_ref: 1, mapped: false}}: a record variable's initialiser, one value per field
   * written; {@link Records} turns it into the initialisers of the field variables.
   */
  record RecordLit(Position pos, ImmutableList<String> fields, ImmutableList<Position> positions,
      ImmutableList<Expr> values) implements Expr {
    public <R> R accept(Visitor<R> v) {
      return v.recordLit(this);
    }
  }
}
