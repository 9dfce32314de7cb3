package poolcheck.system;

import com.google.common.collect.ImmutableList;

/** A variable's value as people and exporters see it. */
public sealed interface Value {
  record Bool(boolean value) implements Value {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  record Int(int value) implements Value {
    @Override
    public String toString() {
      return Integer.toString(value);
    }
  }

  record Enum(String name) implements Value {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A program counter: the label the instance runs next, or "done". */
  record Label(String name) implements Value {
    @Override
    public String toString() {
      return name;
    }
  }

  /** An array: one value per index, keys in index order. */
  record Array(ImmutableList<Value> keys, ImmutableList<Value> values) implements Value {
    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) out.append(", ");
        if (keys.get(i) instanceof Enum) out.append(keys.get(i)).append(": ");
        out.append(values.get(i));
      }
      return out.append(']').toString();
    }
  }

  /** A fifo (head first) or a lifo (bottom first). */
  record Sequence(boolean fifo, ImmutableList<Value> elements) implements Value {
    @Override
    public String toString() {
      StringBuilder out = new StringBuilder(fifo ? "fifo<" : "lifo<");
      for (int i = 0; i < elements.size(); i++) {
        if (i > 0) out.append(", ");
        out.append(elements.get(i));
      }
      return out.append('>').toString();
    }
  }
}
