package org.fusionjdbc.emulator.auth;

/**
 * Why a credential was refused. The message goes to the journal and FINE logs, never to the caller in
 * detail, and never contains a token, password or secret. No stack trace: it is an expected outcome.
 */
final class AuthFailure extends Exception {

  private static final long serialVersionUID = 1L;

  AuthFailure(String reason) {
    super(reason, null, false, false);
  }
}
