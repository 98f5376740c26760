package org.fusionjdbc.jdbc;

import java.util.stream.Collectors;

/** Renders docs/connection-properties.md from {@link FusionProperty}, so the page can never drift from the code. */
public final class PropertyDocs {
  private PropertyDocs() {
  }

  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Connection properties\n\n")
        .append("<!-- Generated from org.fusionjdbc.jdbc.FusionProperty; regenerate with\n")
        .append("     mvn -B -pl driver -am verify -Dtest=PropertyDocsTest -Dfusion.regenerateDocs=true -Dsurefire.failIfNoSpecifiedTests=false -->\n\n")
        .append("URL: `jdbc:fusion://<pod-host>[:port][?property=value&...]`. Every property can be given in the URL\n")
        .append("or in the `Properties` passed to `DriverManager.getConnection`; put secrets in the Properties (tools log\n")
        .append("URLs). Keys are case-insensitive. Unknown keys in the URL are an error (with a suggestion); unknown keys\n")
        .append("in the Properties are ignored and reported by `Connection.getWarnings()`. Blank values count as unset.\n")
        .append("Every check runs before any network call; a bad setting fails with SQLState 08001 and a message naming\n")
        .append("the property.\n\n")
        .append("| Property | Auth modes | Default | Description |\n|---|---|---|---|\n");
    for (FusionProperty p : FusionProperty.values()) {
      md.append("| `").append(p.key()).append("`")
          .append(p.isSecret() ? " (secret)" : "")
          .append(" | ").append(p.authModes().isEmpty() ? "all"
              : p.authModes().stream().sorted().collect(Collectors.joining(", ")))
          .append(" | ").append(p.defaultValue().filter(v -> !v.isEmpty()).map(v -> "`" + v + "`").orElse(""))
          .append(" | ").append(p.description().replace("|", "\\|"))
          .append(p.choices().isEmpty() ? "" : " Values: " + String.join(", ", p.choices()) + ".")
          .append(" |\n");
    }
    md.append("\nRequired per mode: jwt needs `user`, `issuer`, `privateKeyFile` and `certificateFile` or `x5t`; oauth\n")
        .append("needs `user`, `identityDomainUrl`, `clientId`, `clientSecret`, `scope`, `keyAlias` and `privateKeyFile`\n")
        .append("(`certificateFile` or `x5t` optional: the key alias names the key); basic needs `user` and `password`; bearer needs `accessToken`. A property of\n")
        .append("another auth mode is an error, so a half-edited configuration cannot silently use the wrong credentials.\n");
    return md.toString();
  }
}
