package org.fusionjdbc.jdbc;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The tool's password field carries the active mode's secret, because that field is the one every tool stores
 * safely (keychain, encrypted workspace): with auth=oauth it is the clientSecret, with jwt the privateKeyPassword
 * of an encrypted key, with bearer the accessToken, with basic the password itself. It only fills a property
 * that is not set; a different value in both places is an error rather than a guess.
 */
final class PasswordField {
  private PasswordField() {
  }

  static Map<FusionProperty, String> route(Map<FusionProperty, String> given) throws SQLException {
    String password = given.get(FusionProperty.PASSWORD);
    String mode = given.getOrDefault(FusionProperty.AUTH, FusionProperty.AUTH.defaultValue().orElseThrow())
        .trim().toLowerCase(Locale.ROOT);
    FusionProperty target = switch (mode) {
      case "oauth" -> FusionProperty.CLIENT_SECRET; // oauth has two secrets; the field takes the client secret
      case "jwt" -> FusionProperty.PRIVATE_KEY_PASSWORD;
      case "bearer" -> FusionProperty.ACCESS_TOKEN;
      default -> null;
    };
    if (password == null || target == null) {
      return given;
    }
    Map<FusionProperty, String> routed = new EnumMap<>(given);
    routed.remove(FusionProperty.PASSWORD);
    String own = given.get(target);
    if (own == null) {
      routed.put(target, password);
    } else if (!own.equals(password)) {
      throw ConnectionSettings.invalid("Connection properties 'password' and '" + target.key() + "' are both set, "
          + "with different values; with auth=" + mode + " the password field carries the " + target.key()
          + ": set one of them");
    }
    return routed;
  }
}
