package org.fusionjdbc.client.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.fusionjdbc.client.error.FusionException;

/**
 * Caches a token and renews it before it expires. The fast path is one volatile read. When the token is
 * due, exactly one thread renews while the others keep using the still-valid token; when it has expired
 * (or was invalidated) the others wait for that one renewal. {@link #invalidate} drops the token only if
 * the rejected header is still the current one, so many requests failing with 401 together cause one renewal.
 */
final class RenewingTokenSource implements TokenSource {
  private static final Logger LOG = Logger.getLogger("org.fusionjdbc.client.auth");
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(15);

  /** A freshly minted header and the instant it stops being valid. */
  record Token(String header, Instant expiresAt) {
    Token {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
      return "Token[****, expiresAt=" + expiresAt + "]";
    }
  }

  /** Makes a new token; may block on the network. */
  @FunctionalInterface
  interface Minter {
    Token mint();
  }

  private final String description;
  private final String user;
  private final Minter minter;
  private final Duration renewBefore;
  private final Clock clock;
  private final ReentrantLock renewLock = new ReentrantLock();
  private final AtomicReference<Cached> current = new AtomicReference<>();

  /** A token and the instant from which it is due for renewal. */
  private record Cached(Token token, Instant renewAt) {
  }

  RenewingTokenSource(String description, String user, Minter minter, Duration renewBefore, Clock clock) {
    this.description = Objects.requireNonNull(description, "description");
    this.user = Objects.requireNonNull(user, "user");
    this.minter = Objects.requireNonNull(minter, "minter");
    this.renewBefore = Objects.requireNonNull(renewBefore, "renewBefore");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (renewBefore.isNegative()) {
      throw new IllegalArgumentException("renewBefore must not be negative: " + renewBefore);
    }
  }

  @Override
  public String authorizationHeader() {
    Cached c = current.get();
    Instant now = clock.instant();
    if (c != null && now.isBefore(c.renewAt)) {
      return c.token.header;
    }
    if (c != null && now.isBefore(c.token.expiresAt)) {
      // Due but still valid: renew if nobody else is, otherwise keep using it.
      if (!renewLock.tryLock()) {
        return c.token.header;
      }
      try {
        return renewIfStale(c);
      } catch (FusionException e) {
        Instant failedAt = clock.instant();
        if (failedAt.isBefore(c.token.expiresAt)) {
          LOG.log(Level.WARNING, "could not renew the token for {0} early, still using the current one: {1}",
              new Object[] {user, e.getMessage()});
          // Back off before the next attempt so a failing identity domain is not asked on every request.
          Duration left = Duration.between(failedAt, c.token.expiresAt);
          Duration pause = left.dividedBy(2).compareTo(RETRY_AFTER_FAILURE) < 0 ? left.dividedBy(2)
              : RETRY_AFTER_FAILURE;
          current.compareAndSet(c, new Cached(c.token, failedAt.plus(pause)));
          return c.token.header;
        }
        throw e;
      } finally {
        renewLock.unlock();
      }
    }
    try {
      // Interruptible, so cancelling a statement does not hang behind a slow token request.
      renewLock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FusionException.of(FusionException.Kind.CANCELLED, "Interrupted while waiting for a token renewal", e);
    }
    try {
      return renewIfStale(c);
    } finally {
      renewLock.unlock();
    }
  }

  /** Under the lock: renew unless another thread already replaced {@code seen}. */
  private String renewIfStale(Cached seen) {
    Cached now = current.get();
    if (now != seen && now != null && clock.instant().isBefore(now.renewAt)) {
      return now.token.header;
    }
    Token t = minter.mint();
    Instant issued = clock.instant();
    Duration lifetime = Duration.between(issued, t.expiresAt);
    // A token shorter-lived than twice the margin would be renewed on every call; renew it at half-life then.
    Duration margin = lifetime.compareTo(renewBefore.multipliedBy(2)) < 0 ? lifetime.dividedBy(2) : renewBefore;
    current.set(new Cached(t, t.expiresAt.minus(margin)));
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine("renewed token for " + user + ", expires in " + lifetime.toSeconds() + " s");
    }
    return t.header;
  }

  @Override
  public void invalidate(String rejectedHeader) {
    Cached c = current.get();
    if (c != null && c.token.header.equals(rejectedHeader)) {
      // Only the first of many concurrent 401s gets through; the rest see a different (or no) token.
      current.compareAndSet(c, null);
    }
  }

  @Override
  public java.util.Optional<Instant> expiresAt() {
    return java.util.Optional.ofNullable(current.get()).map(c -> c.token.expiresAt);
  }

  @Override
  public java.util.Optional<Instant> renewAt() {
    return java.util.Optional.ofNullable(current.get()).map(Cached::renewAt);
  }

  @Override
  public boolean renewable() {
    return true;
  }

  @Override
  public String toString() {
    Cached c = current.get();
    return "TokenSource[" + description + ", user=" + user + ", token="
        + (c == null ? "none" : "****, expiresAt=" + c.token.expiresAt) + "]";
  }
}
