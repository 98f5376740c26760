package org.fusionjdbc.client.http;

import java.net.ProxySelector;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultProxyRoutePlanner;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.fusionjdbc.client.config.ProxySettings;

/**
 * Routes a client's requests through the configured proxy (every host, loopback included, so a test pod behind
 * a proxy is reached through it too) or, without one, through whatever the JVM's ProxySelector says (the
 * https.proxyHost / http.nonProxyHosts system properties, or a selector the host tool installed). Proxy
 * credentials are scoped to the proxy's host and port: they answer its 407 and never reach the pod.
 */
final class ProxyRouting {
  private ProxyRouting() {
  }

  static void apply(HttpClientBuilder builder, ProxySettings proxy) {
    List<HttpHost> proxies = new ArrayList<>();
    if (proxy.host().isPresent()) {
      HttpHost host = new HttpHost("http", proxy.host().get(), proxy.port());
      builder.setRoutePlanner(new DefaultProxyRoutePlanner(host));
      proxies.add(host);
    } else {
      builder.setRoutePlanner(new SystemDefaultRoutePlanner(ProxySelector.getDefault()));
      systemProxy("https").ifPresent(proxies::add);
      systemProxy("http").ifPresent(proxies::add);
    }
    if (proxy.user().isPresent() && !proxies.isEmpty()) {
      BasicCredentialsProvider credentials = new BasicCredentialsProvider();
      char[] password = proxy.password().map(s -> s.revealChars()).orElse(new char[0]);
      for (HttpHost p : proxies) {
        credentials.setCredentials(new AuthScope(p.getHostName(), p.getPort()),
            new UsernamePasswordCredentials(proxy.user().get(), password));
      }
      builder.setDefaultCredentialsProvider(credentials);
    }
  }

  /** The proxy named by the JVM's {@code <scheme>.proxyHost}/{@code <scheme>.proxyPort} properties. */
  private static java.util.Optional<HttpHost> systemProxy(String scheme) {
    String host = System.getProperty(scheme + ".proxyHost");
    if (host == null || host.isBlank()) {
      return java.util.Optional.empty();
    }
    int port;
    try {
      port = Integer.parseInt(System.getProperty(scheme + ".proxyPort", scheme.equals("https") ? "443" : "80").trim());
    } catch (NumberFormatException e) {
      port = scheme.equals("https") ? 443 : 80;
    }
    return java.util.Optional.of(new HttpHost("http", host.trim(), port));
  }
}
