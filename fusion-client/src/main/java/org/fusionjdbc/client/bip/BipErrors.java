package org.fusionjdbc.client.bip;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.client.exchange.HttpFailures;

/**
 * Turns BI Publisher's answers (SOAP faults, HTML pages, bare statuses) into FusionExceptions; what every channel
 * decides alike (retryable statuses, I/O failures) is {@link HttpFailures}'.
 */
final class BipErrors {
  private BipErrors() {
  }

  /**
   * A fault means BI Publisher ran the call and refused it: never retried, whatever the HTTP status (an
   * ORA- error would only fail again, contract §7.6).
   */
  static FusionException fault(int status, SoapFault fault, String display) {
    String ora = fault.oraCode();
    String reason = fault.reason().isEmpty() ? fault.code() : fault.reason();
    String lower = reason.toLowerCase(Locale.ROOT);
    Kind kind;
    String hint;
    if ("ORA-01013".equals(ora) || lower.contains("timed out") || lower.contains("timeout")) {
      kind = Kind.TIMEOUT;
      hint = "the query ran longer than BI Publisher allows; narrow it or fetch smaller windows";
    } else if ("ORA-20003".equals(ora)) {
      kind = Kind.BAD_REQUEST;
      hint = "the result exceeds the proxy report's row limit; fetch it in OFFSET/FETCH windows";
    } else if ("ORA-01031".equals(ora)) {
      kind = Kind.AUTHORIZATION;
      hint = "the BI Publisher data source may not read this object (insufficient privileges)";
    } else if (lower.contains("data limit")) {
      kind = Kind.BAD_REQUEST;
      hint = "the result exceeds BI Publisher's data limit; select fewer columns or fetch smaller windows";
    } else if (ora != null) {
      kind = Kind.BAD_REQUEST;
      hint = ora.equals("ORA-00942") ? "the table or view does not exist or the user may not read it (HR base "
          + "tables need their *_SECURED_LIST_V views)" : "Oracle rejected the SQL; fix it and run it again";
    } else if (lower.contains("not authori") || lower.contains("unauthori") || lower.contains("access denied")
        || lower.contains("permission")) {
      kind = Kind.AUTHORIZATION;
      hint = "the user needs a BI role (e.g. BI Consumer) and read access to the report in the catalog";
    } else if (lower.contains("not found") || lower.contains("does not exist") || lower.contains("invalid report")) {
      kind = Kind.NOT_FOUND;
      hint = "check the report's catalog path (with .xdo) and that the report was uploaded";
    } else {
      kind = Kind.SERVER;
      hint = "BI Publisher could not run the report";
    }
    String shown = reason.length() > 1000 ? reason.substring(0, 1000) + "..." : reason;
    return FusionException.builder(kind, hint + " (SOAP fault, HTTP " + status + " for " + display + "): " + shown)
        .httpStatus(status).fusionDetail(reason).fusionErrorCode(ora).retryable(false).build();
  }

  /** A non-2xx answer without a usable report; {@code body} is already capped. */
  static FusionException status(int status, String contentType, String body, String display) {
    String text = body == null ? "" : body.strip();
    if (text.startsWith("<") && !HttpFailures.looksHtml(contentType, text)) {
      SoapFault f = parseFault(text);
      if (f != null) {
        return fault(status, f, display);
      }
    }
    boolean html = HttpFailures.looksHtml(contentType, text);
    // a 400 without a SOAP fault is not a query Fusion refused (the envelope is the driver's): off the contract
    Kind kind = status == 400 ? Kind.PROTOCOL : HttpFailures.kindOf(status);
    String what = switch (kind) {
      case AUTHENTICATION -> "BI Publisher did not accept the credentials; check the user, password, key or issuer "
          + "(a Basic user must be exempt from MFA)";
      case AUTHORIZATION -> "the user may not call BI Publisher; it needs a BI role such as BI Consumer";
      case NOT_FOUND -> "no BI Publisher service at this path; check the base URL and the BIP service path";
      case THROTTLED -> "BI Publisher throttled the call and the retry budget is spent; retry later";
      case SERVER -> "BI Publisher failed with a server error" + (html ? " (an HTML page: maintenance or a "
          + "gateway error?)" : "");
      default -> html ? "BI Publisher answered with an HTML page instead of SOAP: a login or SSO page, or the wrong "
          + "base URL" : "unexpected HTTP status from BI Publisher";
    };
    String detail = html ? "(an HTML page)" : text.isEmpty() ? null : SoapFault.redact(cap(text, 500));
    return FusionException.builder(kind, what + " (HTTP " + status + " for " + display + ")"
        + (detail == null ? "" : ": " + detail)).httpStatus(status).fusionDetail(detail)
        .retryable(HttpFailures.retryableStatus(status)).build();
  }

  static FusionException htmlOnSuccess(int status, String display) {
    return FusionException.builder(Kind.PROTOCOL, "BI Publisher answered " + display + " with an HTML page instead "
        + "of SOAP (HTTP " + status + "): a login/SSO or maintenance page; check the base URL and that the user "
        + "can sign in without MFA").httpStatus(status).fusionDetail("(an HTML page)").build();
  }

  private static SoapFault parseFault(String xml) {
    try {
      SoapResponseReader.Outcome o = SoapResponseReader.advance(
          SoapResponseReader.reader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
      return o instanceof SoapResponseReader.Fault f ? f.fault() : null;
    } catch (XMLStreamException e) {
      return null; // not XML (or cut at the cap): reported as a plain status
    }
  }

  private static String cap(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
