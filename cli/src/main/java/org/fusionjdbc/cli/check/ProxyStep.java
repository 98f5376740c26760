package org.fusionjdbc.cli.check;

import java.net.Proxy;
import java.net.ProxySelector;
import java.util.List;
import org.fusionjdbc.jdbc.FusionProperty;

/** Which proxy the driver's requests take: the proxyHost property, or what the JVM's ProxySelector says. */
final class ProxyStep implements CheckStep {
  @Override
  public String name() {
    return "proxy";
  }

  @Override
  public StepResult run(CheckContext ctx) {
    var s = ctx.settings;
    if (s.get(FusionProperty.PROXY_HOST).isPresent()) {
      return StepResult.ok("proxyHost " + s.get(FusionProperty.PROXY_HOST).orElseThrow() + ":"
          + s.get(FusionProperty.PROXY_PORT).orElseThrow()
          + s.get(FusionProperty.PROXY_USER).map(u -> ", Basic authentication as " + u).orElse(""));
    }
    List<Proxy> proxies = ProxySelector.getDefault().select(s.baseUrl());
    Proxy first = proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0);
    return StepResult.ok(first.type() == Proxy.Type.DIRECT ? "none (direct; no proxyHost and no JVM proxy for "
        + s.host() + ")" : "the JVM's proxy " + first.address() + " (https.proxyHost)");
  }
}
