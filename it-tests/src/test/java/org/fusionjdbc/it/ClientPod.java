package org.fusionjdbc.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.testkit.EmulatedPod;

/**
 * The pod of the client conformance suite (HikariCP, jOOQ, SchemaCrawler, Spring, the parameter matrix): a second
 * emulator beside {@link Pod}'s, trusting the same identity, with few rows so that every pushdown=false twin query
 * (a full scan) stays cheap. Started on first use, never stopped before the JVM ends.
 */
final class ClientPod {
  static final int ROWS = 600;
  private static ClientPod instance;

  final Pod pod = Pod.get();
  final EmulatedPod emulated =
      EmulatedPod.start(pod.emulated.identity, pod.emulated.auth, EmulatorOptions.builder().rows(ROWS));
  final FusionEmulator emulator = emulated.emulator;

  private ClientPod() {
  }

  static synchronized ClientPod get() {
    if (instance == null) {
      instance = new ClientPod();
    }
    return instance;
  }

  String url(String extra) {
    return emulated.url(extra);
  }

  String user() {
    return emulated.basic().getProperty("user");
  }

  String password() {
    return emulated.basic().getProperty("password");
  }

  /** Basic auth, as pools and frameworks pass it: user and password, the auth mode as a driver property. */
  Connection connect(String extra) throws SQLException {
    return DriverManager.getConnection(url(extra), emulated.basic());
  }

  /** The oracle of every client test: the same query with nothing pushed to the pod. */
  Connection twin() throws SQLException {
    return connect("pushdown=false");
  }
}
