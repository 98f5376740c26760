package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The host application owns java.util.logging: here it turns EVERY logger to ALL (as an application server's debug
 * setting or SchemaCrawler's --log-level does), without any logLevel property of the driver. Every auth mode then
 * connects and queries, and no log record of any logger, the bundled httpclient5's header and wire loggers included,
 * may carry a credential or an Authorization header.
 */
class HostLoggingIT {
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");

  private final Pod pod = Pod.get();

  @Test
  void noCredentialInAnyLogRecordWhenTheHostLogsEverythingAtAll() throws Exception {
    List<String> records = Collections.synchronizedList(new ArrayList<>());
    Handler capture = new Handler() {
      private final SimpleFormatter formatter = new SimpleFormatter();

      @Override
      public void publish(LogRecord r) {
        records.add(r.getLoggerName() + " " + r.getLevel() + " " + formatter.format(r));
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    capture.setLevel(Level.ALL);
    Logger root = Logger.getLogger("");
    Logger driver = Logger.getLogger("org.fusionjdbc");
    Level rootBefore = root.getLevel();
    Map<String, Level> levelsBefore = new HashMap<>();
    root.addHandler(capture);
    driver.addHandler(capture); // the driver's logLevel property, if an earlier test set it, stops propagation here
    try {
      for (String name : Collections.list(LogManager.getLogManager().getLoggerNames())) {
        Logger l = LogManager.getLogManager().getLogger(name);
        if (l != null) {
          levelsBefore.put(name, l.getLevel());
          l.setLevel(Level.ALL); // the host's "everything at ALL", whatever the driver set before
        }
      }
      root.setLevel(Level.ALL);
      for (String mode : List.of("basic", "jwt", "oauth", "bearer")) {
        try (Connection c = pod.connect(pod.props(mode)); Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT \"InvoiceId\" FROM FSCM.\"invoices\" LIMIT 120")) {
          while (rs.next()) {
            rs.getLong(1);
          }
        }
      }
    } finally {
      root.removeHandler(capture);
      driver.removeHandler(capture);
      root.setLevel(rootBefore);
      levelsBefore.forEach((name, level) -> {
        Logger l = LogManager.getLogManager().getLogger(name);
        if (l != null) {
          l.setLevel(level);
        }
      });
    }

    String all = String.join("\n", records);
    assertThat(records).as("the host's ALL reached the bundled libraries (the scan sees something)").isNotEmpty();
    List<String> secrets = pod.secrets();
    for (int i = 0; i < secrets.size(); i++) {
      // never print the value itself, not even in a failure message
      assertThat(all.contains(secrets.get(i))).as("secret #%d appears in a log record", i).isFalse();
    }
    assertThat(all).doesNotContainIgnoringCase("Authorization:").doesNotContain("Bearer ey");
    assertThat(JWT.matcher(all).find()).as("a signed JWT appears in a log record").isFalse();
    assertThat(records).as("records of httpclient5's loggers").noneMatch(r -> r.contains(".hc.client5.http.wire")
        || r.contains(".hc.client5.http.headers") || r.startsWith("org.apache.hc"));
  }
}
