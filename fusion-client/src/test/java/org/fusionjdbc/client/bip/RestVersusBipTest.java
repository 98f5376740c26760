package org.fusionjdbc.client.bip;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fusionjdbc.client.FusionClient;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.query.QExpr;
import org.fusionjdbc.client.query.QValue;
import org.fusionjdbc.client.query.QuerySpec;
import org.fusionjdbc.client.query.ResourcePath;
import org.fusionjdbc.client.query.RowStream;
import org.fusionjdbc.emulator.EmulatorOptions;
import org.fusionjdbc.emulator.FusionEmulator;
import org.fusionjdbc.emulator.bip.BipService;
import org.fusionjdbc.emulator.bip.DataSetBaseTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same question over REST and over BI Publisher (base tables fed from the REST data) gives the same rows. */
class RestVersusBipTest {
  private static FusionEmulator rest;
  private static BipService bipService;
  private static HttpServer bipServer;
  private static ExecutorService bipThreads;

  @BeforeAll
  static void start() throws IOException {
    rest = FusionEmulator.start(EmulatorOptions.builder().basicUser("casey.brown", "Welcome1").rows(300).build());
    bipService = BipService.create(org.fusionjdbc.emulator.bip.BipOptions.builder()
        .baseTables(new DataSetBaseTables(rest.data())).build(), rest.authenticator());
    bipServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    bipThreads = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "bip-vs-rest-server");
      t.setDaemon(true);
      return t;
    });
    bipServer.setExecutor(bipThreads);
    bipServer.createContext(BipService.SERVICE_PATH, bipService.httpHandler());
    bipServer.start();
  }

  @AfterAll
  static void stop() {
    if (bipServer != null) {
      bipServer.stop(0);
      bipThreads.shutdownNow();
    }
    if (bipService != null) {
      bipService.close();
    }
    if (rest != null) {
      rest.close();
    }
  }

  private static FusionClientConfig config(URI base) {
    return FusionClientConfig.builder(base, new AuthConfig.Basic("casey.brown", Secret.of("Welcome1"))).build();
  }

  /** InvoiceId, InvoiceNumber, InvoiceAmount, InvoiceDate as comparable text. */
  private static List<List<String>> overRest(QExpr filter) {
    QuerySpec.Builder spec = QuerySpec.builder(ResourcePath.of("fscmRestApi", "invoices"))
        .fields(List.of("InvoiceId", "InvoiceNumber", "InvoiceAmount", "InvoiceDate"));
    if (filter != null) {
      spec.filter(filter);
    }
    List<List<String>> out = new ArrayList<>();
    try (FusionClient client = FusionClient.open(config(URI.create(rest.baseUrl())));
        RowStream rows = client.scan(spec.build())) {
      while (rows.next()) {
        Object[] r = rows.row();
        out.add(List.of(r[0].toString(), (String) r[1], amount(new BigDecimal(r[2].toString())), (String) r[3]));
      }
    }
    out.sort(Comparator.comparing(r -> Long.parseLong(r.get(0))));
    return out;
  }

  private static List<List<String>> overBip(String where) {
    List<List<String>> out = new ArrayList<>();
    URI base = URI.create("http://127.0.0.1:" + bipServer.getAddress().getPort());
    try (BipClient client = BipClient.open(config(base));
        ProxyRowStream rows = client.proxy().run("select invoice_id, invoice_num, invoice_amount, invoice_date "
            + "from ap_invoices_all " + where + " order by invoice_id")) {
      assertThat(rows.columns().get(0).javaType()).isEqualTo(Long.class);
      while (rows.next()) {
        Object[] r = rows.row();
        out.add(List.of(r[0].toString(), (String) r[1], amount((BigDecimal) r[2]),
            ((LocalDateTime) r[3]).toLocalDate().toString()));
      }
    }
    return out;
  }

  private static String amount(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  @Test
  void everyInvoiceIsTheSameBothWays() {
    List<List<String>> viaRest = overRest(null);
    assertThat(viaRest).hasSize(300);
    assertThat(overBip("")).isEqualTo(viaRest);
  }

  @Test
  void aFilteredQuestionHasTheSameAnswer() {
    List<List<String>> viaRest = overRest(QExpr.compare("InvoiceAmount", QExpr.Op.GT, QValue.of(1000)));
    assertThat(viaRest).isNotEmpty().hasSizeLessThan(300);
    assertThat(overBip("where invoice_amount > 1000")).isEqualTo(viaRest);
  }
}
