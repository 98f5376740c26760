package org.fusionjdbc.emulator.bip;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Faults tests arm for the next runReport calls, the ways BI Publisher fails besides bad SQL: an HTML
 * error page from the gateway or login page, or a SOAP fault with a given text. Each armed fault is
 * consumed by one authenticated request, in the order armed. Thread-safe.
 */
public final class BipFaults {

  /** One armed fault. */
  public sealed interface Fault permits HtmlPage, SoapFault {}

  /** An HTML page with the given HTTP status (e.g. 502, 503, 504), as gateways answer. */
  public record HtmlPage(int status) implements Fault {
    public HtmlPage {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("HTML error page status must be 4xx or 5xx, got " + status);
      }
    }
  }

  /** A SOAP fault (HTTP 500) whose reason text is {@code text}. */
  public record SoapFault(String text) implements Fault {
    public SoapFault {
      Objects.requireNonNull(text, "text");
    }
  }

  private final Deque<Fault> armed = new ArrayDeque<>();
  private volatile boolean dbmsSqlRefused;

  /**
   * A locked-down pod: while on, the FJ1 proxy report fails as Oracle fails inline PL/SQL that calls DBMS_SQL
   * without EXECUTE on it (ORA-06550 with PLS-00201), for every run until turned off. The XMLGEN report still works.
   */
  public BipFaults refuseDbmsSql(boolean refuse) {
    dbmsSqlRefused = refuse;
    return this;
  }

  public boolean dbmsSqlRefused() {
    return dbmsSqlRefused;
  }

  public BipFaults htmlErrorPage(int status, int times) {
    return arm(new HtmlPage(status), times);
  }

  public BipFaults soapFault(String text, int times) {
    return arm(new SoapFault(text), times);
  }

  public synchronized BipFaults arm(Fault fault, int times) {
    Objects.requireNonNull(fault, "fault");
    if (times <= 0) {
      throw new IllegalArgumentException("times must be positive, got " + times);
    }
    for (int i = 0; i < times; i++) {
      armed.addLast(fault);
    }
    return this;
  }

  /** Drops armed faults and turns the DBMS_SQL refusal off. */
  public synchronized void clear() {
    armed.clear();
    dbmsSqlRefused = false;
  }

  synchronized Optional<Fault> next() {
    return Optional.ofNullable(armed.pollFirst());
  }
}
