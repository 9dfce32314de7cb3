package poolcheck.language;

import java.util.HashMap;
import java.util.Map;

/**
 * The names a declaration gives the top level of a model (a constant, type, enum and its
 * values, variable, lock, process or def), each with where it is written: what the loader's
 * passes check a new name against before the checker sees the model.
 */
final class TopLevelNames {
  private TopLevelNames() {}

  static Map<String, Position> of(Decl d) {
    Map<String, Position> out = new HashMap<>();
    d.accept(new Decl.Selective() {
      @Override
      public Void constant(Decl.Const c) {
        out.put(c.name(), c.pos());
        return null;
      }

      @Override
      public Void typeAlias(Decl.TypeAlias t) {
        out.put(t.name(), t.pos());
        return null;
      }

      @Override
      public Void enumeration(Decl.Enum e) {
        out.put(e.name(), e.pos());
        for (int k = 0; k < e.values().size(); k++) {
          out.put(e.values().get(k), e.valuePositions().get(k));
        }
        return null;
      }

      @Override
      public Void variable(Decl.Var v) {
        out.put(v.name(), v.pos());
        return null;
      }

      @Override
      public Void lock(Decl.Lock l) {
        out.put(l.name(), l.pos());
        return null;
      }

      @Override
      public Void process(Decl.Process p) {
        out.put(p.name(), p.pos());
        return null;
      }

      @Override
      public Void def(Decl.Def def) {
        out.put(def.name(), def.pos());
        return null;
      }
    });
    return out;
  }
}
