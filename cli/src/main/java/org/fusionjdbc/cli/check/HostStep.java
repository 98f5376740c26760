package org.fusionjdbc.cli.check;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.fusionjdbc.jdbc.FusionProperty;

/** The pod's host name resolves on this machine (behind a proxy only the proxy needs to resolve it). */
final class HostStep implements CheckStep {
  @Override
  public String name() {
    return "host";
  }

  @Override
  public StepResult run(CheckContext ctx) {
    String host = ctx.settings.host();
    try {
      String addresses = Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress)
          .collect(Collectors.joining(", "));
      return StepResult.ok(host + " resolves to " + addresses);
    } catch (UnknownHostException e) {
      if (ctx.settings.get(FusionProperty.PROXY_HOST).isPresent() || System.getProperty("https.proxyHost") != null) {
        return StepResult.warn(host + " does not resolve here", "fine if the proxy resolves it; otherwise check "
            + "the host in the URL");
      }
      return StepResult.fail(host + " does not resolve", "check the host in the URL (the pod's host looks like "
          + "<pod>.fa.<dc>.oraclecloud.com) and this machine's DNS; behind a proxy set proxyHost and proxyPort");
    }
  }
}
