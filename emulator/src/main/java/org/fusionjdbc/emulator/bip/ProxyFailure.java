package org.fusionjdbc.emulator.bip;

import java.util.Objects;

/** A failed proxy-report run: the text BI Publisher puts in the SOAP fault, and the ORA code if any. */
final class ProxyFailure extends Exception {

  private static final long serialVersionUID = 1L;
  private static final String WRAPPER = "oracle.xdo.webservice.exception.OperationFailedException: "
      + "PublicReportService::executeReport Failure: Failed to generate report data: "
      + "oracle.xdo.XDOException: java.sql.SQLException: ";

  private final String code;

  private ProxyFailure(String code, String faultText) {
    super(faultText, null, false, false);
    this.code = code;
  }

  /** A database error {@code ORA-nnnnn: message}, wrapped the way BI Publisher reports it. */
  static ProxyFailure ora(int number, String message) {
    String code = String.format("ORA-%05d", number);
    return new ProxyFailure(code, WRAPPER + code + ": " + Objects.requireNonNull(message, "message") + "\n");
  }

  /** A failure of BI Publisher itself (no ORA code), e.g. the data limit or an unknown report. */
  static ProxyFailure server(String faultText) {
    return new ProxyFailure(null, Objects.requireNonNull(faultText, "faultText"));
  }

  /** {@code ORA-nnnnn}, or null for server failures. */
  String code() {
    return code;
  }

  String faultText() {
    return getMessage();
  }
}
