package org.fusionjdbc.emulator.bip;

/** SOAP 1.1 and 1.2: envelope namespace, content type and fault shape differ. */
enum SoapVersion {
  SOAP_11("http://schemas.xmlsoap.org/soap/envelope/", "text/xml"),
  SOAP_12("http://www.w3.org/2003/05/soap-envelope", "application/soap+xml");

  final String namespace;
  final String mediaType;

  SoapVersion(String namespace, String mediaType) {
    this.namespace = namespace;
    this.mediaType = mediaType;
  }

  static SoapVersion ofNamespace(String ns) {
    for (SoapVersion v : values()) {
      if (v.namespace.equals(ns)) {
        return v;
      }
    }
    return null;
  }

  /** The version a Content-Type header announces, or null when it is neither. */
  static SoapVersion ofContentType(String contentType) {
    if (contentType == null) {
      return null;
    }
    String media = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    for (SoapVersion v : values()) {
      if (v.mediaType.equals(media)) {
        return v;
      }
    }
    return null;
  }
}
