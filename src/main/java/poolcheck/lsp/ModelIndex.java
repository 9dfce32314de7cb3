package poolcheck.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import poolcheck.language.Decl;
import poolcheck.language.Printer;
import poolcheck.language.Token;
import poolcheck.language.TokenKind;
import poolcheck.language.TypeExpr;

/** The names one file declares, found from its declarations and the tokens that spell them. */
final class ModelIndex {
  private ModelIndex() {}

  static List<Definition> of(Path file, List<Decl> decls, List<Token> tokens) {
    List<Definition> out = new ArrayList<>();
    for (Decl d : decls) {
      if (d instanceof Decl.Const c) add(out, "constant", c.name(), file, tokens, c.pos(), null,
          "const " + c.name() + (c.bounds() == null ? "" : " : " + Printer.print(c.bounds()))
              + " = " + Printer.print(c.value()));
      if (d instanceof Decl.TypeAlias t) {
        add(out, "type", t.name(), file, tokens, t.pos(), null,
            "type " + t.name() + " = " + Printer.print(t.type()));
        if (t.type() instanceof TypeExpr.Record r) fields(out, file, r, t.name(), "record ");
      }
      if (d instanceof Decl.Enum e) {
        add(out, "enum", e.name(), file, tokens, e.pos(), null,
            "enum " + e.name() + " { " + String.join(", ", e.values()) + " }");
        for (int i = 0; i < e.values().size(); i++) {
          var p = e.valuePositions().get(i);
          out.add(new Definition("enum value", e.values().get(i), file, p.line(), p.column(),
              null, "enum value " + e.values().get(i) + " of " + e.name()));
        }
      }
      if (d instanceof Decl.Var v) {
        add(out, "variable", v.name(), file, tokens, v.pos(), null, variable(v));
        TypeExpr type = v.type() instanceof TypeExpr.Array a ? a.element() : v.type();
        if (type instanceof TypeExpr.Record r) fields(out, file, r, v.name(), "variable ");
      }
      if (d instanceof Decl.Lock l) add(out, "lock", l.name(), file, tokens, l.pos(), null,
          "lock " + l.name());
      if (d instanceof Decl.Process p) {
        add(out, "process", p.name(), file, tokens, p.pos(), null, "process " + p.name()
            + (p.instances() == null ? "" : "[" + Printer.print(p.instances()) + "]"));
        for (Decl.Var v : p.locals()) {
          add(out, "local", v.name(), file, tokens, v.pos(), p.name(), variable(v)
              + " (local of " + p.name() + ")");
        }
        steps(out, file, p.steps(), p.name(), "process");
      }
      if (d instanceof Decl.Inline i) {
        add(out, "inline", i.name(), file, tokens, i.pos(), null,
            "inline " + i.name() + "(" + String.join(", ", i.parameters()) + ")");
        steps(out, file, i.steps(), i.name(), "inline");
      }
      if (d instanceof Decl.Def def) add(out, "def", def.name(), file, tokens, def.pos(), null,
          "def " + def.name() + (def.parameters().isEmpty() ? "" : "("
              + String.join(", ", def.parameters()) + ")") + " = " + Printer.print(def.body()));
      if (d instanceof Decl.Invariant inv) add(out, "property", inv.name(), file, tokens, inv.pos(),
          null, "invariant " + inv.name() + ": " + Printer.print(inv.condition()));
      if (d instanceof Decl.Liveness live) add(out, "property", live.name(), file, tokens, live.pos(),
          null, "liveness " + live.name());
      if (d instanceof Decl.Config c) add(out, "config", c.name(), file, tokens, c.pos(), null,
          "config " + c.name());
    }
    return out;
  }

  /**
   * A record's fields, scoped by the record type's name (or the variable's, for a record type
   * written in its declaration), so that {@code page[p].pp_ref} finds the field of page's type.
   */
  private static void fields(List<Definition> out, Path file, TypeExpr.Record r, String owner,
      String ownerKind) {
    for (TypeExpr.Field f : r.fields()) {
      out.add(new Definition("field", f.name(), file, f.pos().line(), f.pos().column(), owner,
          "field " + f.name() + " : " + Printer.print(f.type()) + " of " + ownerKind + owner));
    }
  }

  private static void steps(List<Definition> out, Path file, List<Decl.Step> steps,
      String scope, String what) {
    for (Decl.Step s : steps) {
      out.add(new Definition("step", s.label(), file, s.pos().line(), s.pos().column(), scope,
          "step " + s.label() + " of " + what + " " + scope
              + (s.kernelFunction() == null ? "" : ", kernel function " + s.kernelFunction())
              + (s.atomicReason() == null ? "" : ", atomic \"" + s.atomicReason() + "\"")));
    }
  }

  private static String variable(Decl.Var v) {
    return (v.ghost() ? "ghost var " : "var ") + v.name() + " : " + Printer.print(v.type())
        + (v.init() == null ? "" : " = " + Printer.print(v.init()));
  }

  /** The definition at the first token spelling {@code name} after the declaration's word. */
  private static void add(List<Definition> out, String kind, String name, Path file,
      List<Token> tokens, poolcheck.language.Position from, String scope, String detail) {
    for (Token t : tokens) {
      // strictly after: the declaration's own word may spell the name (inline inline(...)),
      // and a property may be named self
      if ((t.kind() == TokenKind.IDENT || t.kind() == TokenKind.SELF) && t.text().equals(name)
          && after(t, from)) {
        out.add(new Definition(kind, name, file, t.position().line(), t.position().column(),
            scope, detail));
        return;
      }
    }
  }

  private static boolean after(Token t, poolcheck.language.Position p) {
    return t.position().line() > p.line()
        || t.position().line() == p.line() && t.position().column() > p.column();
  }
}
