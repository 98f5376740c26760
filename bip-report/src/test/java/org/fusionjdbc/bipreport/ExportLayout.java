package org.fusionjdbc.bipreport;

import java.util.List;

/**
 * The layout of BI Publisher catalog exports (data models and reports downloaded from Fusion pods, as public
 * catalog archives show them), written down as the facts the shipped sources must follow. Element and property
 * names are BI Publisher's; the order is the order exports have.
 */
final class ExportLayout {
  static final String NS = "http://xmlns.oracle.com/oxp/xmlp";

  /** Children of {@code dataModel}, in export order; an export may leave some out, never reorders them. */
  static final List<String> DATA_MODEL_CHILDREN = List.of("description", "dataProperties", "dataSets", "output",
      "eventTriggers", "lexicals", "parameters", "valueSets", "bursting", "validations", "display");

  /** Children every proxy data model needs. */
  static final List<String> DATA_MODEL_REQUIRED = List.of("dataProperties", "dataSets", "output", "parameters");

  /**
   * {@code dataProperties}, in export order and spelling: note the upper-case LOB line-feed property among
   * lower-case ones, and {@code include_null_Element}.
   */
  static final List<String> DATA_PROPERTIES = List.of("include_parameters", "include_null_Element",
      "include_rowsettag", "exclude_tags_for_lob", "EXCLUDE_LINE_FEED_AND_CARRIAGE_RETURN_FOR_LOB", "xml_tag_case",
      "generate_output_format", "optimize_query_executions", "enable_xml_chunks", "sql_monitor_report_generated");

  /** Attributes of a data model {@code parameter}, and its one child. */
  static final List<String> DATA_MODEL_PARAMETER_ATTRIBUTES = List.of("name", "dataType", "rowPlacement");

  /** Attributes of the {@code report} root (namespace declarations aside), in export order. */
  static final List<String> REPORT_ATTRIBUTES = List.of("version", "dataModel", "useBipParameters", "producerName",
      "parameterVOName", "parameterTaskFlow", "customDataControl", "cachePerUser", "cacheSmartRefresh",
      "cacheUserRefresh");

  /** Children of {@code report}: the data model reference first, then description, properties, parameters, templates. */
  static final List<String> REPORT_CHILDREN = List.of("dataModel", "description", "property", "parameters",
      "templates");

  /** Report properties exports carry, in their order; the output format is not one of them (it is the template's). */
  static final List<String> REPORT_PROPERTIES = List.of("showControls", "online", "openLinkInNewWindow", "autoRun",
      "cacheDocument", "showReportLinks", "asynchronousRun", "priority", "sendOutputAsUrl", "cacheDuration",
      "controledByExtApp", "ignoreEmailDomainRestrictions", "saveXMLForRepublishing", "disableMakeOutputPublic");

  /** The report's {@code parameters} element: attributes only (the data model defines the parameters). */
  static final String PARAMETER_STYLE = "parameterLocation:in-horizontal;promptLocation:side;";

  /** Attributes of a {@code template}, in export order. */
  static final List<String> TEMPLATE_ATTRIBUTES = List.of("label", "url", "type", "outputFormat", "defaultFormat",
      "locale", "disableMasterTemplate", "active", "viewOnline");

  /** The file inside a .xdmz, resp. the report file inside a .xdoz (beside the template files). */
  static final String DATA_MODEL_ENTRY = "_datamodel.xdm";
  static final String REPORT_ENTRY = "_report.xdo";

  private ExportLayout() {
  }
}
