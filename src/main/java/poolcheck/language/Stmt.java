package poolcheck.language;

import com.google.common.collect.ImmutableList;
import java.util.List;

/** Statements of step bodies and init blocks. */
public sealed interface Stmt {
  Position pos();

  /** Calls the visitor's method for this kind of statement. */
  <R> R accept(Visitor<R> v);

  /**
   * The statement lists nested in this one, in text order (if: then, else; either: each
   * branch; choose and for: the body); none for a statement that holds no other.
   */
  default List<List<Stmt>> blocks() {
    return List.of();
  }

  /**
   * One method per kind of statement: a pass written as a visitor is exhaustive, so a new kind
   * fails to compile until every such pass says what it does with it.
   */
  interface Visitor<R> {
    R assign(Assign s);

    R push(Push s);

    R pop(Pop s);

    R ifElse(If s);

    R when(When s);

    R either(Either s);

    R choose(Choose s);

    R forEach(For s);

    R assertion(Assert s);

    R jump(Goto s);

    R skip(Skip s);

    R lockOp(LockOp s);
  }

  /** {@code target = value;} where value may be {@code pop(c)}. */
  record Assign(Position pos, Expr target, Expr value) implements Stmt {
    public <R> R accept(Visitor<R> v) {
      return v.assign(this);
    }
  }

  record Push(Position pos, Expr container, Expr value) implements Stmt {
    public <R> R accept(Visitor<R> v) {
      return v.push(this);
    }
  }

  /** {@code x = pop(c);} or {@code pop(c);} (target null). */
  record Pop(Position pos, Expr target, Expr container) implements Stmt {
    public <R> R accept(Visitor<R> v) {
      return v.pop(this);
    }
  }

  record If(Position pos, Expr condition, ImmutableList<Stmt> then, ImmutableList<Stmt> otherwise)
      implements Stmt {
    public <R> R accept(Visitor<R> v) {
      return v.ifElse(this);
    }

    @Override
    public List<List<Stmt>> blocks() {
      return List.of(then, otherwise);
    }
  }

  record When(Position pos, Expr condition) implements Stmt {
    public <R> R accept(Visitor<R> v) {
      return v.when(this);
    }
  }

  record Either(Position pos, ImmutableList<ImmutableList<Stmt>> branches) implements Stmt {
    public <R> R accept(Visitor<R> v) {
      return v.either(this);
    }

    @Override
    public List<List<Stmt>> blocks() {
      return List.copyOf(branches);
    }
  }

  record Choose(Position pos, String variable, TypeExpr domain, ImmutableList<Stmt> body)
      implements Stmt {
    public <R> R accept(Visitor<R> v) {
      return v.choose(this);
    }

    @Override
    public List<List<Stmt>> blocks() {
      return List.of(body);
    }
  }

  record For(Position pos, String variable, TypeExpr domain, ImmutableList<Stmt> body)
      implements Stmt {
    public <R> R accept(Visitor<R> v) {
      return v.forEach(this);
    }

    @Override
    public List<List<Stmt>> blocks() {
      return List.of(body);
    }
  }

  /** name is null when the assert is anonymous. */
  record Assert(Position pos, String name, Expr condition) implements Stmt {
    public <R> R accept(Visitor<R> v) {
      return v.assertion(this);
    }
  }

  /** label "done" ends the process. */
  record Goto(Position pos, String label) implements Stmt {
    public <R> R accept(Visitor<R> v) {
      return v.jump(this);
    }
  }

  record Skip(Position pos) implements Stmt {
    public <R> R accept(Visitor<R> v) {
      return v.skip(this);
    }
  }

  /** {@code lock(l);} (acquire true) or {@code unlock(l);}; the loader lowers both. */
  record LockOp(Position pos, boolean acquire, String lock, Position lockPos) implements Stmt {
    public <R> R accept(Visitor<R> v) {
      return v.lockOp(this);
    }
  }
}
