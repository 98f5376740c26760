package org.fusionjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.auth.AuthService;
import org.fusionjdbc.emulator.auth.DemoCredentials;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.fusionjdbc.emulator.testkit.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code fusion-sql --check} through the shaded driver against a strict and a permissive emulator: the report walks
 * every step, masks secrets, stops at the first broken step with its fix, and the q probe ends the report with
 * {@code qExtensions=} (empty on the strict pod, the constructs answered exactly on the permissive one).
 */
final class CheckCommandTest {
  private static Path dir;
  private static TestIdentity identity;
  private static DemoCredentials credentials;
  private static FusionEmulator strict;
  private static FusionEmulator permissive;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void start() throws IOException {
    dir = Files.createTempDirectory("fusion-check");
    identity = TestIdentity.generateIn(dir);
    credentials = identity.credentials();
    AuthService auth = identity.authService();
    strict = FusionEmulator.start(EmulatorOptions.builder().rows(500).authService(auth).build());
    permissive = FusionEmulator.start(EmulatorOptions.builder().rows(500).permissive(true).authService(auth).build());
  }

  @AfterAll
  static void stop() {
    strict.close();
    permissive.close();
  }

  private int check(FusionEmulator pod, Properties props, String... extra) throws IOException {
    Path file = Files.createTempFile(dir, "conn", ".properties");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      props.store(w, null);
    }
    List<String> args = new java.util.ArrayList<>(List.of("--check", "-u",
        EmulatedPod.url(pod, ""), "--properties", file.toString()));
    args.addAll(List.of(extra));
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      return FusionSql.run(args.toArray(String[]::new), null, o, e, Map.of());
    }
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private List<String> lines() {
    return out().lines().toList();
  }

  @Test
  void onTheStrictPodEveryStepPassesAndNoExtensionIsExact() throws IOException {
    int code = check(strict, credentials.oauthConnectionProperties(strict.baseUrl()));
    assertThat(code).as(out() + err()).isZero();
    for (String step : List.of("settings", "host", "proxy", "tls", "clock", "token", "request", "framework", "catalog",
        "describe", "latency", "throttling", "q-probe")) {
      assertThat(out()).containsPattern("(?m)^" + step + " +(OK|SKIP|WARN) ");
    }
    assertThat(out()).contains("POST /oauth2/v1/token -> 200", "result: queries work", "in rejected (HTTP 400)");
    assertThat(lines().get(lines().size() - 1)).isEqualTo("qExtensions=");
    assertThat(out() + err()).doesNotContain(credentials.clientSecret());
  }

  @Test
  void withBipTheCheckNamesTheProxyShapeThatWorksAndTheOraErrorOfOneThatIsRefused() throws IOException {
    AuthService auth = identity.authService();
    try (FusionEmulator pod = FusionEmulator.start(EmulatorOptions.builder().rows(200).bipWithRestData()
        .authService(auth).build())) {
      Properties props = credentials.oauthConnectionProperties(pod.baseUrl());
      props.setProperty("bip", "true");
      assertThat(check(pod, props)).as(out() + err()).isZero();
      assertThat(out()).containsPattern("(?m)^bip +OK +proxy shape fj1 works");

      pod.bip().faults().refuseDbmsSql(true); // a pod that refuses DBMS_SQL: auto falls back to XMLGEN
      out.reset();
      assertThat(check(pod, props)).as(out() + err()).isZero();
      assertThat(out()).containsPattern("(?m)^bip +OK +proxy shape xmlgen works").contains("ORA-06550");

      props.setProperty("bipProxy", "fj1"); // pinned to the refused shape: the step fails with the error and a fix
      out.reset();
      check(pod, props);
      assertThat(out()).containsPattern("(?m)^bip +FAIL .*ORA-06550").containsPattern("(?m)^ +fix: ");
      assertThat(out() + err()).doesNotContain(credentials.clientSecret());
    }
  }

  @Test
  void onThePermissivePodTheProbeListsWhatItAnswersExactly() throws IOException {
    int code = check(permissive, credentials.jwtConnectionProperties());
    assertThat(code).as(out() + err()).isZero();
    String last = lines().get(lines().size() - 1);
    assertThat(last).as(out()).startsWith("qExtensions=");
    List<String> exact = List.of(last.substring("qExtensions=".length()).split(","));
    assertThat(exact).as(out()).contains("in", "between", "isNull").isSubsetOf("in", "between", "isNull", "not",
        "quoteDoubling", "starWildcard");
  }

  @Test
  void aWrongIssuerStopsAtTheRequestStepWithItsFixAndExitsOne() throws IOException {
    Properties p = credentials.jwtConnectionProperties();
    p.setProperty("issuer", "someone-else");
    int code = check(strict, p);
    assertThat(code).isEqualTo(1);
    assertThat(out()).containsPattern("(?m)^request +FAIL SQLState 28000").contains("fix: ", "Trusted Issuer")
        .doesNotContain("latency ", "qExtensions=");
  }

  @Test
  void jsonForMachinesWithSecretsMasked() throws IOException {
    Properties p = credentials.basicConnectionProperties();
    int code = check(strict, p, "--json");
    assertThat(code).as(out() + err()).isZero();
    JsonNode report = new ObjectMapper().readTree(out());
    assertThat(report.get("queriesWork").asBoolean()).isTrue();
    assertThat(report.get("qExtensions").asText()).isEmpty();
    assertThat(report.get("steps")).hasSize(14); // the bip step is skipped without bip=true
    assertThat(report.get("steps").get(0).get("detail").asText()).contains("password=****");
    assertThat(out()).doesNotContain(credentials.basicPassword());
  }

  @Test
  void aClosedPortStopsAtTheFirstNetworkStep() throws IOException {
    Properties p = credentials.jwtConnectionProperties();
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> args = List.of("--check", "-u", "jdbc:fusion://127.0.0.1:" + port + "?ssl=false");
    Path file = Files.createTempFile(dir, "conn", ".properties");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, null);
    }
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int code = FusionSql.run(new String[] {args.get(0), args.get(1), args.get(2), "--properties", file.toString()},
          null, o, e, Map.of());
      assertThat(code).isEqualTo(1);
    }
    assertThat(out()).containsPattern("(?m)^(clock|request) +FAIL ").contains("fix: ");
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
