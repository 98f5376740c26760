package org.fusionjdbc.client.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the BI Publisher channel, immutable. {@code concurrency} bounds the report runs of one client
 * in flight (a run holds its slot until BI Publisher starts answering), because Fusion pods pile up BI
 * sessions under parallel calls; {@code slotTimeout} is how long a call waits for a slot. {@code proxyShape}
 * picks the proxy report ({@code proxyReportPath} for FJ1, {@code xmlgenReportPath} for XMLGEN, both with AUTO).
 */
public record BipSettings(SoapVersion soapVersion, String servicePath, int concurrency, Duration slotTimeout,
    String proxyReportPath, String proxyParameter, ProxyShape proxyShape, String xmlgenReportPath) {

  public static final String DEFAULT_SERVICE_PATH = "/xmlpserver/services/ExternalReportWSSService";
  public static final String DEFAULT_PROXY_REPORT = "/Custom/FusionJdbc/SqlProxy.xdo";
  public static final String DEFAULT_PROXY_PARAMETER = "P_FJ_SQL";
  /** The XMLGEN shape's report, installed beside the FJ1 one. */
  public static final String XMLGEN_REPORT_NAME = "SqlProxyXmlgen.xdo";
  public static final String DEFAULT_XMLGEN_REPORT = "/Custom/FusionJdbc/" + XMLGEN_REPORT_NAME;

  public BipSettings {
    Objects.requireNonNull(soapVersion, "soapVersion");
    Objects.requireNonNull(servicePath, "servicePath");
    Objects.requireNonNull(slotTimeout, "slotTimeout");
    Objects.requireNonNull(proxyReportPath, "proxyReportPath");
    Objects.requireNonNull(proxyParameter, "proxyParameter");
    Objects.requireNonNull(proxyShape, "proxyShape");
    Objects.requireNonNull(xmlgenReportPath, "xmlgenReportPath");
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
    if (!xmlgenReportPath.startsWith("/")) {
      throw new IllegalArgumentException("xmlgenReportPath must be an absolute catalog path such as "
          + DEFAULT_XMLGEN_REPORT + ": " + xmlgenReportPath);
    }
    if (proxyParameter.isBlank()) {
      throw new IllegalArgumentException("proxyParameter must not be blank");
    }
  }

  /**
   * SOAP 1.2, the standard service path, one run at a time, the shipped proxies (FJ1 first, XMLGEN when the pod
   * refuses it), and 10 minutes' wait for a slot (longer than the default socket timeout, so a queued call
   * outwaits a slow run ahead of it).
   */
  public static BipSettings defaults() {
    return new BipSettings(SoapVersion.SOAP_1_2, DEFAULT_SERVICE_PATH, 1, Duration.ofMinutes(10),
        DEFAULT_PROXY_REPORT, DEFAULT_PROXY_PARAMETER, ProxyShape.AUTO, DEFAULT_XMLGEN_REPORT);
  }

  public BipSettings withSoapVersion(SoapVersion v) {
    return new BipSettings(v, servicePath, concurrency, slotTimeout, proxyReportPath, proxyParameter, proxyShape,
        xmlgenReportPath);
  }

  public BipSettings withConcurrency(int n) {
    return new BipSettings(soapVersion, servicePath, n, slotTimeout, proxyReportPath, proxyParameter, proxyShape,
        xmlgenReportPath);
  }

  public BipSettings withSlotTimeout(Duration d) {
    return new BipSettings(soapVersion, servicePath, concurrency, d, proxyReportPath, proxyParameter, proxyShape,
        xmlgenReportPath);
  }

  /** The FJ1 report at {@code path}; the XMLGEN report is expected beside it, as {@value #XMLGEN_REPORT_NAME}. */
  public BipSettings withProxyReport(String path, String parameter) {
    Objects.requireNonNull(path, "path");
    String sibling = path.substring(0, path.lastIndexOf('/') + 1) + XMLGEN_REPORT_NAME;
    return new BipSettings(soapVersion, servicePath, concurrency, slotTimeout, path, parameter, proxyShape, sibling);
  }

  public BipSettings withXmlgenReport(String path) {
    return new BipSettings(soapVersion, servicePath, concurrency, slotTimeout, proxyReportPath, proxyParameter,
        proxyShape, path);
  }

  public BipSettings withProxyShape(ProxyShape shape) {
    return new BipSettings(soapVersion, servicePath, concurrency, slotTimeout, proxyReportPath, proxyParameter,
        shape, xmlgenReportPath);
  }
}
