package poolcheck.compile;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashMap;
import java.util.Map;
import poolcheck.language.Decl;
import poolcheck.language.Position;

/** What a name means while a model is checked: the compiler's tables, filled in order. */
final class Symbols {
  record Constant(Type kind, int value, Position pos) {}

  record EnumValue(Type.Enum type, int ordinal) {}

  /** A variable; base is its first slot (a container's length slot, elements after it). */
  record Variable(String name, Type type, Position pos, int base) {}

  static final class Process {
    final String name;
    final Decl.Process decl;
    final int instances;
    final boolean indexed;
    final Map<String, Integer> labels = new LinkedHashMap<>();
    final Map<String, Type> localTypes = new LinkedHashMap<>();
    /** localSlots[instance] maps a local to its slot base. */
    final ImmutableList<Map<String, Integer>> localSlots;
    int pcBase;

    Process(String name, Decl.Process decl, int instances, boolean indexed) {
      this.name = name;
      this.decl = decl;
      this.instances = instances;
      this.indexed = indexed;
      ImmutableList.Builder<Map<String, Integer>> b = ImmutableList.builder();
      for (int i = 0; i < instances; i++) b.add(new LinkedHashMap<>());
      this.localSlots = b.build();
    }

    String instanceName(int i) {
      return indexed ? name + "[" + i + "]" : name;
    }

    int doneLabel() {
      return decl.steps().size();
    }
  }

  final Map<String, Constant> constants = new LinkedHashMap<>();
  final Map<String, Type> types = new LinkedHashMap<>();
  final Map<String, EnumValue> enumValues = new LinkedHashMap<>();
  final Map<String, Variable> globals = new LinkedHashMap<>();
  final Map<String, Process> processes = new LinkedHashMap<>();
  /** Where each top-level name was declared, for duplicate errors. */
  final Map<String, Position> declared = new LinkedHashMap<>();

  /** Slots needed to store a value of this type. */
  static int width(Type t) {
    if (t instanceof Type.Array a) return a.index().size();
    if (t instanceof Type.Container c) return 1 + c.capacity();
    return 1;
  }
}
