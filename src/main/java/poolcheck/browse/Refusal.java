package poolcheck.browse;

/** A request the explorer refuses, with the HTTP status and the message the page shows. */
final class Refusal extends Exception {
  private static final long serialVersionUID = 1L;

  final int status;

  Refusal(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static Refusal notFound(String message) {
    return new Refusal(404, message);
  }

  static Refusal badRequest(String message) {
    return new Refusal(400, message);
  }
}
