package org.fusionjdbc.cli.check;

import java.time.Duration;
import java.time.Instant;
import org.fusionjdbc.client.TokenInfo;
import org.fusionjdbc.client.error.FusionException;

/** The credential is obtained: jwt signs with the key, oauth calls the identity domain; lifetime and renewal. */
final class TokenStep implements CheckStep {
  @Override
  public String name() {
    return "token";
  }

  @Override
  public StepResult run(CheckContext ctx) {
    String mode = ctx.settings.authMode();
    int from = ctx.requests.size();
    TokenInfo t;
    try {
      t = ctx.client().token();
    } catch (FusionException e) {
      return StepResult.fail(mode + ": no token", e.getMessage());
    }
    String how = switch (mode) {
      case "jwt" -> "signed a JWT with privateKeyFile";
      case "oauth" -> "the identity domain issued an access token" + ctx.requests.since(from).stream()
          .filter(l -> l.startsWith("POST")).findFirst().map(l -> " (" + l + ")").orElse("");
      case "basic" -> "HTTP Basic with user and password (sent as is, never renewed)";
      default -> "the given bearer token (never renewed)";
    };
    String life = t.expiresAt().map(e -> ", lifetime " + Duration.between(Instant.now(), e).toSeconds() + " s")
        .orElse("") + t.renewAt().map(r -> ", renewed in " + Duration.between(Instant.now(), r).toSeconds() + " s")
        .orElse("");
    return StepResult.ok("auth=" + mode + ": " + how + life);
  }
}
