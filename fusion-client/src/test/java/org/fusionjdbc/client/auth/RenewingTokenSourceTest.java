package org.fusionjdbc.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.emulator.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RenewingTokenSourceTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));
  private final AtomicInteger mints = new AtomicInteger();
  private final ExecutorService pool = Executors.newFixedThreadPool(10);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** Mints "Bearer t<n>" valid for {@code lifetime} from the clock's now. */
  private RenewingTokenSource.Minter counting(Duration lifetime) {
    return () -> new RenewingTokenSource.Token("Bearer t" + mints.incrementAndGet(), clock.instant().plus(lifetime));
  }

  @Test
  void cachedUntilRenewBeforeExpiryThenRenewed() {
    var src = new RenewingTokenSource("test", "U", counting(Duration.ofMinutes(30)), Duration.ofMinutes(2), clock);
    assertThat(src.authorizationHeader()).isEqualTo("Bearer t1");
    clock.advance(Duration.ofMinutes(27));
    assertThat(src.authorizationHeader()).isEqualTo("Bearer t1");
    clock.advance(Duration.ofSeconds(59));
    assertThat(src.authorizationHeader()).isEqualTo("Bearer t1");
    clock.advance(Duration.ofSeconds(1)); // exactly 2 minutes before exp
    assertThat(src.authorizationHeader()).isEqualTo("Bearer t2");
    assertThat(mints).hasValue(2);
  }

  @Test
  void shortLivedTokensRenewAtHalfLifeNotOnEveryCall() {
    var src = new RenewingTokenSource("test", "U", counting(Duration.ofSeconds(2)), Duration.ofMinutes(2), clock);
    assertThat(src.authorizationHeader()).isEqualTo("Bearer t1");
    assertThat(src.authorizationHeader()).isEqualTo("Bearer t1");
    clock.advance(Duration.ofMillis(999));
    assertThat(src.authorizationHeader()).isEqualTo("Bearer t1");
    clock.advance(Duration.ofMillis(1));
    assertThat(src.authorizationHeader()).isEqualTo("Bearer t2");
  }

  @Test
  void whileOneThreadRenewsOthersKeepTheValidToken() throws Exception {
    CountDownLatch renewing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RenewingTokenSource.Minter slow = () -> {
      int n = mints.incrementAndGet();
      if (n == 2) {
        renewing.countDown();
        await(release);
      }
      return new RenewingTokenSource.Token("Bearer t" + n, clock.instant().plus(Duration.ofMinutes(30)));
    };
    var src = new RenewingTokenSource("test", "U", slow, Duration.ofMinutes(2), clock);
    src.authorizationHeader();
    clock.advance(Duration.ofMinutes(29)); // due, still valid
    Future<String> renewer = pool.submit(src::authorizationHeader);
    assertThat(renewing.await(10, TimeUnit.SECONDS)).isTrue();
    // The renewer is blocked inside mint(); this call must not wait for it.
    assertThat(pool.submit(src::authorizationHeader).get(10, TimeUnit.SECONDS)).isEqualTo("Bearer t1");
    release.countDown();
    assertThat(renewer.get(10, TimeUnit.SECONDS)).isEqualTo("Bearer t2");
    assertThat(src.authorizationHeader()).isEqualTo("Bearer t2");
  }

  @Test
  void expiredTokenMakesOthersWaitForTheOneRenewal() throws Exception {
    var src = new RenewingTokenSource("test", "U", counting(Duration.ofMinutes(30)), Duration.ofMinutes(2), clock);
    src.authorizationHeader();
    clock.advance(Duration.ofMinutes(31));
    List<Future<String>> results = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < 10; i++) {
      results.add(pool.submit(() -> {
        await(start);
        return src.authorizationHeader();
      }));
    }
    start.countDown();
    for (Future<String> f : results) {
      assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("Bearer t2");
    }
    assertThat(mints).hasValue(2);
  }

  @Test
  void tenConcurrent401sCauseExactlyOneRenewal() throws Exception {
    var src = new RenewingTokenSource("test", "U", counting(Duration.ofMinutes(30)), Duration.ofMinutes(2), clock);
    String rejected = src.authorizationHeader();
    CountDownLatch start = new CountDownLatch(1);
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      done.add(pool.submit(() -> {
        await(start);
        src.invalidate(rejected);
        seen.add(src.authorizationHeader());
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(10, TimeUnit.SECONDS);
    }
    assertThat(mints).hasValue(2);
    assertThat(seen).containsExactly("Bearer t2");
  }

  @Test
  void invalidatingAnOldHeaderIsIgnored() {
    var src = new RenewingTokenSource("test", "U", counting(Duration.ofMinutes(30)), Duration.ofMinutes(2), clock);
    String first = src.authorizationHeader();
    src.invalidate(first);
    assertThat(src.authorizationHeader()).isEqualTo("Bearer t2");
    src.invalidate(first);
    src.invalidate("Bearer unrelated");
    assertThat(src.authorizationHeader()).isEqualTo("Bearer t2");
    assertThat(mints).hasValue(2);
    assertThat(src.renewable()).isTrue();
  }

  @Test
  void failedEarlyRenewalKeepsTheValidTokenButExpiredOneThrows() {
    AtomicInteger calls = new AtomicInteger();
    RenewingTokenSource.Minter flaky = () -> {
      if (calls.incrementAndGet() > 1) {
        throw FusionException.of(FusionException.Kind.TRANSPORT, "identity domain unreachable");
      }
      return new RenewingTokenSource.Token("Bearer ok", clock.instant().plus(Duration.ofMinutes(30)));
    };
    var src = new RenewingTokenSource("test", "U", flaky, Duration.ofMinutes(2), clock);
    src.authorizationHeader();
    clock.advance(Duration.ofMinutes(29));
    assertThat(src.authorizationHeader()).isEqualTo("Bearer ok");
    assertThat(calls).hasValue(2);
    // After a failed early renewal the next attempt waits 15 s instead of hitting a failing server per request.
    clock.advance(Duration.ofSeconds(14));
    assertThat(src.authorizationHeader()).isEqualTo("Bearer ok");
    assertThat(calls).hasValue(2);
    clock.advance(Duration.ofSeconds(1));
    assertThat(src.authorizationHeader()).isEqualTo("Bearer ok");
    assertThat(calls).hasValue(3);
    clock.advance(Duration.ofMinutes(2));
    assertThatThrownBy(src::authorizationHeader).isInstanceOf(FusionException.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void aThreadWaitingForRenewalCanBeCancelled() throws Exception {
    CountDownLatch minting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    var src = new RenewingTokenSource("test", "U", () -> {
      minting.countDown();
      await(release);
      return new RenewingTokenSource.Token("Bearer t", clock.instant().plusSeconds(600));
    }, Duration.ofMinutes(2), clock);
    Future<String> first = pool.submit(src::authorizationHeader);
    assertThat(minting.await(10, TimeUnit.SECONDS)).isTrue();
    CountDownLatch waiterStarted = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
    Thread waiter = new Thread(() -> {
      waiterStarted.countDown();
      try {
        src.authorizationHeader();
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "token-waiter");
    waiter.start();
    assertThat(waiterStarted.await(10, TimeUnit.SECONDS)).isTrue();
    waiter.interrupt();
    waiter.join(10_000);
    assertThat(waiter.isAlive()).isFalse();
    assertThat(failure.get()).isInstanceOf(FusionException.class);
    assertThat(((FusionException) failure.get()).kind()).isEqualTo(FusionException.Kind.CANCELLED);
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("Bearer t");
  }

  @Test
  void toStringNeverShowsTheToken() {
    var src = new RenewingTokenSource("test", "U", counting(Duration.ofMinutes(30)), Duration.ofMinutes(2), clock);
    String h = src.authorizationHeader();
    assertThat(src.toString()).doesNotContain(h.substring(7)).contains("****").contains("user=U");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
