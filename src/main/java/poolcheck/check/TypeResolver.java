package poolcheck.check;

import static poolcheck.language.ErrorCode.OUT_OF_RANGE;
import static poolcheck.language.ErrorCode.RECORD_TYPE_HERE;
import static poolcheck.language.ErrorCode.TOO_MANY_DIMENSIONS;
import static poolcheck.language.ErrorCode.TYPE_MISMATCH;
import static poolcheck.language.ErrorCode.UNKNOWN_NAME;

import poolcheck.language.TypeExpr;

/**
 * Resolves a type as written to a {@link Type}: names looked up, range bounds and sizes
 * evaluated as constants (bounded in cost, like every constant expression).
 */
final class TypeResolver {
  private final Checking ctx;
  private final Symbols symbols;
  private final Reports reports;

  TypeResolver(Checking ctx) {
    this.ctx = ctx;
    this.symbols = ctx.symbols();
    this.reports = ctx.reports();
  }

  Type resolveVariable(TypeExpr t) {
    Type type = resolve(t);
    if (type instanceof Type.Int) throw reports.error(TYPE_MISMATCH, t.pos(), "not a storage type");
    return type;
  }

  Type resolve(TypeExpr t) {
    return t.accept(resolving);
  }

  private final TypeExpr.Visitor<Type> resolving = new TypeExpr.Visitor<>() {
    @Override
    public Type bool(TypeExpr.Bool b) {
      return Type.BOOL;
    }

    @Override
    public Type range(TypeExpr.Range r) {
      ctx.guard(r.lo());
      ctx.guard(r.hi());
      int lo = ctx.exprs().constantInt(r.lo());
      int hi = ctx.exprs().constantInt(r.hi());
      if (lo > hi) {
        throw reports.error(OUT_OF_RANGE, r.pos(), "empty range " + lo + " .. " + hi
            + ": expected the lower bound to be at most the upper bound");
      }
      return new Type.Range(lo, hi);
    }

    @Override
    public Type named(TypeExpr.Named n) {
      Type type = symbols.types.get(n.name());
      if (type == null) {
        if (symbols.declared.containsKey(n.name())) {
          throw reports.error(TYPE_MISMATCH, n.pos(), "type mismatch: '" + n.name() + "' is not "
              + "a type");
        }
        throw reports.error(UNKNOWN_NAME, n.pos(), "unknown type '" + n.name() + "'");
      }
      return type;
    }

    @Override
    public Type array(TypeExpr.Array a) {
      if (a.element() instanceof TypeExpr.Array inner) return twoDimensional(inner, a);
      Type element = resolve(a.element());
      Type index = resolve(a.index());
      if (!(element instanceof Type.Scalar se)) {
        throw reports.error(TYPE_MISMATCH, a.element().pos(), "type mismatch: array elements "
            + "must be bool, a range or an enum, found " + element.describe());
      }
      if (!(index instanceof Type.Scalar si)) {
        throw reports.error(TYPE_MISMATCH, a.index().pos(), "type mismatch: an array index must be "
            + "bool, a range or an enum, found " + index.describe());
      }
      return new Type.Array(se, si);
    }

    @Override
    public Type scalarset(TypeExpr.Scalarset s) {
      throw reports.error(TYPE_MISMATCH, s.pos(), "a scalarset must be named: write 'type Name = "
          + "scalarset(N);' and use Name");
    }

    @Override
    public Type container(TypeExpr.Container c) {
      Type element = resolve(c.element());
      if (!(element instanceof Type.Scalar se)) {
        throw reports.error(TYPE_MISMATCH, c.element().pos(), "type mismatch: container elements "
            + "must be bool, a range or an enum, found " + element.describe());
      }
      ctx.guard(c.capacity());
      int capacity = ctx.exprs().constantInt(c.capacity());
      if (capacity < 1) {
        throw reports.error(OUT_OF_RANGE, c.capacity().pos(), "container capacity " + capacity
            + " is out of range: expected at least 1");
      }
      return new Type.Container(c.fifo(), se, capacity);
    }

    @Override
    public Type record(TypeExpr.Record r) {
      // the loader flattens record variables; a record left here is one in a place it cannot be
      throw reports.error(RECORD_TYPE_HERE, r.pos(), "a record type here: only a global "
          + "variable (var x : R; or var x : R[I];) may be a record");
    }
  };

  /**
   * {@code T[I][J]}, parsed as (T[I])[J]: C order, so the first index ranges over I. Each
   * element is a slot of its own; a third dimension is refused rather than nested further.
   */
  private Type twoDimensional(TypeExpr.Array inner, TypeExpr.Array outer) {
    if (inner.element() instanceof TypeExpr.Array third) {
      throw reports.error(TOO_MANY_DIMENSIONS, outer.pos(), "an array of more than two "
          + "dimensions: '" + poolcheck.language.Printer.print(outer) + "'; flatten one "
          + "dimension into a product range or keep one array per value of it");
    }
    Type.Array rows = (Type.Array) resolve(inner);
    Type second = resolve(outer.index());
    if (!(second instanceof Type.Scalar sj)) {
      throw reports.error(TYPE_MISMATCH, outer.index().pos(), "type mismatch: an array index "
          + "must be bool, a range or an enum, found " + second.describe());
    }
    return new Type.Array(rows.element(), rows.index(), sj);
  }
}
