package poolcheck.language;

import com.google.common.collect.ImmutableList;

/** Statements of step bodies and init blocks. */
public sealed interface Stmt {
  Position pos();

  /** {@code target = value;} where value may be {@code pop(c)}. */
  record Assign(Position pos, Expr target, Expr value) implements Stmt {}

  record Push(Position pos, Expr container, Expr value) implements Stmt {}

  /** {@code x = pop(c);} or {@code pop(c);} (target null). */
  record Pop(Position pos, Expr target, Expr container) implements Stmt {}

  record If(Position pos, Expr condition, ImmutableList<Stmt> then, ImmutableList<Stmt> otherwise)
      implements Stmt {}

  record When(Position pos, Expr condition) implements Stmt {}

  record Either(Position pos, ImmutableList<ImmutableList<Stmt>> branches) implements Stmt {}

  record Choose(Position pos, String variable, TypeExpr domain, ImmutableList<Stmt> body)
      implements Stmt {}

  record For(Position pos, String variable, TypeExpr domain, ImmutableList<Stmt> body)
      implements Stmt {}

  /** name is null when the assert is anonymous. */
  record Assert(Position pos, String name, Expr condition) implements Stmt {}

  /** label "done" ends the process. */
  record Goto(Position pos, String label) implements Stmt {}

  record Skip(Position pos) implements Stmt {}

  /** {@code lock(l);} (acquire true) or {@code unlock(l);}; the loader lowers both. */
  record LockOp(Position pos, boolean acquire, String lock, Position lockPos) implements Stmt {}
}
