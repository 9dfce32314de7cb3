package poolcheck.check;

import static poolcheck.language.ErrorCode.BAD_INSTANCE_COUNT;
import static poolcheck.language.ErrorCode.DUPLICATE_DECLARATION;
import static poolcheck.language.ErrorCode.DUPLICATE_LABEL;
import static poolcheck.language.ErrorCode.NO_STEPS;
import static poolcheck.language.ErrorCode.TYPE_MISMATCH;

import poolcheck.language.Decl;
import poolcheck.language.Diagnostic;

/**
 * A process entered into the tables once every global is known: its number of instances (a
 * constant from 1 to 64), its labels in step order and its locals' types. Its slots are
 * allocated after every process is declared ({@link SlotAllocation}), its steps checked after
 * the properties are registered.
 */
final class ProcessDeclaration {
  private final Checking ctx;

  ProcessDeclaration(Checking ctx) {
    this.ctx = ctx;
  }

  /** Declares {@code p}, or throws (reported) if its instance count or steps are wrong. */
  void declare(Decl.Process p) {
    Symbols symbols = ctx.symbols();
    Reports reports = ctx.reports();
    int instances = 1;
    if (p.instances() != null) {
      ctx.guard(p.instances());
      ExprChecker.Typed t = ctx.exprs().constant(p.instances(), Scope.GLOBAL);
      if (t.type() != Type.INT) {
        throw reports.error(TYPE_MISMATCH, p.instances().pos(), "type mismatch: the number of "
            + "instances must be an integer, found " + t.type().describe());
      }
      instances = ctx.exprs().evaluate(t.term(), p.instances().pos());
      if (instances < 1 || instances > 64) {
        throw reports.error(BAD_INSTANCE_COUNT, p.instances().pos(), "process '" + p.name() + "' "
            + "has "
            + instances + " instances: expected 1 to 64");
      }
    }
    if (p.steps().isEmpty()) {
      throw reports.error(NO_STEPS, p.pos(), "process '" + p.name() + "' has no steps: expected at "
          + "least one 'label: { ... }'");
    }
    Symbols.Process proc = new Symbols.Process(p.name(), p, instances, p.instances() != null);
    for (int i = 0; i < p.steps().size(); i++) {
      Decl.Step s = p.steps().get(i);
      if (proc.labels.containsKey(s.label())) {
        reports.add(new Diagnostic(DUPLICATE_LABEL, s.pos(), "duplicate label '" + s.label()
            + "' in process '" + p.name() + "'"));
        continue;
      }
      proc.labels.put(s.label(), i);
    }
    for (Decl.Var v : p.locals()) {
      try {
        if (proc.localTypes.containsKey(v.name())) {
          throw reports.error(DUPLICATE_DECLARATION, v.pos(), "duplicate declaration of local "
              + "'" + v.name()
              + "' in process '" + p.name() + "'");
        }
        if (symbols.globals.containsKey(v.name()) || symbols.constants.containsKey(v.name())) {
          throw reports.error(DUPLICATE_DECLARATION, v.pos(), "duplicate declaration: local "
              + "'" + v.name()
              + "' hides the global declared at " + symbols.declared.get(v.name()));
        }
        if (symbols.declared.containsKey(v.name())) {
          // An enum value, type or process of that name: the local would silently win.
          throw reports.error(DUPLICATE_DECLARATION, v.pos(), "duplicate declaration: local "
              + "'" + v.name()
              + "' hides the name declared at " + symbols.declared.get(v.name()));
        }
        Type type = ctx.resolveVariableType(v.type());
        proc.localTypes.put(v.name(), type);
        if (v.init() != null) proc.initialValues.put(v.name(), v.init());
      } catch (CheckError e) {
        reports.poison(v.name());
      }
    }
    symbols.processes.put(p.name(), proc);
  }
}
