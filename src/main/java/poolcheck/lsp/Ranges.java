package poolcheck.lsp;

import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import poolcheck.language.Token;
import poolcheck.language.TokenKind;

/** Model positions (1-based) as LSP ranges (0-based, UTF-16 units: Java chars). */
final class Ranges {
  private Ranges() {}

  static Range of(int line, int column, int length) {
    return new Range(new Position(line - 1, column - 1),
        new Position(line - 1, column - 1 + Math.max(1, length)));
  }

  static int length(Token t) {
    return t.kind() == TokenKind.STRING ? t.text().length() + 2 : t.text().length();
  }

  /** The range of the token starting at a position, one character when none does. */
  static Range at(List<Token> tokens, int line, int column) {
    for (Token t : tokens) {
      if (t.position().line() == line && t.position().column() == column) {
        return of(line, column, length(t));
      }
    }
    return of(line, column, 1);
  }

  /** The index of the token under a cursor (0-based), or -1. */
  static int tokenAt(List<Token> tokens, Position cursor) {
    int line = cursor.getLine() + 1;
    int column = cursor.getCharacter() + 1;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      int c = t.position().column();
      if (t.position().line() == line && column >= c && column <= c + length(t)
          && t.kind() != TokenKind.EOF) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The process named before the name at {@code i} when it is read through an instance:
   * {@code reader[0].got}, {@code napi.budget} or the label of {@code at(reader[r], done)};
   * otherwise null.
   */
  static String instanceBefore(List<Token> tokens, int i) {
    if (i < 2) return null;
    TokenKind sep = tokens.get(i - 1).kind();
    if (sep != TokenKind.DOT && sep != TokenKind.COMMA) return null;
    int j = i - 2;
    if (tokens.get(j).kind() == TokenKind.RBRACKET) {
      int depth = 0;
      for (; j >= 0; j--) {
        TokenKind k = tokens.get(j).kind();
        if (k == TokenKind.RBRACKET) depth++;
        if (k == TokenKind.LBRACKET && --depth == 0) break;
      }
      j--;
    }
    if (j < 0 || tokens.get(j).kind() != TokenKind.IDENT) return null;
    if (sep == TokenKind.COMMA && (j < 2 || tokens.get(j - 1).kind() != TokenKind.LPAREN
        || tokens.get(j - 2).kind() != TokenKind.IDENT
        || !tokens.get(j - 2).text().equals("at"))) {
      return null;
    }
    return tokens.get(j).text();
  }
}
