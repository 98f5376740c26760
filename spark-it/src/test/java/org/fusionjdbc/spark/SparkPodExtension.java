package org.fusionjdbc.spark;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Hands the JVM-wide {@link SparkPod} to test methods and lifecycle methods that declare it. */
final class SparkPodExtension implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == SparkPod.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    return SparkPod.get(c);
  }
}
