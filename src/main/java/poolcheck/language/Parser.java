package poolcheck.language;

import static poolcheck.language.ErrorCode.ATOMIC_WITHOUT_REASON;
import static poolcheck.language.ErrorCode.UNEXPECTED_TOKEN;
import static poolcheck.language.ErrorCode.UNTERMINATED_BLOCK;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent, one method per grammar rule (docs/language.md). After an error in a
 * declaration it skips to the next declaration keyword, so one run reports several errors.
 */
public final class Parser {
  private static final Set<TokenKind> DECL_START = EnumSet.of(TokenKind.MODEL, TokenKind.CONST,
      TokenKind.TYPE, TokenKind.ENUM, TokenKind.VAR, TokenKind.PROCESS, TokenKind.INIT,
      TokenKind.INVARIANT, TokenKind.FINAL, TokenKind.INCLUDE, TokenKind.CONFIG);

  private final List<Token> tokens;
  private final List<Diagnostic> errors = new ArrayList<>();
  private int current;
  /** Range bounds in a type stop before '[' so that {@code (0 .. 3)[Page]} is not needed. */
  private boolean inTypeBound;
  /** Open recursive rules, bounded by {@link Nesting#MAX_DEPTH} so the parser never overflows. */
  private int nesting;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Parses one file; includes stay as {@link Decl.Include} for the loader. */
  public static ImmutableList<Decl> parse(String file, String text) throws ModelException {
    Parser parser = new Parser(new Lexer(file, text).tokens());
    ImmutableList<Decl> decls = parser.declarations();
    if (parser.errors.isEmpty()) {
      for (Decl d : decls) {
        Diagnostic deep = Nesting.check(d);
        if (deep != null) parser.errors.add(deep);
      }
    }
    if (!parser.errors.isEmpty()) throw new ModelException(parser.errors);
    return decls;
  }

  /** Parses a single expression, for command-line properties and tests. */
  public static Expr parseExpression(String file, String text) throws ModelException {
    Parser parser = new Parser(new Lexer(file, text).tokens());
    try {
      Expr e = parser.expression();
      parser.consume(TokenKind.EOF, "after the expression");
      Diagnostic deep = Nesting.check(e);
      if (deep != null) throw new ModelException(deep);
      return e;
    } catch (ParseError e) {
      throw new ModelException(parser.errors);
    }
  }

  private static final class ParseError extends RuntimeException {
    ParseError() {
      super(null, null, false, false);
    }
  }

  private ImmutableList<Decl> declarations() {
    ImmutableList.Builder<Decl> out = ImmutableList.builder();
    while (!check(TokenKind.EOF)) {
      int start = current;
      try {
        out.add(declaration());
      } catch (ParseError e) {
        nesting = 0;
        inTypeBound = false;
        synchronize(start);
      }
    }
    return out.build();
  }

  /**
   * Skips to the next declaration. 'var' also declares a process's locals, so it only counts
   * outside braces, counted from the failed declaration's start: an error in a step used to stop
   * at a later local and report the following steps as bad declarations.
   */
  private void synchronize(int start) {
    int depth = 0;
    for (int i = start; i < current; i++) {
      if (tokens.get(i).kind() == TokenKind.LBRACE) depth++;
      if (tokens.get(i).kind() == TokenKind.RBRACE) depth--;
    }
    while (!check(TokenKind.EOF)) {
      Token t = peek();
      // never where the failed declaration began: a contextual keyword that is no declaration
      // there (`config {`) fails without consuming a token, and stopping on it again looped,
      // adding the same error until the heap ran out
      boolean moved = current > start;
      if (moved && (depth <= 0 || t.kind() != TokenKind.VAR) && (DECL_START.contains(t.kind())
          || isDeclarationWord(current))) {
        return;
      }
      if (moved && depth <= 0 && t.kind() == TokenKind.IDENT
          && java.util.Set.of("def", "assume", "type", "init", "config").contains(t.text())
          && (previous().kind() == TokenKind.SEMI || previous().kind() == TokenKind.RBRACE)) {
        return;
      }
      if (t.kind() == TokenKind.LBRACE) depth++;
      if (t.kind() == TokenKind.RBRACE) depth--;
      current++;
    }
  }

  private Decl declaration() {
    Token t = peek();
    if (t.kind() == TokenKind.IDENT && t.text().equals("ghost")
        && peekNext().kind() == TokenKind.VAR) {
      advance();
      Decl.Var v = variable();
      return new Decl.Var(v.pos(), v.name(), v.type(), v.init(), v.guard(), true);
    }
    if (t.kind() == TokenKind.IDENT && t.text().equals("lock")
        && peekNext().kind() == TokenKind.IDENT) {
      advance();
      String name = identifier("as the lock's name");
      consume(TokenKind.SEMI, "after the lock");
      return new Decl.Lock(t.position(), name);
    }
    if (t.kind() == TokenKind.IDENT && t.text().equals("def")
        && peekNext().kind() == TokenKind.IDENT) {
      return def();
    }
    if (t.kind() == TokenKind.IDENT && t.text().equals("assume")) {
      advance();
      Expr condition = expression();
      consume(TokenKind.SEMI, "after the assumption");
      return new Decl.Assume(t.position(), condition);
    }
    switch (declarationKind(t)) {
      case MODEL -> {
        advance();
        String name = identifier("as the model's name");
        consume(TokenKind.SEMI, "after the model's name");
        return new Decl.ModelName(t.position(), name);
      }
      case INCLUDE -> {
        advance();
        Token path = consume(TokenKind.STRING, "a string: the path of the file to include");
        consume(TokenKind.SEMI, "after the include");
        return new Decl.Include(t.position(), path.text());
      }
      case CONST -> {
        advance();
        String name = identifier("as the constant's name");
        TypeExpr bounds = null;
        if (match(TokenKind.COLON)) bounds = type();
        consume(TokenKind.ASSIGN, "'=' and the constant's value");
        Expr value = expression();
        consume(TokenKind.SEMI, "after the constant");
        return new Decl.Const(t.position(), name, bounds, value);
      }
      case TYPE -> {
        advance();
        String name = identifier("as the type's name");
        consume(TokenKind.ASSIGN, "'=' and the type");
        TypeExpr type = type();
        consume(TokenKind.SEMI, "after the type");
        return new Decl.TypeAlias(t.position(), name, type);
      }
      case ENUM -> {
        advance();
        String name = identifier("as the enumeration's name");
        consume(TokenKind.LBRACE, "'{' and the enumeration's values");
        ImmutableList.Builder<String> values = ImmutableList.builder();
        ImmutableList.Builder<Position> positions = ImmutableList.builder();
        do {
          positions.add(peek().position());
          values.add(identifier("as an enumeration value"));
        } while (match(TokenKind.COMMA));
        consume(TokenKind.RBRACE, "'}' after the enumeration's values");
        match(TokenKind.SEMI);
        return new Decl.Enum(t.position(), name, values.build(), positions.build());
      }
      case VAR -> {
        return variable();
      }
      case INIT -> {
        advance();
        return new Decl.Init(t.position(), block("init"));
      }
      case PROCESS -> {
        return process();
      }
      case INVARIANT -> {
        advance();
        String name = labelOrField("as the invariant's name");
        consume(TokenKind.COLON, "':' after the invariant's name");
        Expr condition = expression();
        consume(TokenKind.SEMI, "after the invariant");
        return new Decl.Invariant(t.position(), name, condition);
      }
      case FINAL -> {
        advance();
        Expr condition = expression();
        consume(TokenKind.SEMI, "after the final-state predicate");
        return new Decl.Final(t.position(), condition);
      }
      case FAIRNESS -> {
        advance();
        Token kind = peek();
        if (kind.kind() != TokenKind.IDENT
            || !(kind.text().equals("weak") || kind.text().equals("strong"))) {
          throw error(kind, "'weak' or 'strong' after 'fairness'");
        }
        advance();
        consume(TokenKind.COLON, "':' and the fair processes");
        ImmutableList.Builder<String> names = ImmutableList.builder();
        ImmutableList.Builder<Position> positions = ImmutableList.builder();
        do {
          positions.add(peek().position());
          names.add(identifier("as a process to treat fairly"));
        } while (match(TokenKind.COMMA));
        consume(TokenKind.SEMI, "after the fairness declaration");
        return new Decl.Fairness(t.position(), kind.text().equals("strong"), names.build(),
            positions.build());
      }
      case LIVENESS -> {
        advance();
        String name = labelOrField("as the liveness property's name");
        consume(TokenKind.COLON, "':' after the property's name");
        Decl.Liveness live;
        if (temporalWord("eventually")) {
          advance();
          live = new Decl.Liveness(t.position(), name, Decl.LivenessKind.EVENTUALLY, null,
              expression());
        } else if (temporalWord("always")) {
          advance();
          consumeWord("eventually", "'eventually' after 'always'");
          live = new Decl.Liveness(t.position(), name, Decl.LivenessKind.INFINITELY, null,
              expression());
        } else {
          Expr p = expression();
          consume(TokenKind.LEADS_TO, "'~>' (leads to), or write 'eventually' or 'always "
              + "eventually' before the condition");
          live = new Decl.Liveness(t.position(), name, Decl.LivenessKind.LEADS_TO, p,
              expression());
        }
        consume(TokenKind.SEMI, "after the liveness property");
        return live;
      }
      case INLINE -> {
        advance();
        String name = identifier("as the inline's name");
        consume(TokenKind.LPAREN, "'(' and the inline's parameters");
        ImmutableList.Builder<String> params = ImmutableList.builder();
        if (!check(TokenKind.RPAREN)) {
          do {
            params.add(identifier("as a parameter"));
          } while (match(TokenKind.COMMA));
        }
        consume(TokenKind.RPAREN, "')' after the parameters");
        Token open = consume(TokenKind.LBRACE, "'{' to open the inline's steps");
        ImmutableList.Builder<Decl.Step> steps = ImmutableList.builder();
        while (!check(TokenKind.RBRACE)) {
          if (check(TokenKind.EOF)) throw unterminated(open);
          steps.add(step());
        }
        advance();
        return new Decl.Inline(t.position(), name, params.build(), steps.build());
      }
      case CONFIG -> {
        advance();
        String name = identifier("as the configuration's name");
        Token open = consume(TokenKind.LBRACE, "'{' to open the configuration");
        ImmutableList.Builder<Decl.Setting> settings = ImmutableList.builder();
        while (!check(TokenKind.RBRACE)) {
          if (check(TokenKind.EOF)) throw unterminated(open);
          Token constant = peek();
          String c = identifier("as a constant to set");
          consume(TokenKind.ASSIGN, "'=' and the constant's value");
          Expr value = expression();
          consume(TokenKind.SEMI, "after the setting");
          settings.add(new Decl.Setting(constant.position(), c, value));
        }
        advance();
        return new Decl.Config(t.position(), name, settings.build());
      }
      default -> {
        // a declaration word whose name is missing (`config {`) is a word only by context:
        // say what it lacks rather than that a declaration was expected
        String missing = t.kind() != TokenKind.IDENT ? null : switch (t.text()) {
          case "config" -> "the configuration's name after 'config'";
          case "type" -> "the type's name after 'type'";
          case "def" -> "the def's name after 'def'";
          case "inline" -> "the inline's name after 'inline'";
          case "fairness" -> "'weak' or 'strong' after 'fairness'";
          case "liveness" -> "the liveness property's name after 'liveness'";
          default -> null;
        };
        if (missing != null && peekNext().kind() != TokenKind.ASSIGN) {
          advance();
          throw error(peek(), missing);
        }
        throw error(t, "a declaration (const, type, enum, var, init, process, "
            + "invariant, final, include, config, def, assume)");
      }
    }
  }

  /** A declaration's keyword, the contextual ones ({@code type}, {@code init}, ...) included. */
  private TokenKind declarationKind(Token t) {
    if (t.kind() != TokenKind.IDENT) return t.kind();
    TokenKind next = peekNext().kind();
    return switch (t.text()) {
      case "type" -> next == TokenKind.IDENT ? TokenKind.TYPE : t.kind();
      case "init" -> next == TokenKind.LBRACE ? TokenKind.INIT : t.kind();
      case "config" -> next == TokenKind.IDENT ? TokenKind.CONFIG : t.kind();
      // a name follows, or self: said to be no name for an inline, a property's name
      case "inline" -> isLabelOrField(peekNext()) ? TokenKind.INLINE : t.kind();
      case "fairness" -> next == TokenKind.IDENT ? TokenKind.FAIRNESS : t.kind();
      case "liveness" -> isLabelOrField(peekNext()) ? TokenKind.LIVENESS : t.kind();
      default -> t.kind();
    };
  }

  /**
   * Where recovery may stop at a contextual declaration word: {@code inline f(},
   * {@code fairness weak}, {@code liveness n:}, as it stops at a reserved one; the word
   * followed by anything else is a name.
   */
  private boolean isDeclarationWord(int at) {
    Token t = tokens.get(at);
    if (t.kind() != TokenKind.IDENT || at + 2 >= tokens.size()) return false;
    Token name = tokens.get(at + 1);
    TokenKind after = tokens.get(at + 2).kind();
    if (!isLabelOrField(name)) return false;
    return switch (t.text()) {
      case "inline" -> after == TokenKind.LPAREN;
      case "fairness" -> name.text().equals("weak") || name.text().equals("strong");
      case "liveness" -> after == TokenKind.COLON;
      default -> false;
    };
  }

  /**
   * Whether {@code word} ('eventually' or 'always') after {@code liveness n:} is the temporal
   * keyword rather than a name starting {@code p ~> q}. The two readings never both parse: the
   * keyword's condition has no '~>', and a name is followed by an operator, '[', '.' or '('. So
   * the word is a name only when what follows can continue a name and a '~>' comes before the
   * property's ';'; otherwise the keyword, whose errors then say what it lacks.
   */
  private boolean temporalWord(String word) {
    if (!isWord(peek(), word)) return false;
    if (!continuesName(peekNext().kind())) return true;
    int depth = 0;
    for (int i = current + 1; i < tokens.size(); i++) {
      TokenKind k = tokens.get(i).kind();
      if (k == TokenKind.LPAREN || k == TokenKind.LBRACKET) depth++;
      if (k == TokenKind.RPAREN || k == TokenKind.RBRACKET) depth--;
      if (k == TokenKind.LEADS_TO && depth == 0) return false;
      if (k == TokenKind.SEMI || k == TokenKind.EOF || DECL_START.contains(k)
          || isDeclarationWord(i)) {
        return true;
      }
    }
    return true;
  }

  /** What may follow a name in an expression: an operator, an index, a field, arguments. */
  private static boolean continuesName(TokenKind k) {
    return switch (k) {
      case EQ, NE, LT, LE, GT, GE, PLUS, MINUS, STAR, SLASH, PERCENT, AND, OR, IMPLIES,
          LEADS_TO, LBRACKET, DOT, LPAREN -> true;
      default -> false;
    };
  }

  /** {@code def NAME = expr;} or {@code def NAME(a, b) = expr;}. */
  private Decl.Def def() {
    Token t = advance();
    String name = identifier("as the def's name");
    ImmutableList.Builder<String> params = ImmutableList.builder();
    ImmutableList.Builder<Position> positions = ImmutableList.builder();
    if (match(TokenKind.LPAREN)) {
      if (!check(TokenKind.RPAREN)) {
        do {
          positions.add(peek().position());
          params.add(identifier("as a parameter"));
        } while (match(TokenKind.COMMA));
      }
      consume(TokenKind.RPAREN, "')' after the parameters");
    }
    consume(TokenKind.ASSIGN, "'=' and the def's expression");
    Expr body = expression();
    consume(TokenKind.SEMI, "after the def");
    return new Decl.Def(t.position(), name, params.build(), positions.build(), body);
  }

  private Decl.Var variable() {
    Token t = consume(TokenKind.VAR, "'var'");
    String name = identifier("as the variable's name");
    consume(TokenKind.COLON, "':' and the variable's type");
    TypeExpr type = type();
    Expr init = null;
    if (match(TokenKind.ASSIGN)) init = check(TokenKind.LBRACE) ? recordLiteral() : expression();
    Decl.Guard guard = null;
    if (check(TokenKind.IDENT) && peek().text().equals("guarded_by")) {
      advance();
      Token lock = peek();
      identifier("as the lock after 'guarded_by'");
      boolean readOnce = false;
      if (match(TokenKind.COMMA)) {
        Token mode = peek();
        if (mode.kind() != TokenKind.IDENT || !mode.text().equals("read_once")) {
          throw error(mode, "'read_once' after ','");
        }
        advance();
        readOnce = true;
      }
      guard = new Decl.Guard(lock.position(), lock.text(), readOnce);
    }
    consume(TokenKind.SEMI, "after the variable");
    return new Decl.Var(t.position(), name, type, init, guard, false);
  }

  private Decl.Process process() {
    Token t = consume(TokenKind.PROCESS, "'process'");
    String name = identifier("as the process's name");
    Expr instances = null;
    if (match(TokenKind.LBRACKET)) {
      instances = expression();
      consume(TokenKind.RBRACKET, "']' after the number of instances");
    }
    Token open = consume(TokenKind.LBRACE, "'{' to open the process body");
    ImmutableList.Builder<Decl.Var> locals = ImmutableList.builder();
    List<Decl.Step> steps = new ArrayList<>();
    ImmutableList.Builder<Decl.InlineUse> uses = ImmutableList.builder();
    while (!check(TokenKind.RBRACE)) {
      if (check(TokenKind.EOF)) throw unterminated(open);
      if (check(TokenKind.VAR)) {
        locals.add(variable());
      } else if (isWord(peek(), "inline") && isLabelOrField(peekNext())) {
        Token use = advance();
        String inline = identifier("as the inline to expand");
        consume(TokenKind.LPAREN, "'(' and the inline's arguments");
        ImmutableList.Builder<Expr> args = ImmutableList.builder();
        if (!check(TokenKind.RPAREN)) {
          do {
            args.add(expression());   // 'done', a label argument, is read as a name
          } while (match(TokenKind.COMMA));
        }
        consume(TokenKind.RPAREN, "')' after the inline's arguments");
        consume(TokenKind.SEMI, "after the inline expansion");
        uses.add(new Decl.InlineUse(use.position(), inline, args.build(), steps.size()));
      } else {
        steps.add(step());
      }
    }
    advance();
    return new Decl.Process(t.position(), name, instances, locals.build(),
        ImmutableList.copyOf(steps), uses.build());
  }

  private Decl.Step step() {
    Token label = peek();
    // 'done' is where every process ends, so no step takes it as its label
    if (!isLabelOrField(label) || label.text().equals("done")) {
      // described as the keyword, as when the lexer reserved it: "unexpected 'done'"
      Token found = !isLabelOrField(label) ? label
          : new Token(TokenKind.DONE, label.text(), 0, label.position());
      throw error(found, "a step label, 'var' or '}'");
    }
    advance();
    String function = null;
    if (match(TokenKind.AT)) function = identifier("as the kernel function after '@'");
    consume(TokenKind.COLON, "':' after the step label");
    String atomicReason = null;
    if (check(TokenKind.IDENT) && peek().text().equals("atomic")
        && peekNext().kind() != TokenKind.ASSIGN) {
      Token atomic = advance();
      Token reason = peek();
      if (reason.kind() != TokenKind.STRING) {
        errors.add(new Diagnostic(ATOMIC_WITHOUT_REASON, atomic.position(), "'atomic' needs a "
            + "reason: the "
            + "hardware atomic the step stands for, e.g. atomic \"atomic_inc_return\""));
        throw new ParseError();
      }
      advance();
      atomicReason = reason.text();
      if (atomicReason.isBlank()) {
        errors.add(new Diagnostic(ATOMIC_WITHOUT_REASON, reason.position(), "'atomic' needs a "
            + "reason: the hardware atomic the step stands for, found an empty string"));
      }
    }
    Expr guard = null;
    if (match(TokenKind.WHEN)) {
      consume(TokenKind.LPAREN, "'(' after 'when'");
      guard = expression();
      consume(TokenKind.RPAREN, "')' after the guard");
    }
    ImmutableList<Stmt> body = block("step '" + label.text() + "'");
    return new Decl.Step(label.position(), label.text(), function, guard, body, atomicReason);
  }

  private ImmutableList<Stmt> block(String what) {
    Token open = consume(TokenKind.LBRACE, "'{' to open the body of " + what);
    ImmutableList.Builder<Stmt> out = ImmutableList.builder();
    while (!check(TokenKind.RBRACE)) {
      if (check(TokenKind.EOF)) throw unterminated(open);
      out.add(statement());
    }
    advance();
    return out.build();
  }

  private ParseError unterminated(Token open) {
    errors.add(new Diagnostic(UNTERMINATED_BLOCK, open.position(),
        "unterminated block: end of file before the '}' that closes this '{'"));
    return new ParseError();
  }

  private Stmt statement() {
    enter();
    Stmt s = statementAtThisLevel();
    nesting--;
    return s;
  }

  /** Counts one level of nesting; past the limit, an error at the token that opens it. */
  private void enter() {
    if (++nesting > Nesting.MAX_DEPTH) {
      errors.add(Nesting.tooDeep(peek().position()));
      throw new ParseError();
    }
  }

  private Stmt statementAtThisLevel() {
    Token t = peek();
    switch (t.kind()) {
      case IF -> {
        return ifStatement();
      }
      case WHEN -> {
        advance();
        consume(TokenKind.LPAREN, "'(' after 'when'");
        Expr c = expression();
        consume(TokenKind.RPAREN, "')' after the condition");
        consume(TokenKind.SEMI, "after 'when (...)'");
        return new Stmt.When(t.position(), c);
      }
      case EITHER -> {
        advance();
        ImmutableList.Builder<ImmutableList<Stmt>> branches = ImmutableList.builder();
        branches.add(block("'either'"));
        while (match(TokenKind.OR_KW)) branches.add(block("'or'"));
        return new Stmt.Either(t.position(), branches.build());
      }
      case CHOOSE, FOR -> {
        advance();
        String v = identifier("as the bound variable");
        consumeWord("in", "'in' and a finite type");
        TypeExpr domain = type();
        ImmutableList<Stmt> body = block("'" + t.text() + "'");
        return t.kind() == TokenKind.CHOOSE
            ? new Stmt.Choose(t.position(), v, domain, body)
            : new Stmt.For(t.position(), v, domain, body);
      }
      case ASSERT -> {
        advance();
        String name = null;
        if (check(TokenKind.IDENT) && peekNext().kind() == TokenKind.COLON) {
          name = advance().text();
          advance();
        }
        Expr c = expression();
        consume(TokenKind.SEMI, "after the assertion");
        return new Stmt.Assert(t.position(), name, c);
      }
      case GOTO -> {
        advance();
        String label = labelOrField("as the label to go to");
        consume(TokenKind.SEMI, "after the goto");
        return new Stmt.Goto(t.position(), label);
      }
      case IDENT -> {
        if (t.text().equals("skip") && !startsAssignment(peekNext().kind())) {
          advance();
          consume(TokenKind.SEMI, "after 'skip'");
          return new Stmt.Skip(t.position());
        }
        if (t.text().equals("push") && peekNext().kind() == TokenKind.LPAREN) {
          advance();
          advance();
          Expr c = expression();
          consume(TokenKind.COMMA, "',' and the value to push");
          Expr v = expression();
          consume(TokenKind.RPAREN, "')' after push's arguments");
          consume(TokenKind.SEMI, "after push(...)");
          return new Stmt.Push(t.position(), c, v);
        }
        if ((t.text().equals("lock") || t.text().equals("unlock"))
            && peekNext().kind() == TokenKind.LPAREN) {
          advance();
          advance();
          Token lock = peek();
          identifier("as the lock to " + t.text());
          consume(TokenKind.RPAREN, "')' after the lock");
          consume(TokenKind.SEMI, "after " + t.text() + "(...)");
          return new Stmt.LockOp(t.position(), t.text().equals("lock"), lock.text(),
              lock.position());
        }
        if (t.text().equals("pop") && peekNext().kind() == TokenKind.LPAREN) {
          advance();
          Expr c = popArgument();
          consume(TokenKind.SEMI, "after pop(...)");
          return new Stmt.Pop(t.position(), null, c);
        }
        Expr target = postfix();
        Token eq = consume(TokenKind.ASSIGN, "'=' in an assignment");
        if (check(TokenKind.IDENT) && peek().text().equals("pop")
            && peekNext().kind() == TokenKind.LPAREN) {
          advance();
          Expr c = popArgument();
          consume(TokenKind.SEMI, "after the assignment");
          return new Stmt.Pop(eq.position(), target, c);
        }
        Expr value = expression();
        consume(TokenKind.SEMI, "after the assignment");
        return new Stmt.Assign(eq.position(), target, value);
      }
      default -> throw error(t, "a statement (assignment, push, pop, if, when, either, "
          + "choose, for, assert, goto, skip) or '}'");
    }
  }

  /** What follows a variable named as the target of an assignment: {@code skip = 1;}. */
  private static boolean startsAssignment(TokenKind next) {
    return next == TokenKind.ASSIGN || next == TokenKind.LBRACKET || next == TokenKind.DOT;
  }

  private Expr popArgument() {
    consume(TokenKind.LPAREN, "'(' after pop");
    Expr c = expression();
    consume(TokenKind.RPAREN, "')' after pop's argument");
    return c;
  }

  private Stmt ifStatement() {
    Token t = consume(TokenKind.IF, "'if'");
    consume(TokenKind.LPAREN, "'(' after 'if'");
    Expr c = expression();
    consume(TokenKind.RPAREN, "')' after the condition");
    ImmutableList<Stmt> then = block("'if'");
    ImmutableList<Stmt> otherwise = ImmutableList.of();
    if (match(TokenKind.ELSE)) {
      otherwise = check(TokenKind.IF) ? ImmutableList.of(ifStatement()) : block("'else'");
    }
    return new Stmt.If(t.position(), c, then, otherwise);
  }

  /** {@code {pp_ref: 1, mapped: false}}, a record variable's initialiser. */
  private Expr recordLiteral() {
    Token open = consume(TokenKind.LBRACE, "'{'");
    ImmutableList.Builder<String> fields = ImmutableList.builder();
    ImmutableList.Builder<Position> positions = ImmutableList.builder();
    ImmutableList.Builder<Expr> values = ImmutableList.builder();
    if (!check(TokenKind.RBRACE)) {
      do {
        positions.add(peek().position());
        fields.add(labelOrField("as a field's name in {field: value, ...}"));
        consume(TokenKind.COLON, "':' and the field's value");
        values.add(expression());
      } while (match(TokenKind.COMMA));
    }
    consume(TokenKind.RBRACE, "'}' after the record's fields");
    return new Expr.RecordLit(open.position(), fields.build(), positions.build(), values.build());
  }

  // ---- types

  private TypeExpr type() {
    enter();
    TypeExpr base = baseType();
    while (check(TokenKind.LBRACKET)) {
      Token open = advance();
      TypeExpr index = type();
      consume(TokenKind.RBRACKET, "']' after the array's index type");
      base = new TypeExpr.Array(open.position(), base, index);
    }
    nesting--;
    return base;
  }

  private TypeExpr baseType() {
    Token t = peek();
    if (match(TokenKind.BOOL)) return new TypeExpr.Bool(t.position());
    if (isContainerWord(t, peekNext())) {
      advance();
      consume(TokenKind.LT, "'<' after '" + t.text() + "'");
      TypeExpr element = type();
      consume(TokenKind.COMMA, "',' and the capacity");
      Expr capacity = withTypeBound(true, this::additive);
      consume(TokenKind.GT, "'>' after the capacity");
      return new TypeExpr.Container(t.position(), t.text().equals("fifo"), element, capacity);
    }
    if (t.kind() == TokenKind.IDENT && t.text().equals("record")
        && peekNext().kind() == TokenKind.LBRACE) {
      return recordType();
    }
    if (t.kind() == TokenKind.IDENT && t.text().equals("scalarset")
        && peekNext().kind() == TokenKind.LPAREN) {
      advance();
      advance();
      Expr size = expression();
      consume(TokenKind.RPAREN, "')' after the scalarset's size");
      return new TypeExpr.Scalarset(t.position(), size);
    }
    if (t.kind() == TokenKind.LPAREN && isParenthesisedType()) {
      advance();
      TypeExpr inner = type();
      consume(TokenKind.RPAREN, "')' after the type");
      return inner;
    }
    boolean saved = inTypeBound;
    inTypeBound = true;
    try {
      Expr lo = additive();
      if (match(TokenKind.DOTDOT)) {
        Expr hi = additive();
        return new TypeExpr.Range(t.position(), lo, hi);
      }
      if (lo instanceof Expr.Name n) return new TypeExpr.Named(n.pos(), n.name());
      throw error(peek(), "'..' in a range type, or a type name");
    } finally {
      inTypeBound = saved;
    }
  }

  /** {@code record { pp_ref : 0 .. 3, mapped : bool }}; "record" is a name elsewhere. */
  private TypeExpr recordType() {
    Token t = advance();
    consume(TokenKind.LBRACE, "'{' and the record's fields");
    ImmutableList.Builder<TypeExpr.Field> fields = ImmutableList.builder();
    do {
      // a comma after the last field is fine; a record of no fields is not
      if (check(TokenKind.RBRACE) && !fields.build().isEmpty()) break;
      Token name = peek();
      labelOrField("as a field's name");
      consume(TokenKind.COLON, "':' and the field's type");
      fields.add(new TypeExpr.Field(name.position(), name.text(), type()));
    } while (match(TokenKind.COMMA));
    consume(TokenKind.RBRACE, "'}' after the record's fields");
    return new TypeExpr.Record(t.position(), fields.build());
  }

  /** A '(' opens a type when a '..' or a type keyword comes before its matching ')'. */
  private boolean isParenthesisedType() {
    int depth = 0;
    for (int i = current; i < tokens.size(); i++) {
      TokenKind k = tokens.get(i).kind();
      if (k == TokenKind.LPAREN) depth++;
      if (k == TokenKind.RPAREN && --depth == 0) return false;
      if (depth == 1 && (k == TokenKind.DOTDOT || k == TokenKind.BOOL
          || isContainerWord(tokens.get(i), tokens.get(Math.min(i + 1, tokens.size() - 1))))) {
        return true;
      }
      if (k == TokenKind.EOF) return false;
    }
    return false;
  }

  /** {@code fifo<} or {@code lifo<}: a container type; elsewhere fifo and lifo are names. */
  private static boolean isContainerWord(Token t, Token next) {
    return t.kind() == TokenKind.IDENT && (t.text().equals("fifo") || t.text().equals("lifo"))
        && next.kind() == TokenKind.LT;
  }

  // ---- expressions, lowest precedence first

  Expr expression() {
    enter();
    Expr left = or();
    if (check(TokenKind.IMPLIES)) {
      Token op = advance();
      Expr right = expression();
      left = new Expr.Binary(op.position(), "=>", left, right);
    }
    nesting--;
    return left;
  }

  private Expr or() {
    Expr e = and();
    while (check(TokenKind.OR)) {
      Token op = advance();
      e = new Expr.Binary(op.position(), "||", e, and());
    }
    return e;
  }

  private Expr and() {
    Expr e = comparison();
    while (check(TokenKind.AND)) {
      Token op = advance();
      e = new Expr.Binary(op.position(), "&&", e, comparison());
    }
    return e;
  }

  private Expr comparison() {
    Expr e = additive();
    if (check(TokenKind.EQ) || check(TokenKind.NE) || check(TokenKind.LT) || check(TokenKind.LE)
        || check(TokenKind.GT) || check(TokenKind.GE)) {
      Token op = advance();
      e = new Expr.Binary(op.position(), op.text(), e, additive());
    }
    return e;
  }

  private Expr additive() {
    Expr e = multiplicative();
    while (check(TokenKind.PLUS) || check(TokenKind.MINUS)) {
      Token op = advance();
      e = new Expr.Binary(op.position(), op.text(), e, multiplicative());
    }
    return e;
  }

  private Expr multiplicative() {
    Expr e = unary();
    while (check(TokenKind.STAR) || check(TokenKind.SLASH) || check(TokenKind.PERCENT)) {
      Token op = advance();
      e = new Expr.Binary(op.position(), op.text(), e, unary());
    }
    return e;
  }

  private Expr unary() {
    if (check(TokenKind.NOT) || check(TokenKind.MINUS)) {
      Token op = advance();
      enter();
      Expr operand = unary();
      nesting--;
      return new Expr.Unary(op.position(), op.text(), operand);
    }
    return postfix();
  }

  private Expr postfix() {
    Expr e = primary();
    while (!inTypeBound && check(TokenKind.LBRACKET)) {
      Token open = advance();
      Expr index = expression();
      consume(TokenKind.RBRACKET, "']' after the index");
      e = new Expr.Index(open.position(), e, index);
    }
    if (!inTypeBound && check(TokenKind.DOT)) {
      e = localOf(e, advance());
      // an element of a record's array field: cur.seen[c]
      while (check(TokenKind.LBRACKET)) {
        Token open = advance();
        Expr index = expression();
        consume(TokenKind.RBRACKET, "']' after the index");
        e = new Expr.Index(open.position(), e, index);
      }
    }
    return e;
  }

  /** {@code reader[0].got} or {@code napi.budget}: a process instance's local. */
  private Expr localOf(Expr target, Token dot) {
    Token local = peek();
    String name = labelOrField("after '.': the name of a local of the process");
    if (target instanceof Expr.Name n) {
      return new Expr.LocalOf(n.pos(), n.name(), null, name, local.position());
    }
    if (target instanceof Expr.Index ix && ix.target() instanceof Expr.Name n) {
      return new Expr.LocalOf(n.pos(), n.name(), ix.index(), name, local.position());
    }
    if (target instanceof Expr.Index ix && ix.target() instanceof Expr.Index row
        && row.target() instanceof Expr.Name n) {
      errors.add(new Diagnostic(ErrorCode.WRONG_INDEX_COUNT, dot.position(), "'.' after two "
          + "indices: a process instance or an array of records takes one (" + n.name()
          + "[i]." + name + "); there are no two-dimensional arrays of records: declare one "
          + "two-dimensional array per field"));
      throw new ParseError();
    }
    errors.add(new Diagnostic(UNEXPECTED_TOKEN, dot.position(), "unexpected '.': expected it "
        + "after a process instance, as in reader[0].got"));
    throw new ParseError();
  }

  private Expr primary() {
    Token t = peek();
    switch (t.kind()) {
      case INT -> {
        advance();
        return new Expr.IntLit(t.position(), t.value());
      }
      case TRUE, FALSE -> {
        advance();
        return new Expr.BoolLit(t.position(), t.kind() == TokenKind.TRUE);
      }
      case SELF -> {
        advance();
        return new Expr.Self(t.position());
      }
      case LPAREN -> {
        advance();
        Expr e = withTypeBound(false, this::expression);
        consume(TokenKind.RPAREN, "')'");
        return e;
      }
      case IDENT -> {
        if (t.text().equals("at") && peekNext().kind() == TokenKind.LPAREN) return at();
        // count is a quantifier only as 'count x in': elsewhere a name (pool->alloc.count)
        if (t.text().equals("count") && peekNext().kind() == TokenKind.IDENT
            && isWord(tokens.get(Math.min(current + 2, tokens.size() - 1)), "in")) {
          return quantifier(advance());
        }
        advance();
        if (check(TokenKind.LPAREN)) {
          advance();
          ImmutableList.Builder<Expr> args = ImmutableList.builder();
          if (!check(TokenKind.RPAREN)) {
            do {
              args.add(expression());
            } while (match(TokenKind.COMMA));
          }
          consume(TokenKind.RPAREN, "')' after the arguments of " + t.text());
          return new Expr.Call(t.position(), t.text(), args.build());
        }
        return new Expr.Name(t.position(), t.text());
      }
      case FORALL, EXISTS -> {
        return quantifier(advance());
      }
      default -> throw error(t, "an expression");
    }
  }

  /** {@code at(process, label)} or {@code at(process[i], label)}; 'at' is a name elsewhere. */
  private Expr at() {
    Token t = advance();
    consume(TokenKind.LPAREN, "'(' after 'at'");
    String process = identifier("as the process in at(process, label)");
    Expr instance = null;
    if (match(TokenKind.LBRACKET)) {
      instance = expression();
      consume(TokenKind.RBRACKET, "']' after the instance");
    }
    consume(TokenKind.COMMA, "',' and a label in at(process, label)");
    Token label = peek();
    String name = labelOrField("as the label in at(...)");
    consume(TokenKind.RPAREN, "')' after at(...)");
    return new Expr.At(t.position(), process, instance, name, label.position());
  }

  /** forall / exists / count, its keyword {@code t} already taken. */
  private Expr quantifier(Token t) {
    String v = identifier("as the bound variable");
    consumeWord("in", "'in' and a finite type");
    TypeExpr domain = type();
    consume(TokenKind.COLON, "':' before the quantified expression");
    Expr body = withTypeBound(false, this::expression);
    return new Expr.Quantifier(t.position(), t.text(), v, domain, body);
  }

  /**
   * {@code parse} with '[' and '.' meaning an index and a local ({@code bound} false) or ending
   * a type's bound ({@code bound} true: {@code bool[0 .. N]}), then the setting as it was.
   */
  private Expr withTypeBound(boolean bound, java.util.function.Supplier<Expr> parse) {
    boolean saved = inTypeBound;
    inTypeBound = bound;
    try {
      return parse.get();
    } finally {
      inTypeBound = saved;
    }
  }

  // ---- token plumbing

  private String identifier(String role) {
    Token t = peek();
    if (t.kind() == TokenKind.SELF) {
      throw error(t, "a name " + role + " ('self' is a keyword: in a process it is the "
          + "instance's index, which a name 'self' would hide; it may name a step, a record "
          + "field or a property)");
    }
    if (t.kind() != TokenKind.IDENT) {
      if (t.kind().isKeyword()) {
        throw error(t, "a name " + role + " ('" + t.text() + "' is a keyword)");
      }
      throw error(t, "a name " + role);
    }
    advance();
    return t.text();
  }

  /**
   * A step label, a record field or a property's name: a name, or 'self', which cannot mean the
   * instance where only one of those may stand ({@code goto self;}, {@code page[p].self}).
   */
  private String labelOrField(String role) {
    if (check(TokenKind.SELF)) return advance().text();
    return identifier(role);
  }

  private static boolean isLabelOrField(Token t) {
    return t.kind() == TokenKind.IDENT || t.kind() == TokenKind.SELF;
  }

  /** A contextual keyword where the grammar needs it; the lexer reads it as a name. */
  private void consumeWord(String word, String what) {
    if (isWord(peek(), word)) {
      advance();
      return;
    }
    throw error(peek(), what);
  }

  private static boolean isWord(Token t, String word) {
    return t.kind() == TokenKind.IDENT && t.text().equals(word);
  }

  private Token consume(TokenKind kind, String what) {
    if (check(kind)) return advance();
    throw error(peek(), what.startsWith(kind.describe()) ? what : kind.describe() + " " + what);
  }

  private ParseError error(Token found, String expected) {
    if (found.kind() == TokenKind.EOF) {
      errors.add(new Diagnostic(UNEXPECTED_TOKEN, found.position(),
          "unexpected end of file: expected " + expected));
    } else {
      errors.add(new Diagnostic(UNEXPECTED_TOKEN, found.position(),
          "unexpected " + found.describe() + ": expected " + expected + habit(found, expected)));
    }
    return new ParseError();
  }

  /** A hint for spellings of Promela, TLA+ and C that readers of those languages type by habit. */
  private String habit(Token found, String expected) {
    Token before = current > 0 ? tokens.get(current - 1) : null;
    Token after = peekNext();
    if (found.kind() == TokenKind.GT && before != null && before.kind() == TokenKind.MINUS
        && adjacent(before, found)) {
      return " ('->' is not an operator: write a guard as 'when (cond)', an implication as "
          + "'=>')";
    }
    if (found.kind() == TokenKind.COLON && after.kind() == TokenKind.COLON
        && adjacent(found, after)) {
      return " (Promela's '::' options: write 'either { ... } or { ... }')";
    }
    if (found.kind() == TokenKind.EQ && expected.contains("assignment")) {
      return " ('==' compares; an assignment is 'x = e;')";
    }
    if (found.kind() == TokenKind.ASSIGN) {
      return " ('=' assigns; to compare, write '==')";
    }
    return "";
  }

  private static boolean adjacent(Token a, Token b) {
    return a.position().line() == b.position().line()
        && a.position().column() + a.text().length() == b.position().column();
  }

  private boolean match(TokenKind kind) {
    if (check(kind)) {
      advance();
      return true;
    }
    return false;
  }

  private boolean check(TokenKind kind) {
    return peek().kind() == kind;
  }

  private Token peek() {
    return tokens.get(current);
  }

  private Token previous() {
    return tokens.get(current - 1);
  }

  private Token peekNext() {
    return tokens.get(Math.min(current + 1, tokens.size() - 1));
  }

  private Token advance() {
    Token t = tokens.get(current);
    if (t.kind() != TokenKind.EOF) current++;
    return t;
  }
}
