package org.fusionjdbc.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.fusionjdbc.emulator.testkit.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argument checks with clear messages, thread safety, and no secret in logs. */
class AuthHygieneTest {

  @TempDir static Path dir;
  static DemoCredentials demo;
  static PrivateKey key;

  @BeforeAll
  static void keys() {
    demo = DemoCredentials.generate(dir);
    key = Pems.readPrivateKey(demo.privateKeyFile());
  }

  @Test
  void builderRejectsNonsenseWithMessagesThatSayWhatToFix() {
    assertThatThrownBy(() -> AuthSettings.builder().accessTokenLifetime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> AuthSettings.builder().accessTokenLifetime(Duration.ofMillis(1500)))
        .hasMessageContaining("whole number of seconds");
    assertThatThrownBy(() -> AuthSettings.builder().clockSkew(Duration.ofSeconds(-1))).hasMessageContaining("negative");
    assertThatThrownBy(() -> AuthSettings.builder().trustIssuer(" ", demo.certificate())).hasMessageContaining("issuer");
    assertThatThrownBy(() -> AuthSettings.builder().basicUser("U", "")).hasMessageContaining("password");
    assertThatThrownBy(() -> new OAuthClient("id", "secret", java.util.Set.of(), java.util.Map.of("a", demo.certificate())))
        .hasMessageContaining("scope");
  }

  @Test
  void unreadableKeyFileErrorNamesTheFixButNotTheContent() throws Exception {
    Path bad = dir.resolve("pkcs1.pem");
    Files.writeString(bad, "-----BEGIN RSA PRIVATE KEY-----\nSECRETBYTES\n-----END RSA PRIVATE KEY-----\n");
    assertThatThrownBy(() -> Pems.readPrivateKey(bad))
        .hasMessageContaining("openssl pkcs8").hasMessageNotContaining("SECRETBYTES");
    assertThatThrownBy(() -> Pems.readCertificate(bad)).hasMessageContaining("X.509");
  }

  @Test
  void authenticatorIsSafeUnderConcurrentUse() throws Exception {
    AuthService service = AuthService.create(demo.applyTo(AuthSettings.builder()).build());
    Instant now = Instant.now();
    String good = TestTokens.sign(TestTokens.headerWithX5t(demo.x5t()).build(),
        TestTokens.fusionClaims(DemoCredentials.ISSUER, DemoCredentials.USERNAME, now).build(), key);
    String unknownUser = TestTokens.sign(TestTokens.headerWithX5t(demo.x5t()).build(),
        TestTokens.fusionClaims(DemoCredentials.ISSUER, "MALLORY", now).build(), key);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        boolean expectGood = i % 2 == 0;
        String token = expectGood ? good : unknownUser;
        results.add(pool.submit(() -> service.authenticator().authenticate("Bearer " + token).accepted() == expectGood));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void fineLogsNeverCarryTokensPasswordsOrSecrets() {
    Logger logger = Logger.getLogger("org.fusionjdbc.emulator.auth");
    List<String> lines = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        lines.add(new java.util.logging.SimpleFormatter().formatMessage(r));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Level before = logger.getLevel();
    logger.setLevel(Level.FINE);
    logger.addHandler(capture);
    try {
      AuthService service = AuthService.create(demo.applyTo(AuthSettings.builder()).build());
      JWTClaimsSet expired = TestTokens.fusionClaims(DemoCredentials.ISSUER, DemoCredentials.USERNAME, Instant.now().minusSeconds(7200)).build();
      String token = TestTokens.sign(TestTokens.headerWithX5t(demo.x5t()).build(), expired, key);
      String wrongPassword = "Basic " + Base64.getEncoder().encodeToString(
          (DemoCredentials.USERNAME + ":" + demo.basicPassword() + "x").getBytes(StandardCharsets.UTF_8));
      service.authenticator().authenticate("Bearer " + token);
      service.authenticator().authenticate(wrongPassword);
      assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
      for (String line : lines) {
        assertThat(line).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1))
            .doesNotContain(demo.basicPassword()).doesNotContain(demo.clientSecret());
      }
    } finally {
      logger.removeHandler(capture);
      logger.setLevel(before);
    }
  }
}
