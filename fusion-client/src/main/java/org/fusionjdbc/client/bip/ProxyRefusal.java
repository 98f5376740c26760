package org.fusionjdbc.client.bip;

import java.util.Locale;
import java.util.Set;
import org.fusionjdbc.client.error.FusionException;

/**
 * Recognises the errors a pod gives when its data source refuses what the FJ1 proxy needs (DBMS_SQL), as opposed to
 * errors of the query itself: the inline PL/SQL does not compile without EXECUTE on DBMS_SQL (ORA-06550 with
 * PLS-00201), DBMS_SQL's security checks deny the cursor (ORA-29471), or a lockdown profile forbids the package
 * (ORA-01031), and any error that names DBMS_SQL.
 */
final class ProxyRefusal {
  static final Set<String> CODES = Set.of("ORA-06550", "ORA-29471", "ORA-01031");

  private ProxyRefusal() {
  }

  static boolean isRefusal(FusionException e) {
    String code = e.fusionErrorCode();
    if (code == null) {
      return false;
    }
    String detail = e.fusionDetail() == null ? "" : e.fusionDetail().toUpperCase(Locale.ROOT);
    return CODES.contains(code) || detail.contains("DBMS_SQL");
  }

  /** What to do about a refusal, for messages and the installation check. */
  static String fix(String code) {
    return switch (code == null ? "" : code) {
      case "ORA-06550" -> "the data source cannot compile the proxy's inline PL/SQL (PLS-00201: DBMS_SQL not "
          + "granted, or WITH FUNCTION not allowed); install SqlProxyXmlgen.xdoz and use bipProxy=xmlgen or auto";
      case "ORA-29471" -> "DBMS_SQL's security checks deny the proxy's cursor; install SqlProxyXmlgen.xdoz and use "
          + "bipProxy=xmlgen or auto";
      case "ORA-01031" -> "the data source lacks a privilege the proxy needs (a lockdown profile or a missing "
          + "grant); with bipProxy=auto the XMLGEN proxy is tried";
      default -> "see docs/bi-publisher.md section 6";
    };
  }
}
