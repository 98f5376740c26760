package org.fusionjdbc.emulator.bip;

/**
 * The SOAP protocol version a request arrives in (1.1 or 1.2), recognised by its envelope namespace or
 * Content-Type; the answer is written in the same version. Envelope namespace, content type and fault shape differ.
 */
enum SoapProtocol {
  SOAP_11("http://schemas.xmlsoap.org/soap/envelope/", "text/xml"),
  SOAP_12("http://www.w3.org/2003/05/soap-envelope", "application/soap+xml");

  final String namespace;
  final String mediaType;

  SoapProtocol(String namespace, String mediaType) {
    this.namespace = namespace;
    this.mediaType = mediaType;
  }

  static SoapProtocol ofNamespace(String ns) {
    for (SoapProtocol v : values()) {
      if (v.namespace.equals(ns)) {
        return v;
      }
    }
    return null;
  }

  /** The version a Content-Type header announces, or null when it is neither. */
  static SoapProtocol ofContentType(String contentType) {
    if (contentType == null) {
      return null;
    }
    String media = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    for (SoapProtocol v : values()) {
      if (v.mediaType.equals(media)) {
        return v;
      }
    }
    return null;
  }
}
