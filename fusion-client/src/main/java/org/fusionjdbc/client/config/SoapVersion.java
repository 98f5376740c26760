package org.fusionjdbc.client.config;

/** The SOAP dialect of the envelope. Fusion documents 1.2; 1.1 is accepted by BI Publisher too (contract §7.2). */
public enum SoapVersion {
  SOAP_1_2("http://www.w3.org/2003/05/soap-envelope", "application/soap+xml;charset=UTF-8"),
  SOAP_1_1("http://schemas.xmlsoap.org/soap/envelope/", "text/xml;charset=UTF-8");

  private final String namespace;
  private final String contentType;

  SoapVersion(String namespace, String contentType) {
    this.namespace = namespace;
    this.contentType = contentType;
  }

  /** Envelope namespace URI. */
  public String namespace() {
    return namespace;
  }

  /** Content-Type of the request. */
  public String contentType() {
    return contentType;
  }
}
