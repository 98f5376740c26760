package org.fusionjdbc.cli.check;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.describe.ResourceDescription;
import org.fusionjdbc.jdbc.ConnectionSettings;

/**
 * What the steps share: the URL and properties as given, the validated settings, one FusionClient for the
 * low-level steps, the JDBC connections of the query steps, the request trace, and what earlier steps found.
 */
public final class CheckContext implements AutoCloseable {
  final String url;
  private final Properties properties;
  final RequestLog requests = new RequestLog();
  private final List<AutoCloseable> opened = new ArrayList<>();
  ConnectionSettings settings;
  private FusionClient client;
  private Connection connection;
  /** The resource the describe, latency and probe steps use, with its schema (FSCM, HCM, CRM). */
  ResourceDescription sample;
  String sampleSchema;
  String sampleContextRoot;
  /** The constructs the q probe found exact; null until the probe has run. */
  List<String> qExtensions;

  CheckContext(String url, Properties properties) {
    this.url = url;
    this.properties = properties;
  }

  /** A copy of the connection properties, with {@code overrides} set. */
  Properties properties(String... overrides) {
    Properties p = new Properties();
    p.putAll(properties);
    for (int i = 0; i + 1 < overrides.length; i += 2) {
      p.setProperty(overrides[i], overrides[i + 1]);
    }
    return p;
  }

  FusionClient client() {
    if (client == null) {
      client = FusionClient.open(settings.toClientConfig());
      opened.add(client);
    }
    return client;
  }

  /** The check's main connection (opened by the request step). */
  Optional<Connection> connection() {
    return Optional.ofNullable(connection);
  }

  Connection connect(Properties p) throws SQLException {
    Connection c = DriverManager.getConnection(url, p);
    opened.add(c);
    if (connection == null) {
      connection = c;
    }
    return c;
  }

  @Override
  public void close() {
    for (AutoCloseable c : opened) {
      try {
        c.close();
      } catch (Exception e) {
        // closing after a check: nothing more to report
      }
    }
    requests.close();
  }
}
