package org.fusionjdbc.client.bip;

/** Byte-exact BI Publisher answers, shaped as in contract §7.3 and §7.4. */
final class SoapFixtures {
  static final String ENV12 = "http://www.w3.org/2003/05/soap-envelope";
  static final String ENV11 = "http://schemas.xmlsoap.org/soap/envelope/";

  private SoapFixtures() {
  }

  static String responsePrefix(String envNs) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<env:Envelope xmlns:env=\"" + envNs + "\">"
        + "<env:Header/><env:Body><ns2:runReportResponse xmlns:ns2=\"http://xmlns.oracle.com/oxp/service/"
        + "PublicReportService\"><ns2:runReportReturn><ns2:metaDataList/><ns2:reportBytes>";
  }

  static String responseSuffix(String contentType) {
    return "</ns2:reportBytes><ns2:reportContentType>" + contentType + "</ns2:reportContentType>"
        + "<ns2:reportFileID/><ns2:reportLocale/></ns2:runReportReturn></ns2:runReportResponse></env:Body>"
        + "</env:Envelope>";
  }

  static String response(String envNs, String base64, String contentType) {
    return responsePrefix(envNs) + base64 + responseSuffix(contentType);
  }

  static String fault12(String text) {
    return "<env:Envelope xmlns:env=\"" + ENV12 + "\"><env:Body><env:Fault><env:Code><env:Value>env:Receiver"
        + "</env:Value></env:Code><env:Reason><env:Text xml:lang=\"en\">" + text + "</env:Text></env:Reason>"
        + "</env:Fault></env:Body></env:Envelope>";
  }

  static String fault11(String text) {
    return "<soapenv:Envelope xmlns:soapenv=\"" + ENV11 + "\"><soapenv:Body><soapenv:Fault>"
        + "<faultcode>soapenv:Server</faultcode><faultstring>" + text + "</faultstring></soapenv:Fault>"
        + "</soapenv:Body></soapenv:Envelope>";
  }

  static final String HTML = "<!DOCTYPE html><html><head><title>Sign In</title></head><body>Oracle Cloud "
      + "Applications sign in</body></html>";
}
