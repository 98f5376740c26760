package org.fusionjdbc.calcite.bip;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a small class that implements only the JDBC methods Calcite's JDBC adapter calls into a full JDBC
 * interface (Connection, Statement, ResultSet, DatabaseMetaData...): a call is forwarded to the target's
 * public method of the same signature; any other method fails with SQLFeatureNotSupportedException naming
 * it. This keeps the BI Publisher JDBC layer to the few dozen methods it needs instead of hundreds of stubs.
 */
final class JdbcShim {
  private static final Map<java.util.List<Object>, Method> TARGETS = new ConcurrentHashMap<>();
  private static final Method NONE;

  static {
    try {
      NONE = Object.class.getMethod("hashCode");
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private JdbcShim() {
  }

  static <T> T of(Class<T> iface, Object target) {
    Objects.requireNonNull(target, "target");
    InvocationHandler handler = (proxy, method, args) -> {
      switch (method.getName()) {
        case "unwrap":
          if (args != null && args.length == 1 && args[0] instanceof Class<?> c) {
            if (c.isInstance(proxy)) {
              return proxy;
            }
            if (c.isInstance(target)) {
              return target;
            }
            throw new java.sql.SQLException("not a wrapper for " + c.getName());
          }
          break;
        case "isWrapperFor":
          if (args != null && args.length == 1 && args[0] instanceof Class<?> c) {
            return c.isInstance(proxy) || c.isInstance(target);
          }
          break;
        case "equals":
          if (args != null && args.length == 1) {
            return proxy == args[0];
          }
          break;
        case "hashCode":
          if (args == null) {
            return System.identityHashCode(proxy);
          }
          break;
        case "getWarnings":
          if (args == null && !hasMethod(target, method)) {
            return null;
          }
          break;
        case "clearWarnings":
          if (args == null && !hasMethod(target, method)) {
            return null;
          }
          break;
        default:
          break;
      }
      Method m = TARGETS.computeIfAbsent(java.util.List.of(target.getClass(), method), k -> find(target.getClass(), method));
      if (m == NONE) {
        throw new SQLFeatureNotSupportedException(iface.getSimpleName() + "." + method.getName()
            + " is not supported by the BI Publisher channel");
      }
      try {
        return m.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return iface.cast(Proxy.newProxyInstance(JdbcShim.class.getClassLoader(), new Class<?>[] {iface}, handler));
  }

  private static boolean hasMethod(Object target, Method method) {
    return TARGETS.computeIfAbsent(java.util.List.of(target.getClass(), method), k -> find(target.getClass(), method)) != NONE;
  }

  private static Method find(Class<?> type, Method method) {
    try {
      Method m = type.getMethod(method.getName(), method.getParameterTypes());
      m.setAccessible(true);
      return m;
    } catch (NoSuchMethodException e) {
      return NONE;
    }
  }
}
