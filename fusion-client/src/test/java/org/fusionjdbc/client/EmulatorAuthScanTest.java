package org.fusionjdbc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.ResourcePath;
import org.fusionjdbc.client.query.RowStream;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.auth.DemoCredentials;
import org.fusionjdbc.emulator.journal.JournalEntry;
import org.fusionjdbc.emulator.testkit.EmulatedPod;
import org.fusionjdbc.emulator.testkit.TestIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transport with real token sources against the emulator's real authentication (no clock skew allowed). */
class EmulatorAuthScanTest {

  @Test
  void aScanLongerThanTheTokenLifetimeNeverFailsForIt(@TempDir Path dir) throws Exception {
    TestIdentity id = TestIdentity.generateIn(dir);
    DemoCredentials demo = id.credentials();
    try (EmulatedPod pod = EmulatedPod.start(id, id.authService(s -> s.clockSkew(Duration.ZERO)),
        EmulatorOptions.builder().rows(200))) {
      FusionEmulator emulator = pod.emulator;
      AuthConfig jwt = new AuthConfig.FusionJwt(demo.username(), demo.issuer(), demo.privateKeyFile(), Optional.empty(),
          Optional.of(demo.certificateFile()), Optional.empty(), Duration.ofSeconds(2));
      FusionClientConfig config = FusionClientConfig.builder(URI.create(emulator.baseUrl()), jwt)
          .renewBefore(Duration.ofMillis(700)).pageSize(20).firstPageSize(20).parallelism(1).build();
      int rows = 0;
      try (FusionClient client = FusionClient.open(config);
           RowStream s = client.scan(QuerySpec.builder(ResourcePath.of("fscmRestApi", "invoices"))
               .fields(List.of("InvoiceId")).build())) {
        long start = System.nanoTime();
        while (s.next()) {
          rows++;
          if (rows % 20 == 0) {
            Thread.sleep(350); // a slow consumer: the scan outlives two token lifetimes
          }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(3));
      }
      assertThat(rows).isEqualTo(200);
      List<JournalEntry> calls = emulator.journal().filter(e -> e.path().endsWith("/invoices"));
      assertThat(calls).hasSizeGreaterThanOrEqualTo(10).allSatisfy(e -> {
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.authKind()).isEqualTo("jwt");
        assertThat(e.principal()).isEqualToIgnoringCase(demo.username());
      });
    }
  }

  @Test
  void wrongBasicPasswordIsAnAuthenticationErrorWithoutTheSecret(@TempDir Path dir) {
    try (EmulatedPod pod = EmulatedPod.start(dir, EmulatorOptions.builder().rows(10))) {
      FusionEmulator emulator = pod.emulator;
      DemoCredentials demo = pod.credentials;
      FusionClientConfig bad = FusionClientConfig.builder(URI.create(emulator.baseUrl()),
          new AuthConfig.Basic(demo.username(), Secret.of("not-the-password"))).build();
      try (FusionClient client = FusionClient.open(bad)) {
        assertThatThrownBy(() -> client.describe("fscmRestApi", "invoices"))
            .isInstanceOfSatisfying(FusionException.class, e -> {
              assertThat(e.kind()).isEqualTo(FusionException.Kind.AUTHENTICATION);
              assertThat(e.httpStatus()).isEqualTo(401);
              assertThat(e.getMessage()).doesNotContain("not-the-password");
            });
      }
      FusionClientConfig good = FusionClientConfig.builder(URI.create(emulator.baseUrl()),
          new AuthConfig.Basic(demo.username(), Secret.of(demo.basicPassword()))).build();
      try (FusionClient client = FusionClient.open(good)) {
        assertThat(client.describe("fscmRestApi", "invoices").keyAttributes()).containsExactly("InvoiceId");
      }
    }
  }
}
