package org.fusionjdbc.client.bip;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the BI Publisher channel, immutable. {@code concurrency} bounds the report runs of one client
 * in flight (a run holds its slot until BI Publisher starts answering), because Fusion pods pile up BI
 * sessions under parallel calls; {@code slotTimeout} is how long a call waits for a slot.
 */
public record BipSettings(SoapVersion soapVersion, String servicePath, int concurrency, Duration slotTimeout,
    String proxyReportPath, String proxyParameter) {

  public static final String DEFAULT_SERVICE_PATH = "/xmlpserver/services/ExternalReportWSSService";
  public static final String DEFAULT_PROXY_REPORT = "/Custom/FusionJdbc/SqlProxy.xdo";
  public static final String DEFAULT_PROXY_PARAMETER = "P_FJ_SQL";

  public BipSettings {
    Objects.requireNonNull(soapVersion, "soapVersion");
    Objects.requireNonNull(servicePath, "servicePath");
    Objects.requireNonNull(slotTimeout, "slotTimeout");
    Objects.requireNonNull(proxyReportPath, "proxyReportPath");
    Objects.requireNonNull(proxyParameter, "proxyParameter");
    if (!servicePath.startsWith("/")) {
      throw new IllegalArgumentException("servicePath must start with '/': " + servicePath);
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("BI Publisher concurrency must be >= 1: " + concurrency);
    }
    if (slotTimeout.isNegative()) {
      throw new IllegalArgumentException("slotTimeout must not be negative: " + slotTimeout);
    }
    if (!proxyReportPath.startsWith("/")) {
      throw new IllegalArgumentException("proxyReportPath must be an absolute catalog path such as "
          + DEFAULT_PROXY_REPORT + ": " + proxyReportPath);
    }
    if (proxyParameter.isBlank()) {
      throw new IllegalArgumentException("proxyParameter must not be blank");
    }
  }

  /**
   * SOAP 1.2, the standard service path, one run at a time, the shipped proxy, and 10 minutes' wait for a slot
   * (longer than the default socket timeout, so a queued call outwaits a slow run ahead of it).
   */
  public static BipSettings defaults() {
    return new BipSettings(SoapVersion.SOAP_1_2, DEFAULT_SERVICE_PATH, 1, Duration.ofMinutes(10),
        DEFAULT_PROXY_REPORT, DEFAULT_PROXY_PARAMETER);
  }

  public BipSettings withSoapVersion(SoapVersion v) {
    return new BipSettings(v, servicePath, concurrency, slotTimeout, proxyReportPath, proxyParameter);
  }

  public BipSettings withConcurrency(int n) {
    return new BipSettings(soapVersion, servicePath, n, slotTimeout, proxyReportPath, proxyParameter);
  }

  public BipSettings withSlotTimeout(Duration d) {
    return new BipSettings(soapVersion, servicePath, concurrency, d, proxyReportPath, proxyParameter);
  }

  public BipSettings withProxyReport(String path, String parameter) {
    return new BipSettings(soapVersion, servicePath, concurrency, slotTimeout, path, parameter);
  }
}
