package org.fusionjdbc.client.config;

import java.util.Objects;
import java.util.Optional;
import org.fusionjdbc.client.auth.Secret;

/**
 * How to reach the pod, the identity domain and BI Publisher through an HTTP proxy. An empty host means "the
 * JVM's proxy system properties decide" (https.proxyHost, http.nonProxyHosts, ...); the user and password then
 * answer a 407 from that proxy. {@link #toString()} never shows the password.
 *
 * @param host the proxy host, or empty for the JVM's settings
 * @param port the proxy port (ignored without a host)
 * @param user the user for Basic proxy authentication, if the proxy asks
 * @param password the password of that user
 */
public record ProxySettings(Optional<String> host, int port, Optional<String> user, Optional<Secret> password) {
  public static final ProxySettings SYSTEM = new ProxySettings(Optional.empty(), -1, Optional.empty(), Optional.empty());

  public ProxySettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "ProxySettings[" + host.map(h -> h + ":" + port).orElse("JVM proxy settings")
        + user.map(u -> ", user=" + u + ", password=****").orElse("") + "]";
  }
}
