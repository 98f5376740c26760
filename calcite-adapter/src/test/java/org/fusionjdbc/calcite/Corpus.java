package org.fusionjdbc.calcite;

import java.util.List;

/**
 * The differential corpus: SQL over the sample resources, run with pushdown on and off. A leading
 * {@code !} marks a query Fusion can answer entirely (it must fetch no more rows than it returns).
 */
final class Corpus {
  private Corpus() {
  }

  static final String INV = "fscm.invoices";

  static final List<String> QUERIES = List.of(
      // projections
      "!select * from fscm.invoices",
      "!select \"InvoiceId\", \"Supplier\" from fscm.invoices",
      "!select invoicenumber, invoiceamount from fscm.invoices",
      "!select \"Supplier\" as s, \"InvoiceId\" as id from fscm.invoices",
      "select \"InvoiceId\" + 1, upper(\"Supplier\") from fscm.invoices",
      "!select \"InvoiceId\", \"InvoiceId\" from fscm.invoices",
      // equality and comparisons on every type
      "!select * from fscm.invoices where \"InvoiceId\" = 300000000007",
      "!select * from fscm.invoices where 300000000007 = \"InvoiceId\"",
      "!select * from fscm.invoices where \"InvoiceId\" <> 300000000007",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceId\" < 300000000100",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceId\" <= 300000000105",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceId\" > 300000000300",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceId\" >= 300000000301",
      "!select \"InvoiceId\" from fscm.invoices where 300000000100 > \"InvoiceId\"",
      "!select \"InvoiceId\" from fscm.invoices where \"Supplier\" = 'Acme'",
      "!select \"InvoiceId\" from fscm.invoices where \"Supplier\" = 'acme'",
      "!select \"InvoiceId\" from fscm.invoices where \"Supplier\" <> 'Acme'",
      "!select \"InvoiceId\" from fscm.invoices where \"Supplier\" < 'M'",
      "!select \"InvoiceId\" from fscm.invoices where \"Supplier\" >= 'a'",
      "!select \"InvoiceId\" from fscm.invoices where \"Supplier\" = 'Ünïcode GmbH'",
      "!select \"InvoiceId\" from fscm.invoices where \"Supplier\" = 'Zeta; DROP'",
      "select \"InvoiceId\" from fscm.invoices where \"Supplier\" = 'and or = ''x'''",
      "!select \"InvoiceId\" from fscm.invoices where \"Supplier\" = 'a\\b'",
      "select \"InvoiceId\" from fscm.invoices where \"Supplier\" = 'O''Brien Ltd'",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceAmount\" > 2500",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceAmount\" > 2500.5",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceAmount\" <= 100.25",
      "select \"InvoiceId\" from fscm.invoices where \"InvoiceAmount\" > 1e3",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceAmount\" <> 0",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceDate\" = date '2024-03-01'",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceDate\" >= date '2024-06-01'",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceDate\" < '2024-06-01'",
      "!select \"InvoiceId\" from fscm.invoices where \"LastUpdateDate\" >= timestamp '2024-06-01 00:00:00'",
      "!select \"InvoiceId\" from fscm.invoices where \"LastUpdateDate\" >= '2024-06-01 00:00:00'",
      "!select \"InvoiceId\" from fscm.invoices where \"LastUpdateDate\" < '2024-03-01 12:30:00.5'",
      "!select \"InvoiceId\" from fscm.invoices where \"LastUpdateDate\" >= '2024-02-01 00:00:00' "
          + "and \"LastUpdateDate\" < '2024-04-01 00:00:00'",
      "select \"InvoiceId\" from fscm.invoices where \"Paid\"",
      "select \"InvoiceId\" from fscm.invoices where \"Paid\" = false",
      "select \"InvoiceId\" from fscm.invoices where \"Notes\" = 'note 3'",
      "select \"InvoiceId\" from fscm.invoices where \"Notes\" = 'note 3' and \"InvoiceId\" > 300000000000",
      // AND / OR / NOT
      "!select \"InvoiceId\" from fscm.invoices where \"Supplier\" = 'Acme' and \"InvoiceAmount\" > 1000",
      "!select \"InvoiceId\" from fscm.invoices where \"Supplier\" = 'Acme' or \"InvoiceAmount\" > 4000",
      "!select \"InvoiceId\" from fscm.invoices where (\"Supplier\" = 'Acme' or \"Supplier\" = 'acme') "
          + "and \"InvoiceDate\" > date '2024-02-01'",
      "select \"InvoiceId\" from fscm.invoices where \"Supplier\" = 'Acme' or \"Paid\"",
      "select \"InvoiceId\" from fscm.invoices where \"Supplier\" = 'Acme' and \"Paid\"",
      "!select \"InvoiceId\" from fscm.invoices where not (\"InvoiceAmount\" < 2000)",
      "!select \"InvoiceId\" from fscm.invoices where not (\"Supplier\" = 'Acme' or \"InvoiceAmount\" < 2000)",
      "!select \"InvoiceId\" from fscm.invoices where not (\"Supplier\" = 'Acme' and \"InvoiceAmount\" < 2000)",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceId\" < 300000000050 or \"InvoiceId\" > 300000000400",
      // IN / NOT IN / BETWEEN
      "!select \"InvoiceId\" from fscm.invoices where \"Supplier\" in ('Acme', 'Smith_Co', '50% Off')",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceId\" in (300000000007, 300000000014, 300000000021)",
      "!select \"InvoiceId\" from fscm.invoices where \"Supplier\" not in ('Acme', 'acme')",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceAmount\" between 1000 and 3000",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceAmount\" not between 1000 and 3000",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceDate\" between date '2024-02-01' and date '2024-05-01'",
      "select \"InvoiceId\" from fscm.invoices where \"Supplier\" in ('Acme', 'O''Brien Ltd')",
      // NULL handling
      "select \"InvoiceId\" from fscm.invoices where \"Supplier\" is null",
      "select \"InvoiceId\" from fscm.invoices where \"Supplier\" is not null",
      "select \"InvoiceId\" from fscm.invoices where \"InvoiceAmount\" is null or \"InvoiceAmount\" > 4000",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceId\" is not null",
      "!select \"InvoiceId\" from fscm.invoices where \"InvoiceId\" < 300000000100 or \"InvoiceId\" is null",
      "select \"InvoiceId\" from fscm.invoices where \"Supplier\" = null",
      "select \"InvoiceId\" from fscm.invoices where coalesce(\"Supplier\", 'none') = 'none'",
      // LIKE
      "!select \"InvoiceId\" from fscm.invoices where \"Supplier\" like 'Ac%'",
      "!select \"InvoiceId\" from fscm.invoices where \"Supplier\" like '%Ltd'",
      "!select \"InvoiceId\" from fscm.invoices where \"Supplier\" like '%m%'",
      "select \"InvoiceId\" from fscm.invoices where \"Supplier\" like 'Smith\\_Co' escape '\\'",
      "!select \"InvoiceId\" from fscm.invoices where \"Supplier\" like 'Ac%' escape '\\'",
      "!select \"InvoiceId\" from fscm.invoices where \"Supplier\" like '%Ltd' escape '!'",
      "select \"InvoiceId\" from fscm.invoices where \"Supplier\" like '50!% Off' escape '!'",
      "select \"InvoiceId\" from fscm.invoices where \"Supplier\" like 'a\\\\b' escape '\\'",
      "select \"InvoiceId\" from fscm.invoices where \"Supplier\" like 'Smith_Co'",
      "select \"InvoiceId\" from fscm.invoices where \"Supplier\" like '50%% Off'",
      "select \"InvoiceId\" from fscm.invoices where \"Supplier\" not like 'A%'",
      "select \"InvoiceId\" from fscm.invoices where \"Supplier\" like 'O''%'",
      "select \"InvoiceId\" from fscm.invoices where upper(\"Supplier\") like 'ACME%'",
      // WHERE 1=0 and constants (Tableau/DBeaver shapes)
      "!select * from fscm.invoices where 1 = 0",
      "!select * from fscm.invoices where 1 = 1",
      "select * from (select \"InvoiceId\", \"Supplier\" from fscm.invoices) t where 1 = 0",
      // ORDER BY with nulls, LIMIT/OFFSET
      "!select \"InvoiceId\", \"InvoiceAmount\" from fscm.invoices order by \"InvoiceAmount\", \"InvoiceId\"",
      "!select \"InvoiceId\", \"InvoiceAmount\" from fscm.invoices order by \"InvoiceAmount\" desc, \"InvoiceId\"",
      "select \"InvoiceId\", \"InvoiceAmount\" from fscm.invoices order by \"InvoiceAmount\" nulls first, \"InvoiceId\"",
      "select \"InvoiceId\", \"InvoiceAmount\" from fscm.invoices order by \"InvoiceAmount\" desc nulls last, \"InvoiceId\"",
      "!select \"InvoiceId\", \"Supplier\" from fscm.invoices order by \"Supplier\", \"InvoiceId\" desc",
      "!select \"InvoiceId\", \"InvoiceDate\" from fscm.invoices order by \"InvoiceDate\" desc, \"InvoiceId\"",
      "!select \"InvoiceId\", \"LastUpdateDate\" from fscm.invoices order by \"LastUpdateDate\", \"InvoiceId\"",
      "!select \"InvoiceId\" from fscm.invoices order by \"InvoiceId\" limit 5",
      "!select \"InvoiceId\" from fscm.invoices order by \"InvoiceId\" desc limit 5 offset 3",
      "!select \"InvoiceId\" from fscm.invoices order by \"InvoiceId\" offset 55 rows",
      "!select \"InvoiceId\" from fscm.invoices order by \"InvoiceId\" offset 100 rows",
      "!select \"InvoiceId\" from fscm.invoices order by \"InvoiceId\" fetch first 7 rows only",
      "!select \"InvoiceId\", \"Supplier\" from fscm.invoices where \"InvoiceAmount\" > 1000 "
          + "order by \"InvoiceAmount\" desc, \"InvoiceId\" limit 4",
      "select \"InvoiceId\" from fscm.invoices where \"Paid\" order by \"InvoiceId\" limit 3",
      "select \"InvoiceId\" from fscm.invoices order by \"Paid\", \"InvoiceId\" limit 10",
      "select \"InvoiceId\", \"Notes\" from fscm.invoices order by \"Notes\", \"InvoiceId\" limit 10",
      "select * from (select \"InvoiceId\" from fscm.invoices order by \"InvoiceId\" limit 10) t "
          + "where \"InvoiceId\" > 300000000030",
      "select * from (select \"InvoiceId\" from fscm.invoices order by \"InvoiceId\" desc limit 10) t "
          + "order by \"InvoiceId\" limit 3",
      "select * from (select \"InvoiceId\" from fscm.invoices order by \"InvoiceId\" limit 20 offset 5) t "
          + "order by \"InvoiceId\" limit 5 offset 2",
      "select \"InvoiceId\" + 0 as x from fscm.invoices order by 1 limit 4",
      "select \"InvoiceId\", \"Supplier\" from fscm.invoices order by upper(\"Supplier\"), \"InvoiceId\" limit 6",
      // COUNT and aggregates
      "!select count(*) from fscm.invoices",
      "!select count(*) from fscm.invoices where \"Supplier\" = 'Acme'",
      "!select count(*) as n, count(*) as m from fscm.invoices where \"InvoiceAmount\" > 1000",
      "select count(*) from fscm.invoices where \"Paid\"",
      "select count(\"Supplier\") from fscm.invoices",
      "select count(distinct \"Supplier\") from fscm.invoices",
      "select count(*) from (select \"InvoiceId\" from fscm.invoices order by \"InvoiceId\" limit 10 offset 55) t",
      "select sum(\"InvoiceAmount\"), min(\"InvoiceDate\"), max(\"LastUpdateDate\") from fscm.invoices",
      "select \"Supplier\", count(*), sum(\"InvoiceAmount\") from fscm.invoices group by \"Supplier\"",
      "select \"Supplier\", count(*) from fscm.invoices group by 1 having count(*) > 5",
      "select \"Paid\", avg(\"InvoiceAmount\") from fscm.invoices where \"InvoiceDate\" > '2024-03-01' group by \"Paid\"",
      "select extract(year from \"InvoiceDate\") y, count(*) from fscm.invoices group by extract(year from \"InvoiceDate\")",
      // joins and subqueries
      "select i.\"InvoiceId\", s.\"City\" from fscm.invoices i join fscm.suppliers s on i.\"SupplierId\" = s.\"SupplierId\"",
      "select i.\"InvoiceId\", s.\"Name\" from fscm.invoices i left join fscm.suppliers s "
          + "on i.\"SupplierId\" = s.\"SupplierId\" where i.\"InvoiceAmount\" > 2000",
      "select s.\"Name\", count(*) from fscm.invoices i join fscm.suppliers s on i.\"SupplierId\" = s.\"SupplierId\" "
          + "where s.\"City\" is not null group by s.\"Name\"",
      "select \"InvoiceId\" from fscm.invoices where \"SupplierId\" in (select \"SupplierId\" from fscm.suppliers "
          + "where \"City\" = 'City1')",
      "select \"InvoiceId\" from fscm.invoices i where exists (select 1 from fscm.suppliers s "
          + "where s.\"SupplierId\" = i.\"SupplierId\" and s.\"Name\" like 'A%')",
      "select \"InvoiceId\" from fscm.invoices where \"InvoiceAmount\" > (select avg(\"InvoiceAmount\") from fscm.invoices)",
      "select w.\"DisplayName\", i.\"InvoiceId\" from hcm.workers w join fscm.invoices i "
          + "on w.\"PersonId\" - 100 = mod(i.\"InvoiceId\", 20) where w.\"HireDate\" > date '2015-01-01'",
      "!select * from hcm.workers where \"HireDate\" < date '2015-06-01'",
      "!select \"PersonId\" from hcm.workers order by \"HireDate\" desc, \"PersonId\" limit 3",
      "select * from fscm.invoices_invoiceLines",
      "select \"InvoiceId\", count(*), sum(\"LineAmount\") from fscm.invoices_invoiceLines group by \"InvoiceId\"",
      "select l.\"InvoiceId\", l.\"LineNumber\", i.\"Supplier\" from fscm.invoices i "
          + "join fscm.invoices_invoiceLines l on l.\"InvoiceId\" = i.\"InvoiceId\" where i.\"Supplier\" = 'Acme'",
      "!select * from fscm.invoices_invoiceLines where \"InvoiceId\" = 300000000014",
      "!select * from fscm.invoices_invoiceLines where \"InvoiceId\" = 300000000021 and \"LineAmount\" > 10",
      "!select \"LineNumber\", \"InvoiceId\" from fscm.invoices_invoiceLines where \"InvoiceId\" = 300000000021 "
          + "order by \"LineNumber\" desc limit 1",
      "!select count(*) from fscm.invoices_invoiceLines where \"InvoiceId\" = 300000000021",
      "select * from fscm.invoices_invoiceLines where \"InvoiceId\" = 300000000021 or \"LineNumber\" = 3",
      "select * from fscm.invoices_invoiceLines where \"InvoiceId\" > 300000000300 and \"LineNumber\" = 2",
      "select * from fscm.invoices_invoiceLines where \"InvoiceId\" = 300000000021 "
          + "and \"Description\" = 'line 3 O''Neil'",
      "select \"Description\" from fscm.invoices_invoiceLines where \"Description\" like '%O''Neil'",
      // BI tool shapes: Tableau, DBeaver, Spark
      "SELECT \"invoices\".\"Supplier\" AS \"Supplier\", SUM(\"invoices\".\"InvoiceAmount\") AS \"sum:InvoiceAmount:ok\" "
          + "FROM \"FSCM\".\"invoices\" \"invoices\" GROUP BY 1",
      "SELECT 1 AS \"Number of Records\", \"invoices\".\"InvoiceId\" AS \"InvoiceId\" FROM \"FSCM\".\"invoices\" \"invoices\" "
          + "WHERE (\"invoices\".\"InvoiceId\" >= 300000000100) AND (\"invoices\".\"InvoiceId\" <= 300000000200)",
      "SELECT * FROM (SELECT * FROM \"FSCM\".\"invoices\") \"TableauSQL\" WHERE 1 = 0",
      "!SELECT \"InvoiceId\",\"InvoiceNumber\",\"Supplier\" FROM \"FSCM\".\"invoices\" WHERE \"InvoiceId\" < 300000000252 "
          + "OR \"InvoiceId\" IS NULL",
      "!SELECT \"InvoiceId\",\"InvoiceNumber\" FROM \"FSCM\".\"invoices\" WHERE \"InvoiceId\" >= 300000000252 "
          + "AND \"InvoiceId\" < 300000000350",
      "!SELECT \"InvoiceId\" FROM \"FSCM\".\"invoices\" WHERE (\"LastUpdateDate\" IS NOT NULL) "
          + "AND (\"LastUpdateDate\" >= '2024-01-01 00:00:00')",
      "SELECT * FROM \"FSCM\".\"invoices\" WHERE 1=0 AND \"Supplier\" = 'x'",
      "select \"Supplier\", count(*) from fscm.invoices group by \"Supplier\" order by 2 desc, 1 limit 3",
      "select distinct \"Supplier\" from fscm.invoices",
      "select \"InvoiceId\", case when \"InvoiceAmount\" > 2000 then 'big' else 'small' end from fscm.invoices",
      "select \"InvoiceId\" from fscm.invoices where \"Supplier\" = 'Acme' union select \"InvoiceId\" from fscm.invoices "
          + "where \"InvoiceAmount\" > 4500",
      "select cast(\"InvoiceDate\" as varchar(20)), cast(\"LastUpdateDate\" as varchar(30)) from fscm.invoices");
}
