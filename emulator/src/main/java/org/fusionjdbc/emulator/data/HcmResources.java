package org.fusionjdbc.emulator.data;

import static org.fusionjdbc.emulator.data.Attr.of;
import static org.fusionjdbc.emulator.data.Attr.string;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** HCM resources: workers (composite key, children names and assignments), departments, locations. */
final class HcmResources {
  private HcmResources() {}

  static final String ROOT = "hcmRestApi";

  static Table workers(long seed) {
    ResourceDef names = ResourceDef.builder("names", "Person Name", "Person Names")
        .attr(of("PersonNameId", AttrType.INTEGER, "Person Name ID").readOnly().required())
        .attr(string("LegislationCode", "Legislation", 30))
        .attr(string("NameType", "Name Type", 30))
        .attr(string("FirstName", "First Name", 150))
        .attr(string("MiddleNames", "Middle Names", 80))
        .attr(string("LastName", "Last Name", 150).required())
        .attr(string("DisplayName", "Display Name", 240))
        .key("PersonNameId").build();
    ResourceDef assignments = ResourceDef.builder("assignments", "Assignment", "Assignments")
        .attr(of("AssignmentId", AttrType.INTEGER, "Assignment ID").readOnly().required())
        .attr(string("AssignmentNumber", "Assignment Number", 30))
        .attr(string("AssignmentName", "Assignment Name", 80))
        .attr(of("DepartmentId", AttrType.INTEGER, "Department ID"))
        .attr(of("LocationId", AttrType.INTEGER, "Location ID"))
        .attr(string("AssignmentStatusType", "Status", 30))
        .attr(of("PrimaryFlag", AttrType.BOOLEAN, "Primary"))
        .attr(of("FullTimeEquivalent", AttrType.NUMBER, "FTE"))
        .attr(of("StartDate", AttrType.DATE, "Start Date"))
        .key("AssignmentId").build();
    ResourceDef def = ResourceDef.builder("workers", "Worker", "Workers")
        .attr(of("PersonId", AttrType.INTEGER, "Person ID").readOnly())
        .attr(of("EffectiveStartDate", AttrType.DATE, "Effective Start Date").readOnly())
        .attr(of("EffectiveEndDate", AttrType.DATE, "Effective End Date").readOnly())
        .attr(string("PersonNumber", "Person Number", 30))
        .attr(of("DateOfBirth", AttrType.DATE, "Date of Birth"))
        .attr(string("CorrespondenceLanguage", "Correspondence Language", 30))
        .attr(of("CreationDate", AttrType.DATETIME, "Creation Date").readOnly())
        .attr(of("LastUpdateDate", AttrType.DATETIME, "Last Update Date").readOnly())
        .key("PersonId", "EffectiveStartDate")
        .finder("findByPersonNumber", "Find by Person Number", "PersonNumber")
        .child("names", names, "PersonId", "PersonId")
        .child("assignments", assignments, "PersonId", "PersonId")
        .build();
    RowGenerator gen = (s, i) -> {
      Gen g = new Gen(s, i);
      LocalDate start = g.date(1, LocalDate.of(2005, 1, 1), 6_000);
      return new Object[] {Keys.personId(i), start, LocalDate.of(4712, 12, 31), String.valueOf(1_000 + i),
        g.chance(2, 15) ? null : g.date(3, LocalDate.of(1955, 1, 1), 16_000),
        g.chance(4, 50) ? null : g.pick(5, new String[] {"US", "D", "JA", "F"}),
        g.datetimeOn(6, start), g.datetimeOn(7, start.plusDays(g.nextInt(8, 900)))};
    };
    ChildGenerator nameGen = (s, i, parent) -> {
      Gen g = new Gen(s, i);
      String first = Keys.workerFirstName(s, i);
      String last = Keys.workerLastName(s, i);
      String middle = g.chance(10, 30) ? g.pick(11, Texts.FIRST) : null;
      List<Object[]> out = new ArrayList<>(2);
      long id = (Long) parent[0] * 10;
      out.add(new Object[] {id, "US", "GLOBAL", first, middle, last, first + " " + last});
      if (g.chance(12, 20)) {
        out.add(new Object[] {id + 1, "JP", "JP", null, null, last, last});
      }
      return out;
    };
    ChildGenerator assignmentGen = (s, i, parent) -> {
      Gen g = new Gen(s, i);
      int n = 1 + (g.chance(20, 15) ? 1 : 0);
      List<Object[]> out = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        out.add(new Object[] {(Long) parent[0] * 10 + 5 + k, "E" + (1_000 + i) + (k == 0 ? "" : "-" + (k + 1)),
          g.pick(21 + k, Texts.JOB), Keys.departmentId(g.nextInt(23 + k, Keys.DEPARTMENTS)),
          Keys.locationId(g.nextInt(25 + k, Keys.LOCATIONS)), g.chance(27 + k, 10) ? "INACTIVE" : "ACTIVE", k == 0,
          k == 0 ? BigDecimal.ONE : new BigDecimal("0.5"), ((LocalDate) parent[1]).plusDays(k * 365L)});
      }
      return out;
    };
    return new Table(ROOT, def, seed, Keys.WORKERS, Keys.PERSON_BASE, Keys.PERSON_STEP, gen,
        Map.of("names", nameGen, "assignments", assignmentGen));
  }

  static Table departments(long seed) {
    ResourceDef def = ResourceDef.builder("departments", "Department", "Departments")
        .attr(of("OrganizationId", AttrType.INTEGER, "Organization ID").readOnly())
        .attr(string("Name", "Name", 240).required())
        .attr(of("LocationId", AttrType.INTEGER, "Location ID"))
        .attr(string("ActiveStatus", "Status", 30))
        .attr(of("EffectiveStartDate", AttrType.DATE, "Effective Start Date"))
        .attr(of("CreationDate", AttrType.DATETIME, "Creation Date").readOnly())
        .key("OrganizationId")
        .build();
    RowGenerator gen = (s, i) -> {
      Gen g = new Gen(s, i);
      LocalDate start = g.date(1, LocalDate.of(2010, 1, 1), 3_000);
      return new Object[] {Keys.departmentId(i), Texts.DEPARTMENT[i % Texts.DEPARTMENT.length] + " "
        + Texts.CITY[(i / Texts.DEPARTMENT.length) % Texts.CITY.length],
        g.chance(2, 10) ? null : Keys.locationId(g.nextInt(3, Keys.LOCATIONS)), g.chance(4, 10) ? "I" : "A", start,
        g.datetimeOn(5, start)};
    };
    return new Table(ROOT, def, seed, Keys.DEPARTMENTS, Keys.DEPARTMENT_BASE, Keys.DEPARTMENT_STEP, gen, Map.of());
  }

  static Table locations(long seed) {
    ResourceDef def = ResourceDef.builder("locations", "Location", "Locations")
        .attr(of("LocationId", AttrType.INTEGER, "Location ID").readOnly())
        .attr(string("LocationCode", "Code", 60).required())
        .attr(string("LocationName", "Name", 240))
        .attr(string("AddressLine1", "Address Line 1", 240))
        .attr(string("TownOrCity", "Town or City", 30))
        .attr(string("Country", "Country", 60))
        .attr(string("PostalCode", "Postal Code", 30))
        .attr(string("ActiveStatus", "Status", 30))
        .attr(of("EffectiveStartDate", AttrType.DATE, "Effective Start Date"))
        .attr(of("CreationDate", AttrType.DATETIME, "Creation Date").readOnly())
        .key("LocationId")
        .build();
    RowGenerator gen = (s, i) -> {
      Gen g = new Gen(s, i);
      String city = Texts.CITY[i % Texts.CITY.length];
      LocalDate start = g.date(1, LocalDate.of(2000, 1, 1), 5_000);
      return new Object[] {Keys.locationId(i), "LOC_" + (100 + i), city + " Office " + (i / Texts.CITY.length + 1),
        (1 + g.nextInt(2, 999)) + " " + g.pick(3, new String[] {"King's Road", "Main St.", "Rue de l'Église",
          "Hauptstraße", "Ōdōri"}), city, Texts.COUNTRY[i % Texts.COUNTRY.length],
        g.chance(4, 10) ? null : String.valueOf(10_000 + g.nextInt(5, 89_999)), g.chance(6, 10) ? "I" : "A", start,
        g.datetimeOn(7, start)};
    };
    return new Table(ROOT, def, seed, Keys.LOCATIONS, Keys.LOCATION_BASE, Keys.LOCATION_STEP, gen, Map.of());
  }
}
