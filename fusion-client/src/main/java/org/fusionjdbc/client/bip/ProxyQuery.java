package org.fusionjdbc.client.bip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;

/**
 * Oracle SELECTs through the fusion-jdbc proxy report (docs/bi-publisher.md §1): the SQL travels as one
 * parameter, gzip-compressed and base64-encoded so long statements fit BI Publisher's 4000-character
 * parameter limit; the rows come back with their column names and Oracle types. Paging (OFFSET/FETCH
 * windows) is the caller's job. Thread-safe.
 */
public final class ProxyQuery {
  /** BI Publisher parameters are VARCHAR2(4000). */
  public static final int MAX_PARAMETER_LENGTH = 4000;

  private final BipClient client;

  public ProxyQuery(BipClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Runs one SELECT or WITH query and streams its typed rows; the caller closes the stream. */
  public ProxyRowStream run(String oracleSql) {
    Objects.requireNonNull(oracleSql, "oracleSql");
    checkIsQuery(oracleSql);
    String encoded = encode(oracleSql);
    if (encoded.length() > MAX_PARAMETER_LENGTH) {
      throw FusionException.of(Kind.BAD_REQUEST, "the SQL is too long for BI Publisher: compressed and encoded it "
          + "takes " + encoded.length() + " characters, the limit is " + MAX_PARAMETER_LENGTH + "; shorten it "
          + "(fewer columns or a view)");
    }
    BipSettings s = client.settings();
    ReportResult report;
    try {
      report = client.runReport(ReportRequest.of(s.proxyReportPath()).withParameter(s.proxyParameter(), encoded));
    } catch (FusionException e) {
      throw withoutSql(e, oracleSql, encoded);
    }
    return new ProxyRowStream(report, s.proxyReportPath());
  }

  /** base64(gzip(UTF-8 SQL)), standard alphabet with padding and no line breaks (§1.1). */
  static String encode(String sql) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(sql.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("gzip into memory failed", e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /**
   * Refuses, before any call, text whose first keyword (after blanks and comments) is not SELECT or WITH, and
   * a trailing semicolon; the proxy report checks the rest (ORA-20002).
   */
  static void checkIsQuery(String sql) {
    String s = stripLeadingComments(sql);
    String head = s.length() >= 6 ? s.substring(0, 6).toUpperCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT);
    boolean select = head.startsWith("SELECT") && (s.length() == 6 || !Character.isLetterOrDigit(s.charAt(6))
        && s.charAt(6) != '_');
    boolean with = head.startsWith("WITH") && s.length() > 4 && Character.isWhitespace(s.charAt(4));
    if (!select && !with) {
      throw FusionException.of(Kind.BAD_REQUEST, "only a single SELECT or WITH query can run through BI Publisher; "
          + "the text starts with '" + (s.length() > 30 ? s.substring(0, 30) + "..." : s) + "'");
    }
    if (sql.strip().endsWith(";")) {
      throw FusionException.of(Kind.BAD_REQUEST, "remove the trailing ';': BI Publisher runs one query "
          + "without a terminator");
    }
  }

  private static String stripLeadingComments(String sql) {
    String s = sql.stripLeading();
    while (true) {
      if (s.startsWith("--")) {
        int nl = s.indexOf('\n');
        s = nl < 0 ? "" : s.substring(nl + 1).stripLeading();
      } else if (s.startsWith("/*")) {
        int end = s.indexOf("*/");
        s = end < 0 ? "" : s.substring(end + 2).stripLeading();
      } else {
        return s;
      }
    }
  }

  /** A fault keeps its whole text except the SQL (§1.4): the statement may be long and hold literal data. */
  private static FusionException withoutSql(FusionException e, String sql, String encoded) {
    String message = cut(e.getMessage(), sql, encoded);
    String detail = cut(e.fusionDetail(), sql, encoded);
    if (Objects.equals(message, e.getMessage()) && Objects.equals(detail, e.fusionDetail())) {
      return e;
    }
    return FusionException.builder(e.kind(), message).cause(e.getCause()).httpStatus(e.httpStatus())
        .fusionDetail(detail).fusionErrorCode(e.fusionErrorCode()).retryable(e.retryable()).build();
  }

  private static String cut(String text, String sql, String encoded) {
    if (text == null) {
      return null;
    }
    String t = text.replace(encoded, "<P_FJ_SQL>");
    String trimmed = sql.strip();
    return trimmed.isEmpty() ? t : t.replace(trimmed, "<the SQL>");
  }
}
