package poolcheck.compile;

import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.Callable;

/**
 * Defines a model's {@link GeneratedSteps} as a hidden class of this package (so it reads the
 * frame's and the nodes' package-private members, and is unloaded with the model). Bytecode is
 * on unless the system property {@code poolcheck.bytecode} is {@code off}; when writing or
 * defining the class fails (a step too long for one JVM method, 64 KiB), the model runs its
 * linked instructions and one line on stderr says so.
 */
final class StepClasses {
  static final String PROPERTY = "poolcheck.bytecode";

  private StepClasses() {}

  static boolean wanted() {
    return !"off".equals(System.getProperty(PROPERTY));
  }

  /** The steps {@code entries[t]} (transition t) and the invariants, as a class. */
  static GeneratedSteps define(Instr[] entries, Code[] invariants)
      throws ReflectiveOperationException {
    StepClassWriter writer = new StepClassWriter();
    byte[] bytes = writer.write(entries, invariants);
    MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClassWithClassData(bytes,
        writer.constants.values.toArray(), true);
    return (GeneratedSteps) hidden.lookupClass().getDeclaredConstructor().newInstance();
  }

  /** What {@code generate} makes, or null (the linked instructions) with a line on {@code err}. */
  static GeneratedSteps orLinked(String model, Callable<GeneratedSteps> generate,
      PrintStream err) {
    try {
      return generate.call();
    } catch (Exception | LinkageError e) {
      err.println("poolcheck: " + model + ": steps not compiled to bytecode (" + e
          + "); running the linked instructions");
      return null;
    }
  }
}
