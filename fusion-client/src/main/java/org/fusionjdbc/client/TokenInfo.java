package org.fusionjdbc.client;

import java.time.Instant;
import java.util.Optional;

/**
 * What obtaining a connection's credential produced, for diagnostics; never the credential itself.
 *
 * @param scheme the Authorization scheme, Bearer or Basic
 * @param renewable whether the driver renews it (signed JWTs and OAuth tokens) or it is fixed
 * @param expiresAt when the current token expires, for renewable tokens
 * @param renewAt when the driver renews it, for renewable tokens
 */
public record TokenInfo(String scheme, boolean renewable, Optional<Instant> expiresAt, Optional<Instant> renewAt) {
}
