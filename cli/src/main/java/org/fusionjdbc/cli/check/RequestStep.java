package org.fusionjdbc.cli.check;

import java.sql.SQLException;

/**
 * getConnection with validateOnConnect=true: the driver's own proof, one authenticated request (the resource
 * list of the default family). A failure carries the driver's SQLState and its message, which says what to fix.
 */
final class RequestStep implements CheckStep {
  @Override
  public String name() {
    return "request";
  }

  @Override
  public StepResult run(CheckContext ctx) {
    int from = ctx.requests.size();
    long start = System.nanoTime();
    try {
      ctx.connect(ctx.properties("validateOnConnect", "true"));
    } catch (SQLException e) {
      String seen = ctx.requests.since(from).stream().filter(l -> l.startsWith("GET")).reduce((a, b) -> b)
          .orElse("no response");
      return StepResult.fail("SQLState " + e.getSQLState() + "; " + seen, e.getMessage());
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    String line = ctx.requests.since(from).stream().filter(l -> l.startsWith("GET")).reduce((a, b) -> b)
        .orElse("no request (proven moments ago for the same settings)");
    return StepResult.ok(line + "; getConnection took " + ms + " ms");
  }
}
