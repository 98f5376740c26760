package org.fusionjdbc.jdbc;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.error.FusionException;

/**
 * Proves a new connection's credentials before getConnection returns, so a tool's "Test Connection" tests: the
 * token is obtained (oauth: the token call; jwt: signed) and one small authenticated request is made, the
 * resource list of the default schema's family, which the first query needs anyway and the client caches. A
 * failure is 28000 (credentials, issuer, certificate, user) or 08001 (unreachable, TLS, proxy) with what to fix.
 * A pool opening many connections with the same settings proves them once a minute, not once per connection.
 */
final class ConnectionProof {
  /** How long a proof stands for other connections with the same pool key. */
  static final Duration PROVEN_FOR = Duration.ofSeconds(60);
  private static final Map<String, Instant> PROVEN = new ConcurrentHashMap<>();

  private ConnectionProof() {
  }

  static void prove(FusionClient client, ConnectionSettings settings) throws SQLException {
    String key = settings.poolKey();
    Instant provenAt = PROVEN.get(key);
    if (provenAt != null && provenAt.plus(PROVEN_FOR).isAfter(Instant.now())) {
      return;
    }
    try {
      client.resourceNames(settings.defaultContextRoot());
    } catch (FusionException e) {
      PROVEN.remove(key);
      throw failure(e, settings);
    } catch (RuntimeException e) {
      PROVEN.remove(key);
      throw SqlErrors.map(e);
    }
    if (PROVEN.size() > 1000) {
      PROVEN.clear(); // a bound, not an LRU: a JVM with that many distinct settings just proves again
    }
    PROVEN.put(key, Instant.now());
  }

  static SQLException failure(FusionException e, ConnectionSettings settings) {
    return switch (e.kind()) {
      case AUTHENTICATION -> new SQLInvalidAuthorizationSpecException(rejected(e, settings), SqlStates.AUTH_REJECTED, e);
      case AUTHORIZATION -> new SQLInvalidAuthorizationSpecException("The pod accepted the credentials of user '"
          + settings.get(FusionProperty.USER).orElse("(from the token)") + "' but does not let that user read the "
          + "REST catalog of " + settings.defaultContextRoot() + " (HTTP 403): give the user a role with REST "
          + "access to the resources it should read (docs/getting-started.md, the integration user). "
          + e.getMessage(), SqlStates.AUTH_REJECTED, e);
      case CONFIGURATION -> new SQLNonTransientConnectionException(e.getMessage(), SqlStates.CANNOT_CONNECT, e);
      case NOT_FOUND -> new SQLNonTransientConnectionException("The host " + settings.baseUrl() + " answered, but "
          + "not as a Fusion pod: it has no REST API at /" + settings.defaultContextRoot() + " (HTTP 404); check "
          + "the host in the URL (e.g. <pod>.fa.<dc>.oraclecloud.com) and the restVersion", SqlStates.CANNOT_CONNECT, e);
      default -> new SQLNonTransientConnectionException(e.httpStatus() == 407 ? "The proxy between this machine "
          + "and " + settings.baseUrl() + " refused the request (HTTP 407 Proxy Authentication Required): set "
          + "proxyUser and proxyPassword to the proxy's user and password (Basic)"
          : unreachable(e, settings), SqlStates.CANNOT_CONNECT, e);
    };
  }

  private static String rejected(FusionException e, ConnectionSettings settings) {
    if (e.httpStatus() != 401 || !e.getMessage().startsWith("Fusion did not accept")) {
      return e.getMessage(); // the identity domain's refusal already names the setting to fix
    }
    String user = settings.get(FusionProperty.USER).orElse("");
    String fix = switch (settings.authMode()) {
      case "jwt" -> "check that issuer '" + settings.get(FusionProperty.ISSUER).orElse("")
          + "' is the Trusted Issuer of an API Authentication provider in the Security Console, that the "
          + "certificate of privateKeyFile is registered under that provider, that user '" + user
          + "' exists and is active, and that this machine's clock is right";
      case "oauth" -> "the identity domain issued a token, but the pod refused it: check that scope names this "
          + "pod's Fusion application (instance id) and that user '" + user + "' exists in Fusion";
      case "basic" -> "check user '" + user + "' and its password; a pod that signs in through SSO or MFA refuses "
          + "Basic authentication, use auth=jwt there";
      default -> "the access token is expired, revoked or for another pod: obtain a new one";
    };
    return "Fusion rejected the credentials (HTTP 401 from " + settings.baseUrl() + "): " + fix
        + " (docs/getting-started.md lists what each mistake looks like)";
  }

  private static String unreachable(FusionException e, ConnectionSettings settings) {
    String where = settings.baseUrl().toString();
    String proxy = settings.get(FusionProperty.PROXY_HOST).map(h -> "the proxy " + h + ":"
        + settings.get(FusionProperty.PROXY_PORT).orElse("")).orElse("the network or proxy settings (proxyHost, or "
        + "the JVM's https.proxyHost)");
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "Cannot reach " + where + ": the host name does not resolve (" + t.getMessage() + "); check the host "
            + "in the URL, and " + proxy;
      }
      if (t instanceof SSLException) {
        return "Cannot reach " + where + ": the TLS handshake failed (" + t.getMessage() + "); a proxy that "
            + "inspects TLS needs its CA in this JVM's truststore; sslVerification=none only for a test pod";
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return "Cannot reach " + where + ": the connection was refused (" + t.getMessage() + "); check the port "
            + "in the URL and " + proxy;
      }
      if (t instanceof InterruptedIOException) {
        return "Cannot reach " + where + ": no answer within connectTimeout/socketTimeout; check " + proxy;
      }
    }
    return "Cannot open a connection to " + where + ": " + e.getMessage() + "; check the host and " + proxy;
  }
}
