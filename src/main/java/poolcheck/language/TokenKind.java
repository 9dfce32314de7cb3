package poolcheck.language;

/** Token kinds; keywords carry their spelling so the lexer can look them up. */
public enum TokenKind {
  IDENT(null), INT(null), STRING(null), EOF("end of file"),
  // punctuation
  LBRACE("{"), RBRACE("}"), LPAREN("("), RPAREN(")"), LBRACKET("["), RBRACKET("]"),
  SEMI(";"), COLON(":"), COMMA(","), DOTDOT(".."), DOT("."), AT("@"),
  ASSIGN("="), EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
  PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"),
  NOT("!"), AND("&&"), OR("||"), IMPLIES("=>"), LEADS_TO("~>"),
  // keywords
  MODEL("model"), CONST("const"), TYPE("type"), ENUM("enum"), VAR("var"), PROCESS("process"),
  INIT("init"), INVARIANT("invariant"), FINAL("final"), INCLUDE("include"), BOOL("bool"),
  TRUE("true"), FALSE("false"), WHEN("when"), ASSERT("assert"), IF("if"), ELSE("else"),
  EITHER("either"), OR_KW("or"), CHOOSE("choose"), FOR("for"), IN("in"), GOTO("goto"),
  SKIP("skip"), DONE("done"), SELF("self"), AT_KW("at"), FORALL("forall"), EXISTS("exists"),
  COUNT("count"), FIFO("fifo"), LIFO("lifo"), CONFIG("config"), INLINE("inline"),
  FAIRNESS("fairness"), LIVENESS("liveness"), EVENTUALLY("eventually"), ALWAYS("always");

  private final String spelling;

  TokenKind(String spelling) {
    this.spelling = spelling;
  }

  /** How the token reads in an error message. */
  public String describe() {
    return switch (this) {
      case IDENT -> "a name";
      case INT -> "an integer";
      case STRING -> "a string";
      case EOF -> "end of file";
      default -> "'" + spelling + "'";
    };
  }

  public String spelling() {
    return spelling;
  }

  public boolean isKeyword() {
    return ordinal() >= MODEL.ordinal();
  }

  /**
   * A contextual keyword: a keyword only where the grammar expects one ({@code count x in T:},
   * {@code type T = ...}, {@code init { ... }}, {@code config c { ... }}, {@code skip;},
   * {@code x in T}, {@code at(}, {@code fifo<}, {@code goto done}, {@code inline f(},
   * {@code fairness weak:}, {@code liveness n:}, {@code eventually q;}), a name elsewhere, as
   * kernel code uses these words as names ({@code pool->alloc.count}, {@code mem->type},
   * {@code napi->skip}, {@code req->done}). The lexer reads them as names;
   * the parser recognises them by where they stand and what follows. {@code self} is not one:
   * it means the instance wherever an expression may stand, so a variable, constant, local or
   * process of that name would hide it; the parser takes it only as a label or a record field.
   */
  public boolean isContextual() {
    return this == COUNT || this == TYPE || this == INIT || this == CONFIG || this == DONE
        || this == SKIP || this == IN || this == AT_KW || this == FIFO || this == LIFO
        || this == INLINE || this == FAIRNESS || this == LIVENESS || this == EVENTUALLY
        || this == ALWAYS;
  }
}
