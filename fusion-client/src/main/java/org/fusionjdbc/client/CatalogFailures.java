package org.fusionjdbc.client;

import org.fusionjdbc.client.describe.ResourceCatalog;
import org.fusionjdbc.client.error.FusionException;

/** Which catalog failures mean "no list from this catalog" and which are real errors (see FusionClient#catalog). */
final class CatalogFailures {
  private CatalogFailures() {
  }

  /**
   * The catalog state for {@code e}, or {@code e} rethrown when it is transient or says the credentials (or the
   * proxy's) are wrong: a 401 is not one family being out of reach but every request failing, which getConnection
   * must report (28000) rather than show as an empty schema. A 403 or 404 is a family this user or pod does not have.
   */
  static ResourceCatalog classify(String contextRoot, FusionException e) {
    return switch (e.kind()) {
      case AUTHORIZATION, NOT_FOUND -> ResourceCatalog.unavailable("the resource catalog of "
          + contextRoot + " is not available to this user" + status(e) + " (" + firstLine(e.getMessage())
          + "); its tables are described by name when a query names them, and the `resources` property lists "
          + "them without the catalog");
      default -> {
        if (!answerUnreadable(e)) {
          throw e;
        }
        yield unreadable(contextRoot, firstLine(e.getMessage()));
      }
    };
  }

  /**
   * Whether {@code e} says this catalog request got an answer the driver cannot use (a 400 or one off the contract),
   * so another metadataMode may still work and, failing all, the catalog is unreadable rather than an error. A
   * proxy's 407 is not such an answer: it is the network path refusing every request, so it propagates.
   */
  static boolean answerUnreadable(FusionException e) {
    return (e.kind() == FusionException.Kind.BAD_REQUEST || e.kind() == FusionException.Kind.PROTOCOL)
        && e.httpStatus() != 407;
  }

  static ResourceCatalog unreadable(String contextRoot, String why) {
    return ResourceCatalog.unreadable("the resource catalog of " + contextRoot + " could not be read (" + why
        + "); its tables are described by name when a query names them, and the `resources` property lists them "
        + "without the catalog");
  }

  private static String status(FusionException e) {
    return e.httpStatus() > 0 ? " (HTTP " + e.httpStatus() + ")" : "";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "no detail";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
