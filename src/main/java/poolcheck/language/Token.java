package poolcheck.language;

/** One lexeme with its position; {@code value} holds an integer literal's value. */
public record Token(TokenKind kind, String text, int value, Position position) {
  public String describe() {
    return switch (kind) {
      case IDENT -> "name '" + text + "'";
      case INT -> "integer " + text;
      case STRING -> "string \"" + text + "\"";
      case EOF -> "end of file";
      default -> "'" + text + "'";
    };
  }
}
