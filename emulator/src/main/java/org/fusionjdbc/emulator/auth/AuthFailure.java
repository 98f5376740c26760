package org.fusionjdbc.emulator.auth;

/**
 * Why a credential was refused. The message goes to the journal and FINE logs, never to the caller in
 * detail, and never contains a token, password or secret. No stack trace: it is an expected outcome.
 */
final class AuthFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private static final int MAX_LENGTH = 300;

  AuthFailure(String reason) {
    super(clean(reason), null, false, false);
  }

  /** Reasons quote caller-supplied claims (issuer, user): keep them to one short line in logs and the journal. */
  private static String clean(String reason) {
    String oneLine = reason.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH) + "...";
  }
}
