package org.fusionjdbc.client.bip;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A SOAP 1.2 ({@code Code/Value}, {@code Reason/Text}) or 1.1 ({@code faultcode}, {@code faultstring}) fault. */
record SoapFault(String code, String reason) {
  private static final Pattern ORA = Pattern.compile("\\bORA-\\d{5}\\b");
  private static final Pattern CREDENTIAL = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]{8,}");

  SoapFault {
    code = code == null ? "" : code.strip();
    reason = reason == null ? "" : redact(reason.strip());
  }

  /** The first {@code ORA-nnnnn} in the reason, or null. */
  String oraCode() {
    Matcher m = ORA.matcher(reason);
    return m.find() ? m.group() : null;
  }

  /** Whatever looks like an Authorization value is cut out: a fault text must never carry a credential. */
  static String redact(String text) {
    return CREDENTIAL.matcher(text).replaceAll("$1 <redacted>");
  }
}
