package org.fusionjdbc.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;

/**
 * The pod of the client conformance suite (HikariCP, jOOQ, SchemaCrawler, Spring, the parameter matrix): a second
 * emulator beside {@link Pod}'s, trusting the same identity, with few rows so that every pushdown=false twin query
 * (a full scan) stays cheap. Started on first use, never stopped before the JVM ends.
 */
final class ClientPod {
  static final int ROWS = 600;
  private static ClientPod instance;

  final Pod pod = Pod.get();
  final FusionEmulator emulator = pod.start(EmulatorOptions.builder().rows(ROWS));

  private ClientPod() {
  }

  static synchronized ClientPod get() {
    if (instance == null) {
      instance = new ClientPod();
    }
    return instance;
  }

  String url(String extra) {
    return "jdbc:fusion://127.0.0.1:" + emulator.port() + "?ssl=false" + (extra.isEmpty() ? "" : "&" + extra);
  }

  String user() {
    return pod.basic().getProperty("user");
  }

  String password() {
    return pod.basic().getProperty("password");
  }

  /** Basic auth, as pools and frameworks pass it: user and password, the auth mode as a driver property. */
  Connection connect(String extra) throws SQLException {
    return DriverManager.getConnection(url(extra), pod.basic());
  }

  /** The oracle of every client test: the same query with nothing pushed to the pod. */
  Connection twin() throws SQLException {
    return connect("pushdown=false");
  }
}
