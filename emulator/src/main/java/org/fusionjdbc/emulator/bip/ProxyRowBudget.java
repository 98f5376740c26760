package org.fusionjdbc.emulator.bip;

/**
 * The limits one proxy data set runs under, alike for the FJ1 and the XMLGEN shape: the execution timeout (ORA-01013),
 * the proxy's row limit (ORA-20003, raised as the PL/SQL raises it) and BI Publisher's data limit on the output.
 */
final class ProxyRowBudget {
  private final BipOptions settings;
  private final long deadline;
  private int rows;
  private long bytes;

  /** A budget until {@code deadline} (System.nanoTime) whose output starts with {@code head}. */
  ProxyRowBudget(BipOptions settings, long deadline, CharSequence head) {
    this.settings = settings;
    this.deadline = deadline;
    this.bytes = SqlProxy.utf8Length(head);
  }

  /** Counts one more row, failing when time is up or the row limit is passed. */
  void nextRow() throws ProxyFailure {
    if (System.nanoTime() > deadline) {
      throw ProxyFailure.ora(1013, "user requested cancel of current operation");
    }
    if (++rows > settings.rowLimit()) {
      throw ProxyFailure.ora(20003, "fusion-jdbc proxy: the result exceeds " + settings.rowLimit()
          + " rows; fetch it in OFFSET/FETCH windows");
    }
  }

  /** Counts {@code text} as output, failing when the output passes the data limit. */
  void output(CharSequence text) throws ProxyFailure {
    bytes += SqlProxy.utf8Length(text);
    if (bytes > settings.maxOutputBytes()) {
      throw ProxyFailure.server(SqlProxy.dataLimitText(settings.maxOutputBytes()));
    }
  }

  int rows() {
    return rows;
  }
}
