package org.fusionjdbc.it.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.fusionjdbc.emulator.auth.DemoCredentials;
import org.fusionjdbc.emulator.faults.Fault;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input of every kind gets the SQLState docs/troubleshooting.md documents and a message that says what to fix,
 * never a hang (every test has a timeout) and never a leak: the last test repeats all of them and then counts the
 * driver's live threads and the TCP connections established to the pod (kernel view, /proc/net/tcp).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadInputIT {
  private static StressPod pod;
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    pod = StressPod.start(o -> o.rows(1_500));
  }

  @AfterAll
  static void stop() {
    pod.close();
  }

  @Test
  void missingAndUnreadableKeyFilesAre08001NamingTheFile() {
    Properties missing = pod.props("jwt");
    missing.setProperty("privateKeyFile", dir.resolve("no-such-key.pem").toString());
    rejected(missing, "08001", m -> assertThat(m).contains("no-such-key.pem"));
    Properties directory = pod.props("jwt");
    directory.setProperty("privateKeyFile", dir.toString()); // a directory: exists, cannot be read as a file
    rejected(directory, "08001", m -> assertThat(m).contains(dir.getFileName().toString()));
    Properties garbage = pod.props("oauth");
    garbage.setProperty("privateKeyFile", write("garbage.pem", "not a key\n").toString());
    rejected(garbage, "08001", m -> assertThat(m).contains("garbage.pem"));
  }

  @Test
  void wrongPassphraseIs08001WithoutThePassphrase() throws Exception {
    Path encrypted = dir.resolve("encrypted-key.pem");
    Process p = new ProcessBuilder("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in",
        StressPod.identity().privateKeyFile().toString(), "-passout", "pass:right-passphrase-81",
        "-out", encrypted.toString()).redirectErrorStream(true).start();
    assumeTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl is needed to encrypt a key");
    Properties right = pod.props("jwt");
    right.setProperty("privateKeyFile", encrypted.toString());
    right.setProperty("privateKeyPassword", "right-passphrase-81");
    try (Connection c = DriverManager.getConnection(pod.url(""), right)) {
      assertThat(StressPod.count(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" LIMIT 3")).isEqualTo(3);
    }
    Properties wrong = pod.props("jwt");
    wrong.setProperty("privateKeyFile", encrypted.toString());
    wrong.setProperty("privateKeyPassword", "wrong-passphrase-17");
    rejected(wrong, "08001", m -> assertThat(m).containsIgnoringCase("passphrase").contains("encrypted-key.pem")
        .doesNotContain("wrong-passphrase-17"));
    Properties none = pod.props("jwt");
    none.setProperty("privateKeyFile", encrypted.toString());
    rejected(none, "08001", m -> assertThat(m).containsIgnoringCase("passphrase"));
  }

  @Test
  void certificateOfAnotherKeyIs08001() {
    DemoCredentials other = DemoCredentials.generate(dir.resolve("other"));
    Properties p = pod.props("jwt");
    p.setProperty("certificateFile", other.certificateFile().toString());
    rejected(p, "08001", m -> assertThat(m).contains("does not belong to certificate")
        .contains(other.certificateFile().getFileName().toString()));
  }

  @Test
  void unknownResourceAndColumnAre42S02And42S22() throws SQLException {
    try (Connection c = pod.connect("basic")) {
      failsWith(c, "SELECT * FROM FSCM.\"noSuchResource\"", "42S02", "noSuchResource");
      failsWith(c, "SELECT \"NoSuchColumn\" FROM FSCM.\"invoices\"", "42S22", "NoSuchColumn");
      failsWith(c, "SELECT * FROM FSCM.\"invoices\" WHERE \"NoSuchColumn\" = 1", "42S22", "NoSuchColumn");
      failsWith(c, "SELECT * FROM NOSCHEMA.\"invoices\"", "42S02", "NOSCHEMA");
    }
  }

  @Test
  void syntaxErrorsAre42000WithAPosition() throws SQLException {
    try (Connection c = pod.connect("basic")) {
      failsWith(c, "SELEC * FROM FSCM.\"invoices\"", "42000", "syntax");
      failsWith(c, "SELECT * FROM FSCM.\"invoices\" WHERE", "42000", "line 1");
      failsWith(c, "SELECT * FROM FSCM.\"invoices\" WHERE \"InvoiceId\" = 'abc' AND (", "42000", "line 1");
    }
  }

  @Test
  void badLikeEscapesAre22019And22025() throws SQLException {
    try (Connection c = pod.connect("basic")) {
      failsWith(c, "SELECT * FROM FSCM.\"invoices\" WHERE \"Description\" LIKE 'a' ESCAPE '!!'", "22019",
          "exactly one character");
      failsWith(c, "SELECT * FROM FSCM.\"invoices\" WHERE \"Description\" LIKE 'a!b%' ESCAPE '!'", "22025",
          "escape sequence");
    }
  }

  @Test
  void misspelledSelectNamesThePosition() throws SQLException {
    try (Connection c = pod.connect("basic")) {
      failsWith(c, "SELEC * FROM FSCM.\"invoices\"", "42000", "column 1");
    }
  }

  @Test
  void writesAndDdlAre0A000AndSendNothing() throws SQLException {
    try (Connection c = pod.connect("basic"); Statement st = c.createStatement()) {
      long before = pod.lastSeq();
      for (String sql : List.of("INSERT INTO FSCM.\"invoices\" (\"InvoiceNumber\") VALUES ('X')",
          "UPDATE FSCM.\"invoices\" SET \"InvoiceNumber\" = 'X'", "DELETE FROM FSCM.\"invoices\"",
          "CREATE TABLE T (A INT)", "DROP TABLE FSCM.\"invoices\"")) {
        assertThatThrownBy(() -> st.execute(sql)).as(sql).isInstanceOfSatisfying(SQLException.class,
            e -> assertThat(e.getSQLState()).as(sql + ": " + e.getMessage()).isEqualTo("0A000"));
      }
      assertThat(pod.emulator.journal().filter(e -> e.seq() > before && !e.method().equals("GET")))
          .as("no write request reached the pod").isEmpty();
    }
  }

  /**
   * Comments is not queryable (describe says so; the pod answers 400 to a q naming it). The filter must stay in the
   * driver and the rows must be exactly the matching ones.
   */
  @Test
  void nonQueryableAttributeInAFilterIsFilteredInTheDriverWithCorrectRows() throws SQLException {
    List<Long> expected = pod.emulator.data().rows("invoices").stream()
        .filter(r -> r.get("Comments") != null && ((String) r.get("Comments")).startsWith("Reviewed by S"))
        .map(r -> (Long) r.get("InvoiceId")).sorted().toList();
    assertThat(expected).isNotEmpty();
    long before = pod.lastSeq();
    List<Long> actual = new ArrayList<>();
    try (Connection c = pod.connect("basic"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT \"InvoiceId\" FROM FSCM.\"invoices\" WHERE \"Comments\" LIKE "
            + "'Reviewed by S%' AND \"InvoiceId\" > 0 ORDER BY \"InvoiceId\"")) {
      while (rs.next()) {
        actual.add(rs.getLong(1));
      }
    }
    assertThat(actual).isEqualTo(expected);
    List<JournalEntry> sent = pod.emulator.journal().filter(e -> e.seq() > before && e.path().endsWith("/invoices"));
    assertThat(sent).allSatisfy(e -> {
      assertThat(e.status()).isEqualTo(200);
      assertThat(String.valueOf(e.param("q"))).doesNotContain("Comments");
    });
  }

  @Test
  void htmlOrMalformedJsonFromThePodIs08P01AndTheConnectionStaysUsable() throws SQLException {
    try (Connection c = pod.connect("basic", "maxRetries=2")) {
      assertThat(StressPod.count(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" LIMIT 3")).isEqualTo(3);
      pod.emulator.faults().failNext(Fault.HTML_200, 5);
      failsWith(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\"", "08P01", "HTML");
      pod.emulator.faults().reset();
      pod.emulator.faults().failNext(Fault.MALFORMED_JSON, 5);
      failsWith(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\"", "08P01", "JSON");
      pod.emulator.faults().reset();
      assertThat(StressPod.count(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\" LIMIT 700")).isEqualTo(700);
    } finally {
      pod.emulator.faults().reset();
    }
  }

  /** Everything above again, then: no driver thread and no TCP connection to the pod is left once all is closed. */
  @Test
  void noThreadOrConnectionLeftAfterAllTheFailures() throws Exception {
    runAllOnce(); // warm-up: class loading and JVM-wide singletons are not leaks
    Set<String> before = driverThreads();
    int threadsBefore = before.size();
    for (int i = 0; i < 3; i++) {
      runAllOnce();
    }
    Set<String> leaked = waitFor(() -> {
      Set<String> now = driverThreads();
      now.removeAll(before);
      return now;
    });
    Figures.start("bad-input/leaks").put("threadsBefore", threadsBefore).put("leakedThreads", leaked.size())
        .put("openSockets", establishedToPod().size()).print();
    assertThat(leaked).as("driver threads left running").isEmpty();
    assertThat(waitFor(this::establishedToPod)).as("TCP connections to the pod after close").isEmpty();
  }

  private void runAllOnce() throws Exception {
    missingAndUnreadableKeyFilesAre08001NamingTheFile();
    certificateOfAnotherKeyIs08001();
    unknownResourceAndColumnAre42S02And42S22();
    syntaxErrorsAre42000WithAPosition();
    writesAndDdlAre0A000AndSendNothing();
    htmlOrMalformedJsonFromThePodIs08P01AndTheConnectionStaysUsable();
    try (Connection c = pod.connect("jwt", "maxRetries=1")) {
      pod.emulator.faults().failNext(Fault.UNAVAILABLE_503, 4);
      failsWith(c, "SELECT \"InvoiceId\" FROM FSCM.\"invoices\"", "08S01", "gave up");
    } finally {
      pod.emulator.faults().reset();
    }
  }

  private static void rejected(Properties p, String state, Consumer<String> message) {
    assertThatThrownBy(() -> DriverManager.getConnection(pod.url(""), p).close())
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(state);
          message.accept(e.getMessage());
        });
  }

  private static void failsWith(Connection c, String sql, String state, String fragment) {
    assertThatThrownBy(() -> StressPod.count(c, sql)).as(sql).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getSQLState()).as(sql + " -> " + e.getMessage()).isEqualTo(state);
      assertThat(e.getMessage()).as(sql).containsIgnoringCase(fragment);
    });
  }

  private static Path write(String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Live threads that are neither the emulator's, the JDK's, JUnit's nor this suite's. */
  private static Set<String> driverThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .filter(t -> !t.getName().startsWith("fusion-emulator") && !t.getName().startsWith("HTTP-Dispatcher")
            && !t.getName().startsWith("it-") && t.getThreadGroup() != null
            && !"system".equals(t.getThreadGroup().getName()))
        .map(t -> t.getId() + ":" + t.getName())
        .collect(Collectors.toSet());
  }

  private Set<String> establishedToPod() {
    String port = String.format(Locale.ROOT, "%04X", pod.emulator.port());
    Set<String> out = new java.util.HashSet<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        List<String> lines = Files.readAllLines(Path.of(table));
        for (String line : lines.subList(1, lines.size())) {
          String[] f = line.trim().split("\\s+");
          if (f.length > 3 && f[2].endsWith(":" + port) && f[3].equals("01")) {
            out.add(f[1] + "->" + f[2]);
          }
        }
      } catch (IOException e) {
        // no such table on this kernel
      }
    }
    return out;
  }

  private static <T extends java.util.Collection<?>> T waitFor(java.util.function.Supplier<T> probe)
      throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    T value = probe.get();
    while (!value.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      value = probe.get();
    }
    return value;
  }
}
