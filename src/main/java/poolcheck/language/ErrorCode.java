package poolcheck.language;

/**
 * Every code a diagnostic can carry. The code text ({@code PC104}) is stable: users and tests
 * rely on it, and docs/language.md lists this enum (regenerated from it by
 * scripts/regen-golden.sh, checked by ErrorCodesDocumentedTest). The hundreds say the stage:
 * 0xx lexing, 1xx checking a model, 13x locks and step granularity, 14x limits, 15x
 * arithmetic on constants, 2xx export, 3xx trace files. A new code gets a new number; a
 * retired one stays here marked reserved so that its number is never reused.
 */
public enum ErrorCode {
  UNEXPECTED_CHARACTER("PC001", "unexpected character"),
  UNTERMINATED_TEXT("PC002", "unterminated comment or string"),
  LITERAL_TOO_LARGE("PC003", "integer literal too large"),
  NOT_UTF8("PC004", "model file is not UTF-8 text (line and column of the first bad byte)"),
  UNEXPECTED_TOKEN("PC101", "unexpected token (what was found, what was expected)"),
  UNTERMINATED_BLOCK("PC102", "unterminated block (end of file before `}`)"),
  INCLUDE_NOT_FOUND("PC103", "include file not found"),
  UNKNOWN_NAME("PC104", "unknown name"),
  DUPLICATE_DECLARATION("PC105", "duplicate declaration"),
  TYPE_MISMATCH("PC106", "type mismatch"),
  MISSING_LABEL("PC107", "jump to a missing label"),
  OUT_OF_RANGE("PC108", "constant out of range / empty range"),
  NOT_CONSTANT("PC109", "not a constant expression"),
  NOT_ASSIGNABLE("PC110", "assignment to something that is not a variable"),
  WRONG_ARGUMENT_COUNT("PC111", "wrong number of arguments to a builtin or inline"),
  NOT_A_CONTAINER("PC112", "not a container / not an array"),
  DUPLICATE_LABEL("PC113", "duplicate label"),
  SELF_OUTSIDE_PROCESS("PC114", "`self` outside a process"),
  NOT_ALLOWED_HERE("PC115", "statement not allowed here (`goto` in `init`, ...)"),
  NO_STEPS("PC116", "process has no steps"),
  BAD_INSTANCE_COUNT("PC117", "bad instance count or instance number"),
  BAD_OVERRIDE("PC118", "`-D` override of an unknown constant or with a bad value"),
  DUPLICATE_ENUM_VALUE("PC119", "enum value declared twice"),
  CIRCULAR_INCLUDE("PC120", "circular include"),
  UNKNOWN_CONFIG("PC121", "`--config` names no configuration of the model"),
  FOR_OVER_SCALARSET("PC122", "`for` over a scalarset"),
  RECURSIVE_DEF("PC123", "a `def` that calls itself or a `def` declared after it (recursion)"),
  UNKNOWN_FIELD("PC124", "a record has no field of that name"),
  RECORD_AS_A_WHOLE("PC125",
      "a record used as a whole (compared, assigned, indexed without a field); use its fields"),
  NOT_A_RECORD("PC126", "`.field` on something that is neither a record nor a process instance"),
  RECORD_TYPE_HERE("PC127", "a record type where only a global variable's type may be one "
      + "(a local, a field, an index, a container element, a domain)"),
  WRONG_INDEX_COUNT("PC128", "wrong number of indices for an array (`page.f` for `page[p].f`, "
      + "`owner[p]` for `owner[p][c]`)"),
  TOO_MANY_DIMENSIONS("PC129", "an array of more than two dimensions (`bool[A][B][C]`)"),
  UNGUARDED_ACCESSES("PC130", "a step makes two accesses to shared memory no held lock guards"),
  DATA_RACE("PC131", "data race: a guarded variable accessed without its lock"),
  LOCK_ORDER_IN_STEP("PC132",
      "a lock taken after, or an unguarded access after an unlock, in one step"),
  NOT_A_LOCK("PC133",
      "not a lock (`guarded_by x`, `lock(x)` on a variable; a guard on a local)"),
  GHOST_DECIDES_STEP("PC134", "a ghost read where its value decides what a step does"),
  ATOMIC_WITHOUT_REASON("PC135", "`atomic` without a reason"),
  NESTED_TOO_DEEPLY("PC140", "nested too deeply (more than 1,000 levels; see Limits)"),
  STATE_TOO_LARGE("PC141", "state too large (slots or bits; see Limits)"),
  STEP_TOO_COSTLY("PC142", "step or property too costly (successors, length, evaluation; see "
      + "Limits)"),
  NOTHING_TO_CHECK("PC143", "nothing to check: no process"),
  NO_INITIAL_STATE("PC144", "no initial state"),
  SYMMETRY_TOO_LARGE("PC145",
      "warning: a scalarset too large for symmetry reduction is left unreduced"),
  CONSTANT_OVERFLOW("PC150",
      "integer overflow in a constant expression (outside -2^31 .. 2^31 - 1)"),
  INITIAL_VALUE_OUT_OF_RANGE("PC151", "constant initial value outside the variable's range"),
  CONSTANT_ASSUMPTION_FALSE("PC152", "an assumption about the constants alone is false for "
      + "their values (TLA+'s ASSUME): a configuration or -D value the model rules out"),
  NOT_EXPORTABLE("PC201", "the model uses something the export target cannot express (see "
      + "docs/export.md)"),
  TRACE_NOT_JSON("PC301", "trace file is not JSON (truncated, not UTF-8, empty, unreadable)"),
  NOT_A_TRACE("PC302", "trace file is JSON but not a trace (a field missing or of the wrong type)"),
  TRACE_INTEGER_OUT_OF_RANGE("PC303", "trace file has an integer out of range");

  private final String code;
  private final String description;

  ErrorCode(String code, String description) {
    this.code = code;
    this.description = description;
  }

  /** The stable text users see and tests pin, e.g. {@code PC104}. */
  public String code() {
    return code;
  }

  /** One line saying what the code means, as docs/language.md lists it. */
  public String description() {
    return description;
  }

  /**
   * A code no longer produced, kept so that its number is not reused: its description says
   * "reserved" first.
   */
  public boolean isReserved() {
    return description.startsWith("reserved");
  }

  /** The constant whose code text is {@code code}; for callers that read codes back. */
  public static ErrorCode of(String code) {
    for (ErrorCode c : values()) {
      if (c.code.equals(code)) return c;
    }
    throw new IllegalArgumentException("no error code " + code);
  }

  @Override
  public String toString() {
    return code;
  }
}
