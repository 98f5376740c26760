package org.fusionjdbc.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.emulator.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FINE logging says when a token was renewed and for whom, and never shows the token itself. */
class AuthLoggingTest {
  private final Logger logger = Logger.getLogger("org.fusionjdbc.client.auth");
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final SimpleFormatter formatter = new SimpleFormatter();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      lines.add(r.getLevel() + " " + formatter.formatMessage(r));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };
  private Level previous;

  @BeforeEach
  void attach() {
    previous = logger.getLevel();
    logger.setLevel(Level.FINE);
    capture.setLevel(Level.ALL);
    logger.addHandler(capture);
  }

  @AfterEach
  void detach() {
    logger.removeHandler(capture);
    logger.setLevel(previous);
  }

  @Test
  void renewalIsLoggedAtFineWithoutTheToken() throws Exception {
    KeyFixtures keys = KeyFixtures.get();
    MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
    TokenSource src = TokenSources.create(new AuthConfig.FusionJwt("INTEGRATION.USER", "iss", keys.encryptedPkcs8,
        Optional.of(Secret.of(KeyFixtures.PASSPHRASE)), Optional.of(keys.cert), Optional.empty(),
        Duration.ofMinutes(30)), null, Duration.ofMinutes(2), clock);
    String first = src.authorizationHeader();
    src.invalidate(first);
    String second = src.authorizationHeader();
    assertThat(lines).containsExactly("FINE renewed token for INTEGRATION.USER, expires in 1800 s",
        "FINE renewed token for INTEGRATION.USER, expires in 1800 s");
    assertThat(String.join("\n", lines)).doesNotContain(first.substring(7, 40)).doesNotContain(second.substring(7))
        .doesNotContain(KeyFixtures.PASSPHRASE);
  }

  @Test
  void failedEarlyRenewalWarnsWithoutSecrets() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
    int[] n = {0};
    var src = new RenewingTokenSource("test", "U", () -> {
      if (n[0]++ > 0) {
        throw FusionException.of(FusionException.Kind.TRANSPORT, "Cannot reach the identity domain");
      }
      return new RenewingTokenSource.Token("Bearer very-secret-token", clock.instant().plusSeconds(600));
    }, Duration.ofMinutes(2), clock);
    src.authorizationHeader();
    clock.advance(Duration.ofMinutes(9));
    assertThat(src.authorizationHeader()).isEqualTo("Bearer very-secret-token");
    assertThat(lines).anyMatch(l -> l.startsWith("WARNING could not renew the token for U early"));
    assertThat(String.join("\n", lines)).doesNotContain("very-secret-token");
  }
}
