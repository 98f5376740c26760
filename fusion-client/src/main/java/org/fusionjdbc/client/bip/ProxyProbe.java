package org.fusionjdbc.client.bip;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fusionjdbc.client.config.BipSettings;
import org.fusionjdbc.client.config.ProxyShape;
import org.fusionjdbc.client.error.FusionException;

/**
 * The installation check of the database channel: runs a one-row query through each proxy report the client may
 * use and reports, per shape, whether it works, who the report's data source connects as, or the first ORA error
 * with what to do about it. Decides nothing for the client (an AUTO client still finds its shape on its first
 * query). Meant for {@code fusion-sql --check}: print {@link Result#lines()}; the check passes when
 * {@link Result#working()} is present.
 */
public final class ProxyProbe {
  /** One row: the data source's session user and schema, which tell which data source the report uses. */
  public static final String QUERY = "SELECT SYS_CONTEXT('USERENV', 'SESSION_USER') AS FJ_USER, "
      + "SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA') AS FJ_SCHEMA FROM DUAL";
  private static final List<ProxyColumn> SHAPE = List.of(new ProxyColumn("FJ_USER", "VARCHAR2", 0, 0, 128, true),
      new ProxyColumn("FJ_SCHEMA", "VARCHAR2", 0, 0, 128, true));

  /** What one report answered. {@code oraCode}, {@code error} and {@code fix} are null when it worked. */
  public record Attempt(ProxyShape shape, String reportPath, boolean works, String sessionUser, String currentSchema,
      String oraCode, String error, String fix) {

    /** One line for a person: {@code OK fj1 /Custom/...: data source user FUSION_RO, schema FUSION}, or the error. */
    public String line() {
      return works
          ? "OK   " + shape.key() + " " + reportPath + ": data source user " + sessionUser + ", schema " + currentSchema
          : "FAIL " + shape.key() + " " + reportPath + ": " + error + " -> " + fix;
    }
  }

  /** The attempts in the order made (FJ1 first). */
  public record Result(List<Attempt> attempts) {
    public Result {
      attempts = List.copyOf(attempts);
    }

    /** The shape an AUTO client would use: the first that works. */
    public Optional<Attempt> working() {
      return attempts.stream().filter(Attempt::works).findFirst();
    }

    public List<String> lines() {
      return attempts.stream().map(Attempt::line).toList();
    }
  }

  private ProxyProbe() {
  }

  /** Probes the shapes {@code client} may use: both with AUTO, else the configured one. Never throws for a pod answer. */
  public static Result run(BipClient client) {
    Objects.requireNonNull(client, "client");
    ProxyShape setting = client.settings().proxyShape();
    List<ProxyShape> shapes = setting == ProxyShape.AUTO ? List.of(ProxyShape.FJ1, ProxyShape.XMLGEN) : List.of(setting);
    List<Attempt> out = new ArrayList<>();
    for (ProxyShape shape : shapes) {
      out.add(attempt(client, shape));
    }
    return new Result(out);
  }

  private static Attempt attempt(BipClient client, ProxyShape shape) {
    BipSettings s = client.settings();
    String path = shape == ProxyShape.XMLGEN ? s.xmlgenReportPath() : s.proxyReportPath();
    try (ProxyRowStream rows = client.proxy().runAs(shape, QUERY, SHAPE)) {
      if (!rows.next()) {
        return new Attempt(shape, path, false, null, null, null, "the one-row query returned no row",
            "check that the report is the fusion-jdbc proxy (docs/bi-publisher.md section 2)");
      }
      Object[] r = rows.row();
      return new Attempt(shape, path, true, (String) r[0], (String) r[1], null, null, null);
    } catch (FusionException e) {
      String code = e.fusionErrorCode();
      String detail = e.fusionDetail() != null ? e.fusionDetail() : e.getMessage();
      return new Attempt(shape, path, false, null, null, code, firstLine(detail), fix(e, shape));
    }
  }

  static String fix(FusionException e, ProxyShape shape) {
    String code = e.fusionErrorCode();
    if (ProxyRefusal.isRefusal(e)) {
      return shape == ProxyShape.XMLGEN ? "the data source also refuses the XMLGEN proxy's PL/SQL (DBMS_XMLGEN, "
          + "UTL_COMPRESS); ask the pod's administrator which packages BI Publisher data sources may use"
          : ProxyRefusal.fix(code);
    }
    if (code != null) {
      return switch (code) {
        case "ORA-20001" -> "the parameter did not decode; the data model must name it P_FJ_SQL, type String";
        case "ORA-00942", "ORA-00904" -> "the data source cannot read SYS_CONTEXT or DUAL; choose ApplicationDB_FSCM "
            + "as the data model's data source";
        default -> "see docs/bi-publisher.md section 6 for " + code;
      };
    }
    return switch (e.kind()) {
      case NOT_FOUND -> "upload " + (shape == ProxyShape.XMLGEN ? "SqlProxyXmlgen.xdmz and SqlProxyXmlgen.xdoz"
          : "SqlProxy.xdmz and SqlProxy.xdoz") + " into /Shared Folders/Custom/FusionJdbc, or set bipReportPath "
          + "(docs/bi-publisher.md section 2)";
      case AUTHENTICATION -> "the credentials were rejected; see docs/client-auth.md";
      case AUTHORIZATION -> "the user needs BI Consumer and read/run on /Custom/FusionJdbc (docs/bi-publisher.md "
          + "section 3)";
      default -> "see docs/bi-publisher.md section 6";
    };
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int ora = text.indexOf("ORA-");
    String t = ora >= 0 ? text.substring(ora) : text;
    int nl = t.indexOf('\n');
    t = nl < 0 ? t : t.substring(0, nl);
    return t.length() > 300 ? t.substring(0, 300) + "..." : t;
  }
}
