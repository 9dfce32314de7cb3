package poolcheck.language;

import static poolcheck.language.ErrorCode.LITERAL_TOO_LARGE;
import static poolcheck.language.ErrorCode.UNEXPECTED_CHARACTER;
import static poolcheck.language.ErrorCode.UNTERMINATED_TEXT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns model text into tokens. Stops at the first lexical error: later tokens would mislead. */
public final class Lexer {
  private static final Map<String, TokenKind> KEYWORDS = new HashMap<>();

  static {
    for (TokenKind k : TokenKind.values()) {
      if (k.isKeyword() && !k.isContextual()) KEYWORDS.put(k.spelling(), k);
    }
  }

  private final String file;
  private final String text;
  private int pos;
  private int line = 1;
  private int column = 1;

  public Lexer(String file, String text) {
    this.file = file;
    this.text = text;
  }

  /**
   * The position just after {@code text}, counted as the lexer counts: CR, LF and CRLF each end
   * a line. Used to place an error found before lexing (a byte that is not UTF-8).
   */
  static Position positionAfter(String file, CharSequence text) {
    Lexer l = new Lexer(file, text.toString());
    while (l.pos < l.text.length()) l.advance();
    return l.here();
  }

  public static boolean isKeyword(String word) {
    return KEYWORDS.containsKey(word);
  }

  public List<Token> tokens() throws ModelException {
    List<Token> out = new ArrayList<>();
    // A byte-order mark some editors write: not part of the text.
    if (text.startsWith("\uFEFF")) pos++;
    while (true) {
      skipSpaceAndComments();
      Position start = here();
      if (pos >= text.length()) {
        out.add(new Token(TokenKind.EOF, "", 0, start));
        return out;
      }
      char c = text.charAt(pos);
      if (isLetter(c)) {
        int from = pos;
        while (pos < text.length() && (isLetter(text.charAt(pos)) || isDigit(text.charAt(pos)))) {
          advance();
        }
        String word = text.substring(from, pos);
        out.add(new Token(KEYWORDS.getOrDefault(word, TokenKind.IDENT), word, 0, start));
      } else if (isDigit(c)) {
        int from = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) advance();
        String digits = text.substring(from, pos);
        long value = digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (value > Integer.MAX_VALUE) {
          throw error(LITERAL_TOO_LARGE, start, "integer literal " + digits + " is too large (at "
              + "most "
              + Integer.MAX_VALUE + ")");
        }
        out.add(new Token(TokenKind.INT, digits, (int) value, start));
      } else if (c == '"') {
        advance();
        int from = pos;
        while (pos < text.length() && text.charAt(pos) != '"' && !isLineEnd(text.charAt(pos))) {
          advance();
        }
        if (pos >= text.length() || text.charAt(pos) != '"') {
          throw error(UNTERMINATED_TEXT, start, "unterminated string: expected '\"' before end "
              + "of line");
        }
        String s = text.substring(from, pos);
        advance();
        out.add(new Token(TokenKind.STRING, s, 0, start));
      } else {
        TokenKind kind = punctuation();
        if (kind == null) {
          throw error(UNEXPECTED_CHARACTER, start, "unexpected character '" + c + "'" + habit(c));
        }
        for (int i = 0; i < kind.spelling().length(); i++) advance();
        out.add(new Token(kind, kind.spelling(), 0, start));
      }
    }
  }

  private TokenKind punctuation() {
    char c = text.charAt(pos);
    char n = pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
    return switch (c) {
      case '{' -> TokenKind.LBRACE;
      case '}' -> TokenKind.RBRACE;
      case '(' -> TokenKind.LPAREN;
      case ')' -> TokenKind.RPAREN;
      case '[' -> TokenKind.LBRACKET;
      case ']' -> TokenKind.RBRACKET;
      case ';' -> TokenKind.SEMI;
      case ':' -> TokenKind.COLON;
      case ',' -> TokenKind.COMMA;
      case '@' -> TokenKind.AT;
      case '.' -> n == '.' ? TokenKind.DOTDOT : TokenKind.DOT;
      case '=' -> n == '=' ? TokenKind.EQ : n == '>' ? TokenKind.IMPLIES : TokenKind.ASSIGN;
      case '!' -> n == '=' ? TokenKind.NE : TokenKind.NOT;
      case '<' -> n == '=' ? TokenKind.LE : TokenKind.LT;
      case '>' -> n == '=' ? TokenKind.GE : TokenKind.GT;
      case '+' -> TokenKind.PLUS;
      case '-' -> TokenKind.MINUS;
      case '*' -> TokenKind.STAR;
      case '/' -> TokenKind.SLASH;
      case '%' -> TokenKind.PERCENT;
      case '&' -> n == '&' ? TokenKind.AND : null;
      case '~' -> n == '>' ? TokenKind.LEADS_TO : null;
      case '|' -> n == '|' ? TokenKind.OR : null;
      default -> null;
    };
  }

  /** TLA+ and Promela operators that poolcheck spells otherwise. */
  private String habit(char c) {
    char before = pos > 0 ? text.charAt(pos - 1) : '\0';
    char after = pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
    if (c == '\\' && before == '/') return " (TLA+'s /\\ is '&&' here)";
    if (c == '\\' && after == '/') return " (TLA+'s \\/ is '||' here)";
    if (c == '\\') {
      return " (TLA+'s \\in, \\A, \\E are 'in', 'forall', 'exists' here)";
    }
    if (c == '#') return " (TLA+'s # is '!=' here)";
    if (c == '~') return " (TLA+'s ~ is '!' here; '~>' is leads-to)";
    if (c == '\'') return " (a step assigns with 'x = e;', not x' = e)";
    if (c == '&' || c == '|') return " (write '" + c + c + "')";
    return "";
  }

  private void skipSpaceAndComments() throws ModelException {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        advance();
      } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '/') {
        while (pos < text.length() && !isLineEnd(text.charAt(pos))) advance();
      } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '*') {
        Position start = here();
        advance();
        advance();
        while (pos < text.length() && !(text.charAt(pos) == '*' && pos + 1 < text.length()
            && text.charAt(pos + 1) == '/')) {
          advance();
        }
        if (pos >= text.length()) {
          throw error(UNTERMINATED_TEXT, start, "unterminated comment: expected '*/' before end "
              + "of file");
        }
        advance();
        advance();
      } else {
        return;
      }
    }
  }

  /** ASCII only, as documented: Character.isLetter would let 'café' or '٣' through. */
  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** CR alone (old Mac files) and CRLF end a line as LF does. */
  private static boolean isLineEnd(char c) {
    return c == '\n' || c == '\r';
  }

  private void advance() {
    char c = text.charAt(pos);
    boolean crOfCrlf = c == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n';
    if (c == '\n' || (c == '\r' && !crOfCrlf)) {
      line++;
      column = 1;
    } else {
      column++;
    }
    pos++;
  }

  private Position here() {
    return new Position(file, line, column);
  }

  private static ModelException error(ErrorCode code, Position at, String message) {
    return new ModelException(new Diagnostic(code, at, message));
  }
}
