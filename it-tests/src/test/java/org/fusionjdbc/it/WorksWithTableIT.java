package org.fusionjdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README's "Works with" table names the versions this suite really runs: each client's version is read from the
 * jar it was loaded from (or, for Spark 3.5, which runs in spark35-it, from the parent pom), and each test the
 * table names exists.
 */
class WorksWithTableIT {
  private static final Path README = Path.of("..", "README.md");

  @Test
  void everyRowNamesTheVersionTheSuiteRuns() throws Exception {
    String readme = Files.readString(README);
    String table = readme.substring(readme.indexOf("### Works with"));
    assertThat(row(table, "HikariCP")).contains("| " + jarVersion(com.zaxxer.hikari.HikariConfig.class) + " |");
    assertThat(row(table, "jOOQ")).contains("| " + jarVersion(org.jooq.DSLContext.class) + " |");
    assertThat(row(table, "SchemaCrawler")).contains("| " + jarVersion(schemacrawler.schema.Catalog.class) + " |");
    assertThat(row(table, "Spring")).contains("| " + jarVersion(org.springframework.jdbc.core.JdbcTemplate.class) + " |");
    String pom = Files.readString(Path.of("..", "pom.xml"));
    assertThat(row(table, "Apache Spark")).contains("| " + property(pom, "spark35.version") + " (Scala 2.13)")
        .contains(property(Files.readString(Path.of("..", "spark-it", "pom.xml")), "spark.version"));
    for (String test : new String[] {"HikariCpIT", "SpringJdbcIT", "JooqIT", "SchemaCrawlerIT", "ParameterMatrixIT"}) {
      assertThat(table).contains("`" + test + "`");
      Class.forName("org.fusionjdbc.it." + test);
    }
    assertThat(Files.exists(Path.of("..", "spark35-it", "src", "test", "java", "org", "fusionjdbc", "spark35",
        "Spark35ReadTest.java"))).isTrue();
  }

  private static String row(String table, String client) {
    for (String line : table.split("\n")) {
      if (line.startsWith("| " + client)) {
        return line;
      }
    }
    throw new AssertionError("no row for " + client + " in README's Works with table");
  }

  /** The version in the name of the jar a class came from ({@code HikariCP-7.1.0.jar} gives 7.1.0). */
  private static String jarVersion(Class<?> type) throws Exception {
    String jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
    Matcher m = Pattern.compile("-(\\d+(?:\\.\\d+)+)\\.jar$").matcher(jar);
    assertThat(m.find()).as("a version in %s", jar).isTrue();
    return m.group(1);
  }

  private static String property(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    assertThat(m.find()).as("property %s", name).isTrue();
    return m.group(1);
  }
}
