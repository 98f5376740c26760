package org.fusionjdbc.emulator.bip;

import java.time.Duration;
import java.util.Objects;

/**
 * How the emulated BI Publisher behaves: where the proxy report lives, the limits it enforces (rows,
 * output bytes, execution time, concurrent runs, parameter length), which base-table data it loads and
 * the fault injector tests arm. Immutable apart from the {@link BipFaults} it carries.
 */
public final class BipOptions {

  public static final String DEFAULT_REPORT_PATH = "/Custom/FusionJdbc/SqlProxy.xdo";
  /** The XMLGEN shape's report (docs/bi-publisher.md §1.5), beside the FJ1 one. */
  public static final String DEFAULT_XMLGEN_REPORT_PATH = "/Custom/FusionJdbc/SqlProxyXmlgen.xdo";

  private final String reportPath;
  private final String xmlgenReportPath;
  private final int rowLimit;
  private final long maxOutputBytes;
  private final Duration executionTimeout;
  private final int concurrencyLimit;
  private final int maxParameterLength;
  private final BaseTableSource baseTables;
  private final int baseTableRows;
  private final BipFaults faults;

  private BipOptions(Builder b) {
    this.reportPath = b.reportPath;
    this.xmlgenReportPath = b.xmlgenReportPath;
    this.rowLimit = b.rowLimit;
    this.maxOutputBytes = b.maxOutputBytes;
    this.executionTimeout = b.executionTimeout;
    this.concurrencyLimit = b.concurrencyLimit;
    this.maxParameterLength = b.maxParameterLength;
    this.baseTables = b.baseTables;
    this.baseTableRows = b.baseTableRows;
    this.faults = b.faults;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static BipOptions defaults() {
    return builder().build();
  }

  /** Catalog path of the proxy report, with the {@code .xdo} suffix. */
  public String reportPath() {
    return reportPath;
  }

  /** Catalog path of the XMLGEN-shape proxy report, with the {@code .xdo} suffix. */
  public String xmlgenReportPath() {
    return xmlgenReportPath;
  }

  /** More rows than this fail the run with ORA-20003 (the proxy's own guard). */
  public int rowLimit() {
    return rowLimit;
  }

  /** Report data larger than this fails like BIP's online data limit. */
  public long maxOutputBytes() {
    return maxOutputBytes;
  }

  /** A query running longer is cancelled (ORA-01013). */
  public Duration executionTimeout() {
    return executionTimeout;
  }

  /** Runs beyond this many at once get the gateway's 503 HTML page. */
  public int concurrencyLimit() {
    return concurrencyLimit;
  }

  /** Longest accepted parameter value, in characters (BIP parameters are VARCHAR2). */
  public int maxParameterLength() {
    return maxParameterLength;
  }

  public BaseTableSource baseTables() {
    return baseTables;
  }

  /** Cap on the rows loaded into each large base table (see {@link BaseTableSource#rows}). */
  public int baseTableRows() {
    return baseTableRows;
  }

  public BipFaults faults() {
    return faults;
  }

  @Override
  public String toString() {
    return "BipOptions[reportPath=" + reportPath + ", xmlgenReportPath=" + xmlgenReportPath + ", rowLimit=" + rowLimit + ", maxOutputBytes="
        + maxOutputBytes + ", executionTimeout=" + executionTimeout + ", concurrencyLimit="
        + concurrencyLimit + ", maxParameterLength=" + maxParameterLength + ", baseTableRows="
        + baseTableRows + "]";
  }

  public static final class Builder {
    private String reportPath = DEFAULT_REPORT_PATH;
    private String xmlgenReportPath = DEFAULT_XMLGEN_REPORT_PATH;
    private int rowLimit = 100_000;
    private long maxOutputBytes = 64L * 1024 * 1024;
    private Duration executionTimeout = Duration.ofSeconds(60);
    private int concurrencyLimit = 4;
    private int maxParameterLength = 4000;
    private BaseTableSource baseTables = SampleBaseTables.INSTANCE;
    private int baseTableRows = 10_000;
    private BipFaults faults = new BipFaults();

    private Builder() {}

    public Builder reportPath(String path) {
      Objects.requireNonNull(path, "reportPath");
      if (!path.startsWith("/") || !path.endsWith(".xdo")) {
        throw new IllegalArgumentException(
            "reportPath must be an absolute catalog path ending in .xdo, e.g. " + DEFAULT_REPORT_PATH
                + ", got " + path);
      }
      this.reportPath = path;
      return this;
    }

    public Builder xmlgenReportPath(String path) {
      Objects.requireNonNull(path, "xmlgenReportPath");
      if (!path.startsWith("/") || !path.endsWith(".xdo")) {
        throw new IllegalArgumentException("xmlgenReportPath must be an absolute catalog path ending in .xdo, e.g. "
            + DEFAULT_XMLGEN_REPORT_PATH + ", got " + path);
      }
      this.xmlgenReportPath = path;
      return this;
    }

    public Builder rowLimit(int rows) {
      this.rowLimit = positive(rows, "rowLimit");
      return this;
    }

    public Builder maxOutputBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxOutputBytes must be positive, got " + bytes);
      }
      this.maxOutputBytes = bytes;
      return this;
    }

    public Builder executionTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "executionTimeout");
      if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() == 0) {
        throw new IllegalArgumentException("executionTimeout must be at least 1 ms, got " + timeout);
      }
      this.executionTimeout = timeout;
      return this;
    }

    public Builder concurrencyLimit(int runs) {
      this.concurrencyLimit = positive(runs, "concurrencyLimit");
      return this;
    }

    public Builder maxParameterLength(int chars) {
      this.maxParameterLength = positive(chars, "maxParameterLength");
      return this;
    }

    public Builder baseTables(BaseTableSource source) {
      this.baseTables = Objects.requireNonNull(source, "baseTables");
      return this;
    }

    public Builder baseTableRows(int rows) {
      this.baseTableRows = positive(rows, "baseTableRows");
      return this;
    }

    public Builder faults(BipFaults faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    public BipOptions build() {
      return new BipOptions(this);
    }

    private static int positive(int value, String name) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }
}
