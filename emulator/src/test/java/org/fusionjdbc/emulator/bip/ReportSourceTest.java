package org.fusionjdbc.emulator.bip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The proxy report shipped in bip-report/ and the emulator agree: same parameter, result element and
 * error texts, and the data model embeds exactly the SQL file an admin may paste instead.
 */
class ReportSourceTest {

  private static final Path DIR = Path.of("..", "bip-report");

  private static String read(String file) throws IOException {
    return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
  }

  @Test
  void dataModelEmbedsTheSqlFileVerbatim() throws IOException {
    String sql = read("SqlProxy_G_1.sql");
    String xdm = read("SqlProxy.xdm");
    int start = xdm.indexOf("<![CDATA[", xdm.indexOf("<sql ")) + "<![CDATA[".length();
    int end = xdm.indexOf("]]></sql>", start);
    assertThat(xdm.substring(start, end)).isEqualTo(sql);
    assertThat(xdm).contains("<parameter name=\"" + SqlProxy.PARAMETER + "\"")
        .contains("name=\"FJ_RESULT\"").contains("rootName=\"DATA_DS\"");
    assertThat(read("SqlProxy.xdo")).contains(BipOptions.DEFAULT_REPORT_PATH.replace(".xdo", ".xdm"));
  }

  @Test
  void theXmlgenDataModelEmbedsItsSqlFileAndRaisesTheSameErrors() throws IOException {
    String sql = read("SqlProxyXmlgen_G_1.sql");
    String xdm = read("SqlProxyXmlgen.xdm");
    int start = xdm.indexOf("<![CDATA[", xdm.indexOf("<sql ")) + "<![CDATA[".length();
    assertThat(xdm.substring(start, xdm.indexOf("]]></sql>", start))).isEqualTo(sql);
    assertThat(sql).contains("fj_xml(:" + SqlProxy.PARAMETER + ") AS FJ_XML")
        .contains("-20002, '" + ReadOnlyGuard.REFUSED + "'")
        .contains("-20001, 'fusion-jdbc proxy: P_FJ_SQL is not base64-encoded gzip'")
        .contains("DBMS_XMLGEN.SETNULLHANDLING(l_ctx, DBMS_XMLGEN.NULL_ATTR)")
        .contains("RETURN TO_CLOB('" + XmlgenText.EMPTY + "')").doesNotContain("DBMS_SQL.");
    assertThat(read("SqlProxyXmlgen.xdo")).contains(BipOptions.DEFAULT_XMLGEN_REPORT_PATH.replace(".xdo", ".xdm"));
  }

  @Test
  void theSqlRaisesTheErrorsTheEmulatorAndDocsDescribe() throws IOException {
    String sql = read("SqlProxy_G_1.sql");
    assertThat(sql).contains("fj_run(:" + SqlProxy.PARAMETER + ") AS FJ_RESULT")
        .contains("-20002, '" + ReadOnlyGuard.REFUSED + "'")
        .contains("-20001, 'fusion-jdbc proxy: P_FJ_SQL is not base64-encoded gzip'")
        .contains("'fusion-jdbc proxy: the result exceeds ' || c_max_rows\n              || ' rows; fetch it in OFFSET/FETCH windows'")
        .contains("DBMS_SQL.DESCRIBE_COLUMNS3").contains("UTL_COMPRESS.LZ_UNCOMPRESS");
    String docs = Files.readString(Path.of("..", "docs", "bi-publisher.md"), StandardCharsets.UTF_8);
    assertThat(docs).contains(ReadOnlyGuard.REFUSED).contains(BipOptions.DEFAULT_REPORT_PATH)
        .contains("`" + SqlProxy.PARAMETER + "`");
  }

  @Test
  void theInstallationCheckValueInTheDocsDecodesToTheQueryTheDocsName() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "bi-publisher.md"), StandardCharsets.UTF_8);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("`(H4sI[A-Za-z0-9+/=]+)`\\s*\\n\\s*\\(`([^`]+)`").matcher(docs);
    assertThat(m.find()).as("example value followed by its SQL").isTrue();
    SqlProxy proxy = new SqlProxy(null, BipOptions.defaults());
    assertThat(proxy.decode(m.group(1))).isEqualTo(m.group(2));
    try (BipClient bip = new BipClient(BipOptions.defaults())) {
      assertThat(Fj1Result.parse(BipClient.resultText(bip.post("application/soap+xml", BipClient.basic(),
          BipClient.envelope12(BipOptions.DEFAULT_REPORT_PATH, m.group(1))).body())).rows())
          .containsExactly(java.util.List.of("fusion-jdbc works"));
      String xml = BipClient.textOf(java.util.Base64.getDecoder().decode(BipClient.textOf(bip.post(
          "application/soap+xml", BipClient.basic(), BipClient.envelope12(BipOptions.DEFAULT_XMLGEN_REPORT_PATH,
              m.group(1))).body().getBytes(StandardCharsets.UTF_8), "reportBytes")), "FJ_XML");
      assertThat(docs).contains("<GREETING>fusion-jdbc works</GREETING>");
      assertThat(xml).contains("<GREETING>fusion-jdbc works</GREETING>");
    }
  }
}
