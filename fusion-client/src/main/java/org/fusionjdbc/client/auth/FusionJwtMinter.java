package org.fusionjdbc.client.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;
import org.fusionjdbc.client.error.FusionException;

/**
 * Signs the JWT Fusion's Security Console trusts directly (contract §8a, decision 7): header RS256, typ JWT,
 * x5t; claims iss (the trusted issuer), prn and sub (the username), iat, exp, jti.
 */
final class FusionJwtMinter implements RenewingTokenSource.Minter {
  private final AuthConfig.FusionJwt config;
  private final SigningKey key;
  private final Clock clock;

  FusionJwtMinter(AuthConfig.FusionJwt config, SigningKey key, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.key = Objects.requireNonNull(key, "key");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (key.x5t().isEmpty()) {
      throw new IllegalArgumentException("a Fusion JWT needs an x5t");
    }
    Duration lifetime = config.tokenLifetime();
    if (lifetime.isNegative() || lifetime.toSeconds() < 1) {
      throw FusionException.of(FusionException.Kind.CONFIGURATION,
          "The token lifetime must be at least 1 second (default 30 minutes), not " + lifetime);
    }
    if (config.user().isBlank() || config.issuer().isBlank()) {
      throw FusionException.of(FusionException.Kind.CONFIGURATION,
          "JWT authentication needs a user and a trusted issuer (the issuer registered in the Security "
              + "Console's API Authentication provider)");
    }
  }

  @Override
  public RenewingTokenSource.Token mint() {
    Instant iat = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant exp = iat.plus(config.tokenLifetime());
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(config.issuer())
        .claim("prn", config.user())
        .subject(config.user())
        .issueTime(Date.from(iat))
        .expirationTime(Date.from(exp))
        .jwtID(UUID.randomUUID().toString())
        .build();
    return new RenewingTokenSource.Token("Bearer " + key.sign(key.header().build(), claims), exp);
  }
}
