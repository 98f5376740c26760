package org.fusionjdbc.cli.check;

import java.io.PrintStream;
import java.util.List;

/** The check's report, as text for people or JSON for machines. Steps never put a secret into their results. */
final class Report {
  private Report() {
  }

  static void textLine(PrintStream out, FirstContactCheck.Outcome o) {
    out.printf("%-10s %-4s %s%n", o.step(), o.result().status(), o.result().detail());
    o.result().fix().ifPresent(f -> out.printf("%-10s      fix: %s%n", "", f));
  }

  static void textEnd(PrintStream out, boolean queriesWork, List<String> qExtensions) {
    out.println(queriesWork ? "result: queries work" : "result: queries do not work yet; fix the step marked FAIL "
        + "and run fusion-sql --check again");
    if (qExtensions != null) {
      out.println("qExtensions=" + String.join(",", qExtensions));
    }
  }

  static void json(PrintStream out, List<FirstContactCheck.Outcome> outcomes, boolean queriesWork,
      List<String> qExtensions) {
    StringBuilder b = new StringBuilder("{\"queriesWork\":").append(queriesWork).append(",\"steps\":[");
    for (int i = 0; i < outcomes.size(); i++) {
      FirstContactCheck.Outcome o = outcomes.get(i);
      b.append(i > 0 ? "," : "").append("{\"step\":").append(string(o.step()))
          .append(",\"status\":").append(string(o.result().status().name()))
          .append(",\"detail\":").append(string(o.result().detail()))
          .append(",\"ms\":").append(o.ms());
      o.result().fix().ifPresent(f -> b.append(",\"fix\":").append(string(f)));
      b.append('}');
    }
    b.append(']');
    if (qExtensions != null) {
      b.append(",\"qExtensions\":").append(string(String.join(",", qExtensions)));
    }
    out.println(b.append('}'));
  }

  static String string(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
