package org.fusionjdbc.calcite;

import java.util.ArrayList;
import java.util.List;

/**
 * Differential corpus over the emulator's sample data (rows=2000). A leading {@code !} marks a query
 * Fusion answers entirely: it must fetch no more rows than it returns.
 */
final class EmulatorCorpus {
  private EmulatorCorpus() {
  }

  static List<String> queries() {
    List<String> q = new ArrayList<>();
    String inv = "fscm.invoices";
    // every filter kind on every type
    String[] preds = {
        "\"InvoiceId\" = 300000047486521",
        "\"InvoiceId\" < 300000047486600",
        "300000047486600 >= \"InvoiceId\"",
        "\"InvoiceId\" <> 300000047486514 and \"InvoiceId\" < 300000047486700",
        "\"InvoiceAmount\" > 45000",
        "\"InvoiceAmount\" <= 150.5",
        "\"InvoiceAmount\" between 1000 and 1100",
        "\"InvoiceAmount\" not between 2 and 49000",
        "\"InvoiceCurrency\" = 'EUR'",
        "\"InvoiceCurrency\" in ('EUR', 'JPY')",
        "\"InvoiceCurrency\" not in ('EUR', 'USD', 'GBP')",
        "\"InvoiceCurrency\" <> 'USD'",
        "\"Supplier\" like 'M%'",
        "\"Supplier\" like '%GmbH%'",
        "\"Supplier\" like '%12'",
        "\"Supplier\" like 'M%' escape '\\'",
        "\"Supplier\" like 'M!!%' escape '!'",
        "\"Supplier\" >= 'T'",
        "\"InvoiceDate\" = date '2021-01-13'",
        "\"InvoiceDate\" >= date '2024-06-01'",
        "\"InvoiceDate\" < '2019-03-01'",
        "\"InvoiceDate\" between date '2020-01-01' and date '2020-01-31'",
        "\"LastUpdateDate\" >= timestamp '2024-06-01 00:00:00'",
        "\"LastUpdateDate\" >= '2024-06-01 00:00:00'",
        "\"LastUpdateDate\" < '2019-02-01 12:00:00'",
        "\"CreationDate\" >= '2020-01-01 00:00:00' and \"CreationDate\" < '2020-02-01 00:00:00'",
        "\"PaidStatus\" = 'Paid' and \"InvoiceAmount\" > 40000",
        "\"PaidStatus\" = 'Paid' or \"InvoiceCurrency\" = 'JPY'",
        "(\"InvoiceType\" = 'Credit Memo' or \"InvoiceType\" = 'Prepayment') and \"InvoiceAmount\" < 5000",
        "not (\"InvoiceAmount\" < 49000)",
        "not (\"InvoiceCurrency\" = 'USD' or \"InvoiceAmount\" < 40000)",
        "\"InvoiceId\" < 300000047488000 or \"InvoiceId\" is null",
        "\"BusinessUnit\" = 'DE Geschäftsbereich' and \"InvoiceAmount\" > 30000",
        "\"BusinessUnit\" = 'JP 事業部' and \"InvoiceAmount\" > 45000",
        "\"AmountPaid\" > 49000",
        "\"Description\" = 'Travel; hotel and meals' and \"InvoiceAmount\" > 40000",
    };
    for (String p : preds) {
      q.add("!select \"InvoiceId\", \"InvoiceAmount\" from " + inv + " where " + p);
      q.add("!select count(*) from " + inv + " where " + p);
    }
    // stays (partly) in Calcite
    String[] residual = {
        "\"Description\" is null and \"InvoiceAmount\" > 45000",
        "\"AmountPaid\" is not null and \"InvoiceAmount\" > 48000",
        "\"PayAloneFlag\" and \"InvoiceAmount\" > 45000",
        "\"Comments\" like '%Smith%' and \"InvoiceAmount\" > 45000",
        "\"Supplier\" like 'O''Brien%'",
        "\"Supplier\" = 'O''Brien Supplies 12'",
        "\"Supplier\" like 'Mü_ler%'",
        "\"Supplier\" like 'Mü!_ler%' escape '!'",
        "\"Supplier\" like 'M_%' escape '\\'",
        "\"Description\" like '%\n_%'",
        "upper(\"InvoiceCurrency\") = 'EUR' and \"InvoiceAmount\" > 45000",
        "\"InvoiceAmount\" > 4.5e4",
        "\"InvoiceCurrency\" = 'EUR' or \"PayAloneFlag\"",
        "coalesce(\"AmountPaid\", 0) = 0 and \"InvoiceAmount\" > 45000",
        "\"InvoiceAmount\" * 2 > 99000",
    };
    for (String p : residual) {
      q.add("select \"InvoiceId\", \"InvoiceAmount\" from " + inv + " where " + p);
    }
    // ORDER BY with nulls, LIMIT/OFFSET
    q.add("!select \"InvoiceId\", \"InvoiceAmount\" from " + inv + " order by \"InvoiceAmount\" desc, \"InvoiceId\" limit 10");
    q.add("!select \"InvoiceId\", \"AmountPaid\" from " + inv + " order by \"AmountPaid\", \"InvoiceId\" limit 10 offset 5");
    q.add("!select \"InvoiceId\", \"AmountPaid\" from " + inv + " order by \"AmountPaid\" desc, \"InvoiceId\" limit 10");
    q.add("select \"InvoiceId\", \"AmountPaid\" from " + inv + " order by \"AmountPaid\" nulls first, \"InvoiceId\" limit 10");
    q.add("!select \"InvoiceId\", \"Description\" from " + inv + " order by \"Description\" desc, \"InvoiceId\" limit 10");
    q.add("!select \"InvoiceId\", \"Supplier\" from " + inv + " order by \"Supplier\", \"InvoiceId\" limit 15");
    q.add("!select \"InvoiceId\", \"InvoiceDate\" from " + inv + " order by \"InvoiceDate\", \"InvoiceId\" desc limit 7");
    q.add("!select \"InvoiceId\", \"LastUpdateDate\" from " + inv + " order by \"LastUpdateDate\" desc, \"InvoiceId\" limit 7");
    q.add("!select \"InvoiceId\" from " + inv + " order by \"InvoiceId\" limit 5");
    q.add("!select \"InvoiceId\" from " + inv + " order by \"InvoiceId\" desc offset 1995 rows");
    q.add("!select \"InvoiceId\" from " + inv + " where \"InvoiceCurrency\" = 'EUR' order by \"InvoiceId\" limit 3 offset 2");
    q.add("!select \"InvoiceId\", \"InvoiceAmount\" from " + inv + " where \"InvoiceAmount\" > 1000 "
        + "order by \"InvoiceAmount\" desc, \"InvoiceId\" fetch first 4 rows only");
    q.add("select \"InvoiceId\" from " + inv + " where \"PayAloneFlag\" order by \"InvoiceId\" limit 3");
    q.add("select * from (select \"InvoiceId\" from " + inv + " order by \"InvoiceId\" limit 10) t where \"InvoiceId\" > 300000047486550");
    q.add("!select count(*) from (select \"InvoiceId\" from " + inv + " order by \"InvoiceId\" limit 10 offset 1995) t");
    // aggregates, joins, subqueries, tool shapes
    q.add("!select count(*) from " + inv);
    q.add("select count(\"Description\") from " + inv);
    q.add("select count(distinct \"InvoiceCurrency\") from " + inv);
    q.add("select \"InvoiceCurrency\", count(*), sum(\"InvoiceAmount\") from " + inv + " group by \"InvoiceCurrency\"");
    q.add("select \"PaidStatus\", max(\"InvoiceDate\"), min(\"LastUpdateDate\") from " + inv + " group by 1");
    q.add("select i.\"InvoiceId\", s.\"TaxpayerCountry\" from " + inv + " i join fscm.suppliers s "
        + "on i.\"SupplierId\" = s.\"SupplierId\" where i.\"InvoiceAmount\" > 48000");
    q.add("select s.\"Supplier\", count(*) from " + inv + " i join fscm.suppliers s on i.\"SupplierId\" = s.\"SupplierId\" "
        + "where s.\"TaxpayerCountry\" = 'DE' group by s.\"Supplier\"");
    q.add("select \"InvoiceId\" from " + inv + " where \"SupplierId\" in (select \"SupplierId\" from fscm.suppliers "
        + "where \"Supplier\" like 'M%') and \"InvoiceAmount\" > 45000");
    q.add("select \"InvoiceId\" from " + inv + " where \"InvoiceAmount\" > (select avg(\"InvoiceAmount\") * 1.9 from " + inv + ")");
    q.add("select i.\"InvoiceId\", l.\"LineNumber\", l.\"LineAmount\" from " + inv + " i join fscm.invoices_invoiceLines l "
        + "on l.\"InvoiceId\" = i.\"InvoiceId\" where i.\"InvoiceAmount\" > 49000");
    q.add("select \"InvoiceId\", count(*), sum(\"LineAmount\") from fscm.invoices_invoiceLines group by \"InvoiceId\" having count(*) > 4");
    q.add("!select * from fscm.invoices_invoiceLines where \"InvoiceId\" = 300000047486521");
    q.add("!select \"LineNumber\", \"LineAmount\" from fscm.invoices_invoiceLines where \"InvoiceId\" = 300000047486528 "
        + "and \"LineAmount\" > 100 order by \"LineAmount\" desc, \"LineNumber\" limit 2");
    q.add("!select count(*) from fscm.invoices_invoiceLines where \"InvoiceId\" = 300000047486535");
    q.add("select \"InvoiceId\", \"LineNumber\" from fscm.invoices_invoiceLines where \"LineType\" = 'Freight'");
    // terms on the parent-key columns of a child table select the parents of the expanded scan (composite keys too)
    q.add("!select \"InvoiceId\", \"LineNumber\" from fscm.invoices_invoiceLines where \"InvoiceId\" between "
        + "300000047486514 and 300000047486600");
    q.add("select \"InvoiceId\", \"LineNumber\" from fscm.invoices_invoiceLines where \"InvoiceId\" < 300000047486600 "
        + "and \"LineType\" = 'Freight'");
    q.add("SELECT \"invoices\".\"InvoiceCurrency\" AS \"InvoiceCurrency\", SUM(\"invoices\".\"InvoiceAmount\") AS \"sum:InvoiceAmount:ok\" "
        + "FROM \"FSCM\".\"invoices\" \"invoices\" GROUP BY 1");
    q.add("!SELECT * FROM (SELECT * FROM \"FSCM\".\"invoices\") \"TableauSQL\" WHERE 1 = 0");
    q.add("!SELECT \"InvoiceId\",\"InvoiceNumber\" FROM \"FSCM\".\"invoices\" WHERE \"InvoiceId\" < 300000047487000 OR \"InvoiceId\" IS NULL");
    q.add("!SELECT \"InvoiceId\",\"InvoiceNumber\" FROM \"FSCM\".\"invoices\" WHERE \"InvoiceId\" >= 300000047487000 AND \"InvoiceId\" < 300000047487100");
    q.add("select count(*) from hcm.workers");
    q.add("!select \"PersonId\", \"PersonNumber\" from hcm.workers where \"DateOfBirth\" < date '1970-01-01'");
    // (workers is described by now, so its child tables are known in this test's schema)
    q.add("!select * from hcm.workers_names where \"PersonId\" = 300000080000017");
    q.add("!select \"PersonId\", \"LastName\" from hcm.workers_names where \"PersonId\" < 300000080001000 "
        + "and \"EffectiveStartDate\" >= date '2010-01-01'");
    q.add("select distinct \"InvoiceCurrency\" from " + inv);
    return q;
  }
}
