package poolcheck.check;

import com.google.common.collect.ImmutableList;
import poolcheck.language.Expr;
import poolcheck.language.Position;

/**
 * A statement of a step body once checked: every variable it writes resolved to a {@link Place}
 * (a local of the process or a global), every finite domain to its type, every goto to its
 * program-counter value and every assert to the property it reports. Locks were lowered before
 * checking, so none are left. A pass written as a {@link Visitor} is exhaustive.
 */
public sealed interface Action {
  Position pos();

  <R> R accept(Visitor<R> v);

  interface Visitor<R> {
    R assign(Assign a);

    R push(Push p);

    R pop(Pop p);

    R ifElse(If i);

    R when(When w);

    R either(Either e);

    R choose(Choose c);

    R forEach(For f);

    R assertion(Assert a);

    R jump(Goto g);

    R skip(Skip s);
  }

  /** A variable a statement writes: a local of the step's process or a global, and its type. */
  record Place(String name, boolean local, Type type) {}

  /**
   * What an assignment or a pop writes: the whole variable, or one element of an array
   * ({@code index} not null; {@code second} too for a two-dimensional array's element
   * {@code owner[p][c]}, else null). {@code written} is the target as the model wrote it.
   */
  record Target(Place variable, Expr index, Expr written, Expr second) {
    /** The whole variable, or an element of a one-dimensional array. */
    public Target(Place variable, Expr index, Expr written) {
      this(variable, index, written, null);
    }

    /** The type of what is stored: the variable's, or the array's element type. */
    public Type.Scalar stored() {
      return index == null ? (Type.Scalar) variable.type()
          : ((Type.Array) variable.type()).element();
    }
  }

  record Assign(Position pos, Target target, Expr value) implements Action {
    public <R> R accept(Visitor<R> v) {
      return v.assign(this);
    }
  }

  /** {@code container} holds a {@link Type.Container}. */
  record Push(Position pos, Place container, Expr value) implements Action {
    public <R> R accept(Visitor<R> v) {
      return v.push(this);
    }

    public Type.Container type() {
      return (Type.Container) container.type();
    }
  }

  /**
   * {@code target} is null when the popped value is dropped; {@code containerAt} is where the
   * container is named, which an error about the popped value's type points at.
   */
  record Pop(Position pos, Target target, Place container, Position containerAt)
      implements Action {
    public <R> R accept(Visitor<R> v) {
      return v.pop(this);
    }

    public Type.Container type() {
      return (Type.Container) container.type();
    }
  }

  record If(Position pos, Expr condition, ImmutableList<Action> then,
      ImmutableList<Action> otherwise) implements Action {
    public <R> R accept(Visitor<R> v) {
      return v.ifElse(this);
    }
  }

  record When(Position pos, Expr condition) implements Action {
    public <R> R accept(Visitor<R> v) {
      return v.when(this);
    }
  }

  record Either(Position pos, ImmutableList<ImmutableList<Action>> branches) implements Action {
    public <R> R accept(Visitor<R> v) {
      return v.either(this);
    }
  }

  record Choose(Position pos, String variable, Type.Scalar domain, ImmutableList<Action> body)
      implements Action {
    public <R> R accept(Visitor<R> v) {
      return v.choose(this);
    }
  }

  record For(Position pos, String variable, Type.Scalar domain, ImmutableList<Action> body)
      implements Action {
    public <R> R accept(Visitor<R> v) {
      return v.forEach(this);
    }
  }

  /** {@code property} is the name the engine reports the assert by. */
  record Assert(Position pos, String property, Expr condition) implements Action {
    public <R> R accept(Visitor<R> v) {
      return v.assertion(this);
    }
  }

  /** {@code pc} is the label's program-counter value (the process's done value for done). */
  record Goto(Position pos, String label, int pc) implements Action {
    public <R> R accept(Visitor<R> v) {
      return v.jump(this);
    }
  }

  record Skip(Position pos) implements Action {
    public <R> R accept(Visitor<R> v) {
      return v.skip(this);
    }
  }
}
