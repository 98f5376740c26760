package org.fusionjdbc.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.error.FusionException;

/** Builds the one pooled HTTP client of a FusionClient: timeouts, TLS policy, gzip, no built-in retries. */
final class HttpClientFactory {
  private HttpClientFactory() {
  }

  record Built(CloseableHttpClient client, PoolingHttpClientConnectionManager pool) {
  }

  static Built build(FusionClientConfig config) {
    checkScheme(config.baseUrl());
    int connections = config.parallelism() + 4; // slices + prefetch + describe + token endpoint
    PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnTotal(connections)
        .setMaxConnPerRoute(connections)
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(config.connectTimeout()))
            .setSocketTimeout(Timeout.of(config.socketTimeout()))
            .build());
    if (config.tlsVerification() == FusionClientConfig.TlsVerification.NONE) {
      // CLIENT policy: otherwise JSSE's own endpoint identification would still check the host name
      pool.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(trustAll())
          .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
          .setHostnameVerifier(NoopHostnameVerifier.INSTANCE).buildClassic());
    }
    PoolingHttpClientConnectionManager manager = pool.build();
    org.apache.hc.client5.http.impl.classic.HttpClientBuilder builder = HttpClients.custom();
    ProxyRouting.apply(builder, config.proxy());
    CloseableHttpClient client = builder
        .setConnectionManager(manager)
        .disableAutomaticRetries() // HttpTransport retries itself, because body parsing failures count too
        .disableRedirectHandling()
        .disableCookieManagement()
        .setUserAgent(userAgent(config.userAgent()))
        .setDefaultRequestConfig(RequestConfig.custom()
            .setConnectionRequestTimeout(Timeout.of(config.connectTimeout()))
            .setResponseTimeout(Timeout.of(config.socketTimeout()))
            .build())
        .evictIdleConnections(Timeout.of(30, TimeUnit.SECONDS))
        .build();
    return new Built(client, manager);
  }

  /** {@code fusion-jdbc/0.1.0 (Java 17.0.9)}. */
  static String userAgent(String product) {
    return product + "/" + version() + " (Java " + System.getProperty("java.version") + ")";
  }

  static String version() {
    try (InputStream in = HttpClientFactory.class.getResourceAsStream("/org/fusionjdbc/client/version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "");
        if (!v.isEmpty() && !v.startsWith("${")) {
          return v;
        }
      }
    } catch (IOException e) {
      // fall through to the manifest
    }
    String v = HttpClientFactory.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** Plain http only to loopback: a token must never cross a network in clear text. */
  static void checkScheme(URI base) {
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return;
    }
    if (!scheme.equals("http")) {
      throw FusionException.of(FusionException.Kind.CONFIGURATION,
          "the Fusion URL must start with https:// (got " + base + ")");
    }
    if (!isLoopback(base.getHost())) {
      throw FusionException.of(FusionException.Kind.CONFIGURATION, "plain http:// is allowed only for a loopback "
          + "host (localhost, 127.0.0.0/8, ::1); use https:// for " + base.getHost());
    }
  }

  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    // only literal addresses: never resolve a name here (a DNS answer must not decide security)
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static SSLContext trustAll() {
    try {
      return SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE).build();
    } catch (GeneralSecurityException e) {
      throw FusionException.of(FusionException.Kind.CONFIGURATION, "cannot build the TLS context", e);
    }
  }
}
