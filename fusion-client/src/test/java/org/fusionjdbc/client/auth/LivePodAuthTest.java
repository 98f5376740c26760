package org.fusionjdbc.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Runs against a real pod when FUSION_TEST_POD_URL and the settings of FUSION_TEST_AUTH (jwt, oauth or basic)
 * are in the environment; skipped otherwise (no test needs a pod). Nothing secret is printed.
 */
@EnabledIfEnvironmentVariable(named = "FUSION_TEST_POD_URL", matches = "https://.+")
class LivePodAuthTest {

  private static String env(String name) {
    String v = System.getenv(name);
    assumeTrue(v != null && !v.isBlank(), name + " is not set");
    return v;
  }

  private static Optional<String> optional(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }

  private static AuthConfig config() {
    String auth = optional("FUSION_TEST_AUTH").orElse("jwt");
    return switch (auth) {
      case "basic" -> new AuthConfig.Basic(env("FUSION_TEST_USER"), Secret.of(env("FUSION_TEST_PASSWORD")));
      case "oauth" -> new AuthConfig.OAuth(env("FUSION_TEST_USER"), URI.create(env("FUSION_TEST_IDENTITY_DOMAIN_URL")),
          env("FUSION_TEST_CLIENT_ID"), Secret.of(env("FUSION_TEST_CLIENT_SECRET")), env("FUSION_TEST_SCOPE"),
          env("FUSION_TEST_KEY_ALIAS"), Path.of(env("FUSION_TEST_PRIVATE_KEY_FILE")),
          optional("FUSION_TEST_PRIVATE_KEY_PASSWORD").map(Secret::of),
          optional("FUSION_TEST_CERTIFICATE_FILE").map(Path::of), optional("FUSION_TEST_X5T"), Duration.ofMinutes(5));
      default -> new AuthConfig.FusionJwt(env("FUSION_TEST_USER"), env("FUSION_TEST_ISSUER"),
          Path.of(env("FUSION_TEST_PRIVATE_KEY_FILE")), optional("FUSION_TEST_PRIVATE_KEY_PASSWORD").map(Secret::of),
          optional("FUSION_TEST_CERTIFICATE_FILE").map(Path::of), optional("FUSION_TEST_X5T"),
          Duration.ofMinutes(30));
    };
  }

  @Test
  void podAcceptsTheHeader() throws Exception {
    String pod = env("FUSION_TEST_POD_URL").replaceAll("/+$", "");
    try (CloseableHttpClient http = HttpClients.createDefault();
        TokenSource src = TokenSources.create(config(), http, Duration.ofMinutes(2), Clock.systemUTC())) {
      HttpGet get = new HttpGet(pod + "/fscmRestApi/resources/11.13.18.05/invoices?limit=1&onlyData=true");
      get.setHeader("Authorization", src.authorizationHeader());
      get.setHeader("REST-Framework-Version", "4");
      int status = http.execute(get, response -> response.getCode());
      assertThat(status).as("status of GET invoices?limit=1").isEqualTo(200);
    }
  }
}
