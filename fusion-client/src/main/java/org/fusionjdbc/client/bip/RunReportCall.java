package org.fusionjdbc.client.bip;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.fusionjdbc.client.config.SoapVersion;
import org.fusionjdbc.client.error.FusionException;
import org.fusionjdbc.client.error.FusionException.Kind;
import org.fusionjdbc.client.exchange.HttpCall;
import org.fusionjdbc.client.exchange.HttpFailures;

/**
 * One runReport POST as an {@link HttpCall}: the SOAP envelope, and what BI Publisher's answer means. A report
 * answer is handed over still streaming ({@link ReportResult}); faults, HTML pages and bare statuses become
 * {@link BipErrors}.
 */
final class RunReportCall implements HttpCall<ReportResult> {
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final String url;
  private final SoapVersion soapVersion;
  private final byte[] envelope;
  private final String servicePath;
  private final String reportPath;

  RunReportCall(String url, String servicePath, SoapVersion soapVersion, ReportRequest request) {
    this.url = url;
    this.servicePath = servicePath;
    this.soapVersion = soapVersion;
    this.envelope = SoapEnvelope.runReport(soapVersion, request);
    this.reportPath = request.reportAbsolutePath();
  }

  @Override
  public String display() {
    return servicePath + " runReport " + reportPath;
  }

  /** How messages name the call. */
  private String shown() {
    return "POST " + display();
  }

  @Override
  public HttpUriRequestBase request(String authorization) {
    HttpPost post = new HttpPost(url);
    post.setHeader("Authorization", authorization);
    post.setHeader("Accept", "application/soap+xml, text/xml");
    if (soapVersion == SoapVersion.SOAP_1_1) {
      post.setHeader("SOAPAction", "\"\"");
    }
    post.setEntity(new ByteArrayEntity(envelope, ContentType.parse(soapVersion.contentType())));
    return post;
  }

  @Override
  public Outcome<ReportResult> classify(ClassicHttpResponse response, int attempt) throws IOException {
    int status = response.getCode();
    HttpEntity entity = response.getEntity();
    String contentType = entity == null ? null : entity.getContentType();
    if (status >= 200 && status < 300 && entity != null) {
      BufferedInputStream in = new BufferedInputStream(entity.getContent(), 8192);
      if (HttpFailures.looksHtml(contentType, peek(in))) {
        throw BipErrors.htmlOnSuccess(status, shown());
      }
      try {
        XMLStreamReader xml = SoapResponseReader.reader(in);
        SoapResponseReader.Outcome outcome = SoapResponseReader.advance(xml);
        if (outcome instanceof SoapResponseReader.Report) {
          return Outcome.streaming(new ReportResult(response, xml, shown()));
        }
        if (outcome instanceof SoapResponseReader.Fault f) {
          throw BipErrors.fault(status, f.fault(), shown());
        }
      } catch (XMLStreamException e) {
        if (e.getNestedException() instanceof IOException io) {
          throw io;
        }
        throw FusionException.builder(Kind.PROTOCOL, "malformed XML from " + shown() + ": " + e.getMessage())
            .cause(e).build();
      }
      throw FusionException.builder(Kind.PROTOCOL, "the answer to " + shown() + " has no reportBytes element; "
          + "check that the service path names ExternalReportWSSService").httpStatus(status).build();
    }
    String body = HttpFailures.readCapped(entity, MAX_ERROR_BODY);
    return Outcome.failure(BipErrors.status(status, contentType, body, shown()));
  }

  @Override
  public FusionException ioFailure(IOException e) {
    return HttpFailures.io(e, "BI Publisher", shown());
  }

  /** The first bytes of the body, without consuming them. */
  private static String peek(BufferedInputStream in) throws IOException {
    in.mark(512);
    byte[] head = in.readNBytes(512);
    in.reset();
    return new String(head, StandardCharsets.UTF_8);
  }
}
