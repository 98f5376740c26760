package org.fusionjdbc.client.bip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.fusionjdbc.client.auth.AuthConfig;
import org.fusionjdbc.client.auth.Secret;
import org.fusionjdbc.client.config.BipSettings;
import org.fusionjdbc.client.config.FusionClientConfig;
import org.fusionjdbc.client.config.ProxyShape;
import org.fusionjdbc.emulator.auth.AuthService;
import org.fusionjdbc.emulator.auth.AuthSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The installation check against the emulator: which shape works, the data source user, the ORA error and its fix. */
class ProxyProbeTest {
  private static BipEmulatorTest.Running bip;

  @BeforeAll
  static void start() throws Exception {
    bip = BipEmulatorTest.Running.start(org.fusionjdbc.emulator.bip.BipOptions.defaults(),
        AuthService.create(AuthSettings.builder().basicUser("probe", "pw").build()));
  }

  @AfterAll
  static void stop() {
    bip.close();
  }

  @AfterEach
  void reset() {
    bip.service().faults().clear();
  }

  private static BipClient client(BipSettings settings) {
    return BipClient.open(FusionClientConfig.builder(bip.base(), new AuthConfig.Basic("probe", Secret.of("pw")))
        .maxRetries(0).retryBudget(Duration.ofSeconds(5)).build(), settings);
  }

  @Test
  void bothShapesWorkOnAnOpenPodAndNameTheDataSourceUser() {
    try (BipClient c = client(BipSettings.defaults())) {
      ProxyProbe.Result r = ProxyProbe.run(c);
      assertThat(r.attempts()).extracting(ProxyProbe.Attempt::shape).containsExactly(ProxyShape.FJ1, ProxyShape.XMLGEN);
      assertThat(r.attempts()).allSatisfy(a -> {
        assertThat(a.works()).as(a.line()).isTrue();
        assertThat(a.sessionUser()).isNotBlank();
        assertThat(a.currentSchema()).isEqualTo("FUSION");
      });
      assertThat(r.working()).get().extracting(ProxyProbe.Attempt::shape).isEqualTo(ProxyShape.FJ1);
      assertThat(c.shapeInUse()).as("the probe decides nothing").isEqualTo(ProxyShape.AUTO);
      assertThat(r.lines().get(0)).startsWith("OK   fj1 /Custom/FusionJdbc/SqlProxy.xdo: data source user ");
    }
  }

  @Test
  void aRefusingPodReportsTheOraErrorWithItsFixAndTheWorkingShape() {
    bip.service().faults().refuseDbmsSql(true);
    try (BipClient c = client(BipSettings.defaults())) {
      ProxyProbe.Result r = ProxyProbe.run(c);
      ProxyProbe.Attempt fj1 = r.attempts().get(0);
      assertThat(fj1.works()).isFalse();
      assertThat(fj1.oraCode()).isEqualTo("ORA-06550");
      assertThat(fj1.error()).startsWith("ORA-06550");
      assertThat(fj1.fix()).contains("SqlProxyXmlgen.xdoz").contains("bipProxy");
      assertThat(r.working()).get().extracting(ProxyProbe.Attempt::shape).isEqualTo(ProxyShape.XMLGEN);
      assertThat(fj1.line()).startsWith("FAIL fj1 ").contains(" -> ");
    }
  }

  @Test
  void aMissingReportSaysWhatToUpload() {
    try (BipClient c = client(BipSettings.defaults().withProxyReport("/Custom/Elsewhere/SqlProxy.xdo", "P_FJ_SQL")
        .withProxyShape(ProxyShape.FJ1))) {
      ProxyProbe.Result r = ProxyProbe.run(c);
      assertThat(r.attempts()).hasSize(1);
      assertThat(r.working()).isEmpty();
      assertThat(r.attempts().get(0).oraCode()).isNull();
      assertThat(r.attempts().get(0).fix()).contains("SqlProxy.xdmz and SqlProxy.xdoz")
          .contains("/Shared Folders/Custom/FusionJdbc");
    }
  }
}
