package org.fusionjdbc.client.query;

import java.util.ArrayList;
import java.util.List;
import org.fusionjdbc.client.config.QDialect;
import org.fusionjdbc.client.describe.ResourceDescription;
import org.fusionjdbc.client.http.UrlEncoding;
import org.fusionjdbc.client.http.UrlEncoding.Param;

/**
 * The requests a scan and a count send, built by the same code that sends them, so what EXPLAIN shows is the request
 * Fusion receives: the key as tie-breaker in orderBy, the key among the fields, onlyData, the first page's limit and
 * offset.
 */
public final class Requests {
  private Requests() {
  }

  /** The collection path of {@code resource}, encoded: {@code /fscmRestApi/resources/11.13.18.05/invoices}. */
  public static String path(String restVersion, ResourcePath resource) {
    StringBuilder sb = new StringBuilder("/").append(UrlEncoding.encode(resource.contextRoot())).append("/resources/")
        .append(UrlEncoding.encode(restVersion));
    resource.segments().forEach(s -> sb.append('/').append(UrlEncoding.encode(s)));
    return sb.toString();
  }

  /** The parameters of a paged scan's first request. */
  public static List<Param> firstPage(ScanPlan plan, int firstPageSize, int pageSize) {
    return new PageCursor(plan, firstPageSize, pageSize).nextParams();
  }

  /**
   * The parameters of a parents' page that brings each parent's {@code child} rows along: the child's fields after
   * the parent's in {@code fields}, and {@code expand}. onlyData=true stays: it drops the items' links, not the
   * nested collection's self link that a parent with more child rows is followed by.
   */
  public static List<Param> expandChild(List<Param> parentParams, String child, List<String> childFields) {
    String nested = child + ":" + String.join(",", childFields.stream().distinct().toList());
    List<Param> out = new ArrayList<>();
    for (Param p : parentParams) {
      out.add(p.name().equals("fields") ? new Param("fields", p.value() + ";" + nested) : p);
    }
    out.add(new Param("expand", child));
    return out;
  }

  /** The attribute a count asks for: the key, else the first field asked for, else the first attribute. */
  public static String countField(ResourceDescription d, QuerySpec spec) {
    return !d.keyAttributes().isEmpty() ? d.keyAttributes().get(0)
        : !spec.fields().isEmpty() ? spec.fields().get(0) : d.attributes().get(0).name();
  }

  /** The parameters of a count: one row of {@code field} and totalResults. */
  public static List<Param> count(QuerySpec spec, String field, QDialect dialect) {
    List<Param> params = new ArrayList<>();
    spec.filter().ifPresent(f -> params.add(new Param("q", f.render(dialect))));
    params.add(new Param("fields", field));
    params.add(new Param("limit", "1"));
    params.add(new Param("onlyData", "true"));
    params.add(new Param("totalResults", "true"));
    return params;
  }

  /**
   * {@code GET path?params}, unencoded for reading. {@code pendingFilter}, when not null, names filter terms whose
   * values come only at execution; it is shown inside q, after what is already known.
   */
  public static String line(String path, List<Param> params, String pendingFilter) {
    List<Param> shown = new ArrayList<>(params);
    if (pendingFilter != null) {
      int q = indexOf(shown, "q");
      String note = "<" + pendingFilter + ">";
      if (q < 0) {
        shown.add(0, new Param("q", note));
      } else {
        shown.set(q, new Param("q", shown.get(q).value() + " and " + note));
      }
    }
    return "GET " + path + "?" + UrlEncoding.readable(shown);
  }

  private static int indexOf(List<Param> params, String name) {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
