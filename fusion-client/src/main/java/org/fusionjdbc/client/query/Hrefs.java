package org.fusionjdbc.client.query;

import java.net.URI;
import java.net.URISyntaxException;
import org.fusionjdbc.client.error.FusionException;

/**
 * Turns an href the pod returned into a request path on the configured pod. Only the path is taken (the pod
 * writes hrefs with its own host spelling, often with an explicit {@code :443}); requests always go to the
 * configured base URL, so a link can never send credentials to another host.
 */
public final class Hrefs {
  private Hrefs() {}

  /** The encoded path of {@code href} below {@code base} (a base URL with a path prefix has it removed). */
  public static String pathOf(String href, URI base) {
    String path;
    try {
      path = new URI(href.strip()).getRawPath();
    } catch (URISyntaxException e) {
      throw FusionException.of(FusionException.Kind.PROTOCOL, "Fusion returned a link that is not a URL: " + href);
    }
    if (path == null || !path.startsWith("/")) {
      throw FusionException.of(FusionException.Kind.PROTOCOL, "Fusion returned a link without a path: " + href);
    }
    String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
    if (!prefix.isEmpty() && path.startsWith(prefix + "/")) {
      path = path.substring(prefix.length());
    }
    return path.replaceAll("/+$", "");
  }
}
