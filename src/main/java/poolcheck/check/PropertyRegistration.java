package poolcheck.check;

import static poolcheck.language.ErrorCode.DUPLICATE_DECLARATION;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import poolcheck.language.Decl;
import poolcheck.language.Diagnostic;
import poolcheck.language.Position;
import poolcheck.language.Stmt;
import poolcheck.system.Property;

/**
 * Gives the model's properties their ids before any step is checked, so that ids are stable and
 * independent of where an assert first appears: after the built-in ones (runtime, deadlock),
 * invariants and liveness properties in text order, then the asserts of init blocks and steps.
 * A name that clashes with another property's is reported here.
 */
final class PropertyRegistration {
  private final PropertyTable properties;
  private final Reports reports;

  PropertyRegistration(PropertyTable properties, Reports reports) {
    this.properties = properties;
    this.reports = reports;
  }

  void register(List<Decl> decls) {
    checkInvariantNames(decls);
    for (Decl d : decls) {
      if (d instanceof Decl.Liveness live) {
        if (properties.contains(live.name())) {
          reports.add(new Diagnostic(DUPLICATE_DECLARATION, live.pos(), "duplicate property name '"
              + live.name() + "'"));
        }
        properties.add(live.name(), Property.Kind.LIVENESS, "liveness at " + live.pos());
      }
      if (d instanceof Decl.Invariant inv) properties.add(inv.name(), Property.Kind.INVARIANT,
          "invariant at " + inv.pos());
    }
    registerAsserts(decls);
  }

  /**
   * An invariant's name must be new: a shared name merged two properties under one id, so an
   * invariant called deadlock was reported as a deadlock and --property could not tell them apart.
   */
  private void checkInvariantNames(List<Decl> decls) {
    Map<String, Position> invariants = new HashMap<>();
    for (Decl d : decls) {
      if (!(d instanceof Decl.Invariant inv)) continue;
      Property builtIn = properties.get(inv.name());
      Position first = invariants.putIfAbsent(inv.name(), inv.pos());
      if (builtIn != null || first != null) {
        reports.add(new Diagnostic(DUPLICATE_DECLARATION, inv.pos(), "duplicate declaration of "
            + "property '"
            + inv.name() + "' (already " + (builtIn != null ? PropertyTable.describe(builtIn)
                : "the invariant at " + first) + ")"));
      }
    }
  }

  private void registerAsserts(List<Decl> decls) {
    for (Decl d : decls) {
      if (d instanceof Decl.Init init) {
        registerAsserts(init.body(), "init", "init at " + init.pos());
      } else if (d instanceof Decl.Process p) {
        for (Decl.Step s : p.steps()) {
          registerAsserts(s.body(), p.name() + "_" + s.label(),
              p.name() + "." + s.label() + " at " + s.pos());
        }
      }
    }
  }

  private void registerAsserts(List<Stmt> body, String place, String where) {
    for (Stmt s : body) {
      if (s instanceof Stmt.Assert a) {
        String name = StepChecker.assertName(a, place);
        Property other = properties.get(name);
        if (other != null && other.kind() != Property.Kind.ASSERTION) {
          // Asserts may share a name with each other, never with another kind of property.
          reports.add(new Diagnostic(DUPLICATE_DECLARATION, a.pos(),
              "duplicate declaration of property '" + name + "' (already "
                  + PropertyTable.describe(other) + ")"));
          continue;
        }
        properties.add(name, Property.Kind.ASSERTION, where);
      } else {
        s.blocks().forEach(b -> registerAsserts(b, place, where));
      }
    }
  }
}
