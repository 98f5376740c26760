package org.fusionjdbc.cli.check;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.fusionjdbc.jdbc.FusionProperty;

/** The pod's TLS certificate chain is trusted by this Java and not about to expire (direct connections). */
final class TlsStep implements CheckStep {
  @Override
  public String name() {
    return "tls";
  }

  @Override
  public StepResult run(CheckContext ctx) throws Exception {
    var s = ctx.settings;
    if (!"https".equals(s.baseUrl().getScheme())) {
      return StepResult.skip("plain http (allowed for a loopback host only)");
    }
    if (s.get(FusionProperty.PROXY_HOST).isPresent()) {
      return StepResult.skip("through the proxy: the request step shows whether TLS works");
    }
    int port = s.port() > 0 ? s.port() : 443;
    int timeout = (int) Duration.ofSeconds(15).toMillis();
    try (SSLSocket socket = (SSLSocket) SSLSocketFactory.getDefault().createSocket()) {
      socket.connect(new java.net.InetSocketAddress(s.host(), port), timeout);
      socket.setSoTimeout(timeout);
      socket.startHandshake();
      Certificate[] chain = socket.getSession().getPeerCertificates();
      X509Certificate leaf = (X509Certificate) chain[0];
      long days = Duration.between(Instant.now(), leaf.getNotAfter().toInstant()).toDays();
      String detail = socket.getSession().getProtocol() + ", " + chain.length + " certificates, "
          + leaf.getSubjectX500Principal().getName() + " issued by " + leaf.getIssuerX500Principal().getName()
          + ", expires in " + days + " days";
      return days < 14 ? StepResult.warn(detail, "the pod's certificate expires soon; Oracle renews it") : StepResult.ok(detail);
    } catch (SSLException e) {
      if ("none".equalsIgnoreCase(s.get(FusionProperty.SSL_VERIFICATION).orElse("full"))) {
        return StepResult.warn("the chain is not trusted (" + e.getMessage() + ")", "sslVerification=none hides this;"
            + " never use it with a production pod");
      }
      return StepResult.fail("TLS handshake with " + s.host() + ":" + port + " failed: " + e.getMessage(),
          "this Java does not trust the pod's certificate chain: a proxy that inspects TLS needs its CA imported "
          + "into the truststore (keytool -importcert, or -Djavax.net.ssl.trustStore=...)");
    } catch (java.io.IOException e) {
      return StepResult.fail("cannot connect to " + s.host() + ":" + port + " (" + e + ")",
          "check the host and port in the URL, the firewall, and whether a proxy is needed (proxyHost)");
    }
  }
}
