package org.fusionjdbc.cli.check;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.fusionjdbc.jdbc.FusionProperty;

/**
 * The pod's clock against this machine's, from the Date header of an unauthenticated request: a JWT signed by
 * a machine whose clock is minutes off is refused as not yet valid or expired.
 */
final class ClockStep implements CheckStep {
  static final Duration WARN_AT = Duration.ofSeconds(30);
  static final Duration FAIL_AT = Duration.ofMinutes(2);

  @Override
  public String name() {
    return "clock";
  }

  @Override
  public StepResult run(CheckContext ctx) throws Exception {
    var s = ctx.settings;
    if ("none".equalsIgnoreCase(s.get(FusionProperty.SSL_VERIFICATION).orElse("full"))) {
      return StepResult.skip("sslVerification=none: not compared");
    }
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15));
    s.get(FusionProperty.PROXY_HOST).ifPresentOrElse(h -> b.proxy(ProxySelector.of(new InetSocketAddress(h,
        Integer.parseInt(s.get(FusionProperty.PROXY_PORT).orElseThrow())))), () -> b.proxy(ProxySelector.getDefault()));
    URI uri = URI.create(s.baseUrl() + "/" + s.defaultContextRoot() + "/resources/");
    Instant before = Instant.now();
    HttpResponse<Void> r;
    try {
      r = b.build().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (java.io.IOException e) {
      return StepResult.fail("cannot reach " + s.baseUrl() + " (" + e + ")", "check the host and port in the URL, "
          + "the firewall, and whether a proxy is needed (proxyHost and proxyPort, or the JVM's https.proxyHost)");
    }
    Instant after = Instant.now();
    Optional<String> date = r.headers().firstValue("Date");
    if (r.statusCode() == 407) {
      return StepResult.skip("the proxy wants authentication before the pod answers; the request step goes through it");
    }
    if (date.isEmpty()) {
      return StepResult.skip("the pod sent no Date header (HTTP " + r.statusCode() + ")");
    }
    Instant pod = ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    Instant local = before.plus(Duration.between(before, after).dividedBy(2));
    long skew = Duration.between(local, pod).getSeconds(); // Date has whole seconds: +-1 s is no skew
    String detail = "pod " + date.get() + ", this machine differs by " + skew + " s";
    if (Math.abs(skew) >= FAIL_AT.getSeconds()) {
      return StepResult.fail(detail, "set this machine's clock right (NTP): Fusion refuses a JWT whose iat lies in "
          + "its future or whose exp has passed");
    }
    return Math.abs(skew) >= WARN_AT.getSeconds() ? StepResult.warn(detail, "synchronise this machine's clock (NTP)")
        : StepResult.ok(detail);
  }
}
