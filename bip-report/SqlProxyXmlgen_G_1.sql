-- fusion-jdbc SQL proxy, XMLGEN shape: data set G_1 of the data model /Custom/FusionJdbc/SqlProxyXmlgen.xdm
-- For pods whose data source refuses DBMS_SQL (the FJ1 shape's describe): no DBMS_SQL here, the query runs in a
-- cursor opened for its text and DBMS_XMLGEN writes the rows; the driver supplies the column types itself.
-- Data source: ApplicationDB_FSCM (or ApplicationDB_HCM for HR tables). Parameter: P_FJ_SQL (String).
-- Input : P_FJ_SQL = base64(gzip(UTF-8 SQL)), one SELECT or WITH query, no trailing ';'.
-- Output: one row, column FJ_XML (CLOB) holding DBMS_XMLGEN's XML of the rows, NULLs as xsi:nil attributes,
--         <ROWSET/> when there are none (docs/bi-publisher.md section 1.5).
-- Errors: ORA-20001 bad parameter, ORA-20002 not a single query, ORA-20003 too many rows; database
--         errors of the query itself (ORA-00942, ORA-00904, ...) pass through unchanged.
WITH
  FUNCTION fj_xml(p_b64 IN VARCHAR2) RETURN CLOB IS
    c_max_rows CONSTANT PLS_INTEGER := 100000;  -- keep in step with the driver's window size
    TYPE t_nls IS TABLE OF VARCHAR2(200) INDEX BY VARCHAR2(30);
    l_gz     BLOB;
    l_plain  BLOB;
    l_sql    CLOB;
    l_head   VARCHAR2(4000);
    l_dest   INTEGER := 1;
    l_src    INTEGER := 1;
    l_lang   INTEGER := DBMS_LOB.DEFAULT_LANG_CTX;
    l_warn   INTEGER;
    l_cur    SYS_REFCURSOR;
    l_ctx    DBMS_XMLGEN.CTXHANDLE;
    l_xml    CLOB;
    l_rows   PLS_INTEGER := 0;
    l_saved  t_nls;

    -- Value text must not depend on the pooled session's NLS settings: fixed for the run, then put back.
    PROCEDURE set_nls(p_name IN VARCHAR2, p_value IN VARCHAR2) IS
    BEGIN
      DBMS_SESSION.SET_NLS(p_name, '''' || REPLACE(p_value, '''', '''''') || '''');
    END;

    PROCEDURE restore_nls IS
      k VARCHAR2(30);
    BEGIN
      k := l_saved.FIRST;
      WHILE k IS NOT NULL LOOP
        set_nls(k, l_saved(k));
        k := l_saved.NEXT(k);
      END LOOP;
    END;
  BEGIN
    -- shared decode and check, the same in SqlProxy_G_1.sql and SqlProxyXmlgen_G_1.sql (a test keeps them equal)
    IF p_b64 IS NULL THEN
      RAISE_APPLICATION_ERROR(-20001, 'fusion-jdbc proxy: P_FJ_SQL is missing; send base64-encoded gzip of the SQL');
    END IF;
    BEGIN
      l_gz := TO_BLOB(UTL_ENCODE.BASE64_DECODE(UTL_RAW.CAST_TO_RAW(p_b64)));
      l_plain := UTL_COMPRESS.LZ_UNCOMPRESS(l_gz);
      DBMS_LOB.CREATETEMPORARY(l_sql, TRUE);
      DBMS_LOB.CONVERTTOCLOB(l_sql, l_plain, DBMS_LOB.LOBMAXSIZE, l_dest, l_src,
          NLS_CHARSET_ID('AL32UTF8'), l_lang, l_warn);
    EXCEPTION WHEN OTHERS THEN
      RAISE_APPLICATION_ERROR(-20001, 'fusion-jdbc proxy: P_FJ_SQL is not base64-encoded gzip');
    END;
    -- One SELECT/WITH query only, checked before the query is parsed or opened: parsing runs DDL at once.
    l_head := UPPER(REGEXP_REPLACE(DBMS_LOB.SUBSTR(l_sql, 4000, 1),
        '^(\s|--[^' || CHR(10) || ']*|/\*.*?\*/)*', '', 1, 1, 'n'));
    IF NOT REGEXP_LIKE(l_head, '^\(*\s*(SELECT|WITH)(\s|\(|$)')
        OR REGEXP_LIKE(l_head, '^\(*\s*WITH\s+(FUNCTION|PROCEDURE)\s')
        OR REGEXP_LIKE(l_sql, '\sFOR\s+UPDATE(\s|$)', 'i') THEN
      RAISE_APPLICATION_ERROR(-20002, 'fusion-jdbc proxy: only a single SELECT or WITH query is allowed');
    END IF;
    -- end of the shared decode and check

    FOR p IN (SELECT parameter, value FROM nls_session_parameters
              WHERE parameter IN ('NLS_DATE_FORMAT', 'NLS_TIMESTAMP_FORMAT', 'NLS_TIMESTAMP_TZ_FORMAT',
                                  'NLS_NUMERIC_CHARACTERS')) LOOP
      l_saved(p.parameter) := p.value;
    END LOOP;
    BEGIN
      set_nls('NLS_DATE_FORMAT', 'YYYY-MM-DD"T"HH24:MI:SS');
      set_nls('NLS_TIMESTAMP_FORMAT', 'YYYY-MM-DD"T"HH24:MI:SS.FF9');
      set_nls('NLS_TIMESTAMP_TZ_FORMAT', 'YYYY-MM-DD"T"HH24:MI:SS.FF9TZH:TZM');
      set_nls('NLS_NUMERIC_CHARACTERS', '.,');
      OPEN l_cur FOR l_sql;
      l_ctx := DBMS_XMLGEN.NEWCONTEXT(l_cur);
      DBMS_XMLGEN.SETNULLHANDLING(l_ctx, DBMS_XMLGEN.NULL_ATTR);
      DBMS_XMLGEN.SETMAXROWS(l_ctx, c_max_rows + 1);
      l_xml := DBMS_XMLGEN.GETXML(l_ctx);
      l_rows := DBMS_XMLGEN.GETNUMROWSPROCESSED(l_ctx);
      DBMS_XMLGEN.CLOSECONTEXT(l_ctx);
      IF l_cur%ISOPEN THEN
        CLOSE l_cur;
      END IF;
      restore_nls;
    EXCEPTION WHEN OTHERS THEN
      IF l_cur%ISOPEN THEN
        CLOSE l_cur;
      END IF;
      restore_nls;
      RAISE;
    END;
    IF l_rows > c_max_rows THEN
      RAISE_APPLICATION_ERROR(-20003, 'fusion-jdbc proxy: the result exceeds ' || c_max_rows
          || ' rows; fetch it in OFFSET/FETCH windows');
    END IF;
    IF l_xml IS NULL OR DBMS_LOB.GETLENGTH(l_xml) = 0 THEN
      RETURN TO_CLOB('<ROWSET/>');
    END IF;
    RETURN l_xml;
  END;
SELECT fj_xml(:P_FJ_SQL) AS FJ_XML FROM dual
