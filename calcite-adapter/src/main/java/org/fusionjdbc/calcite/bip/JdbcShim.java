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
 *
 * <p>Every public method of a target must be one of the interface's, checked when the first shim of a target class
 * is made: a misspelt name or a wrong parameter type would otherwise never be called, and the caller would get the
 * SQLFeatureNotSupportedException instead of the answer.
 */
final class JdbcShim {
  private static final Map<java.util.List<Object>, Method> TARGETS = new ConcurrentHashMap<>();
  private static final Method NONE;
  private static final java.util.Set<java.util.List<Class<?>>> CHECKED = ConcurrentHashMap.newKeySet();

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
    return of(iface, iface, target);
  }

  /**
   * As {@link #of(Class, Object)} for a target class that serves a wider interface too ({@code contract}, which its
   * public methods are checked against): one statement class answers for Statement and PreparedStatement.
   */
  static <T> T of(Class<T> iface, Class<? extends T> contract, Object target) {
    Objects.requireNonNull(target, "target");
    if (CHECKED.add(java.util.List.of(contract, target.getClass()))) {
      check(contract, target.getClass());
    }
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

  /** Fails when a public method of {@code type} is not a method of {@code contract} with a compatible answer. */
  private static void check(Class<?> contract, Class<?> type) {
    for (Method m : type.getDeclaredMethods()) {
      if (!java.lang.reflect.Modifier.isPublic(m.getModifiers()) || java.lang.reflect.Modifier.isStatic(m.getModifiers())
          || m.isSynthetic()) {
        continue;
      }
      Method declared;
      try {
        declared = contract.getMethod(m.getName(), m.getParameterTypes());
      } catch (NoSuchMethodException e) {
        CHECKED.remove(java.util.List.of(contract, type));
        throw new IllegalStateException(type.getName() + "." + m.getName() + java.util.Arrays.toString(
            m.getParameterTypes()) + " is public but is no method of " + contract.getName() + ": it would never be called");
      }
      if (!declared.getReturnType().isAssignableFrom(m.getReturnType())) {
        CHECKED.remove(java.util.List.of(contract, type));
        throw new IllegalStateException(type.getName() + "." + m.getName() + " answers " + m.getReturnType().getName()
            + " where " + contract.getName() + " answers " + declared.getReturnType().getName());
      }
    }
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
