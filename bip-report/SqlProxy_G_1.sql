-- fusion-jdbc SQL proxy: data set G_1 of the data model /Custom/FusionJdbc/SqlProxy.xdm
-- Data source: ApplicationDB_FSCM (or ApplicationDB_HCM for HR tables). Parameter: P_FJ_SQL (String).
-- Input : P_FJ_SQL = base64(gzip(UTF-8 SQL)), one SELECT or WITH query, no trailing ';'.
-- Output: one row, column FJ_RESULT (CLOB) holding the FJ1 result text (docs/bi-publisher.md section 1.3).
-- Errors: ORA-20001 bad parameter, ORA-20002 not a single query, ORA-20003 too many rows; database
--         errors of the query itself (ORA-00942, ORA-00904, ...) pass through unchanged.
WITH
  FUNCTION fj_esc(v IN VARCHAR2) RETURN VARCHAR2 IS
    r VARCHAR2(32767);
  BEGIN
    IF v IS NULL THEN
      RETURN '\N';
    END IF;
    r := REPLACE(v, '\', '\\');
    r := REPLACE(REPLACE(REPLACE(r, CHR(9), '\t'), CHR(10), '\n'), CHR(13), '\r');
    IF REGEXP_LIKE(r, '[[:cntrl:]]') THEN
      FOR i IN 0 .. 31 LOOP
        r := REPLACE(r, CHR(i), '\x' || TO_CHAR(i, 'FM0X'));
      END LOOP;
    END IF;
    RETURN r;
  END;
  FUNCTION fj_num(n IN NUMBER) RETURN VARCHAR2 IS
  BEGIN
    -- 'TM9' is NLS-independent apart from the decimal character, fixed here; it drops the leading 0
    RETURN REGEXP_REPLACE(TO_CHAR(n, 'TM9', 'NLS_NUMERIC_CHARACTERS=''.,'''), '^(-?)\.', '\10.');
  END;
  FUNCTION fj_bin(s IN VARCHAR2) RETURN VARCHAR2 IS
  BEGIN
    RETURN CASE s WHEN 'Inf' THEN 'Infinity' WHEN '-Inf' THEN '-Infinity' WHEN 'Nan' THEN 'NaN' ELSE s END;
  END;
  FUNCTION fj_type(t IN PLS_INTEGER, form IN PLS_INTEGER, p IN PLS_INTEGER, s IN PLS_INTEGER) RETURN VARCHAR2 IS
  BEGIN
    RETURN CASE
      WHEN t = 1 THEN CASE form WHEN 2 THEN 'NVARCHAR2' ELSE 'VARCHAR2' END
      WHEN t = 2 THEN CASE WHEN s = -127 AND p > 0 THEN 'FLOAT' ELSE 'NUMBER' END
      WHEN t = 8 THEN 'LONG'
      WHEN t IN (11, 69, 208) THEN 'ROWID'
      WHEN t = 12 THEN 'DATE'
      WHEN t = 23 THEN 'RAW'
      WHEN t = 96 THEN CASE form WHEN 2 THEN 'NCHAR' ELSE 'CHAR' END
      WHEN t = 100 THEN 'BINARY_FLOAT'
      WHEN t = 101 THEN 'BINARY_DOUBLE'
      WHEN t = 112 THEN CASE form WHEN 2 THEN 'NCLOB' ELSE 'CLOB' END
      WHEN t = 113 THEN 'BLOB'
      WHEN t = 180 THEN 'TIMESTAMP'
      WHEN t = 181 THEN 'TIMESTAMP WITH TIME ZONE'
      WHEN t = 231 THEN 'TIMESTAMP WITH LOCAL TIME ZONE'
      WHEN t = 182 THEN 'INTERVAL YEAR TO MONTH'
      WHEN t = 183 THEN 'INTERVAL DAY TO SECOND'
      ELSE 'OTHER' END;
  END;
  FUNCTION fj_run(p_b64 IN VARCHAR2) RETURN CLOB IS
    c_max_rows CONSTANT PLS_INTEGER := 100000;  -- keep in step with the driver's window size
    l_gz     BLOB;
    l_plain  BLOB;
    l_sql    CLOB;
    l_head   VARCHAR2(4000);
    l_dest   INTEGER := 1;
    l_src    INTEGER := 1;
    l_lang   INTEGER := DBMS_LOB.DEFAULT_LANG_CTX;
    l_warn   INTEGER;
    l_cur    INTEGER;
    l_cols   INTEGER;
    l_desc   DBMS_SQL.DESC_TAB3;
    l_types  DBMS_SQL.VARCHAR2_TABLE;  -- Oracle type names written to the header
    l_kinds  DBMS_SQL.VARCHAR2_TABLE;  -- how each column is fetched (FLOAT as NUMBER, NCLOB as CLOB)
    l_out    CLOB;
    l_buf    VARCHAR2(32767);
    l_rows   PLS_INTEGER := 0;
    l_ign    INTEGER;
    l_vc     VARCHAR2(32767);
    l_num    NUMBER;
    l_date   DATE;
    l_ts     TIMESTAMP(9);
    l_tstz   TIMESTAMP(9) WITH TIME ZONE;
    l_tsltz  TIMESTAMP(9) WITH LOCAL TIME ZONE;
    l_bf     BINARY_FLOAT;
    l_bd     BINARY_DOUBLE;
    l_raw    RAW(32767);
    l_clob   CLOB;
    l_blob   BLOB;
    l_iym    INTERVAL YEAR(9) TO MONTH;
    l_ids    INTERVAL DAY(9) TO SECOND(9);
    l_val    VARCHAR2(32767);
    l_pos    INTEGER;

    PROCEDURE put(s IN VARCHAR2) IS
    BEGIN
      IF LENGTHB(l_buf) + LENGTHB(s) > 16000 THEN
        DBMS_LOB.WRITEAPPEND(l_out, LENGTH(l_buf), l_buf);
        l_buf := NULL;
      END IF;
      IF LENGTHB(s) > 16000 THEN
        DBMS_LOB.WRITEAPPEND(l_out, LENGTH(s), s);
      ELSE
        l_buf := l_buf || s;
      END IF;
    END;

    FUNCTION ts_text(t IN TIMESTAMP, scale IN PLS_INTEGER) RETURN VARCHAR2 IS
    BEGIN
      RETURN TO_CHAR(t, 'YYYY-MM-DD"T"HH24:MI:SS')
          || CASE WHEN scale > 0 THEN '.' || TO_CHAR(t, 'FF' || LEAST(scale, 9)) END;
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

    l_cur := DBMS_SQL.OPEN_CURSOR;
    BEGIN
      DBMS_SQL.PARSE(l_cur, l_sql, DBMS_SQL.NATIVE);
      DBMS_SQL.DESCRIBE_COLUMNS3(l_cur, l_cols, l_desc);
      DBMS_LOB.CREATETEMPORARY(l_out, TRUE);
      put('FJ1' || CHR(9) || l_cols);
      FOR i IN 1 .. l_cols LOOP
        l_types(i) := fj_type(l_desc(i).col_type, l_desc(i).col_charsetform,
            l_desc(i).col_precision, l_desc(i).col_scale);
        put(CHR(10) || 'C' || CHR(9) || fj_esc(l_desc(i).col_name) || CHR(9) || l_types(i)
            || CHR(9) || l_desc(i).col_precision || CHR(9) || l_desc(i).col_scale
            || CHR(9) || l_desc(i).col_max_len || CHR(9) || CASE WHEN l_desc(i).col_null_ok THEN 'Y' ELSE 'N' END);
        l_kinds(i) := CASE l_types(i) WHEN 'FLOAT' THEN 'NUMBER' WHEN 'NCLOB' THEN 'CLOB' ELSE l_types(i) END;
        CASE l_kinds(i)
          WHEN 'NUMBER' THEN DBMS_SQL.DEFINE_COLUMN(l_cur, i, l_num);
          WHEN 'DATE' THEN DBMS_SQL.DEFINE_COLUMN(l_cur, i, l_date);
          WHEN 'TIMESTAMP' THEN DBMS_SQL.DEFINE_COLUMN(l_cur, i, l_ts);
          WHEN 'TIMESTAMP WITH TIME ZONE' THEN DBMS_SQL.DEFINE_COLUMN(l_cur, i, l_tstz);
          WHEN 'TIMESTAMP WITH LOCAL TIME ZONE' THEN DBMS_SQL.DEFINE_COLUMN(l_cur, i, l_tsltz);
          WHEN 'BINARY_FLOAT' THEN DBMS_SQL.DEFINE_COLUMN(l_cur, i, l_bf);
          WHEN 'BINARY_DOUBLE' THEN DBMS_SQL.DEFINE_COLUMN(l_cur, i, l_bd);
          WHEN 'RAW' THEN DBMS_SQL.DEFINE_COLUMN_RAW(l_cur, i, l_raw, 32767);
          WHEN 'CLOB' THEN DBMS_SQL.DEFINE_COLUMN(l_cur, i, l_clob);
          WHEN 'BLOB' THEN DBMS_SQL.DEFINE_COLUMN(l_cur, i, l_blob);
          WHEN 'INTERVAL YEAR TO MONTH' THEN DBMS_SQL.DEFINE_COLUMN(l_cur, i, l_iym);
          WHEN 'INTERVAL DAY TO SECOND' THEN DBMS_SQL.DEFINE_COLUMN(l_cur, i, l_ids);
          ELSE DBMS_SQL.DEFINE_COLUMN(l_cur, i, l_vc, 32767);
        END CASE;
      END LOOP;

      l_ign := DBMS_SQL.EXECUTE(l_cur);
      WHILE DBMS_SQL.FETCH_ROWS(l_cur) > 0 LOOP
        l_rows := l_rows + 1;
        IF l_rows > c_max_rows THEN
          RAISE_APPLICATION_ERROR(-20003, 'fusion-jdbc proxy: the result exceeds ' || c_max_rows
              || ' rows; fetch it in OFFSET/FETCH windows');
        END IF;
        put(CHR(10) || 'R');
        FOR i IN 1 .. l_cols LOOP
          l_val := NULL;
          CASE l_kinds(i)
            WHEN 'NUMBER' THEN
              DBMS_SQL.COLUMN_VALUE(l_cur, i, l_num);
              l_val := CASE WHEN l_num IS NULL THEN '\N' ELSE fj_num(l_num) END;
            WHEN 'DATE' THEN
              DBMS_SQL.COLUMN_VALUE(l_cur, i, l_date);
              l_val := NVL(TO_CHAR(l_date, 'YYYY-MM-DD"T"HH24:MI:SS'), '\N');
            WHEN 'TIMESTAMP' THEN
              DBMS_SQL.COLUMN_VALUE(l_cur, i, l_ts);
              l_val := CASE WHEN l_ts IS NULL THEN '\N' ELSE ts_text(l_ts, l_desc(i).col_scale) END;
            WHEN 'TIMESTAMP WITH TIME ZONE' THEN
              DBMS_SQL.COLUMN_VALUE(l_cur, i, l_tstz);
              l_val := CASE WHEN l_tstz IS NULL THEN '\N'
                  ELSE ts_text(CAST(l_tstz AS TIMESTAMP), l_desc(i).col_scale) || TO_CHAR(l_tstz, 'TZH:TZM') END;
            WHEN 'TIMESTAMP WITH LOCAL TIME ZONE' THEN
              DBMS_SQL.COLUMN_VALUE(l_cur, i, l_tsltz);
              l_val := CASE WHEN l_tsltz IS NULL THEN '\N'
                  ELSE ts_text(SYS_EXTRACT_UTC(CAST(l_tsltz AS TIMESTAMP WITH TIME ZONE)), l_desc(i).col_scale)
                      || '+00:00' END;
            WHEN 'BINARY_FLOAT' THEN
              DBMS_SQL.COLUMN_VALUE(l_cur, i, l_bf);
              l_val := CASE WHEN l_bf IS NULL THEN '\N' ELSE fj_bin(TO_CHAR(l_bf)) END;
            WHEN 'BINARY_DOUBLE' THEN
              DBMS_SQL.COLUMN_VALUE(l_cur, i, l_bd);
              l_val := CASE WHEN l_bd IS NULL THEN '\N' ELSE fj_bin(TO_CHAR(l_bd)) END;
            WHEN 'RAW' THEN
              DBMS_SQL.COLUMN_VALUE_RAW(l_cur, i, l_raw);
              l_val := NVL(RAWTOHEX(l_raw), '\N');
            WHEN 'INTERVAL YEAR TO MONTH' THEN
              DBMS_SQL.COLUMN_VALUE(l_cur, i, l_iym);
              l_val := CASE WHEN l_iym IS NULL THEN '\N'
                  ELSE CASE WHEN l_iym < INTERVAL '0' MONTH THEN '-' END || 'P'
                      || ABS(EXTRACT(YEAR FROM l_iym)) || 'Y' || ABS(EXTRACT(MONTH FROM l_iym)) || 'M' END;
            WHEN 'INTERVAL DAY TO SECOND' THEN
              DBMS_SQL.COLUMN_VALUE(l_cur, i, l_ids);
              l_val := CASE WHEN l_ids IS NULL THEN '\N'
                  ELSE CASE WHEN l_ids < INTERVAL '0' SECOND THEN '-' END || 'P'
                      || ABS(EXTRACT(DAY FROM l_ids)) || 'DT' || ABS(EXTRACT(HOUR FROM l_ids)) || 'H'
                      || ABS(EXTRACT(MINUTE FROM l_ids)) || 'M' || fj_num(ABS(EXTRACT(SECOND FROM l_ids))) || 'S' END;
            WHEN 'BLOB' THEN
              DBMS_SQL.COLUMN_VALUE(l_cur, i, l_blob);
              IF l_blob IS NULL THEN
                l_val := '\N';
              ELSE
                put(CHR(9));
                l_pos := 1;
                WHILE l_pos <= DBMS_LOB.GETLENGTH(l_blob) LOOP
                  put(RAWTOHEX(DBMS_LOB.SUBSTR(l_blob, 8000, l_pos)));
                  l_pos := l_pos + 8000;
                END LOOP;
              END IF;
            WHEN 'CLOB' THEN
              DBMS_SQL.COLUMN_VALUE(l_cur, i, l_clob);
              IF l_clob IS NULL THEN
                l_val := '\N';
              ELSE
                put(CHR(9));
                l_pos := 1;
                WHILE l_pos <= DBMS_LOB.GETLENGTH(l_clob) LOOP
                  put(fj_esc(DBMS_LOB.SUBSTR(l_clob, 4000, l_pos)));
                  l_pos := l_pos + 4000;
                END LOOP;
              END IF;
            ELSE
              DBMS_SQL.COLUMN_VALUE(l_cur, i, l_vc);
              l_val := fj_esc(l_vc);
          END CASE;
          IF l_val IS NOT NULL THEN
            put(CHR(9) || l_val);
          END IF;
        END LOOP;
      END LOOP;
      DBMS_SQL.CLOSE_CURSOR(l_cur);
    EXCEPTION WHEN OTHERS THEN
      IF DBMS_SQL.IS_OPEN(l_cur) THEN
        DBMS_SQL.CLOSE_CURSOR(l_cur);
      END IF;
      RAISE;
    END;
    put(CHR(10) || 'END' || CHR(9) || l_rows);
    DBMS_LOB.WRITEAPPEND(l_out, LENGTH(l_buf), l_buf);
    RETURN l_out;
  END;
SELECT fj_run(:P_FJ_SQL) AS FJ_RESULT FROM dual
