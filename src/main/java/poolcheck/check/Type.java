package poolcheck.check;

import com.google.common.collect.ImmutableList;

/** Resolved types. Scalars have a finite range of ints; int is the unbounded expression type. */
public sealed interface Type {
  String describe();

  /** The value-level kind of a type: a scalar's {@link Scalar#kind()}, anything else itself. */
  static Type kindOf(Type t) {
    return t instanceof Scalar s ? s.kind() : t;
  }

  /** Scalar types have values lo..hi encoded as ints. */
  sealed interface Scalar extends Type {
    int lo();

    int hi();

    default int size() {
      return hi() - lo() + 1;
    }

    /** The value-level kind: int, bool or the enum itself. */
    Type kind();
  }

  record Bool() implements Scalar {
    public int lo() {
      return 0;
    }

    public int hi() {
      return 1;
    }

    public Type kind() {
      return this;
    }

    public String describe() {
      return "bool";
    }
  }

  /** The type of integer expressions: no bounds until stored. */
  record Int() implements Type {
    public String describe() {
      return "int";
    }
  }

  record Range(int lo, int hi) implements Scalar {
    public Type kind() {
      return INT;
    }

    public String describe() {
      return lo + " .. " + hi;
    }
  }

  record Enum(String name, ImmutableList<String> values) implements Scalar {
    public int lo() {
      return 0;
    }

    public int hi() {
      return values.size() - 1;
    }

    public Type kind() {
      return this;
    }

    public String describe() {
      return "enum " + name;
    }
  }

  /**
   * A scalarset: values 0 .. size-1 that the model may only compare for equality, store, index
   * arrays with and range over, so every permutation of them is a symmetry of the model.
   */
  record Symmetric(String name, int size) implements Scalar {
    public int lo() {
      return 0;
    }

    public int hi() {
      return size - 1;
    }

    public Type kind() {
      return this;
    }

    public String describe() {
      return "scalarset " + name;
    }
  }

  /**
   * An array over {@code index}, or a two-dimensional one ({@code T[I][J]}, C order: the first
   * index over {@code index}, the second over {@code second}; null for one dimension). Each
   * element is a slot of its own, row-major: element (i, j) at offset i * |J| + j.
   */
  record Array(Scalar element, Scalar index, Scalar second) implements Type {
    public Array(Scalar element, Scalar index) {
      this(element, index, null);
    }

    public int dimensions() {
      return second == null ? 1 : 2;
    }

    /** Elements per row: 1 for one dimension. */
    public int columns() {
      return second == null ? 1 : second.size();
    }

    /** Elements, so slots: |I|, or |I| * |J|. */
    public int slots() {
      return index.size() * columns();
    }

    public String describe() {
      return element.describe() + "[" + index.describe() + "]"
          + (second == null ? "" : "[" + second.describe() + "]");
    }
  }

  record Container(boolean fifo, Scalar element, int capacity) implements Type {
    public String describe() {
      return (fifo ? "fifo<" : "lifo<") + element.describe() + ", " + capacity + ">";
    }
  }

  Bool BOOL = new Bool();
  Int INT = new Int();

  /** Whether a value of type {@code value} may be stored in or compared with {@code target}. */
  public static boolean compatible(Type target, Type value) {
    Type a = target instanceof Scalar s ? s.kind() : target;
    Type b = value instanceof Scalar s ? s.kind() : value;
    return a.equals(b);
  }
}
