package poolcheck.language;

import static poolcheck.language.ErrorCode.DUPLICATE_DECLARATION;
import static poolcheck.language.ErrorCode.RECORD_AS_A_WHOLE;
import static poolcheck.language.ErrorCode.RECORD_TYPE_HERE;
import static poolcheck.language.ErrorCode.TYPE_MISMATCH;
import static poolcheck.language.ErrorCode.UNKNOWN_FIELD;
import static poolcheck.language.ErrorCode.WRONG_INDEX_COUNT;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores each field of a record variable as a variable of its own: {@code var page :
 * Page[PageId]} with fields {@code pp_ref} and {@code mapped} becomes {@code page[].pp_ref :
 * (0 .. 3)[PageId]} and {@code page[].mapped : bool[PageId]}, and {@code page[p].pp_ref} reads
 * the first at {@code p}; a scalar {@code cur.pp_ref} is the variable {@code cur.pp_ref}. A
 * kernel struct is several words that CPUs touch one at a time, so a field is an access of its
 * own to the step-granularity rule, and the packed state, symmetry (an array of records indexed
 * by a scalarset is several arrays indexed by it), the interpreter, the compiled steps and both
 * exports need nothing of their own for records: the flat names contain '.' and so clash with
 * no name a model can declare.
 *
 * <p>A record is not a value: it is never compared, assigned, passed or stored whole, and only
 * a global variable may be one (a local, a field, an index or a container element of record
 * type is refused), which keeps this a renaming.
 */
final class Records {
  /** A record variable: its record type and, for an array of records, the index type. */
  private record RecordVar(Decl.Var decl, TypeExpr.Record type, TypeExpr index) {
    String flat(String field) {
      return decl.name() + (index == null ? "." : "[].") + field;
    }

    TypeExpr.Field field(String name) {
      for (TypeExpr.Field f : type.fields()) {
        if (f.name().equals(name)) return f;
      }
      return null;
    }

    String fieldNames() {
      List<String> names = new ArrayList<>();
      for (TypeExpr.Field f : type.fields()) names.add(f.name());
      return String.join(", ", names);
    }
  }

  /** Record types by alias name ({@code type Page = record {...};}, or an alias of one). */
  private final Map<String, TypeExpr.Record> types = new HashMap<>();
  private final Map<String, RecordVar> vars = new HashMap<>();
  private final List<Diagnostic> errors = new ArrayList<>();
  /** Global variables declared as two-dimensional arrays of records, refused. */
  private final Set<String> twoDimensional = new HashSet<>();

  private Records() {}

  static ImmutableList<Decl> flatten(ImmutableList<Decl> decls) throws ModelException {
    if (decls.stream().noneMatch(Records::mentionsRecords)) return decls;
    Records in = new Records();
    in.declare(decls);
    ImmutableList.Builder<Decl> out = ImmutableList.builder();
    for (Decl d : decls) {
      if (d instanceof Decl.TypeAlias t && in.types.containsKey(t.name())) continue;
      if (d instanceof Decl.Var v && in.vars.containsKey(v.name())) {
        // a second declaration of the name was reported as a duplicate
        if (in.vars.get(v.name()).decl() == v) out.addAll(in.fields(in.vars.get(v.name())));
        continue;
      }
      out.add(d.accept(in.new Rewrite()));
    }
    if (!in.errors.isEmpty()) throw new ModelException(in.errors);
    return out.build();
  }

  /** Whether a declaration declares a record type or a record value: most models have none. */
  private static boolean mentionsRecords(Decl d) {
    if (d instanceof Decl.TypeAlias t) return hasRecord(t.type());
    if (d instanceof Decl.Var v) return hasRecord(v.type()) || v.init() instanceof Expr.RecordLit;
    if (d instanceof Decl.Process p) {
      return p.locals().stream().anyMatch(v -> hasRecord(v.type())
          || v.init() instanceof Expr.RecordLit);
    }
    return false;
  }

  private static boolean hasRecord(TypeExpr t) {
    if (t instanceof TypeExpr.Record) return true;
    if (t instanceof TypeExpr.Array a) return hasRecord(a.element()) || hasRecord(a.index());
    if (t instanceof TypeExpr.Container c) return hasRecord(c.element());
    return false;
  }

  private void declare(List<Decl> decls) {
    for (Decl d : decls) {
      if (!(d instanceof Decl.TypeAlias t)) continue;
      TypeExpr.Record r = record(t.type());
      if (r == null) continue;
      if (t.type() instanceof TypeExpr.Record) fieldsOf(r);
      types.put(t.name(), r);
    }
    Map<String, Position> topLevel = new HashMap<>();
    for (Decl d : decls) {
      if (d instanceof Decl.Var v && !(v.type() instanceof TypeExpr.Record)) {
        TypeExpr.Record r = record(v.type());
        TypeExpr index = null;
        if (r == null && v.type() instanceof TypeExpr.Array a) {
          r = record(a.element());
          index = a.index();
          if (a.element() instanceof TypeExpr.Array inner && record(inner.element()) != null) {
            // fields would become two-dimensional arrays, but page[i][j].f has no syntax yet
            twoDimensional.add(v.name());
            error(RECORD_TYPE_HERE, v.type().pos(), "a two-dimensional array of records: an "
                + "array of records has one index (var x : R[I];); declare one "
                + "two-dimensional array per field instead");
            continue;
          }
        }
        if (r != null) vars.putIfAbsent(v.name(), new RecordVar(v, r, index));
      } else if (d instanceof Decl.Var v) {
        TypeExpr.Record r = (TypeExpr.Record) v.type();
        fieldsOf(r);
        vars.putIfAbsent(v.name(), new RecordVar(v, r, null));
      }
    }
    // The checker reports a name declared twice, but a record variable's own name is gone by
    // then: it is reported here, against every other top-level name.
    for (Decl d : decls) {
      for (Map.Entry<String, Position> named : TopLevelNames.of(d).entrySet()) {
        Position first = topLevel.putIfAbsent(named.getKey(), named.getValue());
        if (first != null && vars.containsKey(named.getKey())) {
          error(DUPLICATE_DECLARATION, named.getValue(), "duplicate declaration of '"
              + named.getKey() + "' (first declared at " + first + ")");
        }
      }
    }
  }

  /** The record a type names (directly, or through aliases), or null. */
  private TypeExpr.Record record(TypeExpr t) {
    if (t instanceof TypeExpr.Record r) return r;
    if (t instanceof TypeExpr.Named n) return types.get(n.name());
    return null;
  }

  /** Checks a record type's fields: distinct names, and no field is a record itself. */
  private void fieldsOf(TypeExpr.Record r) {
    Set<String> seen = new HashSet<>();
    for (TypeExpr.Field f : r.fields()) {
      if (!seen.add(f.name())) {
        error(DUPLICATE_DECLARATION, f.pos(), "duplicate field '" + f.name() + "' in the record");
      }
      if (record(f.type()) != null || hasRecord(f.type())) {
        error(RECORD_TYPE_HERE, f.type().pos(), "field '" + f.name() + "' is a record: records "
            + "do not nest; give the outer record the inner one's fields");
      }
    }
  }

  /** The variables a record variable is stored as, one per field, in field order. */
  private List<Decl.Var> fields(RecordVar rv) {
    Decl.Var v = rv.decl();
    Map<String, Expr> inits = new HashMap<>();
    if (v.init() instanceof Expr.RecordLit lit) {
      for (int k = 0; k < lit.fields().size(); k++) {
        String name = lit.fields().get(k);
        Position at = lit.positions().get(k);
        if (rv.field(name) == null) {
          error(UNKNOWN_FIELD, at, "record variable '" + v.name() + "' has no field '" + name
              + "' (its fields: " + rv.fieldNames() + ")");
        } else if (inits.put(name, new Rewrite().expr(lit.values().get(k))) != null) {
          error(DUPLICATE_DECLARATION, at, "field '" + name + "' is given twice");
        }
      }
    } else if (v.init() != null) {
      error(RECORD_AS_A_WHOLE, v.init().pos(), "record variable '" + v.name() + "' is "
          + "initialised field by field: {" + rv.type().fields().get(0).name() + ": ..., ...}"
          + (rv.index() == null ? "" : " (one value for every element)"));
    }
    typeHere(rv.index(), "an array's index");
    List<Decl.Var> out = new ArrayList<>();
    for (TypeExpr.Field f : rv.type().fields()) {
      TypeExpr type = rv.index() == null ? f.type()
          : new TypeExpr.Array(v.type().pos(), f.type(), rv.index());
      out.add(new Decl.Var(v.pos(), rv.flat(f.name()), type, inits.get(f.name()), v.guard(),
          v.ghost()));
    }
    return out;
  }

  private void error(ErrorCode code, Position pos, String message) {
    errors.add(new Diagnostic(code, pos, message));
  }

  /** A type outside a global variable's: it may not mention a record. */
  private void typeHere(TypeExpr t, String where) {
    if (t == null) return;
    if (record(t) != null || hasRecord(t)) {
      error(RECORD_TYPE_HERE, t.pos(), "a record type in " + where + ": only a global "
          + "variable (var x : R; or var x : R[I];) may be a record");
      return;
    }
    if (t instanceof TypeExpr.Array a) {
      typeHere(a.element(), where);
      typeHere(a.index(), where);
    } else if (t instanceof TypeExpr.Container c) {
      typeHere(c.element(), where);
    }
  }

  /** A local, bound variable or parameter may not take a record variable's name. */
  private void binder(String name, Position pos) {
    RecordVar rv = vars.get(name);
    if (rv != null) {
      error(DUPLICATE_DECLARATION, pos, "duplicate declaration: '" + name + "' hides the "
          + "record variable declared at " + rv.decl().pos());
    }
  }

  /** Every declaration with field accesses turned into the field variables. */
  private final class Rewrite extends ExpressionRewrite {
    /** Names of the process being rewritten whose local takes a record's name (reported). */
    private final Set<String> shadowed = new HashSet<>();

    @Override
    public Decl constant(Decl.Const c) {
      typeHere(c.bounds(), "a constant's bounds");
      return super.constant(c);
    }

    @Override
    public Decl typeAlias(Decl.TypeAlias d) {
      typeHere(d.type(), "type '" + d.name() + "' (name the record variable's type where it is "
          + "declared: var x : R[I];)");
      return d;
    }

    @Override
    public Decl variable(Decl.Var v) {
      // a two-dimensional array of records was reported by declare: once is enough
      if (!twoDimensional.contains(v.name())) typeHere(v.type(), "variable '" + v.name() + "'");
      return new Decl.Var(v.pos(), v.name(), v.type(), init(v), v.guard(), v.ghost());
    }

    private Expr init(Decl.Var v) {
      if (v.init() instanceof Expr.RecordLit lit) {
        error(TYPE_MISMATCH, lit.pos(), "type mismatch: a {field: value} initialiser for '"
            + v.name() + "', which is not a record");
        return null;
      }
      return v.init() == null ? null : expr(v.init());
    }

    @Override
    public Decl process(Decl.Process p) {
      ImmutableList.Builder<Decl.Var> locals = ImmutableList.builder();
      for (Decl.Var v : p.locals()) {
        binder(v.name(), v.pos());
        if (record(v.type()) != null || hasRecord(v.type())) {
          error(RECORD_TYPE_HERE, v.type().pos(), "local '" + v.name() + "' of process '"
              + p.name() + "' is a record: only a global variable may be one (index a global "
              + "by the instance: var st : R[Instance]; st[self].f)");
          continue;
        }
        typeHere(v.type(), "local '" + v.name() + "'");
        locals.add(new Decl.Var(v.pos(), v.name(), v.type(), init(v), v.guard(), v.ghost()));
      }
      // a local that takes a record's name was reported; its uses mean the local
      for (Decl.Var v : p.locals()) {
        if (vars.containsKey(v.name())) shadowed.add(v.name());
      }
      ImmutableList<Decl.Step> steps = steps(p);
      shadowed.clear();
      return new Decl.Process(p.pos(), p.name(), p.instances() == null ? null
          : expr(p.instances()), locals.build(), steps, p.uses());
    }

    @Override
    public Decl def(Decl.Def d) {
      for (int k = 0; k < d.parameters().size(); k++) {
        binder(d.parameters().get(k), d.parameterPositions().get(k));
      }
      return new Decl.Def(d.pos(), d.name(), d.parameters(), d.parameterPositions(),
          expr(d.body()));
    }

    @Override
    ExpressionRewrite binding(String variable, Position pos) {
      binder(variable, pos);
      return this;
    }

    @Override
    TypeExpr domain(TypeExpr t) {
      typeHere(t, "a domain (a record has no values to range over)");
      return super.domain(t);
    }

    @Override
    Expr expr(Expr e) {
      if (e instanceof Expr.Name n && vars.containsKey(n.name())
          && !shadowed.contains(n.name())) {
        RecordVar rv = vars.get(n.name());
        error(RECORD_AS_A_WHOLE, n.pos(), "record " + (rv.index() == null ? "" : "array ")
            + "'" + n.name() + "' used as a whole: read or write one field at a time ("
            + n.name() + (rv.index() == null ? "" : "[i]") + "."
            + rv.type().fields().get(0).name() + ")");
        return new Expr.BoolLit(n.pos(), false);
      }
      if (e instanceof Expr.LocalOf l && vars.containsKey(l.process())) return field(l);
      if (e instanceof Expr.RecordLit r) {
        error(TYPE_MISMATCH, r.pos(), "type mismatch: a {field: value} record is only a record "
            + "variable's initialiser; assign its fields one by one");
        return new Expr.BoolLit(r.pos(), false);
      }
      return children(e);
    }

    /** {@code page[p].pp_ref} or {@code cur.pp_ref}: the field's own variable. */
    private Expr field(Expr.LocalOf l) {
      RecordVar rv = vars.get(l.process());
      if (rv.field(l.local()) == null) {
        error(UNKNOWN_FIELD, l.localPos(), "record '" + l.process() + "' has no field '"
            + l.local() + "' (its fields: " + rv.fieldNames() + ")");
        return new Expr.BoolLit(l.pos(), false);
      }
      Expr.Name flat = new Expr.Name(l.pos(), rv.flat(l.local()));
      if (rv.index() == null && l.instance() != null) {
        error(WRONG_INDEX_COUNT, l.instance().pos(), "'" + l.process() + "' is one record, "
            + "not an array of them: " + l.process() + "." + l.local() + " has no index");
        return new Expr.BoolLit(l.pos(), false);
      }
      if (rv.index() != null && l.instance() == null) {
        error(WRONG_INDEX_COUNT, l.pos(), "'" + l.process() + "' is an array of records: "
            + "index it, " + l.process() + "[i]." + l.local());
        return new Expr.BoolLit(l.pos(), false);
      }
      return rv.index() == null ? flat : new Expr.Index(l.pos(), flat, expr(l.instance()));
    }
  }
}
